// My open tasks, as links and words: figures to enter or fix for my parks, figures to review, rounds
// past their deadline.
import type { z } from 'zod';
import type { Task } from '../../../shared/schemas.ts';

export type TaskT = z.infer<typeof Task>;

/**
 * Where a task is done: the park's entry form for that year (a sent-back figure's row highlighted),
 * the review list of that year, or the round's board.
 */
export function taskLink(task: TaskT): string {
  if (task.kind === 'overdue' && task.roundId !== null) return `/rounds/${task.roundId}`;
  if (task.kind === 'review' || task.parkId === null) return `/review?year=${task.year}`;
  const field = task.kind === 'fix_returned' ? task.returned?.[0]?.indicatorCode : undefined;
  return `/entry/${task.parkId}/${task.year}${field ? `?field=${encodeURIComponent(field)}` : ''}`;
}

type TaskKey = 'tasks.fixReturned' | 'tasks.review' | 'tasks.report' | 'tasks.overdue';

export function taskText(task: TaskT): { key: TaskKey; params: { park: string; year: number; count: number } } {
  const params = { park: (task.kind === 'overdue' ? task.provinceName : task.parkName) ?? '', year: task.year, count: task.count };
  if (task.kind === 'fix_returned') return { key: 'tasks.fixReturned', params };
  if (task.kind === 'review') return { key: 'tasks.review', params };
  if (task.kind === 'overdue') return { key: 'tasks.overdue', params };
  return { key: 'tasks.report', params };
}

/** Overdue first, then sent-back figures, then by deadline and year (newest first). */
export function sortTasks(tasks: readonly TaskT[]): TaskT[] {
  const rank = { fix_returned: 0, report: 1, review: 2, overdue: 3 } as const;
  return [...tasks].sort((a, b) =>
    Number(b.overdue) - Number(a.overdue)
    || rank[a.kind] - rank[b.kind]
    || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')
    || b.year - a.year
    || (a.parkName ?? '').localeCompare(b.parkName ?? '', 'zh'));
}
