// The overview's view of /api/progress: targets grouped by plan, and the short notes a row shows for
// coverage sets and aggregates. Pure, so the wording is pinned down by tests.
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { formatYear, joinNames } from '../../lib/format.ts';

export interface PlanGroup {
  plan: ProgressEntryT['plan'];
  entries: ProgressEntryT[];
}

/** Targets grouped by their plan, plans and targets in the order the API lists them. */
export function groupByPlan(entries: readonly ProgressEntryT[]): PlanGroup[] {
  const groups = new Map<number, PlanGroup>();
  for (const entry of entries) {
    let group = groups.get(entry.plan.id);
    if (!group) {
      group = { plan: entry.plan, entries: [] };
      groups.set(entry.plan.id, group);
    }
    group.entries.push(entry);
  }
  return [...groups.values()];
}

export interface Note {
  text: string;
  /** Longer explanation, for a tooltip. */
  title?: string;
  tone: 'plain' | 'warn';
}

type Coverage = NonNullable<ProgressEntryT['coverage']>;
type Aggregate = NonNullable<ProgressEntryT['aggregate']>;

export function coverageNotes(coverage: Coverage): Note[] {
  if (coverage.regionsTotal === 0) {
    return [{ text: '覆盖名单未录入', title: '这项目标要覆盖的地区名单还没有录入，暂时无法统计覆盖情况', tone: 'warn' }];
  }
  const notes: Note[] = [{
    text: `已覆盖 ${coverage.coveredCount}/${coverage.regionsTotal}`,
    title: `按园区名录，截至${formatYear(coverage.asOfYear)}`,
    tone: 'plain',
  }];
  const uncovered = coverage.uncovered.map((r) => r.name);
  notes.push(uncovered.length > 0
    ? { text: `未覆盖：${joinNames(uncovered)}`, tone: 'warn' }
    : { text: '已全部覆盖', tone: 'plain' });
  return notes;
}

const EXCLUDED_REASON: Record<Aggregate['excluded'][number]['reason'], string> = {
  ratio_only: '只报了比值，没有分子和分母',
  missing_numerator: '缺少分子',
  missing_denominator: '缺少分母',
};

export function aggregateNotes(aggregate: Aggregate): Note[] {
  const notes: Note[] = [{
    text: `纳入园区 ${aggregate.parksIncluded}/${aggregate.parksExpected}`,
    ...(aggregate.year !== null ? { title: `${formatYear(aggregate.year)}汇总` } : {}),
    tone: 'plain',
  }];
  if (aggregate.provisional) {
    notes.push({ text: '暂定', title: '报送数据的园区不够多，汇总值仅供参考 (provisional)', tone: 'warn' });
  }
  if (aggregate.excluded.length > 0) {
    notes.push({
      text: `${aggregate.excluded.length} 个园区的数据无法计入`,
      title: aggregate.excluded.map((p) => `${p.parkName}（${formatYear(p.year)}）：${EXCLUDED_REASON[p.reason]}`).join('\n'),
      tone: 'warn',
    });
  }
  return notes;
}

/** Every note of a row: coverage, aggregate, and whether the target year's figure is still to come. */
export function entryNotes(entry: ProgressEntryT): Note[] {
  return [
    ...(entry.coverage ? coverageNotes(entry.coverage) : []),
    ...(entry.aggregate ? aggregateNotes(entry.aggregate) : []),
    ...(entry.awaitingFinal
      ? [{ text: `待${formatYear(entry.targetYear)}数据`, title: '目标年份已过，该年的数据尚未报送', tone: 'warn' as const }]
      : []),
  ];
}

/** The source for a tooltip: title and the date it was published. */
export function sourceTitle(source: ProgressEntryT['source']): string | undefined {
  if (!source) return undefined;
  return source.publishedOn ? `来源：${source.title}（${source.publishedOn}）` : `来源：${source.title}`;
}
