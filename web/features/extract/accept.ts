// From extraction candidates to one write, pure: the planner's corrections of each candidate (a form of
// strings, as typed), what is still wrong with them (checked before anything is sent), the one request
// that accepts the checked candidates (POST /api/plans with its targets for a new plan, POST
// /api/targets for an existing one: all or nothing), and the API's problems mapped back to the cards.
import type { z } from 'zod';
import type { Bilingual } from '../../../shared/locale.ts';
import type { CreatePlanBody, ExtractCandidateT, TargetInputT } from '../../../shared/schemas.ts';
import {
  checkTargetForm, checkTargetValues, parseNumberInput, readTargetForm, type RuleIndicator, type TargetFormText, type TargetParkLevel, type TargetRuleCode, type TargetScopeKind,
} from '../../../shared/target-rules.ts';

/** One candidate as the planner corrects it: numbers stay the text typed until the request is built. */
export interface CandidateForm extends Omit<TargetFormText, 'regionCount'> {
  scope: TargetScopeKind | '';
  /** Scope park: one target per park (the text may name several: 杭州、宁波国家高新区). */
  parkIds: (number | null)[];
  /** The names the text gave the parks, beside each choice. */
  parkWords: string[];
  parkLevel: TargetParkLevel | '';
  regionCodes: string[];
  regionSetLabel: string;
  /** 力争值 as typed, in the target value's unit ('' when none): kept with the target it belongs to. */
  stretchValue: string;
}

export interface Issue {
  field: keyof CandidateForm;
  code: TargetRuleCode | 'regions_required';
  message: Bilingual;
}

