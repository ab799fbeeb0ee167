// The filters of every view live in the URL (?province=330000&plan=…&horizon=2027&year=…&city=…&level=…),
// so a view can be bookmarked, shared and put on a screen as it is. Page-specific state (the chosen
// indicator, the sort order, the table/chart toggle) lives in the URL too, under its own names.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { MetaT } from '../../shared/schemas.ts';

/** The filters shared by the views; carried along when moving from one view to another. */
export const SHARED_KEYS = ['province', 'plan', 'horizon', 'year', 'city', 'level', 'basis'] as const;
export type SharedKey = (typeof SHARED_KEYS)[number];

export type ParkLevel = 'national' | 'provincial' | 'other';
export const PARK_LEVELS: readonly ParkLevel[] = ['national', 'provincial', 'other'];

export interface Filters {
  province: string;
  plan: string | undefined;
  horizon: number | undefined;
  year: number | undefined;
  city: string | undefined;
  level: ParkLevel | undefined;
  /** approved: only approved figures count (the default); submitted: figures awaiting review count too. */
  basis: 'approved' | 'submitted';
}

const int = (text: string | null) => (text && /^\d{4}$/.test(text) ? Number(text) : undefined);

/** Reads the filters from search params; the province falls back to the first one the data has. */
export function readFilters(params: URLSearchParams, meta: Pick<MetaT, 'provinces'> | undefined): Filters {
  const level = params.get('level');
  return {
    province: params.get('province') || meta?.provinces[0]?.code || '330000',
    plan: params.get('plan') || undefined,
    horizon: int(params.get('horizon')),
    year: int(params.get('year')),
    city: params.get('city') || undefined,
    level: level && (PARK_LEVELS as readonly string[]).includes(level) ? (level as ParkLevel) : undefined,
    basis: params.get('basis') === 'submitted' ? 'submitted' : 'approved',
  };
}

/** The query string of the API for these filters (province, plan, targetYear, city, level, year). */
export function apiQuery(filters: Partial<Filters>, extra: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') q.set(key, String(value));
  };
  put('province', filters.province);
  put('plan', filters.plan);
  put('targetYear', filters.horizon);
  put('city', filters.city);
  put('level', filters.level);
  put('year', filters.year);
  put('basis', filters.basis === 'submitted' ? 'submitted' : undefined);
  for (const [k, v] of Object.entries(extra)) put(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The shared filters of the current URL, as a search string for links to other views. */
export function sharedSearch(params: URLSearchParams): string {
  const q = new URLSearchParams();
  for (const key of SHARED_KEYS) {
    const v = params.get(key);
    if (v) q.set(key, v);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** Changing the province resets what belongs to it (plan and its horizon, city, parks). */
export function withChange(params: URLSearchParams, patch: Record<string, string | number | undefined | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  if ('province' in patch && patch.province !== params.get('province')) {
    next.delete('plan');
    next.delete('horizon');
    next.delete('city');
    next.delete('parks');
  }
  if ('plan' in patch && patch.plan !== params.get('plan')) next.delete('horizon');
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (patch: Record<string, string | number | undefined | null>) => setParams((prev) => withChange(prev, patch), { replace: false }),
    [setParams],
  );
  return { params, set };
}

export function useFilters(meta: Pick<MetaT, 'provinces'> | undefined) {
  const { params, set } = useUrlState();
  const filters = useMemo(() => readFilters(params, meta), [params, meta]);
  return { filters, params, set };
}
