// The overview's view of /api/progress: targets grouped by plan, and the short notes a row shows for
// coverage sets, aggregates and classes of parks. Pure, so the wording is pinned down by tests.
import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/locale.ts';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { describeSource, joinNames } from '../../../shared/format.ts';
import { statusWord } from '../../lib/i18n.ts';
import { STATUS_REASONS, type StatusReason } from '../../../shared/progress.ts';

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

/** The overview's words (its own namespace and the common one); a fixed translator in the tests. */
export type OverviewT = TFunction<['overview', 'common']>;

export function coverageNotes(coverage: Coverage, t: OverviewT, locale: Locale): Note[] {
  if (coverage.regionsTotal === 0) {
    return [{ text: t('common:words.noRegionSet'), title: t('notes.noRegionSetTitle'), tone: 'warn' }];
  }
  const notes: Note[] = [{
    text: t('words.coverage', { covered: coverage.coveredCount, total: coverage.regionsTotal }),
    title: t('notes.coverageTitle', { year: coverage.asOfYear }),
    tone: 'plain',
  }];
  const uncovered = coverage.uncovered.map((r) => r.name);
  notes.push(uncovered.length > 0
    ? { text: t('words.uncovered', { names: joinNames(uncovered, locale) }), tone: 'warn' }
    : { text: t('common:words.allCovered'), tone: 'plain' });
  return notes;
}

/** The headline year of an aggregate: how many parks it includes, and those it had to leave out. */
export function aggregateNotes(aggregate: Aggregate, t: OverviewT): Note[] {
  // Without a complete year there is no headline: the provisional year beside the status says it all.
  const notes: Note[] = aggregate.year === null ? [] : [{
    text: t('common:words.parksIncluded', { included: aggregate.parksIncluded, expected: aggregate.parksExpected }),
    title: t('notes.aggregateTitle', { year: aggregate.year }),
    tone: 'plain',
  }];
  if (aggregate.excluded.length > 0) {
    notes.push({
      text: t('words.excluded', { count: aggregate.excluded.length }),
      title: aggregate.excluded.map((p) => t('notes.excludedPark', { park: p.parkName, year: p.year, reason: t(`common:words.reason.${p.reason}`) })).join('\n'),
      tone: 'warn',
    });
  }
  return notes;
}

type ParkClass = NonNullable<ProgressEntryT['parkClass']>;

/** A class target ("every national zone …"): how many of its parks are fine, how many lack figures, the weakest. */
export function classNotes(parkClass: ParkClass, t: OverviewT, locale: Locale): Note[] {
  const ok = parkClass.byStatus.achieved + parkClass.byStatus.on_track;
  const notes: Note[] = [{ text: t('words.classOnTrack', { ok, total: parkClass.parks }), tone: ok < parkClass.withData ? 'warn' : 'plain' }];
  const noData = parkClass.parks - parkClass.withData;
  if (noData > 0) notes.push({ text: t('words.classNoData', { count: noData }), tone: 'warn' });
  const behind = parkClass.weakest.filter((p) => p.status !== 'achieved' && p.status !== 'on_track');
  if (behind.length > 0) {
    notes.push({
      text: t('words.classWeakest', { names: joinNames(behind.slice(0, 2).map((p) => p.parkName), locale) }),
      title: behind.map((p) => `${p.parkName}: ${statusWord(p.status, locale)}`).join('\n'),
      tone: 'warn',
    });
  }
  return notes;
}

/**
 * The notes of a row about its scope: coverage, aggregate, class. What the status rests on (reasons,
 * provisional year, held, tolerance, awaited figures) is said by StateNotes, the same on every view.
 */
export function entryNotes(entry: ProgressEntryT, t: OverviewT, locale: Locale): Note[] {
  return [
    ...(entry.coverage && entry.coverage.regionsTotal > 0 ? coverageNotes(entry.coverage, t, locale) : []),
    ...(entry.aggregate ? aggregateNotes(entry.aggregate, t) : []),
    ...(entry.parkClass ? classNotes(entry.parkClass, t, locale) : []),
  ];
}

/** The source for a tooltip: title and the date it was published. */
export function sourceTitle(source: ProgressEntryT['source'], t: OverviewT, locale: Locale = 'zh'): string | undefined {
  if (!source) return undefined;
  return t('source', { title: describeSource(source, locale) });
}

/** How many targets lack data, by reason, in the order a planner would take them up; reasons with none left out. */
export function insufficientByReason(entries: readonly Pick<ProgressEntryT, 'status' | 'statusReason'>[]): { reason: StatusReason; count: number }[] {
  const counts = new Map<StatusReason, number>();
  for (const e of entries) if (e.status === 'insufficient_data' && e.statusReason) counts.set(e.statusReason, (counts.get(e.statusReason) ?? 0) + 1);
  return STATUS_REASONS.map((reason) => ({ reason, count: counts.get(reason) ?? 0 })).filter((r) => r.count > 0);
}

/** Most targets lack data: the overview then leads with what to do next. */
export function mostLackData(entries: readonly Pick<ProgressEntryT, 'status'>[]): boolean {
  const lacking = entries.filter((e) => e.status === 'insufficient_data').length;
  return entries.length > 0 && lacking * 2 >= entries.length;
}
