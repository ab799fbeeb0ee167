import { describe, expect, it } from 'vitest';
import type { ParkFiguresT, ParkStatusMatrixT, ProgressDetailT, ProgressEntryT, TargetRefT } from '../../../shared/schemas.ts';
import {
  asOfYear, bySeverity, chooseCoverageTarget, chooseLaggardsTarget, chooseRanking, chooseTrendTarget, laggards, rankingRows, rankParks, scenesWithContent, targetBoard,
} from './model.ts';

const indicator = (code: string, unit = '%') => ({ code, nameZh: code, nameEn: code, unit, kind: 'ratio' });

function entry(id: number, over: Partial<ProgressEntryT> & { scopeKind?: ProgressEntryT['scope']['kind'] } = {}): ProgressEntryT {
  const { scopeKind = 'province_aggregate', ...rest } = over;
  return {
    id, code: `T${id}`, status: 'on_track', latestValue: 1, latestYear: 2024, elapsed: 0.5, progress: 0.5,
    indicator: indicator('rd_intensity'), coverage: null, aggregate: null,
    scope: { kind: scopeKind, label: '浙江省', parkId: null, parkName: null, regionCode: '330000', regionName: '浙江省', parkLevel: null, regionSetLabel: null, regions: [] },
    ...rest,
  } as ProgressEntryT;
}

const aggregate = (extraNeeded: number | null) => ({ year: 2024, parksIncluded: 3, parksExpected: 3, provisional: false, numerator: 1, denominator: 10, extraNeeded, extraNeededUnit: '亿元', excluded: [] });
const coverage = (covered: string[], uncovered: string[], year = 2024) => ({
  asOfYear: year, regionsTotal: covered.length + uncovered.length, coveredCount: covered.length,
  covered: covered.map((code) => ({ code, name: code, parks: [] })), uncovered: uncovered.map((code) => ({ code, name: code })),
});

describe('the stamps', () => {
  it('“数据截至” is the latest year any target has a figure for', () => {
    expect(asOfYear([{ latestYear: 2023 }, { latestYear: null }, { latestYear: 2025 }])).toBe(2025);
    expect(asOfYear([{ latestYear: null }])).toBeNull();
  });
});

describe('which target the trend follows', () => {
  const list = [
    entry(1, { elapsed: 1 }), // time is up
    entry(2, { scopeKind: 'coverage' }),
    entry(3, { scopeKind: 'park' }),
    entry(4, { latestValue: null }),
    entry(5),
  ];
  it('takes the link’s own target when it names one', () => {
    expect(chooseTrendTarget(list, 3)?.id).toBe(3);
  });
  it('else the first running province total with figures', () => {
    expect(chooseTrendTarget(list)?.id).toBe(5);
    expect(chooseTrendTarget(list, 99)?.id).toBe(5);
  });
  it('else any target with figures, never a coverage set; null when none has figures', () => {
    expect(chooseTrendTarget([entry(2, { scopeKind: 'coverage' }), entry(3, { scopeKind: 'park', elapsed: 1 })])?.id).toBe(3);
    expect(chooseTrendTarget([entry(4, { latestValue: null })])).toBeNull();
  });
});

describe('which target the laggards scene explains', () => {
  const list = [entry(1, { aggregate: aggregate(0) }), entry(2, { aggregate: aggregate(50), elapsed: 1 }), entry(3, { aggregate: aggregate(null) }), entry(4, { aggregate: aggregate(12) })];
  it('is a province total with a shortfall, running first', () => {
    expect(chooseLaggardsTarget(list)?.id).toBe(4);
    expect(chooseLaggardsTarget(list.slice(0, 3))?.id).toBe(2);
  });
  it('honours the link’s target only when it has a shortfall', () => {
    expect(chooseLaggardsTarget(list, 2)?.id).toBe(2);
    expect(chooseLaggardsTarget(list, 1)?.id).toBe(4);
    expect(chooseLaggardsTarget([entry(1, { aggregate: aggregate(0) })])).toBeNull();
  });
});

