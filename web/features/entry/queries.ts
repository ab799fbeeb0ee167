// The entry form's server state: the sheet of one park and year, a figure's history, and the write.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { CheckValuesResult, EntrySheet, PutValuesResult, ValueRevision, type ValueInputT } from '../../../shared/schemas.ts';
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

/** A value that follows `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The live plausibility check of what is typed (POST /api/values/check, writes nothing), once typing
 * pauses: the same problems a save would meet, shown beside their rows before saving.
 */
export function useValueCheck(items: ValueInputT[], enabled: boolean) {
  const body = useDebounced(JSON.stringify(items), 350);
  return useQuery({
    queryKey: ['values-check', body] as const,
    queryFn: async () => {
      const sent = JSON.parse(body) as ValueInputT[];
      const { problems } = await sendJson('POST', '/api/values/check', sent, CheckValuesResult);
      // The items go with their problems: the problems name their index in this batch.
      return { items: sent, problems };
    },
    enabled: enabled && body !== '[]',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
