// Value expressions: every number with its unit (4.24万家, 42万元/亩, 3.5%—4%, 百分之三, 八成) and the special
// forms that are values too (清零, 全覆盖, 前10, 翻一番), each with the qualifier written after it (以上, 左右).
import type { Comparator } from '../progress.ts';
import { isWholeUnit, unitAt, writtenUnit, type WrittenUnit } from '../units.ts';
import { CN_CHARS, parseNumber, round } from './numbers.ts';

export type ValueKind = 'number' | 'rank' | 'zero' | 'all' | 'double';

export interface ValueExpr {
  kind: ValueKind;
  /** The value as written (number and unit), without the qualifiers after it. */
  start: number;
  end: number;
  /** After 以上 / 左右 / 以内 … */
  qualifiedEnd: number;
  statedValue: number | null;
  statedUnit: string | null;
  value: number | null;
  unit: string | null;
  unitAssumed: boolean;
  /** From the words after the value. */
  postComparator: Comparator | null;
  postWord: string | null;
  approxMid: boolean;
  range: { low: number; high: number } | null;
}

type Unqualified = Omit<ValueExpr, 'qualifiedEnd' | 'postComparator' | 'postWord'>;

const POST_QUALIFIERS: [string, Comparator][] = [
  ['及以上', 'at_least'], ['以上', 'at_least'], ['及以下', 'at_most'], ['以下', 'at_most'], ['以内', 'at_most'], ['之内', 'at_most'], ['左右', 'about'], ['上下', 'about'],
];

/** The value with the qualifier written right after it (以上, 左右, 以内), if any. */
function qualify(t: string, e: Unqualified): ValueExpr {
  for (const [word, comparator] of POST_QUALIFIERS) {
    if (t.startsWith(word, e.end)) return { ...e, qualifiedEnd: e.end + word.length, postComparator: comparator, postWord: word };
  }
  return { ...e, qualifiedEnd: e.end, postComparator: null, postWord: null };
}

const NUMBER_RE = new RegExp(`\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?|万(?=[亿家个人项件户名])`, 'g');
/** Words after which a lone 十/百/千/万 is a number: 突破万家, 超千亿元. */
const LONE_NUMBER_BEFORE = /(?:突破|超过|超|达到|达|破|迈上|跨上|近|逾|前|进入|跻身)$/;

/** Every number with a unit, and the special forms (清零, 全覆盖, 前N, 翻一番), in text order. */
export function valueExpressions(t: string): ValueExpr[] {
  const out: ValueExpr[] = [];
  for (const m of t.matchAll(NUMBER_RE)) {
    const e = numberAt(t, m.index, m[0]);
    if (e) out.push(qualify(t, e));
  }
  out.push(...specialValues(t));
  // A rank is not also a number (前10名 read as "10名").
  const ranks = out.filter((e) => e.kind === 'rank');
  return out
    .filter((e) => e.kind === 'rank' || !ranks.some((r) => r.start <= e.start && e.start < r.end))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((e, i, all) => i === 0 || !(all[i - 1]!.start <= e.start && e.end <= all[i - 1]!.end));
}