describe('which coverage target the map colours', () => {
  const map = new Set(['330100', '330200', '330300']);
  const cities = entry(1, { scopeKind: 'coverage', coverage: coverage(['330100'], ['330200', '330300']), elapsed: 1 });
  const later = entry(2, { scopeKind: 'coverage', coverage: coverage(['330100', '330200'], ['330300']) });
  const counties = entry(3, { scopeKind: 'coverage', coverage: coverage(['330102'], ['330103']) });
  const empty = entry(4, { scopeKind: 'coverage', coverage: coverage([], []) });
  it('only draws sets whose regions are all on the map', () => {
    expect(chooseCoverageTarget([counties, empty], map)).toBeNull();
    expect(chooseCoverageTarget([cities, counties], map)?.id).toBe(1);
    expect(chooseCoverageTarget([counties], null)?.id).toBe(3);
  });
  it('prefers the link’s target, else the last running one', () => {
    expect(chooseCoverageTarget([cities, later, counties], map)?.id).toBe(2);
    expect(chooseCoverageTarget([cities, later], map, 1)?.id).toBe(1);
  });
});

describe('the ranking', () => {
  const ref = (id: number, code: string, targetValue: number | null = 8): TargetRefT => ({
    id, code: `T${id}`, indicator: indicator(code), scopeKind: 'province_aggregate', label: '', comparator: 'at_least', tolerance: null,
    targetValue, targetYear: 2027, unit: '%', plan: { id: 1, code: 'P', title: 'P' },
  });
  const figures: ParkFiguresT = {
    year: null, indicators: [indicator('gdp', '亿元'), indicator('rd_intensity'), indicator('tax_per_mu', '万元/亩')],
    parks: [
      { id: 1, name: '甲', level: 'national', provinceCode: '330000', cityCode: null, cityName: null, approvalYear: null, figures: { gdp: { year: 2024, value: 100, basis: 'reported' }, rd_intensity: { year: 2024, value: 3, basis: 'parts' } } },
      { id: 2, name: '乙', level: 'provincial', provinceCode: '330000', cityCode: null, cityName: null, approvalYear: null, figures: { rd_intensity: { year: 2023, value: 9, basis: 'parts' } } },
    ],
  };
  const matrix: ParkStatusMatrixT = {
    targets: [ref(10, 'tax_per_mu'), ref(11, 'rd_intensity'), ref(12, 'rd_intensity', null)],
    parks: [],
    cells: [{ parkId: 1, targetId: 11, status: 'limited', statusReason: null, held: false, latestYear: 2024, latestValue: 3, progress: 0.1, gap: 5, paceRatio: 0.2 }],
  };
  it('ranks the link’s indicator when parks report it', () => {
    expect(chooseRanking(figures, matrix, [], 'gdp')).toEqual({ indicator: figures.indicators[0], target: null, targetIds: [] });
  });
  it('else the indicator of the first running target parks report, with that target', () => {
    const choice = chooseRanking(figures, matrix, [entry(11)]);
    expect(choice?.indicator.code).toBe('rd_intensity');
    expect(choice?.target?.id).toBe(11);
    // tax_per_mu has a target but no park reports it.
    expect(chooseRanking(figures, matrix, [entry(11, { elapsed: 1 })])?.target?.id).toBe(11);
  });
  it('gives each park its figure and its status against the target, or none', () => {
    expect(rankingRows(figures, matrix, 'rd_intensity', [11, 12])).toEqual([
      { id: 1, name: '甲', value: 3, year: 2024, status: 'limited', held: false },
      { id: 2, name: '乙', value: 9, year: 2023, status: null, held: false },
    ]);
  });
  it('measures each park against its own target, and draws no line when the parks’ targets differ', () => {
    // 杭州 (T7.1) and 宁波 (T7.2) each have a top-10 target of their own.
    const rank = indicator('national_rank', '名');
    const own = (id: number, parkId: number): TargetRefT => ({ ...ref(id, 'national_rank', 10), scopeKind: 'park', comparator: 'at_most', unit: '名', indicator: rank, label: String(parkId) });
    const ranks: ParkFiguresT = { year: null, indicators: [rank], parks: [
      { ...figures.parks[0]!, id: 1, name: '杭州', figures: { national_rank: { year: 2023, value: 5, basis: 'reported' } } },
      { ...figures.parks[0]!, id: 2, name: '宁波', figures: { national_rank: { year: 2021, value: 13, basis: 'reported' } } },
    ] };
    const cell = (parkId: number, targetId: number, status: 'achieved' | 'insufficient_data', held: boolean) =>
      ({ parkId, targetId, status, statusReason: status === 'insufficient_data' ? 'stale' as const : null, held, latestYear: 2023, latestValue: 5, progress: null, gap: 0, paceRatio: null });
    const m: ParkStatusMatrixT = { targets: [own(71, 1), own(72, 2)], parks: [], cells: [cell(1, 71, 'achieved', true), cell(2, 72, 'insufficient_data', false)] };
    const choice = chooseRanking(ranks, m, [], 'national_rank')!;
    expect(choice.targetIds).toEqual([71, 72]);
    expect(choice.target?.id).toBe(71); // both say "top 10": one line serves both
    expect(rankingRows(ranks, m, 'national_rank', choice.targetIds).map((r) => [r.name, r.status, r.held])).toEqual([['杭州', 'achieved', true], ['宁波', 'insufficient_data', false]]);
    const differ: ParkStatusMatrixT = { ...m, targets: [own(71, 1), { ...own(72, 2), targetValue: 5 }] };
    expect(chooseRanking(ranks, differ, [], 'national_rank')!.target).toBeNull();
  });
  it('ranks best first in the indicator’s direction', () => {
    const rows = [{ name: 'b', value: 2 }, { name: 'a', value: 2 }, { name: 'c', value: 5 }];
    expect(rankParks(rows, 'up').map((r) => r.name)).toEqual(['c', 'a', 'b']);
    expect(rankParks(rows, 'down').map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('the parks that hold the province back', () => {
  it('are those with a shortfall, largest first, at most ten', () => {
    const breakdown: ProgressDetailT['breakdown'] = Array.from({ length: 14 }, (_, i) => ({ parkId: i + 1, parkName: `P${i + 1}`, year: 2024, value: 1, numerator: 1, denominator: 1, need: i % 3 === 0 ? 0 : i }));
    breakdown.push({ parkId: 99, parkName: 'none', year: 2024, value: null, numerator: null, denominator: null, need: null });
    const rows = laggards({ breakdown }, 10);
    expect(rows.map((r) => r.need)).toEqual([13, 11, 10, 8, 7, 5, 4, 2, 1]);
    expect(rows[0]).toEqual({ parkId: 14, name: 'P14', need: 13, value: 1, year: 2024 });
    expect(laggards({ breakdown }, 3)).toHaveLength(3);
  });
});

describe('the board of targets', () => {
  it('uses larger type for fewer targets and shows at most 20', () => {
    expect(targetBoard(8)).toEqual({ rows: 8, density: 'large', hidden: 0 });
    expect(targetBoard(13)).toEqual({ rows: 13, density: 'medium', hidden: 0 });
    expect(targetBoard(20)).toEqual({ rows: 20, density: 'small', hidden: 0 });
    expect(targetBoard(26)).toEqual({ rows: 20, density: 'small', hidden: 6 });
    expect(targetBoard(0).rows).toBe(0);
  });
  it('gives rows with a note line more room: smaller type, at most 14', () => {
    expect(targetBoard(6, true).density).toBe('large');
    expect(targetBoard(9, true).density).toBe('medium');
    expect(targetBoard(12, true)).toEqual({ rows: 12, density: 'small', hidden: 0 });
    expect(targetBoard(16, true)).toEqual({ rows: 14, density: 'small', hidden: 2 });
  });
  it('shows the worst first when not all fit', () => {
    const list = [entry(1, { status: 'achieved' }), entry(2, { status: 'missed' }), entry(3, { status: 'limited' }), entry(4, { status: 'missed' })];
    expect(bySeverity(list).map((e) => e.id)).toEqual([2, 4, 3, 1]);
  });
});

describe('scenes with something true to show', () => {
  it('skips a scene whose content is missing, keeps the board and the order', () => {
    const content = { trend: false, laggards: false, coverage: true, ranking: true };
    expect(scenesWithContent(['targets', 'coverage', 'ranking', 'trend', 'laggards'], content)).toEqual(['targets', 'coverage', 'ranking']);
    expect(scenesWithContent(['laggards', 'trend'], content)).toEqual(['laggards']);
  });

  it('follows no target without figures and no target whose data decides nothing when another is judged', () => {
    const t4 = entry(4, { latestValue: null, status: 'insufficient_data' });
    const stale = entry(5, { latestValue: 13, status: 'insufficient_data' });
    const judgedOne = entry(6, { scopeKind: 'park', latestValue: 5, status: 'achieved' });
    expect(chooseTrendTarget([t4, stale, judgedOne])?.id).toBe(6);
    expect(chooseTrendTarget([t4, stale])?.id).toBe(5);
    expect(chooseTrendTarget([t4])).toBeNull();
    expect(chooseLaggardsTarget([entry(7, { aggregate: aggregate(68), status: 'insufficient_data' })])).toBeNull();
  });
});
