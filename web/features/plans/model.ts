// Plans and targets as planners edit them, pure: the plan form and the body it sends (checked with the
// API's own schema, so the messages are the API's), a target's edit form and the PATCH of only what
// changed (with the version it was made on), the history's changes in words, and the two horizons of
// an aim (2025 ↔ 2027) side by side.
import type { z } from 'zod';
import type { Bilingual } from '../../../shared/locale.ts';
import { DEFAULT_TOLERANCE } from '../../../shared/progress.ts';
import { CreatePlanBody, type PlanDetailT, type TargetRevisionT, type TargetT } from '../../../shared/schemas.ts';
import { checkTargetForm, readTargetForm, type TargetRuleCode, type TargetRuleProblem } from '../../../shared/target-rules.ts';

export type PlanT = Omit<PlanDetailT, 'documentText' | 'targets'>;

export interface PlanForm {
  title: string;
  issuer: string;
  documentNumber: string;
  issuedOn: string;
  url: string;
  regionCode: string;
  note: string;
}

export const EMPTY_PLAN: PlanForm = { title: '', issuer: '', documentNumber: '', issuedOn: '', url: '', regionCode: '330000', note: '' };

export function planFormOf(plan: PlanT): PlanForm {
  return {
    title: plan.title, issuer: plan.issuer ?? '', documentNumber: plan.documentNumber ?? '', issuedOn: plan.issuedOn ?? '',
    url: plan.url ?? '', regionCode: plan.regionCode ?? '', note: plan.note ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

type PlanBody = Omit<z.input<typeof CreatePlanBody>, 'targets'>;

/** The plan's fields as POST /api/plans takes them (empty fields are null). */
export function planBody(form: PlanForm): PlanBody {
  return {
    title: form.title.trim(), issuer: orNull(form.issuer), documentNumber: orNull(form.documentNumber), issuedOn: orNull(form.issuedOn),
    url: orNull(form.url), regionCode: orNull(form.regionCode), note: orNull(form.note),
  };
}

/** What the API would refuse in a plan body, field by field, in the API's words (Chinese and English). */
export function planIssues(body: PlanBody): { field: string; message: string }[] {
  const parsed = CreatePlanBody.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

/** Only the fields that change, for PATCH /api/plans/:id (with the version it is made on). */
export function planPatch(plan: PlanT, form: PlanForm): Partial<PlanBody> {
  const next = planBody(form);
  const before = planBody(planFormOf(plan));
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => before[k as keyof PlanBody] !== v)) as Partial<PlanBody>;
}

// --- a target's edit ------------------------------------------------------------------------------

export type Comparator = TargetT['comparator'];

export interface TargetForm {
  comparator: Comparator;
  targetValue: string;
  /** About: in percent of the target value. */
  tolerance: string;
  targetYear: string;
  baselineYear: string;
  baselineValue: string;
  quoteLocation: string;
  note: string;
  supersedesId: string;
  reason: string;
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function targetFormOf(t: TargetT): TargetForm {
  return {
    comparator: t.comparator, targetValue: text(t.targetValue), tolerance: t.tolerance === null ? '' : String(Number((t.tolerance * 100).toPrecision(12))),
    targetYear: String(t.targetYear), baselineYear: text(t.baselineYear), baselineValue: text(t.baselineValue),
    quoteLocation: t.quoteLocation ?? '', note: t.note ?? '', supersedesId: text(t.supersedesId), reason: '',
  };
}

export interface TargetIssue {
  field: keyof TargetForm;
  code: TargetRuleCode;
  message: Bilingual;
}

export interface TargetPatch {
  version: number;
  reason?: string;
  comparator?: Comparator;
  targetValue?: number | null;
  tolerance?: number | null;
  targetYear?: number;
  baselineYear?: number | null;
  baselineValue?: number | null;
  quoteLocation?: string | null;
  note?: string | null;
  supersedesId?: number | null;
}

/**
 * The PATCH of a target: the fields that differ from the target as loaded, with the version it was
 * loaded at (so a change made meanwhile is refused, never overwritten); or what is wrong.
 */
export function targetPatch(t: TargetT, form: TargetForm): { patch: TargetPatch; changed: string[]; issues: TargetIssue[] } {
  // The rules every target write follows (shared/target-rules.ts), over what this form edits; the
  // indicator, scope and park come with the target and are not edited here.
  const inForm = (p: TargetRuleProblem): p is TargetRuleProblem & { field: keyof TargetForm } => p.field in form;
  const issues: TargetIssue[] = checkTargetForm({
    indicator: t.indicator.code, scope: t.scope.kind, comparator: form.comparator, targetValue: form.targetValue, unit: '', tolerance: form.tolerance,
    targetYear: form.targetYear, baselineYear: form.baselineYear, baselineValue: form.baselineValue, parkLevel: t.scope.parkLevel,
    ...(t.scope.kind === 'park' ? { parkIds: [t.scope.parkId] } : {}), regionCount: t.scope.regions.length,
  }, new Map([[t.indicator.code, t.indicator]]))
    .filter(inForm);
  const { targetValue: value, tolerance: tol, targetYear: year, baselineYear: baseYear, baselineValue: baseValue } = readTargetForm(form);
  const supersedes = form.supersedesId === '' ? null : Number(form.supersedesId);

  const next: Omit<TargetPatch, 'version' | 'reason'> = {
    comparator: form.comparator,
    targetValue: value,
    tolerance: form.comparator === 'about' ? (tol ?? DEFAULT_TOLERANCE) : null,
    targetYear: year ?? t.targetYear,
    baselineYear: baseYear,
    baselineValue: baseValue,
    quoteLocation: orNull(form.quoteLocation),
    note: orNull(form.note),
    supersedesId: supersedes,
  };
  const current: Omit<TargetPatch, 'version' | 'reason'> = {
    comparator: t.comparator, targetValue: t.targetValue, tolerance: t.tolerance, targetYear: t.targetYear, baselineYear: t.baselineYear,
    baselineValue: t.baselineValue, quoteLocation: t.quoteLocation, note: t.note, supersedesId: t.supersedesId,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
  const patch: TargetPatch = { version: t.version, ...Object.fromEntries(changed.map((k) => [k, next[k]])) };
  const reason = form.reason.trim();
  if (reason) patch.reason = reason;
  return { patch, changed, issues };
}

// --- history ----------------------------------------------------------------------------------------

/** A stored value as a planner reads it in the history: 8.5, 5%, 330100、330200, —. */
export function historyValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'tolerance' && typeof value === 'number') return `±${Number((value * 100).toPrecision(12))}%`;
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

/** The changes of one revision; for the creation, the main fields it was created with. */
export function changeLines(revision: TargetRevisionT): ChangeLine[] {
  if (revision.action === 'create' || revision.before === null) {
    const a = revision.after;
    return ['indicator', 'comparator', 'targetValue', 'tolerance', 'targetYear', 'quote']
      .filter((f) => a[f] !== null && a[f] !== undefined)
      .map((f) => ({ field: f, before: '—', after: historyValue(f, a[f]) }));
  }
  return revision.changes.map((c) => ({ field: c.field, before: historyValue(c.field, c.before), after: historyValue(c.field, c.after) }));
}

// --- horizons -------------------------------------------------------------------------------------

export interface HorizonLink {
  id: number;
  code: string;
  targetYear: number;
  targetValue: number | null;
  comparator: Comparator;
  unit: string;
  plan: { id: number; code: string; title: string };
}

/** The two horizons of an aim, earlier first: this target and the one it replaces, or the one that replaces it. */
export function horizonsOf(t: TargetT): { earlier: HorizonLink; later: HorizonLink } | null {
  const self: HorizonLink = { id: t.id, code: t.code, targetYear: t.targetYear, targetValue: t.targetValue, comparator: t.comparator, unit: t.unit, plan: t.plan };
  if (t.supersededBy) return { earlier: self, later: t.supersededBy };
  if (t.supersedes) return { earlier: t.supersedes, later: self };
  return null;
}

/** Targets that may be the earlier horizon of `t`: the same indicator, an earlier year, not replaced by another. */
export function predecessorChoices(t: Pick<TargetT, 'id' | 'indicator' | 'targetYear'>, all: readonly TargetT[]): TargetT[] {
  return all.filter((o) => o.id !== t.id && o.indicator.code === t.indicator.code && o.targetYear < t.targetYear && (o.supersededById === null || o.supersededById === t.id));
}
