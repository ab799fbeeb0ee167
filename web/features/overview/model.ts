// The overview's view of /api/progress: targets grouped by plan, and the short notes a row shows for
// coverage sets, aggregates and classes of parks. Pure, so the wording is pinned down by tests.
import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/locale.ts';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { joinNames } from '../../lib/format.ts';
import { statusWord } from '../../lib/i18n.ts';

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

export function aggregateNotes(aggregate: Aggregate, t: OverviewT): Note[] {
  const notes: Note[] = [{
    text: t('common:words.parksIncluded', { included: aggregate.parksIncluded, expected: aggregate.parksExpected }),
    ...(aggregate.year !== null ? { title: t('notes.aggregateTitle', { year: aggregate.year }) } : {}),
    tone: 'plain',
  }];
  if (aggregate.provisional) {
    notes.push({ text: t('words.provisional'), title: t('notes.provisionalTitle'), tone: 'warn' });
  }
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

/** Every note of a row: coverage, aggregate, class, and whether the target year's figure is still to come. */
export function entryNotes(entry: ProgressEntryT, t: OverviewT, locale: Locale): Note[] {
  return [
    ...(entry.coverage ? coverageNotes(entry.coverage, t, locale) : []),
    ...(entry.aggregate ? aggregateNotes(entry.aggregate, t) : []),
    ...(entry.parkClass ? classNotes(entry.parkClass, t, locale) : []),
    ...(entry.awaitingFinal
      ? [{ text: t('words.awaiting', { year: entry.targetYear }), title: t('notes.awaitingTitle'), tone: 'warn' as const }]
      : []),
  ];
}

/** The source for a tooltip: title and the date it was published. */
export function sourceTitle(source: ProgressEntryT['source'], t: OverviewT): string | undefined {
  if (!source) return undefined;
  return source.publishedOn ? t('sourceDated', { title: source.title, date: source.publishedOn }) : t('source', { title: source.title });
}
