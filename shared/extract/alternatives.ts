// One target said two ways. A 力争 value right after a target's own value is its stretch value
// (达到4万家以上、力争达到5万家); a change right beside a level of the same measure restates it (提高1.5个百分点,
// 达到6%; 达到600家, 较2022年翻一番). Both are attached to the target (`alternativeOf`) instead of being
// proposed as targets of their own; the target keeps its stretch value, and its quote takes in the words
// of both (达到4万家以上、力争达到5万家), which sit side by side.
import type { Candidate, Reason } from './types.ts';

/** 力争, 争取, 努力 (in either script: quotes are the original words). */
const STRIVE = /^(?:力[争爭]|[争爭]取|努力|力求)/;
/** Only punctuation between the two: the same sentence, one breath. */
const JOINED = /^[\s、，,]*$/;

/** A change of the measure (提高1.5个百分点, 增加200家, 翻一番), not a yearly rate. */
const isChange = (c: Candidate) => !c.annual && (c.change !== null || c.unit === '倍' || c.unit === '个百分点');
/** A level to reach (达到6%, 突破1000亿元). */
const isLevel = (c: Candidate) => !c.annual && c.change === null && c.unit !== '倍' && c.unit !== '个百分点' && !c.allOfSet;
/** A change restates a level when it is relative (%, 倍, 个百分点 of a share) or in the level's own unit. */
const changeFits = (change: Candidate, level: Candidate) =>
  change.unit === '倍' || (change.unit === '%' && level.unit !== '%') || (change.unit === '个百分点' && level.unit === '%') || change.unit === level.unit;
/** The second of the two names no measure of its own: it goes on with the first's. */
const continues = (c: Candidate) => c.indicator.inherited || c.indicator.phrase === '';

export function attachAlternatives(text: string, candidates: Candidate[]): Candidate[] {
  const out = candidates.map((c) => ({ ...c, reasons: [...c.reasons] }));
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (a.alternativeOf !== null || a.targetYear !== b.targetYear || !JOINED.test(text.slice(a.span.end, b.span.start))) continue;
    if (STRIVE.test(b.quote) && continues(b) && b.unit === a.unit && a.stretchValue === null) {
      attach(text, b, a, 'stretch', `“${b.stated.text}”是目标${a.id}的力争值 (the stretch value of ${a.id})`);
      a.stretchValue = b.value;
      a.reasons.push(note('stretch_value', `力争值${b.stated.text}, 见${b.id} (stretch value, see ${b.id})`));
    } else if (continues(b) && isChange(a) && isLevel(b) && changeFits(a, b)) {
      attach(text, a, b, 'restatement', `“${a.stated.text}”与${b.id}是同一目标的两种说法 (the same target as ${b.id}, said as a change)`);
      b.reasons.push(note('restated', `亦表述为“${a.quote}”, 见${a.id} (also said as a change, see ${a.id})`));
    } else if (continues(b) && isLevel(a) && isChange(b) && changeFits(b, a)) {
      attach(text, b, a, 'restatement', `“${b.stated.text}”与${a.id}是同一目标的两种说法 (the same target as ${a.id}, said as a change)`);
      a.reasons.push(note('restated', `亦表述为“${b.quote}”, 见${b.id} (also said as a change, see ${b.id})`));
    }
  }
  return out;
}

function attach(text: string, alternative: Candidate, target: Candidate, kind: 'stretch' | 'restatement', message: string): void {
  alternative.alternativeOf = target.id;
  alternative.alternative = kind;
  alternative.reasons.push(note(kind === 'stretch' ? 'stretch_of' : 'restatement_of', message));
  target.span = { start: Math.min(target.span.start, alternative.span.start), end: Math.max(target.span.end, alternative.span.end) };
  target.quote = text.slice(target.span.start, target.span.end);
}

const note = (code: string, message: string): Reason => ({ code, message, effect: 0 });
