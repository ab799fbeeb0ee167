import { describe, expect, it } from 'vitest';
import type { ImportColumnT, ImportProblemT, ImportReportT } from '../../../shared/schemas.ts';
import { canCommit, cellRef, columnChoice, fieldLabel, fileKey, mappableColumns, rowCounts, sortProblems, templateUrl, unmappedColumns, writtenForms, writtenRegionForms } from './model.ts';

const problem = (row: number | null, column: string | null, code = 'x'): ImportProblemT => ({ sheet: '填报数据', row, column, field: 'value', code, message: '问题' });
const report = (over: Partial<ImportReportT> = {}): ImportReportT => ({
  dryRun: true, committed: false, fileName: 'a.xlsx', sheet: '填报数据', status: 'draft', rowsRead: 2,
  summary: { new: 1, changed: 1, unchanged: 0, skipped: 0, problems: 0 }, problems: [], versions: {},
  rows: [
    { row: 2, parkId: 6, parkName: '萧山临江高新区', indicator: 'gdp', indicatorName: '地区生产总值', year: 2022, value: 0.5, unit: '亿元', originalValue: 5000, originalUnit: '万元', status: 'new', oldValue: null, version: null },
    { row: 3, parkId: 6, parkName: '萧山临江高新区', indicator: 'hte_count', indicatorName: '国家高新技术企业数', year: 2022, value: 905, unit: '家', originalValue: 905, originalUnit: '家', status: 'changed', oldValue: 900, version: 2 },
  ],
  ...over,
});

describe('the import report', () => {
  it('names cells as Excel does and sorts problems by row, then column (AA after Z)', () => {
    expect(cellRef(problem(5, 'D'))).toBe('D5');
    expect(cellRef(problem(1, null))).toBe('1');
    expect(cellRef(problem(null, null))).toBe('—');
    expect(sortProblems([problem(5, 'AA'), problem(5, 'D'), problem(3, 'E'), problem(null, null)]).map(cellRef)).toEqual(['—', 'E3', 'D5', 'AA5']);
    expect(fieldLabel('unit')).toBe('field.unit');
    expect(fieldLabel('sourceCode')).toBeNull();
  });

  it('may be committed only after a dry run without problems that has rows', () => {
    expect(canCommit(report())).toBe(true);
    expect(canCommit(report({ problems: [problem(2, 'D')] }))).toBe(false);
    expect(canCommit(report({ rows: [] }))).toBe(false);
    expect(canCommit(report({ dryRun: false }))).toBe(false);
    expect(canCommit(null)).toBe(false);
  });

  it('counts rows by result and lists the forms they wrote', () => {
    expect(rowCounts(report().rows)).toEqual({ new: 1, changed: 1, unchanged: 0 });
    expect(writtenForms(report())).toEqual([{ parkId: 6, parkName: '萧山临江高新区', year: 2022 }]);
  });

  it('lists a region’s totals apart from the parks’ forms', () => {
    const withRegion = report({ rows: [...report().rows, { row: 4, parkId: null, regionCode: '330000', parkName: '浙江省', indicator: 'industrial_va', indicatorName: '规上工业增加值', year: 2024, value: 24000, unit: '亿元', originalValue: 24000, originalUnit: '亿元', status: 'new', oldValue: null, version: null }] });
    expect(writtenForms(withRegion)).toEqual([{ parkId: 6, parkName: '萧山临江高新区', year: 2022 }]);
    expect(writtenRegionForms(withRegion)).toEqual([{ regionCode: '330000', name: '浙江省', year: 2024 }]);
  });

  it('offers a statistics sheet’s columns for mapping, the unmatched first; those with figures block the import', () => {
    const column = (letter: string, role: ImportColumnT['role'], extra: Partial<ImportColumnT> = {}): ImportColumnT => ({
      column: letter, header: `表头${letter}`, name: `表头${letter}`, unit: null, unitText: null, role, indicator: null, matchedBy: null, suggestions: [], figures: 2, ...extra,
    });
    const columns = [
      column('A', 'ignored', { matchedBy: 'auto' }), column('B', 'park'),
      column('C', 'indicator', { indicator: { code: 'gdp', nameZh: '地区生产总值', unit: '亿元' }, matchedBy: 'name' }),
      column('D', 'unmatched'), column('E', 'ignored', { matchedBy: 'mapping' }), column('F', 'unmatched', { figures: 0 }),
    ];
    const wide = report({ layout: 'wide', columns });
    expect(mappableColumns(wide).map((c) => c.column)).toEqual(['D', 'F', 'C', 'E']);
    expect(unmappedColumns(wide).map((c) => c.column)).toEqual(['D']);
    expect(mappableColumns(wide).map(columnChoice)).toEqual(['', '', 'gdp', 'ignore']);
  });

  it('ties a report to its file and builds the template address', () => {
    expect(fileKey({ name: 'a.xlsx', size: 10, lastModified: 5 })).toBe('a.xlsx:10:5');
    expect(fileKey(null)).toBeNull();
    expect(templateUrl(2022, { park: 6 })).toBe('/api/import/template.xlsx?year=2022&park=6');
    expect(templateUrl(2022, { province: '330000' })).toBe('/api/import/template.xlsx?year=2022&province=330000');
    expect(templateUrl(2022, {})).toBe('/api/import/template.xlsx?year=2022');
  });
});
