// The subject of a target: which parks it is about (高新区, 杭州、宁波国家高新区, 各省级高新区, 全省), the
// document's named zone (钱塘区, 无锡高新区将…), and the region set of a 全覆盖 (设区市, 45个工业大县).
import type { ScopeSuggestion, Span } from './types.ts';
import { CN_CHARS, parseNumber } from './numbers.ts';
import { stripLeading } from './words.ts';

const SCOPE_AT_START = new RegExp(`^(?:(全省|全市|我省|本省|我市|本市|全国|各|各个|每个|所有|[\\u4e00-\\u9fa5]{2,3}(?:省|市))(?:的)?)?((?:[\\u4e00-\\u9fa5]{2,4}、)*[\\u4e00-\\u9fa5]{2,4}?)?(?:的)?(国家级|国家|省级及以上|省级以上|省级|市级)?(高新区|高新技术产业开发区|高新技术产业园区|开发区|园区)(?:的)?`);
const NOT_PLACES = /^(?:全省|全市|我省|本省|我市|本市|全国|各|各个|每个|所有|国家|省级|市级|要|将|实现|力争|推动|推进|高新|经济|开发|产业|科技|工业|特色)$/;

export interface ScopeWords {
  words: string;
  span: Span;
  places: string[];
  parkLevel: 'national' | 'provincial' | null;
  each: boolean;
  single: boolean;
  /** Only a region was named (全省, 全县, 全区): what it means for parks is the planner's call when 'other'. */
  region?: 'province' | 'zone' | 'other';
}

/** 全省…, 全县…, 全区… without a zone word: the whole of a region (or, in a zone's own plan, the zone). */
const REGION_AT_START = /^(全省|我省|本省|全市|我市|本市|全县|全区|本区|园区|全域)(?:的)?/;

export function scopeAtStart(phrase: string, offset: number): ScopeWords | null {
  const m = SCOPE_AT_START.exec(phrase);
  if (!m) {
    const r = REGION_AT_START.exec(phrase);
    if (!r || r[0].length === phrase.length) return null;
    const words = r[1]!;
    return {
      words, span: { start: offset, end: offset + words.length }, places: [], parkLevel: null, each: false,
      // 全区 is the zone in a zone's plan, the whole region in an autonomous region's: the planner says which
      single: /本区|园区/.test(words), region: /全省|我省|本省/.test(words) ? 'province' : /本区|园区/.test(words) ? 'zone' : 'other',
    };
  }
  const words = m[0].replace(/的$/, '');
  const names = (m[2] ?? '').split('、').filter((n) => n && !NOT_PLACES.test(n));
  const itself = /^(?:本|全)?(?:园区|开发区)$/.test(words);
  const level = m[3] ?? '';
  // 钱塘区 alone is not a zone; names before 国家/省级 are places: 杭州、宁波国家高新区.
  if (m[2] && names.some((n) => /[要将和与及并]$/.test(n) || /^(?:实现|推动|推进)/.test(n))) return null;
  return {
    words, span: { start: offset, end: offset + words.length }, places: names,
    parkLevel: /国家/.test(level) ? 'national' : /省级/.test(level) ? 'provincial' : null,
    each: /^(?:各|各个|每个|所有)$/.test(m[1] ?? ''),
    single: names.length > 0 || itself,
  };
}

/** 钱塘区, / 无锡高新区将…: the document's or the sentence's named subject, as a fallback. */
export function namedSubjects(t: string): { words: string; span: Span }[] {
  const out: { words: string; span: Span }[] = [];
  for (const m of t.matchAll(/(?:^|[\n。,;:])\s*(?:[\u4e00-\u9fa5]{0,6}?[,])?([\u4e00-\u9fa5]{2,6}?(?:高新区|高新技术产业开发区|经济开发区|开发区|新区|区|县|市))(?=[,将要还]|牢牢|着力|大力|坚持|力争|以)/g)) {
    const words = m[1]!;
    if (/^(?:全省|全市|全区|各|我|本|园|城区|地区|辖区|片区|该)/.test(words)) continue;
    const start = m.index + m[0].lastIndexOf(words);
    out.push({ words, span: { start, end: start + words.length } });
  }
  return out;
}

