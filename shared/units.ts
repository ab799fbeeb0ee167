// Units the product knows, how they convert, and how numbers are written for Chinese readers.
// Pure functions only: used by the server (import, seed) and the web (display).
import type { Locale } from './locale.ts';

/** What a unit is: its English words when the product stores figures in it, its dimension, and how it is written. */
interface UnitRow {
  /** The product stores figures and targets in this unit; how English readers see it. */
  en?: string;
  /** Units of one dimension convert into each other by their size in its base unit. */
  dimension?: 'money' | 'area' | 'count';
  size?: number;
  /** Counted in whole things (家, 个, 项): "一个" before it is more often an article than a number. */
  whole?: boolean;
  /** A written form that stands for another unit: 万家 is 10 000 家, 成 is 10 %, 万亿 is 10 000 亿元. */
  means?: { unit: string | null; factor: number; assumed?: boolean };
}

/**
 * Every unit the product knows, once: the units figures are stored and shown in (first, in the order
 * forms list them), then the units policy texts write that the extractor reads (亿美元, 吨标准煤, 人次)
 * and written forms with a magnitude (万家, 万亿元) that stand for one of the others.
 */
const UNIT_TABLE = {
  '%': { en: '%' },
  个百分点: { en: 'pp' },
  元: { en: 'yuan', dimension: 'money', size: 1 },
  千元: { en: 'k yuan', dimension: 'money', size: 1e3 },
  万元: { en: '10k yuan', dimension: 'money', size: 1e4 },
  亿元: { en: '100m yuan', dimension: 'money', size: 1e8 },
  // 1 亩 = 666.67 m² exactly 10000/15; 1 公顷 = 15 亩; 1 平方公里 = 1500 亩.
  亩: { en: 'mu', dimension: 'area', size: 1 },
  公顷: { en: 'ha', dimension: 'area', size: 15 },
  平方公里: { en: 'km²', dimension: 'area', size: 1500 },
  万平方米: { en: '10k m²' },
  '万元/亩': { en: '10k yuan/mu' },
  // Firms are counted in 家 and, as often, in 个 (statistics sheets write 高新技术企业数(个)): the same count.
  家: { en: 'firms', dimension: 'count', size: 1, whole: true },
  个: { en: '', dimension: 'count', size: 1, whole: true },
  名: { en: '(rank)', whole: true },

  // read in texts, never a stored figure's unit
  亿美元: {}, 万美元: {}, 平方米: {}, 位: { whole: true },
  户: { whole: true }, 人次: {}, 人: { whole: true }, 项: { whole: true }, 件: { whole: true },
  所: { whole: true }, 座: { whole: true }, 条: { whole: true }, 支: { whole: true }, 台套: { whole: true }, 台: { whole: true },
  吨: {}, 吨标准煤: {}, 立方米: {}, 亿千瓦时: {}, 万千瓦时: {}, 万千瓦: {},
  起: { whole: true }, 次: { whole: true }, 篇: { whole: true }, 部: { whole: true }, 套: { whole: true }, 批: {},
  个工作日: {}, 天: {}, 小时: {}, 公里: {}, 倍: {},

  // written forms that stand for another unit
  万元每亩: { means: { unit: '万元/亩', factor: 1 } },
  百分点: { means: { unit: '个百分点', factor: 1 } },
  成: { means: { unit: '%', factor: 10 } },
  万亿元: { means: { unit: '亿元', factor: 1e4 } },
  万亩: { means: { unit: '亩', factor: 1e4 } },
  万家: { means: { unit: '家', factor: 1e4 } },
  万个: { means: { unit: '个', factor: 1e4 } },
  万户: { means: { unit: '户', factor: 1e4 } },
  万人次: { means: { unit: '人次', factor: 1e4 } },
  万人: { means: { unit: '人', factor: 1e4 } },
  万名: { means: { unit: '名', factor: 1e4 } },
  万项: { means: { unit: '项', factor: 1e4 } },
  万件: { means: { unit: '件', factor: 1e4 } },
  万吨: { means: { unit: '吨', factor: 1e4 } },
  万吨标准煤: { means: { unit: '吨标准煤', factor: 1e4 } },
  万立方米: { means: { unit: '立方米', factor: 1e4 } },
  // a money magnitude without 元 (1.5万亿): 元 is assumed and said so; a bare 万 is only a magnitude
  万亿: { means: { unit: '亿元', factor: 1e4, assumed: true } },
  亿: { means: { unit: '亿元', factor: 1, assumed: true } },
  万: { means: { unit: null, factor: 1e4 } },
} as const satisfies Record<string, UnitRow>;

type Table = typeof UNIT_TABLE;
/** The units a figure or target is stored in. */
export type Unit = { [K in keyof Table]: Table[K] extends { en: string } ? K : never }[keyof Table];

const rowOf = (unit: string): UnitRow | undefined => (UNIT_TABLE as Record<string, UnitRow>)[unit];

export const UNITS = Object.keys(UNIT_TABLE).filter((u) => rowOf(u)!.en !== undefined) as [Unit, ...Unit[]];

export function isUnit(text: string): text is Unit {
  return rowOf(text)?.en !== undefined;
}

/** Whether a value in `from` can be expressed in `to` (same unit, or the same dimension). */
export function canConvert(from: Unit, to: Unit): boolean {
  if (from === to) return true;
  const a = rowOf(from);
  const b = rowOf(to);
  return a?.dimension !== undefined && a.dimension === b?.dimension;
}

