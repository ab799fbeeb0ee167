// What the extractor returns: candidates with the spans of their words, aims without a number, and
// numbers held back for want of a year.
import type { Comparator } from '../progress.ts';

/** [start, end) in UTF-16 code units of the original text: text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

export type YearRule = 'absolute' | 'period' | 'plan_period' | 'relative' | 'current_year';

export interface YearRef {
  /** null: a relative year without the document's year to count from. */
  year: number | null;
  text: string;
  span: Span;
  rule: YearRule;
  /** How the year was read, in Chinese and English. */
  explanation: string;
}

export type ScopeKind = 'park' | 'park_class' | 'province_aggregate' | 'coverage';

export interface ScopeSuggestion {
  kind: ScopeKind | null;
  /** The subject as the text names it ("高新区", "杭州、宁波国家高新区"), or null. */
  words: string | null;
  span: Span | null;
  /** Taken from an earlier clause of the same paragraph (or the document's subject). */
  inherited: boolean;
  parkLevel: 'national' | 'provincial' | null;
  /** Places named before the zone ("杭州", "宁波"): one target per park when accepted. */
  places: string[];
  /** Coverage: the region set ("设区市", "45个工业大县") and its size when the text states it. */
  regionSet: { words: string; span: Span; size: number | null; sizeSpan: Span | null } | null;
}

export interface IndicatorMatch {
  /** Catalogue code, or null: "unknown indicator" (the phrase says what the text measures). */
  code: string | null;
  nameZh: string | null;
  /** The catalogue unit of the indicator. */
  unit: string | null;
  /** The words that name what is measured (after a distributive split: the item with its shared tail). */
  phrase: string;
  span: Span;
  /** The phrase was carried over from the clause before (…, 力争到2025年达到…). */
  inherited: boolean;
  /** A catalogue indicator this one is the growth or change of (营业收入年均增长10% → operating_revenue). */
  relatedCode: string | null;
}

export interface Reason {
  code: string;
  message: string;
  /** What this reason did to the confidence (0 for a plain explanation). */
  effect: number;
}

export interface Candidate {
  id: string;
  /** The words of the target, from its year phrase (when next to it) to its value. */
  span: Span;
  quote: string;
  indicator: IndicatorMatch;
  comparator: Comparator;
  /** In `unit`; for 全覆盖 the size of the set when the text states it, else null (every member). */
  value: number | null;
  unit: string | null;
  /** about (左右, 约): the default share of the value within which it counts as met. */
  tolerance: number | null;
  /** The value as written: "1.5万亿元" → { value: 1.5, unit: "万亿元" }; value and unit above are normalised (15000 亿元). */
  stated: { text: string; span: Span; value: number | null; unit: string | null };
  /** 全覆盖: every member of the region set. */
  allOfSet: boolean;
  /** 增长/提高/新增 (increase by), 下降/减少 (decrease by); null for a level to reach. */
  change: 'increase' | 'decrease' | null;
  /** 年均 / 每年: a yearly rate or amount. */
  annual: boolean;
  /** 累计: counted over the whole period. */
  cumulative: boolean;
  targetYear: number;
  year: YearRef;
  baseline: { year: number | null; value: number | null; span: Span } | null;
  scopeWords: string | null;
  scope: ScopeSuggestion;
  /** In [0, 1]; 1 minus the effects listed in `reasons`. */
  confidence: number;
  reasons: Reason[];
  /** The id of the target this candidate says again (a 力争 value, a change beside the level); null for a target. */
  alternativeOf: string | null;
  /** How it says that target again: its stretch value (力争达到5万家), or the same target as a change (提高1.5个百分点, 达到6%). */
  alternative: AlternativeKind | null;
  /** On a target: the value of its 力争 alternative, in the target's unit. */
  stretchValue: number | null;
}

export type AlternativeKind = 'stretch' | 'restatement';

export interface QualitativeAim {
  span: Span;
  text: string;
  year: number | null;
  reason: string;
}

export type WithheldReason = 'relative_year_without_document_year' | 'no_year';

/** A number that reads like a target but cannot be proposed: its year is missing or needs the document's year. */
export interface WithheldItem {
  span: Span;
  text: string;
  reason: WithheldReason;
  message: string;
  indicatorPhrase: string;
  comparator: Comparator;
  value: number | null;
  unit: string | null;
  year: YearRef | null;
}

export interface ExtractionResult {
  documentYear: number | null;
  candidates: Candidate[];
  qualitative: QualitativeAim[];
  withheld: WithheldItem[];
}

export interface ExtractOptions {
  /** The year the document was issued: relative years (三年内, 今年) count from it. */
  documentYear?: number | null;
}

/** The tolerance proposed for 左右 / 约 targets (a share of the value), as the progress method's default. */
export const ABOUT_TOLERANCE = 0.05;
