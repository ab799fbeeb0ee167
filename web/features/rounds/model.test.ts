import { describe, expect, it } from 'vitest';
import { boardParks, cellState, completeness, defaultDeadline, type Board } from './model.ts';
import { sortTasks, taskLink, taskText, type TaskT } from './tasks.ts';

const cell = (state: 'missing' | 'draft' | 'submitted' | 'approved', returned = false) => ({ state, value: state === 'missing' ? null : 1, valueId: null, version: null, returned });
const park = (id: number, cells: Board['parks'][number]['cells'], overdue: boolean, complete: boolean) => ({
  parkId: id, parkName: `园区${id}`, cityName: null, level: 'national' as const, cells, counts: { missing: 0, draft: 0, submitted: 0, city_approved: 0, approved: 0 }, complete, overdue,
});
const board: Board = {
  round: { id: 1, year: 2022, provinceCode: '330000', provinceName: '浙江省', deadline: '2023-03-31', indicatorCodes: ['gdp', 'hte_count'], note: null, openedAt: '', closedAt: null, closeReason: null, overdue: true },
  reviewLevels: 1,
  indicators: [],
  parks: [
    park(1, { gdp: cell('approved'), hte_count: cell('submitted') }, false, true),
    park(2, { gdp: cell('missing'), hte_count: cell('draft', true) }, true, false),
    park(3, { gdp: cell('draft') }, false, false),
  ],
  totals: { missing: 2, draft: 2, submitted: 1, city_approved: 0, approved: 1, parksComplete: 1, parksOverdue: 1 },
};

describe('the completeness board', () => {
  it('labels every cell, a returned draft apart from a draft', () => {
    expect(cellState(board.parks[1]!.cells.gdp)).toBe('missing');
    expect(cellState(board.parks[1]!.cells.hte_count)).toBe('returned');
    expect(cellState(board.parks[2]!.cells.gdp)).toBe('draft');
    expect(cellState(board.parks[2]!.cells.hte_count)).toBe('missing'); // absent cell
    expect(cellState(board.parks[0]!.cells.gdp)).toBe('approved');
  });

  it('filters to the parks still owing figures, overdue first', () => {
    expect(boardParks(board, 'all').map((p) => p.parkId)).toEqual([1, 2, 3]);
    expect(boardParks(board, 'incomplete').map((p) => p.parkId)).toEqual([2, 3]);
    expect(boardParks(board, 'overdue').map((p) => p.parkId)).toEqual([2]);
    expect(completeness(board)).toBeCloseTo(2 / 6, 10);
  });

  it('proposes a deadline a month ahead', () => {
    expect(defaultDeadline(new Date('2026-11-22T00:00:00Z'))).toBe('2026-12-22');
  });
});

describe('my tasks', () => {
  const task = (kind: TaskT['kind'], over: Partial<TaskT> = {}): TaskT => ({
    kind, roundId: 1, year: 2022, parkId: 6, parkName: '萧山临江高新区', deadline: '2023-03-31', overdue: false, count: 2, message: '', ...over,
  });

  it('leads to the park’s form, or to the review list of the year', () => {
    expect(taskLink(task('report'))).toBe('/entry/6/2022');
    expect(taskLink(task('review', { parkId: null }))).toBe('/review?year=2022');
    expect(taskText(task('fix_returned'))).toEqual({ key: 'tasks.fixReturned', params: { park: '萧山临江高新区', year: 2022, count: 2 } });
  });

  it('leads a sent-back figure to its row in the form, and an overdue round to its board', () => {
    const returned = [{ valueId: 9, indicatorCode: 'rd_spending', nameZh: 'R&D经费支出', nameEn: 'R&D spending', unit: '亿元', value: 3, comment: '请核对', reviewedBy: 'p', reviewedAt: null }];
    expect(taskLink(task('fix_returned', { roundId: null, returned }))).toBe('/entry/6/2022?field=rd_spending');
    const overdue = task('overdue', { roundId: 4, parkId: null, parkName: null, provinceName: '浙江省', overdue: true, count: 7 });
    expect(taskLink(overdue)).toBe('/rounds/4');
    expect(taskText(overdue)).toEqual({ key: 'tasks.overdue', params: { park: '浙江省', year: 2022, count: 7 } });
  });

  it('puts overdue tasks first, then sent-back figures', () => {
    const list = [task('report', { year: 2023, deadline: '2024-03-31' }), task('fix_returned'), task('report', { overdue: true })];
    expect(sortTasks(list).map((t) => `${t.kind} ${t.overdue}`)).toEqual(['report true', 'fix_returned false', 'report false']);
  });
});
