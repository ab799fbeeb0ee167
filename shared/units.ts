// Units the product knows, how they convert, and how numbers are written for Chinese readers.
// Pure functions only: used by the server (import, seed) and the web (display).
import type { Locale } from './locale.ts';

export const UNITS = [
  '%', '个百分点',
  '元', '万元', '亿元',
  '亩', '公顷', '平方公里', '万平方米',
  '万元/亩',
  '家', '个', '名',
] as const;
export type Unit = (typeof UNITS)[number];

export function isUnit(text: string): text is Unit {
  return (UNITS as readonly string[]).includes(text);
}

/** Units of one dimension, each with its size in the dimension's base unit. */
const DIMENSIONS: Record<string, Partial<Record<Unit, number>>> = {
  money: { 元: 1, 万元: 1e4, 亿元: 1e8 },
  // 1 亩 = 666.67 m² exactly 10000/15; 1 公顷 = 15 亩; 1 平方公里 = 1500 亩.
  area: { 亩: 1, 公顷: 15, 平方公里: 1500 },
};

function dimensionOf(unit: Unit): Partial<Record<Unit, number>> | undefined {
  return Object.values(DIMENSIONS).find((d) => d[unit] !== undefined);
}

/** Whether a value in `from` can be expressed in `to` (same unit, or the same dimension). */
export function canConvert(from: Unit, to: Unit): boolean {
  if (from === to) return true;
  const dim = dimensionOf(from);
  return dim !== undefined && dim[to] !== undefined;
}

/** Converts a value between units of one dimension (亿元 → 万元, 平方公里 → 亩, …). */
export function convert(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  const dim = dimensionOf(from);
  const f = dim?.[from];
  const t = dim?.[to];
  if (f === undefined || t === undefined) {
    throw new Error(`不能把单位“${from}”换算为“${to}” (cannot convert ${from} to ${to})`);
  }
  // Round away binary noise so 1.2亿元 → 12000万元 exactly.
  return Number(((value * f) / t).toPrecision(15));
}

/** Digits after the decimal point worth showing for a value of this size. */
function defaultDigits(value: number): number {
  const a = Math.abs(value);
  if (a === 0 || a >= 1000) return 0;
  if (a >= 100) return 1;
  return 2;
}

function fixed(value: number, digits: number, locale: Locale = 'zh'): string {
  // Trim trailing zeros (8.00 → 8, 7.30 → 7.3). Chinese reports write 2271亿元 without separators.
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping: locale === 'en' });
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

export const UNIT_EN: Record<Unit, string> = {
  '%': '%',
  个百分点: 'pp',
  元: 'yuan',
  万元: '10k yuan',
  亿元: '100m yuan',
  亩: 'mu',
  公顷: 'ha',
  平方公里: 'km²',
  万平方米: '10k m²',
  '万元/亩': '10k yuan/mu',
  家: 'firms',
  个: '',
  名: '(rank)',
};

/** The unit a difference of two values is spoken in: percentages differ by 个百分点. */
export function differenceUnit(unit: Unit): Unit {
  return unit === '%' ? '个百分点' : unit;
}
