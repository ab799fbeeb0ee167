// The entry form's server state: the sheet of one park and year, a figure's history, and the write.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { EntrySheet, PutValuesResult, ValueRevision, type ValueInputT } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { sendJson } from '../../lib/session.ts';

export const entryKey = (parkId: number, year: number) => ['entry', parkId, year] as const;

export function useEntrySheet(parkId: number, year: number, enabled: boolean) {
  return useQuery({
    queryKey: entryKey(parkId, year),
    queryFn: ({ signal }) => getJson(`/api/entry/${parkId}/${year}`, EntrySheet, { signal }),
    enabled,
    // Edits keep the version they started from, so a refresh never moves an edit onto a newer figure;
    // still, do not refresh under the user's hands just because the window got focus.
    refetchOnWindowFocus: false,
  });
}

export function useValueHistory(id: number | null) {
  return useQuery({
    queryKey: ['value-history', id] as const,
    queryFn: ({ signal }) => getJson(`/api/values/${id}/history`, z.array(ValueRevision), { signal }),
    enabled: id !== null,
  });
}

export function putValues(values: ValueInputT[], status: 'draft' | 'submitted', reason: string | undefined) {
  return sendJson('PUT', '/api/values', { values, status, ...(reason ? { reason } : {}) }, PutValuesResult);
}
