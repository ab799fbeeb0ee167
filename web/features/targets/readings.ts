// Every output of the progress method in plain words, as a planner would say it:
// “按当前速度, 2025年预计达到 7.31%, 距目标差 0.69个百分点”, “每年需提高 0.61个百分点”.
// Pure: the numbers come from the API (shared/progress.ts); only their wording is decided here.
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

function moveWord(pace: number, unit: string, locale: Locale): string {
  const up = pace >= 0;
  if (unit === '名') return locale === 'zh' ? (up ? '后退' : '提升') : (up ? 'fall back' : 'climb');
  return locale === 'zh' ? (up ? '提高' : '降低') : (up ? 'rise' : 'fall');
}

function pastWord(pace: number, unit: string): string {
  if (unit === '名') return pace >= 0 ? 'dropped' : 'climbed';
  return pace >= 0 ? 'risen' : 'fallen';
}

export function readings(e: Entry, names: PartNames = { part: null, base: null }, locale: Locale = 'zh'): Reading[] {
  const zh = locale === 'zh';
  const v = (x: number | null) => formatMeasured(x, e.unit, locale) ?? '—';
  const d = (x: number | null) => formatDifference(x === null ? null : Math.abs(x), e.unit, locale);
  const goal = describeTarget(e, locale);
  const out: Reading[] = [];

  if (e.latestValue === null || e.latestYear === null) {
    return [{ key: 'data', text: zh ? '还没有可用的数据, 无法判断进展。' : 'No figures yet: progress cannot be judged.' }];
  }
  const latest = zh ? `${e.latestYear}年为 ${v(e.latestValue)}` : `${v(e.latestValue)} in ${e.latestYear}`;
  switch (e.status) {
    case 'achieved':
      out.push({ key: 'status', text: zh ? `已达成: ${latest}, 目标为${goal.spoken}。` : `Achieved: ${latest}; the target is ${goal.spoken}.` });
      break;
    case 'missed':
      out.push({ key: 'status', text: zh ? `未达成: ${latest}, 距目标差 ${d(e.gap)}。` : `Missed: ${latest}, ${d(e.gap)} short of the target.` });
      break;
    case 'insufficient_data':
      out.push({ key: 'status', text: zh ? `${latest}; 从基准年到最新年份不足两个数值, 还无法判断速度。` : `${latest}; fewer than two values since the baseline year, so the pace cannot be judged yet.` });
      break;
    default: {
      const progress = e.progress !== null ? formatShare(e.progress) : null;
      const elapsed = e.elapsed !== null ? formatShare(e.elapsed) : null;
      const base = e.baselineYear !== null ? (zh ? `(基准: ${e.baselineYear}年 ${v(e.baselineValue)})` : ` (baseline ${v(e.baselineValue)} in ${e.baselineYear})`) : '';
      out.push({
        key: 'status',
        text: zh
          ? `${latest}${base}, 距目标差 ${d(e.gap)}; 已完成从基准到目标距离的 ${progress ?? '—'}, 时间已过 ${elapsed ?? '—'}${e.expected !== null ? `, 按期此时应达到 ${v(e.expected)}` : ''}。`
          : `${latest}${base}, ${d(e.gap)} from the target; ${progress ?? '—'} of the way from baseline to target with ${elapsed ?? '—'} of the time elapsed${e.expected !== null ? `; a straight path would be at ${v(e.expected)} by now` : ''}.`,
      });
    }
  }

  if (e.observedPace !== null && e.requiredPace !== null && e.status !== 'achieved') {
    out.push({
      key: 'pace',
      text: zh
        ? `实际每年${moveWord(e.observedPace, e.unit, locale)} ${d(e.observedPace)}, 按期需要每年${moveWord(e.requiredPace, e.unit, locale)} ${d(e.requiredPace)}${e.paceRatio !== null ? `, 实际速度是所需速度的 ${formatShare(e.paceRatio)}` : ''}。`
        : `It has ${pastWord(e.observedPace, e.unit)} ${d(e.observedPace)} a year; the straight path needs ${d(e.requiredPace)} a year${e.paceRatio !== null ? `: ${formatShare(e.paceRatio)} of the pace needed` : ''}.`,
    });
  }
  if (e.projected !== null) {
    out.push({
      key: 'projection',
      text: e.projectedAttained
        ? (zh ? `按当前速度, ${e.targetYear}年预计达到 ${v(e.projected)}, 可以达到目标。` : `At the current pace it would reach ${v(e.projected)} by ${e.targetYear}: enough for the target.`)
        : (zh ? `按当前速度, ${e.targetYear}年预计达到 ${v(e.projected)}, 距目标差 ${d(e.projectedGap)}。` : `At the current pace it would reach ${v(e.projected)} by ${e.targetYear}, ${d(e.projectedGap)} short of the target.`),
    });
  }
  if (e.neededPaceFromNow !== null && e.neededPaceFromNow !== 0 && e.status !== 'achieved' && e.status !== 'missed') {
    const rate = e.neededGrowthRateFromNow !== null ? formatShare(e.neededGrowthRateFromNow) : null;
    out.push({
      key: 'needed',
      text: zh
        ? `要在${e.targetYear}年达到目标, 从现在起每年需${moveWord(e.neededPaceFromNow, e.unit, locale)} ${d(e.neededPaceFromNow)}${rate ? `(年均增长 ${rate})` : ''}。`
        : `To reach the target by ${e.targetYear} it has to ${moveWord(e.neededPaceFromNow, e.unit, locale)} ${d(e.neededPaceFromNow)} a year from now${rate ? ` (${rate} growth a year)` : ''}.`,
    });
  }
  const agg = e.aggregate;
  if (agg && agg.extraNeeded !== null && agg.extraNeededUnit && agg.year !== null && e.status !== 'achieved' && names.part) {
    const amount = formatMeasured(agg.extraNeeded, agg.extraNeededUnit, locale) ?? '—';
    out.push({
      key: 'extra',
      text: zh
        ? `按${agg.year}年的${names.base ?? '基数'}, 达到目标还需增加${names.part} ${amount}。`
        : `At the ${names.base ?? 'base'} of ${agg.year}, reaching the target takes ${amount} more ${names.part}.`,
    });
  }
  if (e.awaitingFinal) {
    out.push({
      key: 'awaiting',
      text: zh ? `目标年份已过, ${e.targetYear}年的数据尚未报送; 状态按${e.latestYear}年的数据判断。` : `The target year has passed and its figures are not in yet; the status reflects ${e.latestYear}.`,
    });
  }
  return out;
}
