import { describe, expect, it } from 'vitest';
import type { ParkFiguresT, ParkStatusMatrixT } from '../../../shared/schemas.ts';
import { defaultColumns, filterRows, parkRows, parseSort, sortRows } from './model.ts';

const park = (id: number, name: string, level: 'national' | 'provincial' | 'other', city: string, rd?: number): ParkFiguresT['parks'][number] => ({
  id, name, level, provinceCode: '330000', cityCode: city, cityName: city, approvalYear: null,
  figures: rd === undefined ? {} : { rd_intensity: { year: 2025, value: rd, basis: 'parts' } },
});
const figures: ParkFiguresT = {
  year: null,
  indicators: [
    { code: 'gdp', nameZh: 'GDP', nameEn: 'GDP', unit: '亿元', kind: 'amount' },
    { code: 'rd_intensity', nameZh: 'R&D', nameEn: 'R&D', unit: '%', kind: 'ratio' },
    { code: 'hte_count', nameZh: '高企', nameEn: 'HTE', unit: '家', kind: 'count' },
  ],
  parks: [park(1, '乙园', 'provincial', '330200', 3), park(2, '甲园', 'national', '330100', 7), park(3, '丙园', 'other', '330100')],
};
const matrix: ParkStatusMatrixT = {
  targets: [{ id: 9, code: 'D5', indicator: figures.indicators[1]!, scopeKind: 'province_aggregate', label: 'x', comparator: 'about', tolerance: null, targetValue: 8, targetYear: 2027, unit: '%', plan: { id: 1, code: 'P', title: 'P' } }],
  parks: [],
  cells: [{ parkId: 1, targetId: 9, status: 'limited', statusReason: null, held: false, latestYear: 2025, latestValue: 3, progress: 0.2, gap: 5, paceRatio: 0.3 }, { parkId: 2, targetId: 9, status: 'on_track', statusReason: null, held: false, latestYear: 2025, latestValue: 7, progress: 0.9, gap: 1, paceRatio: 1 }],
};

describe('the parks table', () => {
  const rows = parkRows(figures, matrix);

  it('shows key figures and the indicators of targets by default', () => {
    expect(defaultColumns(figures, matrix)).toEqual(['gdp', 'rd_intensity', 'hte_count']);
  });

  it('sorts by city by default, by any figure with missing ones last, and by status worst first', () => {
    expect(parseSort(null)).toBe('city');
    expect(parseSort('ind:rd_intensity')).toBe('ind:rd_intensity');
    expect(parseSort('drop table')).toBe('city');
    expect(sortRows(rows, 'city', 'asc').map((r) => r.id)).toEqual([3, 2, 1]);
    expect(sortRows(rows, 'ind:rd_intensity', 'desc').map((r) => r.id)).toEqual([2, 1, 3]);
    expect(sortRows(rows, 'ind:rd_intensity', 'asc').map((r) => r.id)).toEqual([1, 2, 3]);
    expect(sortRows(rows, 'tgt:9', 'asc').map((r) => r.id)).toEqual([1, 2, 3]);
    expect(sortRows(rows, 'level', 'asc').map((r) => r.id)).toEqual([2, 1, 3]);
  });

  it('finds parks by name or city', () => {
    expect(filterRows(rows, '甲').map((r) => r.id)).toEqual([2]);
    expect(filterRows(rows, ' ').map((r) => r.id)).toEqual([1, 2, 3]);
  });
});
