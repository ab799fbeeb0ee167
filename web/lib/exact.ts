// Figures exactly as stored, for the pages where people enter and check them (the form, the import
// report, the review list, a figure's history): 0.045亿元 stays 0.045亿元, where the dashboard would
// round it to 0.05亿元 for reading.
import type { Locale } from '../../shared/locale.ts';
import { isUnit, UNIT_EN } from '../../shared/units.ts';

/** A number as the user would type it: no exponent, no binary noise (0.1 + 0.2 → 0.3). */
export function numberText(value: number): string {
  const clean = Number(value.toPrecision(12));
  const text = String(clean);
  return /e/i.test(text) ? clean.toFixed(12).replace(/\.?0+$/, '') : text;
}

/** The same digits with thousands separators in the whole part, for reading: 47500 → 47,500; 0.0000001 stays. */
export function groupedNumberText(value: number): string {
  const [whole, fraction] = numberText(value).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** 0.045亿元, 905家, 47,500家, 8.2%; in English 0.045 100m yuan. */
export function exactMeasured(value: number | null | undefined, unit: string, locale: Locale = 'zh'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const n = groupedNumberText(value);
  if (unit === '%') return `${n}%`;
  if (locale === 'en' && isUnit(unit)) return `${n} ${UNIT_EN[unit]}`.trim();
  return `${n}${unit}`;
}
