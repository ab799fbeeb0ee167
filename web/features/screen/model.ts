// What each scene shows, chosen from the API's answers: which target the trend follows, which parks
// hold the province back, which coverage target the map colours, which indicator the ranking ranks,
// and how the target cards are laid out. Pure; the numbers come from the progress engine as they are.
import { STATUS_SEVERITY, type Status } from '../../../shared/progress.ts';
import type { IndicatorRef } from '../../../shared/schemas.ts';
import type { ParkFiguresT, ParkStatusMatrixT, ProgressDetailT, ProgressEntryT, TargetRefT } from '../../../shared/schemas.ts';
import type { z } from 'zod';

type IndicatorRefT = z.infer<typeof IndicatorRef>;

/** The latest year any target has a figure for: “数据截至 2025年”. */
export function asOfYear(entries: readonly Pick<ProgressEntryT, 'latestYear'>[]): number | null {
  const years = entries.map((e) => e.latestYear).filter((y): y is number => y !== null);
  return years.length ? Math.max(...years) : null;
}

/** Time is not up yet: the target can still be reached. */
export function isRunning(entry: Pick<ProgressEntryT, 'elapsed'>): boolean {
  return entry.elapsed === null || entry.elapsed < 1;
}

/** Running targets first, each group in the API's order (by plan). */
function runningFirst<T extends Pick<ProgressEntryT, 'elapsed'>>(list: readonly T[]): T[] {
  return [...list.filter(isRunning), ...list.filter((e) => !isRunning(e))];
}

/** A status the figures decide (not insufficient data): what a wall may state as fact. */
const judged = (e: Pick<ProgressEntryT, 'status'>) => e.status !== 'insufficient_data';

/**
 * The target whose trend the screen shows: the link's own choice, else the first running province
 * total whose figures decide a status, else any judged target, else any with figures (coverage sets
 * are the map's). None when no target has a figure: the scene is skipped.
 */
export function chooseTrendTarget(entries: readonly ProgressEntryT[], preferredId?: number): ProgressEntryT | null {
  const preferred = entries.find((e) => e.id === preferredId);
  if (preferred) return preferred;
  const measured = entries.filter((e) => e.latestValue !== null && e.scope.kind !== 'coverage');
  const decided = measured.filter(judged);
  return runningFirst(decided.filter((e) => e.scope.kind === 'province_aggregate'))[0] ?? runningFirst(decided)[0] ?? runningFirst(measured)[0] ?? null;
}

/** A province total for which each park's shortfall can be measured (ratio and share targets not yet met). */
export function hasShortfall(entry: ProgressEntryT): boolean {
  return entry.scope.kind === 'province_aggregate' && judged(entry) && (entry.aggregate?.extraNeeded ?? 0) > 0;
}

/** The target whose laggards the screen lists: the link's choice when it has a shortfall, else the first running one. */
export function chooseLaggardsTarget(entries: readonly ProgressEntryT[], preferredId?: number): ProgressEntryT | null {
  const candidates = entries.filter(hasShortfall);
  return candidates.find((e) => e.id === preferredId) ?? runningFirst(candidates)[0] ?? null;
}

/**
 * The coverage target the map colours: one whose regions are all on the bundled map (a county set
 * cannot be drawn on a map of cities), running ones first, the latest horizon of those.
 */
export function chooseCoverageTarget(entries: readonly ProgressEntryT[], mapRegions: ReadonlySet<string> | null, preferredId?: number): ProgressEntryT | null {
  const drawable = entries.filter((e) => {
    const c = e.coverage;
    if (!c || c.regionsTotal === 0) return false;
    return !mapRegions || [...c.covered, ...c.uncovered].every((r) => mapRegions.has(r.code));
  });
  const preferred = drawable.find((e) => e.id === preferredId);
  if (preferred) return preferred;
  const running = drawable.filter(isRunning);
  return (running.length ? running : drawable).at(-1) ?? null;
}

export interface RankingChoice {
  indicator: IndicatorRefT;
  /** The target line: the chosen target's, when every target of the indicator that parks are held to asks the same. */
  target: TargetRefT | null;
  /** Every target of the indicator: each park is measured against the one that applies to it. */
  targetIds: number[];
}

/**
 * The indicator the ranking ranks and the targets it is held against: the link's indicator (when parks
 * report it), else the indicator of the first running target that parks can be measured against.
 */
export function chooseRanking(figures: ParkFiguresT, matrix: ParkStatusMatrixT | undefined, entries: readonly ProgressEntryT[], preferred?: string, preferredTargetId?: number): RankingChoice | null {
  const reported = new Set(figures.parks.flatMap((p) => Object.keys(p.figures)));
  const indicators = figures.indicators.filter((i) => reported.has(i.code));
  if (!indicators.length) return null;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const running = (t: TargetRefT) => { const e = byId.get(t.id); return e ? isRunning(e) : true; };
  const targets = (matrix?.targets ?? []).filter((t) => t.targetValue !== null && reported.has(t.indicator.code));
  const ordered = [...targets.filter(running), ...targets.filter((t) => !running(t))];
  const code = indicators.some((i) => i.code === preferred) ? preferred!
    : (ordered.find((t) => t.id === preferredTargetId) ?? ordered[0])?.indicator.code ?? indicators[0]!.code;
  const indicator = indicators.find((i) => i.code === code)!;
  const forIndicator = ordered.filter((t) => t.indicator.code === code);
  const chosen = forIndicator.find((t) => t.id === preferredTargetId) ?? forIndicator[0] ?? null;
  // One line only when it is every park's bar (杭州's top 10 is not 宁波's target, though both say 10).
  const oneBar = chosen !== null && forIndicator.every((t) => t.targetValue === chosen.targetValue && t.comparator === chosen.comparator);
  return { indicator, target: oneBar ? chosen : null, targetIds: forIndicator.map((t) => t.id) };
}