/** The number written at `start` with its unit, or null when it has none or is not a value (十大, 第三, 一个, 千亿级). */
function numberAt(t: string, start: number, raw: string): Unqualified | null {
  const prev = t[start - 1] ?? '';
  if (/[\d.A-Za-z]/.test(prev) || prev === '第') return null;
  const isCn = !/^\d/.test(raw);
  if (isCn && /^[十百千万]$/.test(raw) && !(raw !== '万' && /亿|万/.test(t.slice(start + 1, start + 3)))) {
    // a lone 十/百/千/万 is a number before a magnitude (超百亿元) or after a comparator (突破万家); "十大" is a name
    if (!LONE_NUMBER_BEFORE.test(t.slice(Math.max(0, start - 3), start))) return null;
  }
  // 万亿元, 万家: "万" is both the number 1 and the unit's magnitude
  const numberEnd = raw === '万' ? start : start + raw.length;
  const number = raw === '万' ? 1 : parseNumber(raw);
  if (number === null) return null;
  // 百分之N
  if (t.slice(start - 3, start) === '百分之') {
    return { kind: 'number', start: start - 3, end: numberEnd, statedValue: number, statedUnit: '%', value: number, unit: '%', unitAssumed: false, approxMid: false, range: null };
  }
  const written = unitAfter(t, numberEnd, /^\d/.test(raw));
  if (!written) return null;
  let { unitKey, pos } = written;
  const { approxMid } = written;
  // 千亿级, 万亿元级: a class of size, part of a name.
  if (/^[级量]/.test(t.slice(pos))) return null;
  // 实现三个目标, 完成五项任务: counting the plan's own aims and tasks, never a target.
  if ((unitKey === '个' || unitKey === '项') && /^[“"]?(?:目标|任务|方面|重点|行动|工程|措施|领域|方向|环节)/.test(t.slice(pos))) return null;
  let info = meaningOf(unitKey);
  // 0.3吨标准煤/万元, 200人/平方公里: a unit per another.
  const per = /^\/(万元|元|亩|人|万人|平方米|平方公里|公顷|吨|千瓦时|家|年)/.exec(t.slice(pos));
  if (per && info.unit && !info.unit.includes('/')) {
    info = { factor: 1, unit: `${unitKey}/${per[1]}` };
    unitKey = `${unitKey}/${per[1]}`;
    pos += per[0].length;
  }
  if (isCn && number === 1 && raw.length === 1 && isWholeUnit(unitKey)) {
    // "一个", "一家": an article more often than a target (打造一个…), unless a comparator precedes it
    if (!/达到|超过|突破|不少于|新增|增加/.test(t.slice(start - 3, start))) return null;
  }
  return withRange(t, { start, pos, number, unitKey, info, approxMid });
}

/** The unit after a number, through 余/多 (1万余家, 300余家, 20多个); null when no unit follows. */
function unitAfter(t: string, numberEnd: number, arabic: boolean): { unitKey: string; pos: number; approxMid: boolean } | null {
  let pos = numberEnd;
  if (t[pos] === ' ' && arabic && unitAt(t, pos + 1)) pos++;
  const u = unitAt(t, pos);
  if (u && (u.written === '万' || u.written === '亿' || u.written === '万亿') && /^[余多]/.test(t.slice(u.end))) {
    // 1万余家 → 万 + 余 + 家
    const inner = unitAt(t, u.end + 1);
    if (inner && writtenUnit(inner.written)!.factor === 1) return { unitKey: `${u.written}${inner.written}`, pos: inner.end, approxMid: true };
  }
  if (u) return { unitKey: u.written, pos: u.end, approxMid: false };
  if (/^[余多]/.test(t.slice(pos))) {
    const inner = unitAt(t, pos + 1);
    if (inner) return { unitKey: inner.written, pos: inner.end, approxMid: true };
  }
  return null;
}

/** What a written unit means; a magnitude joined to a unit through 余 (万余家) is the magnitude times the unit. */
function meaningOf(unitKey: string): WrittenUnit {
  const known = writtenUnit(unitKey);
  if (known) return known;
  const rest = writtenUnit(unitKey.slice(1));
  return unitKey.startsWith('万') ? { factor: 1e4 * (rest?.factor ?? 1), unit: rest?.unit ?? null } : rest ?? { factor: 1, unit: null };
}

interface NumberWithUnit {
  start: number;
  /** Where the unit ends. */
  pos: number;
  number: number;
  unitKey: string;
  info: WrittenUnit;
  approxMid: boolean;
}

/** 8%—10%, 3至5家, 4000—4500家 (the unit written once): a range, whose lower bound is the target. */
function withRange(t: string, n: NumberWithUnit): Unqualified {
  const { start, number, unitKey, info, approxMid } = n;
  let pos = n.pos;
  const unitAssumed = !!info.assumed;
  // 4000—4500家: the unit written once, after the upper bound.
  const lower = /(\d+(?:\.\d+)?)\s*(?:[-—–~]|至|到)\s*$/.exec(t.slice(Math.max(0, start - 12), start));
  if (lower && !unitKey.endsWith('年') && !/\d\s*[年月]/.test(t.slice(start - lower[0].length - 2, start - lower[0].length))) {
    const low = Number(lower[1]);
    if (low < number) {
      return {
        kind: 'number', start: start - lower[0].length, end: pos, statedValue: low, statedUnit: unitKey,
        value: round(low * info.factor), unit: info.unit, unitAssumed, approxMid, range: { low: round(low * info.factor), high: round(number * info.factor) },
      };
    }
  }
  let range: ValueExpr['range'] = null;
  const rangeMatch = /^(?:[-—–~]|至|到)(\d+(?:\.\d+)?)/.exec(t.slice(pos));
  if (rangeMatch && unitKey !== '%' && unitAt(t, pos + rangeMatch[0].length)?.written === unitKey) {
    range = { low: round(number * info.factor), high: round(Number(rangeMatch[1]) * info.factor) };
    pos += rangeMatch[0].length + unitKey.length;
  } else if (rangeMatch && unitKey === '%' && t.startsWith('%', pos + rangeMatch[0].length)) {
    range = { low: number, high: Number(rangeMatch[1]) };
    pos += rangeMatch[0].length + 1;
  }
  const stated = round(number);
  return { kind: 'number', start, end: pos, statedValue: stated, statedUnit: unitKey, value: round(stated * info.factor), unit: info.unit, unitAssumed, approxMid, range };
}

type Special = Omit<Unqualified, 'start' | 'end'>;
const NONE = { statedValue: null, statedUnit: null, unitAssumed: false, approxMid: false, range: null };

/** The rank that a matched numeral names: 前10, 第3位, 百强. */
const rank = (numeral: string, statedUnit: string | null, atLeastOne: boolean): Special | null => {
  const n = parseNumber(numeral);
  return n === null || (atLeastOne && n < 1) ? null : { ...NONE, kind: 'rank', value: n, unit: '名', statedValue: n, statedUnit };
};

/** 清零 (0), 全覆盖 (every member of a set), 翻一番 (2 倍), and ranks: 前10, 第3位, 百强 (the verb before is checked with the clause). */
function specialValues(t: string): ValueExpr[] {
  const forms: [RegExp, (m: RegExpMatchArray) => Special | null][] = [
    [/(?:动态|全面|全部|基本|逐步)?清零/g, () => ({ ...NONE, kind: 'zero', value: 0, unit: null, statedValue: 0 })],
    [/全覆盖|全面覆盖|全域覆盖/g, () => ({ ...NONE, kind: 'all', value: null, unit: '个' })],
    [/翻一番|翻两番|翻番|倍增/g, (m) => ({ ...NONE, kind: 'double', value: m[0] === '翻两番' ? 4 : 2, unit: '倍', statedValue: m[0] === '翻两番' ? 4 : 2, statedUnit: '倍' })],
    [new RegExp(`前(\\d{1,3}|[一二两三四五六七八九十百]{1,3})(位|名|强)?(?![季月年批次个项])`, 'g'), (m) => rank(m[1]!, m[2] ?? null, true)],
    [/第(\d{1,3}|[一二三四五六七八九十]{1,3})(位|名)/g, (m) => rank(m[1]!, m[2]!, false)],
    [/(?<![\d一二两三四五六七八九十百千])(\d{1,3}|[一二三四五六七八九十百]{1,3})强/g, (m) => rank(m[1]!, '强', false)],
  ];
  const out: ValueExpr[] = [];
  for (const [re, make] of forms) {
    for (const m of t.matchAll(re)) {
      const e = make(m);
      if (e) out.push(qualify(t, { ...e, start: m.index!, end: m.index! + m[0].length }));
    }
  }
  return out;
}
