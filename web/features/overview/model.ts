// The overview's view of /api/progress: targets grouped by plan, and the short notes a row shows for
// coverage sets, aggregates and classes of parks. Pure, so the wording is pinned down by tests.
import { STATUS_EN, STATUS_ZH } from '../../../shared/progress.ts';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import type { Locale } from '../../../shared/units.ts';
import { formatYear, joinNames } from '../../lib/format.ts';
import { translate } from '../../lib/i18n.ts';

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

export function coverageNotes(coverage: Coverage, locale: Locale = 'zh'): Note[] {
  if (coverage.regionsTotal === 0) {
    return [{
      text: translate(locale, 'words.noRegionSet'),
      title: locale === 'zh' ? '这项目标要覆盖的地区名单还没有录入，暂时无法统计覆盖情况' : 'The regions this target covers have not been entered yet',
      tone: 'warn',
    }];
  }
  const notes: Note[] = [{
    text: locale === 'zh' ? `已覆盖 ${coverage.coveredCount}/${coverage.regionsTotal}` : translate(locale, 'words.coverage', { covered: coverage.coveredCount, total: coverage.regionsTotal }),
    title: locale === 'zh' ? `按园区名录，截至${formatYear(coverage.asOfYear)}` : `From the park register, as of ${coverage.asOfYear}`,
    tone: 'plain',
  }];
  const uncovered = coverage.uncovered.map((r) => r.name);
  notes.push(uncovered.length > 0
    ? { text: locale === 'zh' ? `未覆盖：${joinNames(uncovered)}` : translate(locale, 'words.uncovered', { names: joinNames(uncovered, locale) }), tone: 'warn' }
    : { text: translate(locale, 'words.allCovered'), tone: 'plain' });
  return notes;
}

const EXCLUDED_REASON: Record<Aggregate['excluded'][number]['reason'], string> = {
  ratio_only: '只报了比值，没有分子和分母',
  missing_numerator: '缺少分子',
  missing_denominator: '缺少分母',
};

export function aggregateNotes(aggregate: Aggregate, locale: Locale = 'zh'): Note[] {
  const notes: Note[] = [{
    text: locale === 'zh' ? `纳入园区 ${aggregate.parksIncluded}/${aggregate.parksExpected}` : translate(locale, 'words.parksIncluded', { included: aggregate.parksIncluded, expected: aggregate.parksExpected }),
    ...(aggregate.year !== null ? { title: locale === 'zh' ? `${formatYear(aggregate.year)}汇总` : `Aggregate of ${aggregate.year}` } : {}),
    tone: 'plain',
  }];
  if (aggregate.provisional) {
    notes.push({
      text: translate(locale, 'words.provisional'),
      title: locale === 'zh' ? '报送数据的园区不够多，汇总值仅供参考 (provisional)' : 'Too few parks reported: the aggregate is provisional',
      tone: 'warn',
    });
  }
  if (aggregate.excluded.length > 0) {
    notes.push({
      text: locale === 'zh' ? `${aggregate.excluded.length} 个园区的数据无法计入` : translate(locale, 'words.excluded', { count: aggregate.excluded.length }),
      title: aggregate.excluded.map((p) => (locale === 'zh'
        ? `${p.parkName}（${formatYear(p.year)}）：${EXCLUDED_REASON[p.reason]}`
        : `${p.parkName} (${p.year}): ${translate(locale, `words.reason.${p.reason}`)}`)).join('\n'),
      tone: 'warn',
    });
  }
  return notes;
}

type ParkClass = NonNullable<ProgressEntryT['parkClass']>;

/** A class target ("every national zone …"): how many of its parks are fine, how many lack figures, the weakest. */
export function classNotes(parkClass: ParkClass, locale: Locale = 'zh'): Note[] {
  const ok = parkClass.byStatus.achieved + parkClass.byStatus.on_track;
  const notes: Note[] = [{ text: translate(locale, 'words.classOnTrack', { ok, total: parkClass.parks }), tone: ok < parkClass.withData ? 'warn' : 'plain' }];
  const noData = parkClass.parks - parkClass.withData;
  if (noData > 0) notes.push({ text: translate(locale, 'words.classNoData', { count: noData }), tone: 'warn' });
  const behind = parkClass.weakest.filter((p) => p.status !== 'achieved' && p.status !== 'on_track');
  if (behind.length > 0) {
    const label = locale === 'zh' ? STATUS_ZH : STATUS_EN;
    notes.push({
      text: translate(locale, 'words.classWeakest', { names: joinNames(behind.slice(0, 2).map((p) => p.parkName), locale) }),
      title: behind.map((p) => `${p.parkName}: ${label[p.status]}`).join('\n'),
      tone: 'warn',
    });
  }
  return notes;
}

/** Every note of a row: coverage, aggregate, class, and whether the target year's figure is still to come. */
export function entryNotes(entry: ProgressEntryT, locale: Locale = 'zh'): Note[] {
  return [
    ...(entry.coverage ? coverageNotes(entry.coverage, locale) : []),
    ...(entry.aggregate ? aggregateNotes(entry.aggregate, locale) : []),
    ...(entry.parkClass ? classNotes(entry.parkClass, locale) : []),
    ...(entry.awaitingFinal
      ? [{
        text: locale === 'zh' ? `待${formatYear(entry.targetYear)}数据` : translate(locale, 'words.awaiting', { year: entry.targetYear }),
        title: locale === 'zh' ? '目标年份已过，该年的数据尚未报送' : 'The target year has passed; its figures are not in yet',
        tone: 'warn' as const,
      }]
      : []),
  ];
}

/** The source for a tooltip: title and the date it was published. */
export function sourceTitle(source: ProgressEntryT['source'], locale: Locale = 'zh'): string | undefined {
  if (!source) return undefined;
  if (locale === 'en') return source.publishedOn ? `Source: ${source.title} (${source.publishedOn})` : `Source: ${source.title}`;
  return source.publishedOn ? `来源：${source.title}（${source.publishedOn}）` : `来源：${source.title}`;
}
