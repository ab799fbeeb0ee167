// The text as the rules read it: traditional characters in simplified (高新區 → 高新区, 佔 → 占, 臺 → 台),
// pronunciations in brackets after characters left out (高新區(qū) → 高新区), with the position in the
// original of every character read, so that candidates still point at the words the planner sees.
import { Converter } from 'opencc-js/t2cn';
import type { Draft, Found } from './reader.ts';
import type { Span, YearRef } from './types.ts';

/** The reading of a text and, for each of its UTF-16 units, the index of the same unit in the original. */
export interface Reading {
  text: string;
  origin: number[];
}

// Hong Kong and Taiwan variants to standard traditional, then to the mainland's simplified characters.
// Simplified text comes through unchanged (checked on every tuning text), so every text is converted.
let toSimplified: ((text: string) => string) | null = null;
const simplified = (text: string) => {
  toSimplified ??= Converter({ from: 'hk', to: 'cn' });
  return toSimplified(text);
};

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
/** One pinyin syllable (qū, gao1, xin), one in zhuyin (ㄑㄩ), or one in jyutping (keoi1). */
const SYLLABLE = `(?:[a-z${TONED}]{1,6}[1-6]?|[\\u3105-\\u312f\\u31a0-\\u31bfˊˇˋ˙]{1,4})`;
/** 高新區(qū), 區（qū）, 园区(yuán qū): a pronunciation right after a Chinese character. */
const PRONUNCIATION = new RegExp(`(?<=[\\u3400-\\u9fff])[(（]\\s*${SYLLABLE}(?:\\s+${SYLLABLE}){0,3}\\s*[)）]`, 'g');
/** Only brackets that are read as sounds: a tone mark or number, zhuyin, or a toneless syllable of pinyin's shape. */
const SOUNDS = new RegExp(`[${TONED}1-6\\u3105-\\u312f\\u31a0-\\u31bf]|^[(（]\\s*(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouv]{1,3}(?:n|ng|r)?\\s*[)）]$`);

export function readingOf(original: string): Reading {
  let kept = '';
  const origin: number[] = [];
  let from = 0;
  for (const m of original.matchAll(PRONUNCIATION)) {
    if (!SOUNDS.test(m[0])) continue;
    for (let i = from; i < m.index; i++) origin.push(i);
    kept += original.slice(from, m.index);
    from = m.index + m[0].length;
  }
  for (let i = from; i < original.length; i++) origin.push(i);
  kept += original.slice(from);
  return { text: sameLength(kept), origin };
}

/**
 * Converts to simplified characters keeping every character's place. A whole-text conversion that keeps
 * the length is taken as is (it reads phrases: 乾坤 stays, 乾燥 → 干燥); otherwise each character alone.
 */
function sameLength(text: string): string {
  const whole = simplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = simplified(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/** The span in the original of a span of the reading; an end after a left-out pronunciation stays before it. */
export function toOriginal(reading: Reading, span: Span): Span {
  const { origin } = reading;
  const start = span.start < origin.length ? origin[span.start]! : (origin.at(-1) ?? -1) + 1;
  const end = span.end > span.start ? origin[span.end - 1]! + 1 : start;
  return { start, end };
}

/** What was found in the reading, with every span and quoted word in the original. */
export function foundInOriginal(found: Found, reading: Reading, original: string): Found {
  const at = (span: Span) => toOriginal(reading, span);
  const words = (span: Span) => original.slice(span.start, span.end);
  const year = (y: YearRef): YearRef => {
    const span = at(y.span);
    return { ...y, span, text: words(span) };
  };
  const draft = (d: Draft): Draft => {
    const stated = at(d.stated.span);
    const { regionSet } = d.scope;
    return {
      ...d,
      span: at(d.span),
      indicator: { ...d.indicator, span: at(d.indicator.span) },
      stated: { ...d.stated, span: stated, text: words(stated) },
      year: d.year && year(d.year),
      baseline: d.baseline && { ...d.baseline, span: at(d.baseline.span) },
      scope: {
        ...d.scope,
        span: d.scope.span && at(d.scope.span),
        regionSet: regionSet && { ...regionSet, span: at(regionSet.span), sizeSpan: regionSet.sizeSpan && at(regionSet.sizeSpan) },
      },
    };
  };
  return {
    candidates: found.candidates.map(draft),
    qualitative: found.qualitative.map((q) => {
      const span = at(q.span);
      return { ...q, span, text: words(span) };
    }),
    withheld: found.withheld.map((w) => {
      const span = at(w.span);
      return { ...w, span, text: words(span), year: w.year && year(w.year) };
    }),
  };
}
