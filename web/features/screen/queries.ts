// The screen's server state, through react-query: one query per endpoint a configured scene needs,
// each asked again every refresh (every 10 s while failing), paused by react-query while the page is
// hidden. Structural sharing keeps the same objects when an answer did not change, so nothing
// re-renders and no chart is touched.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Indicator, Park, ParkFigures, ParkStatusMatrix, ProgressDetail, ProgressEntry, ScreenConfig,
} from '../../../shared/schemas.ts';
import { screenGet } from './api.ts';
import { isRevoked, refetchEvery, shouldRetry } from './connection.ts';
import type { Scene } from './settings.ts';

const common = (refreshMs: number) => ({
  // A wall without a network cable must still show its badge: try and fail rather than wait.
  networkMode: 'always' as const,
  staleTime: refreshMs / 2,
  retry: (failures: number, error: Error) => shouldRetry(failures, error),
  retryDelay: 2000,
  refetchOnWindowFocus: false,
  refetchIntervalInBackground: false,
  refetchInterval: (query: { state: { status: string; error: unknown } }) =>
    (query.state.status === 'error' && isRevoked(query.state.error) ? false as const : refetchEvery(refreshMs, query.state.status === 'error')),
});

export function useScreenConfig(token: string, refreshMs: number, enabled: boolean) {
  return useQuery({
    queryKey: ['screen', token, 'config'] as const,
    queryFn: ({ signal }) => screenGet('/api/screen/config', token, ScreenConfig, signal),
    enabled: enabled && token.length > 0,
    ...common(refreshMs),
  });
}

export interface ScreenQueries {
  progress: UseQueryResult<z.infer<typeof ProgressEntry>[]>;
  parks: UseQueryResult<z.infer<typeof Park>[]>;
  figures: UseQueryResult<z.infer<typeof ParkFigures>>;
  matrix: UseQueryResult<z.infer<typeof ParkStatusMatrix>>;
  indicators: UseQueryResult<z.infer<typeof Indicator>[]>;
}

/** The lists every scene draws from; only those the configured scenes need are asked for. */
export function useScreenLists(token: string, province: string, scenes: readonly Scene[], refreshMs: number): ScreenQueries {
  const has = (...s: Scene[]) => s.some((x) => scenes.includes(x));
  const p = encodeURIComponent(province);
  const key = (...parts: (string | number)[]) => ['screen', token, ...parts] as const;
  return {
    progress: useQuery({
      queryKey: key('progress', province),
      queryFn: ({ signal }) => screenGet(`/api/progress?province=${p}`, token, z.array(ProgressEntry), signal),
      ...common(refreshMs),
    }),
    parks: useQuery({
      queryKey: key('parks', province),
      queryFn: ({ signal }) => screenGet(`/api/parks?province=${p}`, token, z.array(Park), signal),
      enabled: has('coverage'),
      ...common(refreshMs),
    }),
    figures: useQuery({
      queryKey: key('figures', province),
      queryFn: ({ signal }) => screenGet(`/api/dashboard/figures?province=${p}`, token, ParkFigures, signal),
      enabled: has('ranking'),
      ...common(refreshMs),
    }),
    matrix: useQuery({
      queryKey: key('park-status', province),
      queryFn: ({ signal }) => screenGet(`/api/dashboard/park-status?province=${p}`, token, ParkStatusMatrix, signal),
      enabled: has('ranking'),
      ...common(refreshMs),
    }),
    indicators: useQuery({
      queryKey: key('indicators'),
      queryFn: ({ signal }) => screenGet('/api/indicators', token, z.array(Indicator), signal),
      enabled: has('ranking', 'laggards'),
      ...common(refreshMs),
    }),
  };
}

/** One target's series, path, projection and per-park breakdown (null id: nothing to ask). */
export function useScreenTarget(token: string, id: number | null, refreshMs: number) {
  return useQuery({
    queryKey: ['screen', token, 'target', id ?? 0] as const,
    queryFn: ({ signal }) => screenGet(`/api/targets/${id}/progress`, token, ProgressDetail, signal),
    enabled: id !== null,
    ...common(refreshMs),
  });
}
