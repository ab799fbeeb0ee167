// Every output of the progress method in sentences, as a planner would say it, in Chinese and English
// ("按当前速度, 2025年预计达到 7.31%, 距目标差 0.69个百分点"): a target's page and the Word report read
// them; the short notes beside a status are in state-notes.ts. Pure: the numbers come from the
// progress engine (shared/progress.ts); only their wording is here.
import { describeTarget, formatDifference, formatMeasured, formatPace, formatShare } from './format.ts';
import type { Locale } from './locale.ts';
import { progressShare, provisionalText, reasonText, toleranceText, zhOrEn, type ReadableProgress } from './state-notes.ts';

// --- the reading of one target, sentence by sentence -----------------------------------------------

export interface Reading {
  key: 'status' | 'pace' | 'projection' | 'needed' | 'extra' | 'awaiting' | 'data' | 'provisional' | 'reason';
  text: string;
}

export interface PartNames {
  /** The part that has to grow, e.g. R&D经费支出. */
  part: string | null;
  /** The part it is measured against, e.g. 地区生产总值. */
  base: string | null;
}

/** Which way a change goes, in words: ranks 提升 (a smaller number) and 下降; other figures 提高 and 降低. */
function moveWord(pace: number, unit: string, locale: Locale): string {
  const up = pace >= 0;
  if (unit === '名') return zhOrEn(locale, up ? '下降' : '提升', up ? 'drop' : 'climb');
  return zhOrEn(locale, up ? '提高' : '降低', up ? 'rise' : 'fall');
}

function pastWord(pace: number, unit: string): string {
  if (unit === '名') return pace >= 0 ? 'dropped' : 'climbed';
  return pace >= 0 ? 'risen' : 'fallen';
}

/** "每年提升 0.8 名", "每年提高 0.26个百分点": a pace with its direction in words, never a negative speed. */
export function paceText(pace: number, unit: string, locale: Locale = 'zh'): string {
  const amount = formatPace(Math.abs(pace), unit, locale);
  return locale === 'zh' ? `每年${moveWord(pace, unit, locale)} ${amount}` : `${moveWord(pace, unit, locale)} ${amount} a year`;
}

