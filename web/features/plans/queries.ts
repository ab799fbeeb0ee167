// Plans and their targets: the list, one plan with its text and targets, the progress of its targets
// (and of the other horizons they link to), a target's history, and the writes.
import { useQueries, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Plan, PlanDetail, ProgressDetail, ProgressEntry, Region, Target, TargetRevision } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { sendJson } from '../../lib/session.ts';
import type { TargetPatch } from './model.ts';

export const plansKey = ['plans'] as const;
export const planKey = (id: number) => ['plan', id] as const;

export function usePlans() {
  return useQuery({ queryKey: plansKey, queryFn: ({ signal }) => getJson('/api/plans', z.array(Plan), { signal }) });
}

export function usePlan(id: number, enabled: boolean) {
  return useQuery({
    queryKey: planKey(id),
    queryFn: ({ signal }) => getJson(`/api/plans/${id}`, PlanDetail, { signal }),
    enabled,
    // an open edit keeps the version it started from; do not reload under the planner's hands
    refetchOnWindowFocus: false,
  });
}

export function usePlanProgress(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['progress', 'plan', id] as const,
    queryFn: ({ signal }) => getJson(`/api/progress?plan=${id}`, z.array(ProgressEntry), { signal }),
    enabled,
  });
}

/** The progress of targets of other plans (the other horizon of a target of this plan). */
export function useLinkedProgress(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['target', id] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => getJson(`/api/targets/${id}/progress`, ProgressDetail, { signal }),
    })),
  });
}

export function useAllTargets(enabled: boolean) {
  return useQuery({ queryKey: ['targets', 'all'] as const, queryFn: ({ signal }) => getJson('/api/targets', z.array(Target), { signal }), enabled });
}

export function useTargetHistory(id: number, enabled = true) {
  return useQuery({ queryKey: ['target-history', id] as const, queryFn: ({ signal }) => getJson(`/api/targets/${id}/history`, z.array(TargetRevision), { signal }), enabled });
}

export function useProvinceList() {
  return useQuery({
    queryKey: ['regions', 'provinces'] as const,
    queryFn: ({ signal }) => getJson('/api/regions?level=province', z.array(Region), { signal }),
    staleTime: 10 * 60_000,
  });
}

export function createPlan(body: unknown) {
  return sendJson('POST', '/api/plans', body, PlanDetail);
}

export function updatePlan(id: number, body: unknown) {
  return sendJson('PATCH', `/api/plans/${id}`, body, PlanDetail);
}

export function updateTarget(id: number, patch: TargetPatch) {
  return sendJson('PATCH', `/api/targets/${id}`, patch, Target);
}
