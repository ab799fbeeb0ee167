// What the reporting pages share: every park of the register (to pick the park to write, the template's
// parks, a user's parks) and the calendar year of the server (to offer the years to report).
import { useQuery } from '@tanstack/react-query';
import { getJson } from './api.ts';
import { lazySchema } from './schemas.ts';
import { useMeta } from './queries.ts';

export function useAllParks() {
  return useQuery({
    queryKey: ['parks', 'all'] as const,
    queryFn: ({ signal }) => getJson('/api/parks', lazySchema((s, z) => z.array(s.Park)), { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The browser's year when the page loaded: only until the server's answers. */
const PAGE_YEAR = new Date().getFullYear();

/** The server's calendar year (its clock decides what is a future year). */
export function useCurrentYear(): number {
  return useMeta().data?.currentYear ?? PAGE_YEAR;
}

/** The years a form offers: this year back ten. */
export function recentYears(currentYear: number, count = 10): number[] {
  return Array.from({ length: count }, (_, i) => currentYear - i);
}
