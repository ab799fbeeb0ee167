// The extraction page's server state: the candidates of a text (a POST that writes nothing), the plans
// to add them to, the province's parks and regions for the cards, and the one write that accepts them.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ExtractResult, Plan, PlanDetail, Region, type ExtractResultT, type PlanDetailT } from '../../../shared/schemas.ts';
import { getJson } from '../../lib/api.ts';
import { sendForm, sendJson } from '../../lib/session.ts';
import type { AcceptRequest } from './accept.ts';

export function extract(text: string, documentYear: number | null, regionCode: string | null): Promise<ExtractResultT> {
  return sendJson('POST', '/api/extract-targets', { text, documentYear, regionCode }, ExtractResult);
}

/** A .docx or text PDF, read by the server: the same answer, with the text read (`text`) the spans point into. */
export function extractFile(file: File, documentYear: number | null, regionCode: string | null): Promise<ExtractResultT> {
  const form = new FormData();
  form.set('file', file);
  if (documentYear !== null) form.set('documentYear', String(documentYear));
  if (regionCode) form.set('regionCode', regionCode);
  return sendForm('/api/extract-targets', form, ExtractResult);
}

export function usePlanList() {
  return useQuery({
    queryKey: ['plans'] as const,
    queryFn: ({ signal }) => getJson('/api/plans', z.array(Plan), { signal }),
  });
}

export function usePlanText(id: number | null) {
  return useQuery({
    queryKey: ['plan', id] as const,
    queryFn: ({ signal }) => getJson(`/api/plans/${id}`, PlanDetail, { signal }),
    enabled: id !== null,
  });
}

export function useProvinces() {
  return useQuery({
    queryKey: ['regions', 'provinces'] as const,
    queryFn: ({ signal }) => getJson('/api/regions?level=province', z.array(Region), { signal }),
    staleTime: 10 * 60_000,
  });
}

const Accepted = z.object({ targets: z.array(z.object({ id: z.number().int(), code: z.string() })) });

/** Sends the one request; answers the plan id and the codes of the new targets. */
export async function accept(request: AcceptRequest): Promise<{ planId: number; planTitle: string | null; targets: { id: number; code: string }[] }> {
  if (request.path === '/api/plans') {
    const plan: PlanDetailT = await sendJson('POST', request.path, request.body, PlanDetail);
    return { planId: plan.id, planTitle: plan.title, targets: plan.targets.map((t) => ({ id: t.id, code: t.code })) };
  }
  const written = await sendJson('POST', request.path, request.body, Accepted);
  return { planId: request.body.planId, planTitle: null, targets: written.targets };
}
