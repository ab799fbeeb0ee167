// Who may do what, as the web shows it (the API decides; this only hides what would be refused).
// Pure functions, mirroring the roles table of the README.
import type { z } from 'zod';
import type { MeT, Role } from '../../shared/schemas.ts';

export type RoleT = z.infer<typeof Role>;

export const ALL_ROLES: readonly RoleT[] = ['admin', 'planner', 'park_manager', 'city_reviewer', 'viewer'];
/** Enter figures (their own parks for park managers), download the template, import. */
export const WRITERS: readonly RoleT[] = ['admin', 'planner', 'park_manager'];
/** Approve or send back figures, open rounds, read the audit log. */
export const REVIEWERS: readonly RoleT[] = ['admin', 'planner'];
/** Review figures: planners and admins, and city reviewers for their cities' parks (a province reviewing in two levels). */
export const FIGURE_REVIEWERS: readonly RoleT[] = ['admin', 'planner', 'city_reviewer'];
export const ADMINS: readonly RoleT[] = ['admin'];
/** Download the progress report (GET /api/reports/progress.docx). */
export const REPORTERS: readonly RoleT[] = ['admin', 'planner'];
/** Everyone who may have something waiting (我的待办): figures to enter or fix, to review, rounds overdue. */
export const TASK_ROLES: readonly RoleT[] = [...new Set([...WRITERS, ...FIGURE_REVIEWERS])];

type Who = Pick<MeT, 'role' | 'parkIds'> | null | undefined;

export function hasRole(me: Who, roles: readonly RoleT[] | undefined): boolean {
  if (!roles) return true;
  return !!me && roles.includes(me.role);
}

/** Planners and admins write every park; a park manager only the parks bound to the account. */
export function canWritePark(me: Who, parkId: number): boolean {
  if (!me) return false;
  if (me.role === 'admin' || me.role === 'planner') return true;
  return me.role === 'park_manager' && me.parkIds.includes(parkId);
}

/** The parks of a list this user may write, in the list's order. */
export function writableParks<P extends { id: number }>(me: Who, parks: readonly P[]): P[] {
  return parks.filter((p) => canWritePark(me, p.id));
}

/** Where a user lands after signing in: their tasks (figures to enter, or to review), a city reviewer the review list, or the dashboard. */
export function landingPath(me: Pick<MeT, 'role'>): string {
  if (me.role === 'city_reviewer') return '/review';
  return me.role === 'viewer' ? '/' : '/tasks';
}

/** A `next` parameter only ever leads inside this app (no `//evil.example`, no `https:`). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login')) return null;
  return next;
}

/** The year a park reports by default: last calendar year. */
export function defaultReportYear(currentYear: number): number {
  return currentYear - 1;
}
