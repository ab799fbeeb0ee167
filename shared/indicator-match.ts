// Which indicator a label names: a column header of a statistics sheet ("R&D经费内部支出"), a cell of
// the template's 指标 column. Exact names, codes and the catalogue's synonyms match; anything else gets
// suggestions ranked by likeness, for a planner to choose from. Pure: the caller passes the catalogue.
import type { Indicator } from './indicators.ts';
import { canConvert, isUnit } from './units.ts';

/** NFKC (full-width digits and letters, ％, （）), no spaces, lower case: how labels are compared. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
}

export type MatchedBy = 'name' | 'code' | 'synonym';

export type CatalogueEntry = Pick<Indicator, 'code' | 'nameZh' | 'nameEn' | 'unit' | 'synonymsZh'>;

export interface IndicatorMatcher {
  /** The one indicator a label names, and how; ambiguous labels (a synonym of two) name none. */
  match(label: string): { indicator: CatalogueEntry; by: MatchedBy } | null;
  /** Up to `limit` indicators a label may mean, best first, whose unit the label's unit converts to. */
  suggest(label: string, unit: string | null, limit?: number): { indicator: CatalogueEntry; score: number }[];
}

export function indicatorMatcher(catalogue: Iterable<CatalogueEntry>): IndicatorMatcher {
  const entries = [...catalogue];
  const byLabel = new Map<string, { indicator: CatalogueEntry; by: MatchedBy }[]>();
  const add = (label: string, indicator: CatalogueEntry, by: MatchedBy) => {
    const key = normalizeText(label);
    if (!key) return;
    const found = byLabel.get(key) ?? [];
    if (!found.some((f) => f.indicator.code === indicator.code)) byLabel.set(key, [...found, { indicator, by }]);
  };
  // Names and codes first: a synonym never shadows another indicator's own name.
  for (const i of entries) {
    add(i.nameZh, i, 'name');
    add(i.code, i, 'code');
  }
  for (const i of entries) {
    add(i.nameEn, i, 'name');
    for (const s of i.synonymsZh ?? []) add(s, i, 'synonym');
  }
  const labelsOf = new Map(entries.map((i) => [i.code, [i.nameZh, i.nameEn, ...(i.synonymsZh ?? [])].map(normalizeText)]));

  return {
    match(label) {
      const found = byLabel.get(normalizeText(label)) ?? [];
      const own = found.filter((f) => f.by !== 'synonym');
      if (own.length === 1) return own[0]!;
      return found.length === 1 ? found[0]! : null;
    },
    suggest(label, unit, limit = 3) {
      const key = normalizeText(label);
      return entries
        .filter((i) => unit === null || (isUnit(unit) && canConvert(unit, i.unit)))
        .map((indicator) => ({ indicator, score: Math.max(...labelsOf.get(indicator.code)!.map((l) => likeness(key, l))) }))
        .filter((s) => s.score >= 0.3)
        .sort((a, b) => b.score - a.score || a.indicator.code.localeCompare(b.indicator.code))
        .slice(0, limit)
        .map((s) => ({ ...s, score: Number(s.score.toFixed(2)) }));
    },
  };
}

/** Dice's coefficient over character pairs: 1 for the same text, 0 for nothing in common. */
export function likeness(a: string, b: string): number {
  if (a === b) return 1;
  const pairs = (s: string) => {
    const chars = [...s];
    const out = new Map<string, number>();
    for (let i = 0; i < chars.length - 1; i++) {
      const p = chars[i]! + chars[i + 1]!;
      out.set(p, (out.get(p) ?? 0) + 1);
    }
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  const total = Math.max(0, [...a].length - 1) + Math.max(0, [...b].length - 1);
  if (total === 0) return 0;
  let shared = 0;
  for (const [p, n] of pa) shared += Math.min(n, pb.get(p) ?? 0);
  return (2 * shared) / total;
}
