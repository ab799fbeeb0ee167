import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Round, RoundBoard } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';

export function useRounds() {
  return useQuery({
    queryKey: ['rounds'] as const,
    queryFn: ({ signal }) => getJson('/api/rounds', z.array(Round), { signal }),
  });
}

export function useBoard(id: number) {
  return useQuery({
    queryKey: ['rounds', 'board', id] as const,
    queryFn: ({ signal }) => getJson(`/api/rounds/${id}/board`, RoundBoard, { signal }),
    enabled: id > 0,
  });
}