const numberText = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The form of a candidate, filled from its drafts (the API's reading, resolved against the register). */
export function formOf(candidate: ExtractCandidateT): CandidateForm {
  const first = candidate.drafts[0];
  const scope = first?.scope ?? candidate.scope.kind ?? '';
  const parks = scope === 'park' ? candidate.drafts.map((d) => ({ id: d.parkId ?? null, words: d.subjectLabel ?? '' })) : [];
  return {
    indicator: first?.indicator ?? candidate.indicator.code ?? '',
    comparator: first?.comparator ?? candidate.comparator,
    targetValue: numberText(first ? first.targetValue : candidate.value),
    unit: first?.unit ?? candidate.unit ?? '',
    targetYear: String(first?.targetYear ?? candidate.targetYear),
    tolerance: first?.tolerance != null ? String(Number((first.tolerance * 100).toPrecision(12))) : '',
    scope,
    parkIds: parks.map((p) => p.id),
    parkWords: parks.map((p) => p.words),
    parkLevel: first?.parkLevel ?? '',
    regionCodes: first?.regionCodes ?? [],
    regionSetLabel: first?.regionSetLabel ?? '',
    baselineYear: numberText(first?.baselineYear),
    baselineValue: numberText(first?.baselineValue),
    stretchValue: numberText(first?.stretchValue ?? candidate.stretchValue),
  };
}

/** A candidate that says another one's target again (its 力争 value, a restatement): shown and accepted with that one. */
export function isAlternative(candidate: Pick<ExtractCandidateT, 'alternativeOf'>): boolean {
  return candidate.alternativeOf !== null && candidate.alternativeOf !== undefined;
}

/** The candidates that become targets, each with the alternatives that belong to it, in the order of the text. */
export function withAlternatives<C extends Pick<ExtractCandidateT, 'id' | 'alternativeOf'>>(candidates: readonly C[]): { candidate: C; alternatives: C[] }[] {
  const ids = new Set(candidates.map((c) => c.id));
  // an alternative whose target is not in the list stands on its own
  const attached = (c: C) => isAlternative(c) && ids.has(c.alternativeOf!);
  return candidates.filter((c) => !attached(c)).map((candidate) => ({ candidate, alternatives: candidates.filter((a) => attached(a) && a.alternativeOf === candidate.id) }));
}

/**
 * What is still wrong with a corrected candidate, field by field (nothing is sent while there is any):
 * the target rules every write follows (shared/target-rules.ts), and, since the page can pick them
 * from the register, the region set of a coverage target.
 */
export function validateForm(form: CandidateForm, catalogue: ReadonlyMap<string, RuleIndicator>): Issue[] {
  const issues: Issue[] = checkTargetForm({ ...form, regionCount: form.regionCodes.length }, catalogue)
    // the card has one field for the parks of a park's target
    .map((p) => ({ field: p.field === 'parkId' ? 'parkIds' : p.field, code: p.code, message: p.message }));
  const stretch = parseNumberInput(form.stretchValue);
  if (stretch !== null && Number.isNaN(stretch)) {
    issues.push({ field: 'stretchValue', code: 'not_a_number', message: { zh: '不是数字', en: 'not a number' } });
  } else if (stretch !== null) {
    const read = readTargetForm(form);
    const values = checkTargetValues({
      indicatorCode: form.indicator, indicator: form.indicator ? catalogue.get(form.indicator) : undefined, scope: form.scope || null, comparator: form.comparator,
      targetValue: Number.isNaN(read.targetValue) ? null : read.targetValue, unit: form.unit, tolerance: null, targetYear: null, baselineYear: null, baselineValue: null,
      stretchValue: stretch,
    });
    for (const p of values.problems.filter((x) => x.field === 'stretchValue')) issues.push({ field: 'stretchValue', code: p.code, message: p.message });
  }
  if (form.scope === 'coverage' && form.regionCodes.length === 0) {
    issues.push({ field: 'regionCodes', code: 'regions_required', message: { zh: '请选择地区集合', en: 'choose the region set' } });
  }
  return issues;
}

/**
 * Where the candidate's words stand in the plan's document text: the same span when the plan keeps the
 * pasted text, shifted when the pasted text is part of it, the nearest occurrence of the quote
 * otherwise; null when the plan keeps no text or the words are not in it (the quote is kept, its place
 * is not).
 */
export function placeQuote(quote: string, span: { start: number; end: number }, pasted: string, planText: string | null): { start: number; end: number } | null {
  if (planText === null || quote === '') return null;
  if (planText === pasted) return span;
  const offset = planText.indexOf(pasted);
  if (offset >= 0) return { start: span.start + offset, end: span.end + offset };
  let best: number | null = null;
  for (let at = planText.indexOf(quote); at >= 0; at = planText.indexOf(quote, at + 1)) {
    if (best === null || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  return best === null ? null : { start: best, end: best + quote.length };
}

/** The targets one corrected candidate becomes (one per park for a park scope). */
export function targetsOf(candidate: ExtractCandidateT, form: CandidateForm, place: { start: number; end: number } | null): TargetInputT[] {
  const first = candidate.drafts[0];
  const read = readTargetForm(form);
  const scope = form.scope as TargetScopeKind;
  const common: TargetInputT = {
    indicator: form.indicator,
    scope,
    comparator: form.comparator,
    targetValue: read.targetValue,
    tolerance: read.tolerance,
    ...(form.unit ? { unit: form.unit } : {}),
    targetYear: Number(read.targetYear),
    baselineYear: read.baselineYear,
    baselineValue: read.baselineValue,
    stretchValue: parseNumberInput(form.stretchValue),
    quote: candidate.quote,
    quoteStart: place?.start ?? null,
    quoteEnd: place?.end ?? null,
    quoteLocation: first?.quoteLocation ?? null,
    note: first?.note ?? null,
    extraction: { candidateId: candidate.id, confidence: candidate.confidence },
  };
  if (scope === 'park') {
    return form.parkIds.map((parkId, i) => {
      const draft = candidate.drafts[i];
      // the label the text gave stays only while the park is the one the API matched to it
      const keepLabel = draft && draft.scope === 'park' && draft.parkId === parkId && draft.subjectLabel;
      return { ...common, parkId, ...(keepLabel ? { subjectLabel: draft.subjectLabel } : {}) };
    });
  }
  const regionCode = first?.regionCode ?? null;
  const level = form.parkLevel || null;
  if (scope === 'coverage') {
    return [{ ...common, regionCode, parkLevel: level, regionCodes: form.regionCodes, regionSetLabel: form.regionSetLabel.trim() || null }];
  }
  return [{ ...common, regionCode, parkLevel: level, ...(first?.subjectLabel && first.scope === scope ? { subjectLabel: first.subjectLabel } : {}) }];
}

export interface NewPlanForm {
  title: string;
  issuer: string;
  documentNumber: string;
  issuedOn: string;
  url: string;
  regionCode: string;
}

export type Destination =
  | { kind: 'new'; plan: NewPlanForm }
  | { kind: 'existing'; planId: number; documentText: string | null };

/** Which candidate (and which of its parks) each item of the batch came from. */
export interface BatchItem {
  candidateId: string;
  part: number;
}

export type AcceptRequest =
  | { method: 'POST'; path: '/api/plans'; body: z.input<typeof CreatePlanBody> }
  | { method: 'POST'; path: '/api/targets'; body: { planId: number; targets: TargetInputT[]; reason?: string } };

export type AcceptPlan =
  | { ok: true; request: AcceptRequest; items: BatchItem[]; /** candidates whose words are not in the plan's text */ unplaced: string[] }
  | { ok: false; issues: Record<string, Issue[]>; empty: boolean };

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The new plan as POST /api/plans takes it, with the pasted text as its document text. */
export function newPlanBody(plan: NewPlanForm, documentText: string): Omit<z.input<typeof CreatePlanBody>, 'targets'> {
  return {
    title: plan.title.trim(), issuer: orNull(plan.issuer), documentNumber: orNull(plan.documentNumber), issuedOn: orNull(plan.issuedOn),
    url: orNull(plan.url), regionCode: orNull(plan.regionCode), documentText,
  };
}

/**
 * The one request that accepts the checked candidates, in the order of the text; or the issues that
 * keep it from being sent (nothing is sent while any checked card has one).
 */
export function buildAcceptRequest(input: {
  text: string;
  candidates: readonly ExtractCandidateT[];
  forms: Readonly<Record<string, CandidateForm>>;
  checked: ReadonlySet<string>;
  catalogue: ReadonlyMap<string, RuleIndicator>;
  destination: Destination;
  reason?: string;
}): AcceptPlan {
  // an alternative goes with its target (its stretch value in the target's form), never on its own
  const chosen = withAlternatives(input.candidates).map((g) => g.candidate).filter((c) => input.checked.has(c.id));
  if (chosen.length === 0) return { ok: false, issues: {}, empty: true };
  const issues: Record<string, Issue[]> = {};
  for (const c of chosen) {
    const found = validateForm(input.forms[c.id] ?? formOf(c), input.catalogue);
    if (found.length) issues[c.id] = found;
  }
  if (Object.keys(issues).length) return { ok: false, issues, empty: false };

  const planText = input.destination.kind === 'new' ? input.text : input.destination.documentText;
  const targets: TargetInputT[] = [];
  const items: BatchItem[] = [];
  const unplaced: string[] = [];
  for (const c of chosen) {
    const place = placeQuote(c.quote, c.span, input.text, planText);
    if (!place) unplaced.push(c.id);
    targetsOf(c, input.forms[c.id] ?? formOf(c), place).forEach((t, part) => {
      targets.push(t);
      items.push({ candidateId: c.id, part });
    });
  }
  const reason = input.reason?.trim();
  const request: AcceptRequest = input.destination.kind === 'new'
    ? { method: 'POST', path: '/api/plans', body: { ...newPlanBody(input.destination.plan, input.text), targets } }
    : { method: 'POST', path: '/api/targets', body: { planId: input.destination.planId, targets, ...(reason ? { reason } : {}) } };
  return { ok: true, request, items, unplaced };
}

export interface PlacedProblem {
  field: string;
  message: string;
  /** Which park of the candidate (its part), when it became several targets. */
  part: number;
}

/**
 * The API's answer to a refused batch (400 or 422: `details` with paths `targets.3.unit`) as messages
 * on the cards they concern; everything else (the plan's own fields) is general.
 */
export function problemsByCandidate(details: readonly { path: string; message: string }[], items: readonly BatchItem[]): { byCandidate: Record<string, PlacedProblem[]>; general: { field: string; message: string }[] } {
  const byCandidate: Record<string, PlacedProblem[]> = {};
  const general: { field: string; message: string }[] = [];
  for (const d of details) {
    const m = /^targets\.(\d+)(?:\.(.+))?$/.exec(d.path);
    const item = m ? items[Number(m[1])] : undefined;
    if (m && item) (byCandidate[item.candidateId] ??= []).push({ field: m[2] ?? '', message: d.message, part: item.part });
    else general.push({ field: d.path, message: d.message });
  }
  return { byCandidate, general };
}
