// The pasted text cut into pieces at the spans of the candidates (and of the qualitative aims), so the
// page can render it as plain React text with <mark>s around the words each candidate came from. Spans
// may touch, overlap or repeat (均 gives two candidates the same words): every piece lists all the spans
// over it, and the spans that begin there (where their number is shown). Pure.

export type MarkKind = 'candidate' | 'qualitative' | 'withheld';

export interface Mark {
  /** The candidate id (c1) or another unique key. */
  key: string;
  start: number;
  end: number;
  kind: MarkKind;
  /** The number shown at the start of the span (1, 2, …), or null. */
  label: string | null;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The marks covering this piece, in the order given. */
  marks: Mark[];
  /** The marks that begin at this piece's start. */
  starting: Mark[];
}

/** Clamps a span into the text; a span that is empty or lies outside the text is dropped. */
function clamp(mark: Mark, length: number): Mark | null {
  const start = Math.max(0, Math.min(length, Math.trunc(mark.start)));
  const end = Math.max(0, Math.min(length, Math.trunc(mark.end)));
  return end > start ? { ...mark, start, end } : null;
}

/**
 * Splits `text` at every span boundary. The pieces cover the whole text in order, so joining their
 * `text` gives the original back; a piece never straddles a boundary of any span.
 */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const valid = marks.map((m) => clamp(m, text.length)).filter((m): m is Mark => m !== null);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const over = valid.filter((m) => m.start <= start && m.end >= end);
    segments.push({ start, end, text: text.slice(start, end), marks: over, starting: over.filter((m) => m.start === start) });
  }
  return segments;
}

/** Marks for an extraction result: candidates numbered in order, then the qualitative aims. */
export function marksOf(result: {
  candidates: readonly { id: string; span: { start: number; end: number }; alternativeOf?: string | null | undefined }[];
  qualitative: readonly { span: { start: number; end: number } }[];
  withheld?: readonly { span: { start: number; end: number } }[];
}): Mark[] {
  // Cards are numbered over the targets; an alternative (力争, a restatement) carries its target's number.
  const ids = new Set(result.candidates.map((c) => c.id));
  const own = (c: { alternativeOf?: string | null | undefined }) => !c.alternativeOf || !ids.has(c.alternativeOf);
  const number = new Map(result.candidates.filter(own).map((c, i) => [c.id, i + 1]));
  const labelOf = (c: { id: string; alternativeOf?: string | null | undefined }) => String(number.get(own(c) ? c.id : c.alternativeOf!) ?? '');
  return [
    ...result.candidates.map((c): Mark => ({ key: c.id, start: c.span.start, end: c.span.end, kind: 'candidate', label: labelOf(c) })),
    ...result.qualitative.map((q, i): Mark => ({ key: `q${i + 1}`, start: q.span.start, end: q.span.end, kind: 'qualitative', label: null })),
    ...(result.withheld ?? []).map((w, i): Mark => ({ key: `w${i + 1}`, start: w.span.start, end: w.span.end, kind: 'withheld', label: null })),
  ];
}
