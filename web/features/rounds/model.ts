// The completeness board's logic, pure: each cell's state (缺报 / 草稿 / 已退回 / 已提交 / 已通过), the
// parks to show, and the share of figures in.
import type { z } from 'zod';
import type { RoundBoard } from '../../../shared/schemas.ts';
import { figureState, type FigureState } from '../../lib/figureState.ts';

export type Board = z.infer<typeof RoundBoard>;
export type BoardPark = Board['parks'][number];
export type BoardCell = BoardPark['cells'][string];

export function cellState(cell: BoardCell | undefined): FigureState {
  if (!cell || cell.state === 'missing') return 'missing';
  return figureState({ status: cell.state, returned: cell.returned });
}

export type BoardFilter = 'all' | 'incomplete' | 'overdue';

/** The parks to show: all, those still missing or drafting, or those overdue; overdue first when filtered. */
export function boardParks(board: Board, filter: BoardFilter): BoardPark[] {
  const parks = filter === 'all' ? board.parks : board.parks.filter((p) => (filter === 'overdue' ? p.overdue : !p.complete));
  return filter === 'all' ? parks : [...parks].sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

/** Figures submitted or approved (by the city or the province), of all the round asks: 0.42. */
export function completeness(board: Board): number {
  const { missing, draft, submitted, city_approved: cityApproved, approved } = board.totals;
  const all = missing + draft + submitted + cityApproved + approved;
  return all === 0 ? 0 : (submitted + cityApproved + approved) / all;
}

/** The round's deadline as a date input wants it, a month from today by default. */
export function defaultDeadline(now: Date = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}
