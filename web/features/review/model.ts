// The review list's logic, pure: submitted figures grouped by park and year, each with the nearest
// earlier figure beside it and the jump against the nearest year before or after (the same one the
// write checks name); the selection as `{ id, version }`; refusals mapped back.
import { nearestJump, nearestYears } from '../../../shared/plausibility.ts';
import type { ReportedValueT } from '../../../shared/schemas.ts';

export interface ReviewItem {
  value: ReportedValueT;
  /** The nearest earlier figure, whatever the gap (2020's when 2021–2023 are missing). */
  lastYear: { year: number; value: number } | null;
  /** value / that figure − 1 (0.129 = +12.9%), or null without a positive earlier figure. */
  change: number | null;
  /** Beyond ×5 (widened with the gap) against the nearest year before or after: what the write checks ask to confirm. */
  jump: boolean;
  /** The year and value the jump is against (the same the writer's message and confirmation named). */
  against: { year: number; value: number } | null;
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
  // Each subject's series of each indicator, every year it has a figure (stored or submitted).
  const series = new Map<string, Map<number, number>>();
  for (const v of [...earlier, ...submitted]) {
    const k = `${subjectKey(v)}:${v.indicator.code}`;
    const years = series.get(k) ?? new Map<number, number>();
    if (!years.has(v.year)) years.set(v.year, v.value);
    series.set(k, years);
  }
  const groups = new Map<string, ReviewGroup>();
  for (const v of submitted) {
    const key = `${subjectKey(v)}:${v.year}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, parkId: v.subject.parkId, regionCode: v.subject.parkId === null ? v.subject.regionCode : null, name: subjectName(v), year: v.year, items: [] };
      groups.set(key, group);
    }
    const history = [...(series.get(`${subjectKey(v)}:${v.indicator.code}`) ?? new Map<number, number>())].map(([year, value]) => ({ year, value }));
    const lastYear = nearestYears(v.year, history).before;
    const change = lastYear && lastYear.value > 0 ? v.value / lastYear.value - 1 : null;
    const against = nearestJump(v.value, v.year, history, v.indicator.kind);
    group.items.push({ value: v, lastYear, change, jump: against !== null, against });
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'zh'));
}

/** How far around the submitted years the nearest figures are looked for. */
export const NEAREST_SPAN_YEARS = 15;

/** The years around the list, for asking the nearest figures before and after in one request. */
export function yearSpan(values: readonly { year: number }[]): { from: number; to: number } | null {
  if (values.length === 0) return null;
  const years = values.map((v) => v.year);
  return { from: Math.min(...years) - NEAREST_SPAN_YEARS, to: Math.max(...years) + NEAREST_SPAN_YEARS };
}

export function selectedItems(groups: readonly ReviewGroup[], selected: ReadonlySet<number>): { id: number; version: number }[] {
  return groups.flatMap((g) => g.items).filter((i) => selected.has(i.value.id)).map((i) => ({ id: i.value.id, version: i.value.version }));
}

/** “+12.9%”, “−3%”, or “×10” for a jump. */
export function changeText(item: Pick<ReviewItem, 'change' | 'jump' | 'lastYear' | 'value'> & { against?: ReviewItem['against'] }): string {
  const other = item.jump ? item.against ?? item.lastYear : null;
  if (other && other.value > 0) {
    const ratio = item.value.value / other.value;
    return ratio >= 1 ? `×${Number(ratio.toFixed(1))}` : `÷${Number((1 / ratio).toFixed(1))}`;
  }
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