/** Words of the text at a position: what a phrase reads, and where it starts. */
export interface Phrase {
  text: string;
  start: number;
}

/** The subject named at the start of a piece before the phrase (全省高新区 | 到2025年 | …): the last one wins. */
export function subjectInPieces(t: string, pieces: readonly Span[]): ScopeWords | null {
  let scope: ScopeWords | null = null;
  for (const p of pieces) {
    const stripped = stripLeading(t.slice(p.start, p.end), p.start, new Set());
    scope = scopeAtStart(stripped.phrase, stripped.offset) ?? scope;
  }
  return scope;
}

const COVERING_ZONES = /^(.*?)(国家级高新区|国家高新区|省级及以上高新区|省级以上高新区|省级高新区|高新区)(?:\([^)]*\))?$/;

/**
 * 全覆盖: the zones that do the covering come off the phrase (设区市国家高新区 → 国家高新区 covers 设区市),
 * or a subject at its start (省级高新区要实现工业大县…); what is left names the region set.
 */
export function coverageSubject(phrase: Phrase, flags: Set<string>): { phrase: Phrase; scope: ScopeWords | null } {
  const m = COVERING_ZONES.exec(phrase.text);
  if (m && m[1]) {
    const zones = m[2]!;
    const scope: ScopeWords = {
      words: zones, span: { start: phrase.start + m[1].length, end: phrase.start + phrase.text.length }, places: [],
      parkLevel: /国家/.test(zones) ? 'national' : /省级/.test(zones) ? 'provincial' : null, each: false, single: false,
    };
    return { phrase: { text: m[1], start: phrase.start }, scope };
  }
  const s = scopeAtStart(phrase.text, phrase.start);
  if (!s) return { phrase, scope: null };
  const after = phrase.text.slice(s.words.length);
  const rest = stripLeading(after.replace(/^的/, ''), s.span.end + (after.startsWith('的') ? 1 : 0), flags);
  return { phrase: { text: rest.phrase, start: rest.offset }, scope: s };
}

/** The region set of a 全覆盖 and its size: written with it (山区26个县) or elsewhere in the text (45个工业大县). */
export function regionSetOf(t: string, phrase: Phrase, setSizes: Map<string, { size: number | null; span: Span } | null>): NonNullable<ScopeSuggestion['regionSet']> {
  const sized = new RegExp(`(\\d+|[${CN_CHARS}]+)个(.+)$`).exec(phrase.text);
  const noun = sized ? sized[2]! : phrase.text;
  let size: number | null = sized ? parseNumber(sized[1]!) : null;
  let sizeSpan: Span | null = sized ? { start: phrase.start + sized.index, end: phrase.start + sized.index + sized[1]!.length + 1 } : null;
  if (size === null && noun) {
    // 加快推进45个工业大县…: the set's size stated elsewhere in the text
    if (!setSizes.has(noun)) {
      const elsewhere = new RegExp(`(\\d+|[${CN_CHARS}]+)个${noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(t);
      setSizes.set(noun, elsewhere ? { size: parseNumber(elsewhere[1]!), span: { start: elsewhere.index, end: elsewhere.index + elsewhere[1]!.length + 1 } } : null);
    }
    const elsewhere = setSizes.get(noun);
    if (elsewhere) {
      size = elsewhere.size;
      sizeSpan = elsewhere.span;
    }
  }
  return { words: phrase.text, span: { start: phrase.start, end: phrase.start + phrase.text.length }, size, sizeSpan };
}

/**
 * A subject at the start of the phrase (全省高新区营业收入…) comes off it; not when the zones are what is
 * counted (国家高新区数量达到10家).
 */
export function subjectAtStart(phrase: Phrase, countsThings: boolean, flags: Set<string>): { phrase: Phrase; scope: ScopeWords | null } {
  const s = scopeAtStart(phrase.text, phrase.start);
  if (!s) return { phrase, scope: null };
  const rest = phrase.text.slice(s.words.length).replace(/^的/, '');
  if (/^(?:数|数量|总数|个数)?$/.test(rest) && countsThings) return { phrase, scope: null };
  const stripped = stripLeading(rest, phrase.start + phrase.text.length - rest.length, flags);
  return { phrase: { text: stripped.phrase, start: stripped.offset }, scope: s };
}