/** Converts a value between units of one dimension (亿元 → 万元, 平方公里 → 亩, …). */
export function convert(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  if (!canConvert(from, to)) {
    throw new Error(`不能把单位“${from}”换算为“${to}” (cannot convert ${from} to ${to})`);
  }
  // Round away binary noise so 1.2亿元 → 12000万元 exactly.
  return Number(((value * rowOf(from)!.size!) / rowOf(to)!.size!).toPrecision(15));
}

/** A unit as written in a text: the value's factor and the unit it stands for (万亿元 → ×10 000 亿元). */
export interface WrittenUnit {
  factor: number;
  unit: string | null;
  /** The unit was not written and is assumed (1.5万亿 → 亿元). */
  assumed?: boolean;
}

/** What a written unit means, or undefined for words that are not a unit. */
export function writtenUnit(written: string): WrittenUnit | undefined {
  const row = rowOf(written);
  if (!row) return undefined;
  return row.means ? { ...row.means } : { factor: 1, unit: written };
}

/** Written units, longest first, so that 万元/亩 is read before 万元 and 个百分点 before 个. */
const WRITTEN_LONGEST_FIRST = Object.keys(UNIT_TABLE).sort((a, b) => b.length - a.length);

/** The unit written at `pos` in `text` (the longest that fits), or null. */
export function unitAt(text: string, pos: number): { written: string; end: number } | null {
  for (const written of WRITTEN_LONGEST_FIRST) if (text.startsWith(written, pos)) return { written, end: pos + written.length };
  return null;
}

/** Counted in whole things: 家, 个, 项, 名, … */
export function isWholeUnit(unit: string): boolean {
  return rowOf(unit)?.whole === true;
}

/** Digits after the decimal point worth showing for a value of this size. */
function defaultDigits(value: number): number {
  const a = Math.abs(value);
  if (a === 0 || a >= 1000) return 0;
  if (a >= 100) return 1;
  // A small share is not nothing: 0.00016% keeps two significant digits instead of reading “0%”.
  if (a < 0.01) return Math.min(10, Math.ceil(-Math.log10(a)) + 1);
  return 2;
}

/** One formatter per precision and grouping: toLocaleString builds a new one on every call, which shows in a report of thousands of figures. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function fixed(value: number, digits: number, locale: Locale = 'zh'): string {
  const key = `${digits}|${locale}`;
  let format = numberFormats.get(key);
  if (!format) {
    // Trim trailing zeros (8.00 → 8, 7.30 → 7.3); thousands separated (2,271亿元), as statistical tables print them.
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: true });
    numberFormats.set(key, format);
  }
  // `|| 0`: a value that rounds to zero is 0, never “-0”.
  return format.format(Number(value.toFixed(digits)) || 0);
}

/**
 * A plain number the way Chinese reports write it: 4.24万, 1.5亿, 802.
 * Money is better shown in its own unit with formatMoney; this is for counts and amounts.
 */
export function formatNumber(value: number, opts: { digits?: number; locale?: Locale } = {}): string {
  if (!Number.isFinite(value)) return '—';
  const a = Math.abs(value);
  if (opts.locale !== 'en') {
    if (a >= 1e8) return `${fixed(value / 1e8, opts.digits ?? 2)}亿`;
    if (a >= 1e4) return `${fixed(value / 1e4, opts.digits ?? 2)}万`;
  }
  return fixed(value, opts.digits ?? defaultDigits(value), opts.locale);
}

/** A value with its unit: 7.3%, 42万元/亩, 68亿元, 802家; large 万元 amounts move up to 亿元. */
export function formatValue(value: number | null | undefined, unit: Unit, opts: { digits?: number; locale?: Locale } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '万元' && Math.abs(value) >= 1e4) return formatValue(value / 1e4, '亿元', opts);
  // Where a Chinese reader expects a magnitude: 3.2万亿元, 1.2万亩.
  if (opts.locale !== 'en' && (unit === '亿元' || unit === '亩') && Math.abs(value) >= 1e4) {
    return `${fixed(value / 1e4, opts.digits ?? 2)}万${unit}`;
  }
  if (unit === '元' && Math.abs(value) >= 1e4) return formatValue(value / 1e4, '万元', opts);
  if (opts.locale === 'en' && EN_SCALE[unit]) {
    const { factor, label } = EN_SCALE[unit]!;
    const scaled = value * factor;
    return `${fixed(scaled, opts.digits ?? defaultDigits(scaled), 'en')} ${label}`;
  }
  const number = unit === '家' || unit === '个' || unit === '名'
    ? formatNumber(value, opts)
    : fixed(value, opts.digits ?? defaultDigits(value), opts.locale);
  if (unit === '%') return `${number}%`;
  if (opts.locale === 'en') return `${number} ${UNIT_EN[unit]}`.trim();
  return `${number}${unit}`;
}

/** How English readers say Chinese magnitudes: 68亿元 is 6.8 bn yuan, 42万元/亩 is 420k yuan/mu. */
const EN_SCALE: Partial<Record<Unit, { factor: number; label: string }>> = {
  亿元: { factor: 0.1, label: 'bn yuan' },
  万元: { factor: 10, label: 'k yuan' },
  '万元/亩': { factor: 10, label: 'k yuan/mu' },
  万平方米: { factor: 0.01, label: 'million m²' },
};

export const UNIT_EN = Object.fromEntries(UNITS.map((u) => [u, rowOf(u)!.en!])) as Record<Unit, string>;

/** The unit a difference of two values is spoken in: percentages differ by 个百分点. */
export function differenceUnit(unit: Unit): Unit {
  return unit === '%' ? '个百分点' : unit;
}
