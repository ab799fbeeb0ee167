// Every output of the progress method in plain words, as a planner would say it:
// “按当前速度, 2025年预计达到 7.31%, 距目标差 0.69个百分点”, “每年需提高 0.61个百分点”.
// Pure: the numbers come from the API (shared/progress.ts); the sentences are the targets namespace's
// readings.* words, the numbers written by lib/format.ts.
import type { TFunction } from 'i18next';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import type { Locale } from '../../../shared/locale.ts';
import { describeTarget, formatDifference, formatMeasured, formatShare } from '../../lib/format.ts';

export interface Reading {
  key: 'status' | 'pace' | 'projection' | 'needed' | 'extra' | 'awaiting' | 'data';
  text: string;
}

type Entry = Pick<ProgressEntryT,
  'status' | 'direction' | 'latestYear' | 'latestValue' | 'baselineYear' | 'baselineValue' | 'progress' | 'elapsed' | 'expected' | 'gap'
  | 'requiredPace' | 'observedPace' | 'paceRatio' | 'neededPaceFromNow' | 'neededGrowthRateFromNow' | 'projected' | 'projectedAttained'
  | 'projectedGap' | 'awaitingFinal' | 'targetYear' | 'targetValue' | 'comparator' | 'unit' | 'scope' | 'aggregate'>;

export interface PartNames {
  /** The part that has to grow, e.g. R&D经费支出. */
  part: string | null;
  /** The part it is measured against, e.g. 地区生产总值. */
  base: string | null;
}

/** The words of a target's page (readings.* keys of the targets namespace). */
export type ReadingsT = TFunction<'targets'>;

/** Which way a pace goes, in the words of a rank (places climbed) or of any other figure. */
function way(pace: number, unit: string): 'up' | 'down' | 'rankUp' | 'rankDown' {
  const up = pace >= 0;
  if (unit === '名') return up ? 'rankUp' : 'rankDown';
  return up ? 'up' : 'down';
}

export function readings(e: Entry, names: PartNames, t: ReadingsT, locale: Locale): Reading[] {
  const v = (x: number | null) => formatMeasured(x, e.unit, locale) ?? '—';
  const d = (x: number | null) => formatDifference(x === null ? null : Math.abs(x), e.unit, locale);
  const goal = describeTarget(e, locale);
  const out: Reading[] = [];

  if (e.latestValue === null || e.latestYear === null) {
    return [{ key: 'data', text: t('readings.data') }];
  }
  const latest = t('readings.latest', { year: e.latestYear, value: v(e.latestValue) });
  switch (e.status) {
    case 'achieved':
      out.push({ key: 'status', text: t('readings.achieved', { latest, goal: goal.spoken }) });
      break;
    case 'missed':
      out.push({ key: 'status', text: t('readings.missed', { latest, gap: d(e.gap) }) });
      break;
    case 'insufficient_data':
      out.push({ key: 'status', text: t('readings.tooFew', { latest }) });
      break;
    default: {
      const progress = e.progress !== null ? formatShare(e.progress) : '—';
      const elapsed = e.elapsed !== null ? formatShare(e.elapsed) : '—';
      const baseline = e.baselineYear !== null ? t('readings.baseline', { year: e.baselineYear, value: v(e.baselineValue) }) : '';
      const expected = e.expected !== null ? t('readings.expected', { value: v(e.expected) }) : '';
      out.push({ key: 'status', text: t('readings.status', { latest, baseline, gap: d(e.gap), progress, elapsed, expected }) });
    }
  }

  if (e.observedPace !== null && e.requiredPace !== null && e.status !== 'achieved') {
    out.push({
      key: 'pace',
      text: t('readings.pace', {
        observedMove: t(`readings.observed.${way(e.observedPace, e.unit)}`), observed: d(e.observedPace),
        requiredMove: t(`readings.move.${way(e.requiredPace, e.unit)}`), required: d(e.requiredPace),
        ratio: e.paceRatio !== null ? t('readings.paceRatio', { ratio: formatShare(e.paceRatio) }) : '',
      }),
    });
  }
  if (e.projected !== null) {
    out.push({
      key: 'projection',
      text: e.projectedAttained
        ? t('readings.projectionReaches', { year: e.targetYear, value: v(e.projected) })
        : t('readings.projectionShort', { year: e.targetYear, value: v(e.projected), gap: d(e.projectedGap) }),
    });
  }
  if (e.neededPaceFromNow !== null && e.neededPaceFromNow !== 0 && e.status !== 'achieved' && e.status !== 'missed') {
    const rate = e.neededGrowthRateFromNow !== null ? t('readings.neededRate', { rate: formatShare(e.neededGrowthRateFromNow) }) : '';
    out.push({
      key: 'needed',
      text: t('readings.needed', { year: e.targetYear, move: t(`readings.move.${way(e.neededPaceFromNow, e.unit)}`), pace: d(e.neededPaceFromNow), rate }),
    });
  }
  const agg = e.aggregate;
  if (agg && agg.extraNeeded !== null && agg.extraNeededUnit && agg.year !== null && e.status !== 'achieved' && names.part) {
    const amount = formatMeasured(agg.extraNeeded, agg.extraNeededUnit, locale) ?? '—';
    out.push({ key: 'extra', text: t('readings.extra', { year: agg.year, base: names.base ?? t('readings.extraBase'), part: names.part, amount }) });
  }
  if (e.awaitingFinal) {
    out.push({ key: 'awaiting', text: t('readings.awaiting', { year: e.targetYear, latestYear: e.latestYear }) });
  }
  return out;
}
