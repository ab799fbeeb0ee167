// The progress of every target (GET /api/progress), through react-query.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ProgressEntry } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';

const ProgressList = z.array(ProgressEntry);

export const progressQuery = queryOptions({
  queryKey: ['progress'] as const,
  queryFn: ({ signal }) => getJson('/api/progress', ProgressList, { signal }),
});

export function useProgress() {
  return useQuery(progressQuery);
}