export interface RankedPark {
  id: number;
  name: string;
  value: number;
  year: number;
  status: Status | null;
  held: boolean;
}

/**
 * Every park with a figure for the indicator, with its status against the target of the indicator that
 * applies to it (the chosen one first): a park's own target, its class's, the province's ratio bar.
 */
export function rankingRows(figures: ParkFiguresT, matrix: ParkStatusMatrixT | undefined, indicatorCode: string, targetIds: readonly number[]): RankedPark[] {
  const order = new Map(targetIds.map((id, i) => [id, i]));
  const cells = new Map<number, ParkStatusMatrixT['cells'][number]>();
  for (const c of matrix?.cells ?? []) {
    const rank = order.get(c.targetId);
    if (rank === undefined) continue;
    const kept = cells.get(c.parkId);
    if (!kept || rank < order.get(kept.targetId)!) cells.set(c.parkId, c);
  }
  return figures.parks.flatMap((p) => {
    const f = p.figures[indicatorCode];
    const cell = cells.get(p.id);
    return f ? [{ id: p.id, name: p.name, value: f.value, year: f.year, status: cell?.status ?? null, held: cell?.held ?? false }] : [];
  });
}

/** Best first: highest first, or lowest first for ranks and other lower-is-better figures; ties by name. */
export function rankParks<T extends { name: string; value: number }>(rows: readonly T[], direction: 'up' | 'down'): T[] {
  return [...rows].sort((a, b) => (direction === 'up' ? b.value - a.value : a.value - b.value) || a.name.localeCompare(b.name, 'zh'));
}

export interface Laggard {
  parkId: number;
  name: string;
  /** What the park would need to add for the province to reach the target, in `unit`. */
  need: number;
  /** The park's own value of the ratio or share. */
  value: number | null;
  year: number;
}

/** The parks that hold the province back most: largest shortfall first, at most `limit`. */
export function laggards(detail: Pick<ProgressDetailT, 'breakdown'>, limit = 10): Laggard[] {
  return detail.breakdown
    .filter((b): b is typeof b & { need: number } => b.need !== null && b.need > 0)
    .sort((a, b) => b.need - a.need || a.parkName.localeCompare(b.parkName, 'zh'))
    .slice(0, limit)
    .map((b) => ({ parkId: b.parkId, name: b.parkName, need: b.need, value: b.value, year: b.year }));
}

export interface TargetBoard {
  /** Rows shown (one per target). */
  rows: number;
  /** Type size of the rows: fewer targets, larger type. */
  density: 'large' | 'medium' | 'small';
  /** Targets beyond the board (the worst are shown; a note counts the rest). */
  hidden: number;
}

/** At most this many targets fit the board at a readable size (fewer when rows carry a note line). */
export const BOARD_CAPACITY = 20;
export const BOARD_CAPACITY_WITH_NOTES = 14;

/**
 * How the board of targets fills the stage: one row per target, type as large as the count allows.
 * Rows with a second line (what the status rests on) need more room: smaller type, fewer rows.
 */
export function targetBoard(count: number, withNotes = false): TargetBoard {
  const capacity = withNotes ? BOARD_CAPACITY_WITH_NOTES : BOARD_CAPACITY;
  const [large, medium] = withNotes ? [6, 9] : [10, 14];
  const rows = Math.min(Math.max(0, count), capacity);
  return { rows, density: count <= large ? 'large' : count <= medium ? 'medium' : 'small', hidden: Math.max(0, count - capacity) };
}

/** Targets worst first within the same order of severity the heatmap uses; ties keep the API's order. */
export function bySeverity<T extends { status: Status }>(list: readonly T[]): T[] {
  return list.map((e, i) => ({ e, i })).sort((a, b) => STATUS_SEVERITY[a.e.status] - STATUS_SEVERITY[b.e.status] || a.i - b.i).map((x) => x.e);
}

/** What each scene needs to have something true to show. */
export interface SceneContent {
  trend: boolean;
  laggards: boolean;
  coverage: boolean;
  ranking: boolean;
}

/**
 * The configured scenes that have something true to show, in their order: a scene without it is
 * skipped rather than filling the wall with "nothing here". The target board always stays.
 */
export function scenesWithContent<S extends string>(scenes: readonly S[], content: SceneContent): S[] {
  const shown = scenes.filter((s) => !(s in content) || content[s as keyof SceneContent]);
  return shown.length ? shown : scenes.slice(0, 1);
}
