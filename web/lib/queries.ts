// Server state the views share, through react-query: the query keys sit next to their fetchers.
// Every response is parsed by the shared zod schema, so a change in the API's shape shows as an error.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { lazySchema } from './schemas.ts';
import { getJson } from './api.ts';
import { apiQuery, type Filters } from './filters.ts';

export const metaQuery = queryOptions({
  queryKey: ['meta'] as const,
  queryFn: ({ signal }) => getJson('/api/meta', lazySchema((s) => s.Meta), { signal }),
  staleTime: 5 * 60_000,
});

export function useMeta() {
  return useQuery(metaQuery);
}

export function useIndicators() {
  return useQuery({
    queryKey: ['indicators'] as const,
    queryFn: ({ signal }) => getJson('/api/indicators', lazySchema((s, z) => z.array(s.Indicator)), { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useCities(province: string) {
  return useQuery({
    queryKey: ['regions', province] as const,
    queryFn: ({ signal }) => getJson(`/api/regions?parent=${encodeURIComponent(province)}&level=city`, lazySchema((s, z) => z.array(s.Region)), { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useParks(province: string) {
  return useQuery({
    queryKey: ['parks', province] as const,
    queryFn: ({ signal }) => getJson(`/api/parks?province=${encodeURIComponent(province)}`, lazySchema((s, z) => z.array(s.Park)), { signal }),
  });
}

export function useOverview(filters: Pick<Filters, 'province' | 'plan' | 'horizon' | 'basis'>) {
  const q = apiQuery({ province: filters.province, plan: filters.plan, horizon: filters.horizon, basis: filters.basis });
  return useQuery({
    queryKey: ['overview', q] as const,
    queryFn: ({ signal }) => getJson(`/api/dashboard/overview${q}`, lazySchema((s, z) => z.array(s.OverviewEntry)), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTargetDetail(id: number, basis: Filters['basis'] = 'approved') {
  const q = apiQuery({ basis });
  return useQuery({
    queryKey: ['target', id, q] as const,
    queryFn: ({ signal }) => getJson(`/api/targets/${id}/progress${q}`, lazySchema((s) => s.ProgressDetail), { signal }),
  });
}

export function useParkStatus(filters: Filters) {
  const q = apiQuery(filters);
  return useQuery({
    queryKey: ['park-status', q] as const,
    queryFn: ({ signal }) => getJson(`/api/dashboard/park-status${q}`, lazySchema((s) => s.ParkStatusMatrix), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useParkFigures(filters: Pick<Filters, 'province' | 'city' | 'level' | 'year' | 'basis'>) {
  const q = apiQuery({ province: filters.province, city: filters.city, level: filters.level, year: filters.year, basis: filters.basis });
  return useQuery({
    queryKey: ['figures', q] as const,
    queryFn: ({ signal }) => getJson(`/api/dashboard/figures${q}`, lazySchema((s) => s.ParkFigures), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCityFigures(filters: Pick<Filters, 'province' | 'level' | 'year' | 'basis'>, indicator: string | undefined) {
  const q = apiQuery({ province: filters.province, level: filters.level, year: filters.year, basis: filters.basis }, { indicator });
  return useQuery({
    queryKey: ['cities', q] as const,
    queryFn: ({ signal }) => getJson(`/api/dashboard/cities${q}`, lazySchema((s) => s.CityFigures), { signal }),
    enabled: indicator !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useComparison(indicator: string | undefined, provinces: string[], parks: number[]) {
  const q = new URLSearchParams({ indicator: indicator ?? '' });
  if (provinces.length) q.set('provinces', provinces.join(','));
  if (parks.length) q.set('parks', parks.join(','));
  return useQuery({
    queryKey: ['compare', q.toString()] as const,
    queryFn: ({ signal }) => getJson(`/api/dashboard/compare?${q}`, lazySchema((s) => s.Comparison), { signal }),
    enabled: indicator !== undefined && (provinces.length > 0 || parks.length > 0),
    placeholderData: keepPreviousData,
  });
}

export function useParkDashboard(id: number) {
  return useQuery({
    queryKey: ['park', id] as const,
    queryFn: ({ signal }) => getJson(`/api/dashboard/parks/${id}`, lazySchema((s) => s.ParkDashboard), { signal }),
  });
}

/** 我的待办: what waits for the signed-in user; the navigation counts it, the tasks page lists it. */
export const tasksQueryKey = ['tasks'] as const;

export function useTasks(enabled: boolean) {
  return useQuery({
    queryKey: tasksQueryKey,
    queryFn: ({ signal }) => getJson('/api/tasks', lazySchema((s, z) => z.array(s.Task)), { signal }),
    enabled,
    // Another person's return or submission shows without a reload.
    refetchInterval: 60_000,
  });
}