/** Every output of a target in sentences, for its page and the report. */
export function readings(e: ReadableProgress, names: PartNames = { part: null, base: null }, locale: Locale = 'zh'): Reading[] {
  const zh = locale === 'zh';
  const v = (x: number | null) => formatMeasured(x, e.unit, locale) ?? '—';
  const d = (x: number | null) => formatDifference(x === null ? null : Math.abs(x), e.unit, locale);
  const goal = describeTarget(e, locale);
  const out: Reading[] = [];
  const reason = reasonText(e, locale);
  const provisional = provisionalText(e, locale);

  if (e.latestValue === null || e.latestYear === null) {
    out.push({ key: 'data', text: reason ? `${reason}${zh ? '。' : '.'}` : zh ? '还没有可用的数据, 无法判断进展。' : 'No figures yet: progress cannot be judged.' });
    if (provisional) out.push({ key: 'provisional', text: zh ? `${provisional}; 参与汇总的园区不足八成, 不据此判断状态。` : `${provisional}; fewer than 80% of the zones are in, so it decides nothing.` });
    return out;
  }
  const latest = zh ? `${e.latestYear}年为 ${v(e.latestValue)}` : `${v(e.latestValue)} in ${e.latestYear}`;
  const base = e.baselineYear !== null ? (zh ? `(基期: ${e.baselineYear}年 ${v(e.baselineValue)})` : ` (baseline ${v(e.baselineValue)} in ${e.baselineYear})`) : '';
  switch (e.status) {
    case 'achieved': {
      const tolerance = toleranceText(e, locale);
      const held = e.held ? zhOrEn(locale, ', 基期即已达标并保持至今', ', met at the baseline and held since') : '';
      out.push({ key: 'status', text: zh ? `已达成: ${latest}${base}, 目标为${goal.spoken}${held}${tolerance ? `; ${tolerance}` : ''}。` : `Achieved: ${latest}${base}; the target is ${goal.spoken}${held}${tolerance ? `; ${tolerance}` : ''}.` });
      break;
    }
    case 'missed':
      out.push({ key: 'status', text: zh ? `未达成: ${latest}, 距目标差 ${d(e.gap)}。` : `Missed: ${latest}, ${d(e.gap)} short of the target.` });
      break;
    case 'insufficient_data':
      out.push({ key: 'reason', text: `${reason}${zh ? '。' : '.'}` });
      out.push({ key: 'status', text: zh ? `${latest}${base}, 距目标差 ${d(e.gap)}。` : `${latest}${base}, ${d(e.gap)} from the target.` });
      break;
    default: {
      if (e.held) {
        out.push({ key: 'status', text: zh ? `${latest}${base}: 基期已达标, 现已不再达标, 距目标差 ${d(e.gap)}。` : `${latest}${base}: met at the baseline, now ${d(e.gap)} outside the target.` });
        break;
      }
      const share = progressShare(e, locale);
      const elapsed = e.elapsed !== null ? formatShare(e.elapsed) : null;
      const done = share === null ? '' : share === '已超额' || share === 'exceeded'
        ? zhOrEn(locale, '; 已超额完成从基期到目标的距离', '; more than the whole distance from baseline to target is covered')
        : zhOrEn(locale, `; 已完成从基期到目标距离的 ${share}`, `; ${share} of the way from baseline to target`);
      out.push({
        key: 'status',
        text: zh
          ? `${latest}${base}, 距目标差 ${d(e.gap)}${done}${elapsed ? `, 时间已过 ${elapsed}` : ''}${e.expected !== null ? `, 按期此时应达到 ${v(e.expected)}` : ''}。`
          : `${latest}${base}, ${d(e.gap)} from the target${done}${elapsed ? ` with ${elapsed} of the time elapsed` : ''}${e.expected !== null ? `; a straight path would be at ${v(e.expected)} by now` : ''}.`,
      });
    }
  }
  if (provisional) out.push({ key: 'provisional', text: zh ? `${provisional}; 参与汇总的园区不足八成, 不据此判断状态。` : `${provisional}; fewer than 80% of the zones are in, so it decides nothing.` });

  // Stale figures: their pace is context ("when last known"), not a judgement of today.
  const stale = e.statusReason === 'stale';
  if (e.observedPace !== null && e.requiredPace !== null && e.status !== 'achieved') {
    const ratio = e.paceRatio !== null ? formatShare(e.paceRatio) : null;
    out.push({
      key: 'pace',
      text: zh
        ? `${stale ? `截至${e.latestYear}年, ` : ''}实际${paceText(e.observedPace, e.unit, locale)}, 按期需要${paceText(e.requiredPace, e.unit, locale)}${ratio ? `, 实际速度是所需速度的 ${ratio}` : ''}。`
        : `${stale ? `As of ${e.latestYear}, it` : 'It'} has ${pastWord(e.observedPace, e.unit)} ${formatPace(Math.abs(e.observedPace), e.unit, locale)} a year; the straight path needs ${formatPace(Math.abs(e.requiredPace), e.unit, locale)} a year${ratio ? `: ${ratio} of the pace needed` : ''}.`,
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
        ? `要在${e.targetYear}年达到目标, 从现在起需${paceText(e.neededPaceFromNow, e.unit, locale)}${rate ? `(年均增长 ${rate})` : ''}。`
        : `To reach the target by ${e.targetYear} it has to ${paceText(e.neededPaceFromNow, e.unit, locale)} from now${rate ? ` (${rate} growth a year)` : ''}.`,
    });
  }
  const agg = e.aggregate;
  if (agg && agg.extraNeeded !== null && agg.extraNeeded > 0 && agg.extraNeededUnit && agg.year !== null && e.status !== 'achieved' && names.part) {
    const amount = formatMeasured(agg.extraNeeded, agg.extraNeededUnit, locale) ?? '—';
    out.push({
      key: 'extra',
      text: zh
        ? `按${agg.year}年的${names.base ?? '基数'}, 达到目标还需增加${names.part} ${amount}。`
        : `At the ${names.base ?? 'base'} of ${agg.year}, reaching the target takes ${amount} more ${names.part}.`,
    });
  }
  if (e.awaitingFinal && !stale) {
    out.push({
      key: 'awaiting',
      text: zh ? `目标年份已过, ${e.targetYear}年的数据尚未报送; 状态按${e.latestYear}年的数据判断。` : `The target year has passed and its figures are not in yet; the status reflects ${e.latestYear}.`,
    });
  }
  return out;
}
