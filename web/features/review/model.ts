// The review list's logic, pure: submitted figures grouped by park and year, each with last year's
// figure beside it and the jump between them; the selection as `{ id, version }`; refusals mapped back.
import type { ReportedValueT } from '../../../shared/schemas.ts';

export interface ReviewItem {
  value: ReportedValueT;
  lastYear: { year: number; value: number } | null;
  /** value / last year − 1 (0.129 = +12.9%), or null without a positive last-year figure. */
  change: number | null;
  /** ×5 or more either way: the 万元/亿元 slip the write checks ask to confirm. */
  jump: boolean;
}

export interface ReviewGroup {
  key: string;
  parkId: number | null;
  /** A region's own totals: its code (their form is /entry/region/:code/:year). */
  regionCode: string | null;
  name: string;
  year: number;
  items: ReviewItem[];
}

const subjectKey = (v: ReportedValueT) => (v.subject.parkId !== null ? `p${v.subject.parkId}` : `r${v.subject.regionCode ?? ''}`);
const subjectName = (v: ReportedValueT) => v.subject.parkName ?? v.subject.regionName ?? '—';

export function groupForReview(submitted: readonly ReportedValueT[], earlier: readonly ReportedValueT[]): ReviewGroup[] {
  const before = new Map(earlier.map((v) => [`${subjectKey(v)}:${v.indicator.code}:${v.year}`, v]));
  const groups = new Map<string, ReviewGroup>();
  for (const v of submitted) {
    const key = `${subjectKey(v)}:${v.year}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, parkId: v.subject.parkId, regionCode: v.subject.parkId === null ? v.subject.regionCode : null, name: subjectName(v), year: v.year, items: [] };
      groups.set(key, group);
    }
    const last = before.get(`${subjectKey(v)}:${v.indicator.code}:${v.year - 1}`);
    const lastYear = last ? { year: last.year, value: last.value } : null;
    const change = lastYear && lastYear.value > 0 ? v.value / lastYear.value - 1 : null;
    const jump = !!lastYear && lastYear.value > 0 && v.value > 0 && (v.value / lastYear.value >= 5 || lastYear.value / v.value >= 5);
    group.items.push({ value: v, lastYear, change, jump });
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'zh'));
}

/** The years the list spans, for asking last year's figures in one request. */
export function yearSpan(values: readonly { year: number }[]): { from: number; to: number } | null {
  if (values.length === 0) return null;
  const years = values.map((v) => v.year);
  return { from: Math.min(...years) - 1, to: Math.max(...years) - 1 };
}

export function selectedItems(groups: readonly ReviewGroup[], selected: ReadonlySet<number>): { id: number; version: number }[] {
  return groups.flatMap((g) => g.items).filter((i) => selected.has(i.value.id)).map((i) => ({ id: i.value.id, version: i.value.version }));
}

/** “+12.9%”, “−3%”, or “×10” for a jump. */
export function changeText(item: Pick<ReviewItem, 'change' | 'jump' | 'lastYear' | 'value'>): string {
  if (item.change === null) return '—';
  if (item.jump && item.lastYear) {
    const ratio = item.value.value / item.lastYear.value;
    return ratio >= 1 ? `×${Number(ratio.toFixed(1))}` : `÷${Number((1 / ratio).toFixed(1))}`;
  }
  const pct = item.change * 100;
  const digits = Math.abs(pct) < 10 ? 1 : 0;
  const text = Math.abs(pct).toFixed(digits).replace(/\.0$/, '');
  return pct === 0 ? '0%' : `${pct > 0 ? '+' : '−'}${text}%`;
}

/** A refused review names items by index (`2.version`): which figure each message is about. */
export function refusalLines(details: readonly { path: string; message: string }[], sent: readonly { id: number }[], items: readonly ReviewItem[]): { label: string; message: string }[] {
  return details.map((d) => {
    const index = Number(d.path.split('.')[0]);
    const id = Number.isInteger(index) ? sent[index]?.id : undefined;
    const item = items.find((i) => i.value.id === id);
    return { label: item ? `${subjectName(item.value)} ${item.value.year} ${item.value.indicator.nameZh}` : d.path, message: d.message };
  });
}
