// Candidate targets from the Chinese prose of policy documents (实施意见, 行动计划, 规划, news reports of
// them). Rule-based and deterministic: every candidate carries the exact spans of the words it came
// from, what each rule read, and a confidence with its reasons. It never invents: a candidate needs a
// year the text states or implies (到2025年; 三年内 counted from the document's year) and a value the
// text states (a number; 清零 is 0; 全覆盖 is every member of the set). Aims without a number are listed
// apart as qualitative, and numbers without a year are held back with the reason.
// Pure (no I/O), so the web page can run it live while a planner pastes a text.
//
// The parts, in shared/extract/: numbers.ts (numerals), values.ts (a number with its unit, from the one
// units table of shared/units.ts), time.ts (year phrases), clauses.ts (paragraphs, sentences, clauses),
// words.ts (comparators and other words around a value), scopes.ts (who a target is about),
// indicator-rules.ts (which catalogue indicator a phrase names), script.ts (traditional characters and
// pronunciations, read in simplified), reader.ts (the walk through the text), alternatives.ts (a 力争
// value or a restatement attached to its target).
import { attachAlternatives } from './extract/alternatives.ts';
import { readDocument, type Draft } from './extract/reader.ts';
import { foundInOriginal, readingOf } from './extract/script.ts';
import type { Candidate, ExtractionResult, ExtractOptions } from './extract/types.ts';

export { parseNumber } from './extract/numbers.ts';
export { ABOUT_TOLERANCE } from './extract/types.ts';
export type {
  AlternativeKind, Candidate, ExtractionResult, ExtractOptions, IndicatorMatch, QualitativeAim, Reason, ScopeKind, ScopeSuggestion, Span,
  WithheldItem, WithheldReason, YearRef, YearRule,
} from './extract/types.ts';

export function extractTargets(text: string, options: ExtractOptions = {}): ExtractionResult {
  const docYear = options.documentYear ?? null;
  // Traditional characters and pronunciations are read in simplified; spans point into the original.
  const reading = readingOf(text);
  const read = readDocument(reading.text, docYear);
  const found = reading.text === text ? read : foundInOriginal(read, reading, text);
  return {
    documentYear: docYear,
    candidates: attachAlternatives(text, found.candidates.map((d, i) => finish(text, d, i))),
    qualitative: found.qualitative,
    withheld: found.withheld,
  };
}

/** The candidate with its id, the reasons of its year and subject, and its confidence: 1 plus the reasons' effects, in [0.05, 1]. */
function finish(text: string, d: Draft, index: number): Candidate {
  const year = d.year!;
  const reasons = [...d.reasons];
  reasons.push({ code: 'year', message: `目标年${year.year}: ${year.explanation}`, effect: year.rule === 'relative' || year.rule === 'current_year' ? -0.05 : 0 });
  if (year.span.end <= d.span.start && !text.slice(year.span.end, d.span.start).match(/^[\s,，]*$/) && d.span.start - year.span.end > 60) {
    reasons.push({ code: 'year_from_earlier', message: `年份取自前文“${year.text}” (the year is stated earlier)`, effect: -0.05 });
  }
  if (d.scope.kind === null) reasons.push({ code: 'scope_unknown', message: '文中未写明适用范围(哪个园区) (no subject named)', effect: -0.05 });
  else if (d.scope.inherited) reasons.push({ code: 'scope_inherited', message: `范围沿用前文“${d.scope.words}” (subject named earlier)`, effect: 0 });
  const confidence = Math.max(0.05, Math.min(1, Math.round((1 + reasons.reduce((s, r) => s + r.effect, 0)) * 100) / 100));
  return {
    id: `c${index + 1}`,
    span: d.span,
    quote: text.slice(d.span.start, d.span.end),
    indicator: d.indicator,
    comparator: d.comparator,
    value: d.value,
    unit: d.unit,
    tolerance: d.tolerance,
    stated: d.stated,
    allOfSet: d.allOfSet,
    change: d.change,
    annual: d.annual,
    cumulative: d.cumulative,
    targetYear: year.year!,
    year,
    baseline: d.baseline,
    scopeWords: d.scopeWords,
    scope: d.scope,
    confidence,
    reasons,
    alternativeOf: null,
    alternative: null,
    stretchValue: null,
  };
}
