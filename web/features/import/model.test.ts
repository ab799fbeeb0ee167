import { describe, expect, it } from 'vitest';
import type { ImportProblemT, ImportReportT } from '../../../shared/schemas.ts';
import { canCommit, cellRef, fieldLabel, fileKey, rowCounts, sortProblems, templateUrl, writtenForms } from './model.ts';

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

  it('ties a report to its file and builds the template address', () => {
    expect(fileKey({ name: 'a.xlsx', size: 10, lastModified: 5 })).toBe('a.xlsx:10:5');
    expect(fileKey(null)).toBeNull();
    expect(templateUrl(2022, { park: 6 })).toBe('/api/import/template.xlsx?year=2022&park=6');
    expect(templateUrl(2022, { province: '330000' })).toBe('/api/import/template.xlsx?year=2022&province=330000');
    expect(templateUrl(2022, {})).toBe('/api/import/template.xlsx?year=2022');
  });
});
