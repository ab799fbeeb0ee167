// Every output of the progress method in plain words, as a planner would say it, in Chinese and
// English: the state beside a status badge ("2025年暂定: 7.64% (1/8 园区)", "数据过旧: 最新为2021年",
// "保持 (已达成, 自基期起保持)", "在目标容差内 (距8%差0.36个百分点)"), and the sentences of a target's
// reading ("按当前速度, 2025年预计达到 7.31%, 距目标差 0.69个百分点"). One module for every view —
// cards, detail, heatmap, wall display, exports and the Word report — so they all say the same thing.
// Pure: the numbers come from the progress engine (shared/progress.ts); only their wording is here.
import { findIndicator } from './indicators.ts';
import { describeTarget, formatDifference, formatMeasured, formatPace, formatShare, formatYear, joinNames } from './format.ts';
import { STATUS_EN, STATUS_ZH, type Comparator, type Missing, type ProvisionalLatest, type Status, type StatusReason } from './progress.ts';
import type { Locale } from './locale.ts';

/** The fields of a progress entry the wording reads (a ProgressEntry from the API has them all). */
export interface ReadableProgress {
  status: Status;
  statusReason: StatusReason | null;
  lastKnownStatus: Status | null;
  held: boolean;
  direction: 'up' | 'down';
  latestYear: number | null;
  latestValue: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  progress: number | null;
  elapsed: number | null;
  expected: number | null;
  gap: number | null;
  shortOfExact: number | null;
  requiredPace: number | null;
  observedPace: number | null;
  paceRatio: number | null;
  neededPaceFromNow: number | null;
  neededGrowthRateFromNow: number | null;
  projected: number | null;
  projectedAttained: boolean | null;
  projectedGap: number | null;
  awaitingFinal: boolean;
  provisionalLatest: ProvisionalLatest | null;
  missing: Missing | null;
  comparator: Comparator;
  targetValue: number | null;
  targetYear: number;
  unit: string;
  scope: { kind: string };
  aggregate?: { year: number | null; extraNeeded: number | null; extraNeededUnit: string | null } | null;
}

const zhOrEn = (locale: Locale, zh: string, en: string) => (locale === 'zh' ? zh : en);

/** The word on a status badge: a held target that still attains reads 保持, not 已达成. */
export function statusBadge(p: Pick<ReadableProgress, 'status' | 'held'>, locale: Locale = 'zh'): string {
  if (p.held && p.status === 'achieved') return zhOrEn(locale, '保持', 'Held');
  return (locale === 'zh' ? STATUS_ZH : STATUS_EN)[p.status];
}

/** Progress as a share of the distance, for reading: "39%", "已超额" above 100%, null when held or unknown. */
export function progressShare(p: Pick<ReadableProgress, 'progress' | 'held'>, locale: Locale = 'zh'): string | null {
  if (p.held || p.progress === null || !Number.isFinite(p.progress)) return null;
  if (p.progress > 1 + 1e-9) return zhOrEn(locale, '已超额', 'exceeded');
  return formatShare(p.progress);
}

/** Years as people write them: 2025年, 2023—2025年, 2021、2023年. */
export function formatYears(years: readonly number[], locale: Locale = 'zh'): string {
  if (years.length === 0) return '';
  const sorted = [...years].sort((a, b) => a - b);
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  if (sorted.length === 1) return formatYear(sorted[0]!, locale);
  if (consecutive) return locale === 'zh' ? `${sorted[0]}—${sorted.at(-1)}年` : `${sorted[0]}–${sorted.at(-1)}`;
  return locale === 'zh' ? `${sorted.join('、')}年` : sorted.join(', ');
}

const REASON_LABELS: Record<StatusReason, { zh: string; en: string }> = {
  no_data: { zh: '尚无数据', en: 'no figures yet' },
  one_point: { zh: '仅一个数值', en: 'one value only' },
  incomplete: { zh: '数据不完整', en: 'incomplete' },
  stale: { zh: '数据过旧', en: 'data too old' },
  no_region_set: { zh: '未设定名单', en: 'no region set' },
};

/** A reason in two or three words, where a whole sentence does not fit (a heatmap cell, a table). */
export function reasonLabel(reason: StatusReason | null, locale: Locale = 'zh'): string | null {
  return reason ? REASON_LABELS[reason][locale] : null;
}

/** The status as a table cell says it: "保持", "数据不足 · 数据过旧". */
export function statusCell(p: Pick<ReadableProgress, 'status' | 'held' | 'statusReason'>, locale: Locale = 'zh'): string {
  const reason = reasonLabel(p.statusReason, locale);
  return reason ? `${statusBadge(p, locale)} · ${reason}` : statusBadge(p, locale);
}

/** Indicator names for codes (the catalogue's, else the names the caller knows, else the code). */
export type IndicatorNames = (code: string) => { nameZh: string; nameEn: string } | undefined;
const catalogueNames: IndicatorNames = (code) => findIndicator(code);

function namesOf(codes: readonly string[], locale: Locale, names: IndicatorNames): string {
  return joinNames(codes.map((c) => {
    const n = names(c) ?? catalogueNames(c);
    return n ? (locale === 'zh' ? n.nameZh : n.nameEn) : c;
  }), locale);
}

/** "温州高新区、绍兴高新区 等7个园区": the first two names, then how many in all. */
export function parksPhrase(missing: Pick<Missing, 'parks' | 'parksTotal'>, locale: Locale = 'zh'): string {
  const shown = missing.parks.slice(0, 2).map((p) => p.name);
  if (missing.parksTotal <= shown.length) return joinNames(shown, locale);
  return locale === 'zh' ? `${joinNames(shown, locale)} 等${missing.parksTotal}个园区` : `${joinNames(shown, locale)} and ${missing.parksTotal - shown.length} more zones`;
}

/** What is missing, as one phrase: "温州高新区、绍兴高新区 等7个园区 2025年 R&D经费支出、地区生产总值". */
export function missingPhrase(missing: Missing, locale: Locale = 'zh', names: IndicatorNames = catalogueNames): string {
  const who = [
    missing.parksTotal > 0 ? parksPhrase(missing, locale) : '',
    missing.regions.length ? (locale === 'zh' ? `${joinNames(missing.regions.map((r) => r.name), locale)}全省合计` : `the total of ${joinNames(missing.regions.map((r) => r.name), locale)}`) : '',
  ].filter(Boolean).join(locale === 'zh' ? '及' : ' and ');
  const what = namesOf(missing.indicators, locale, names);
  const when = formatYears(missing.years, locale);
  return locale === 'zh' ? [who, when, what].filter(Boolean).join(' ') : [what, who && `from ${who}`, when && `for ${when}`].filter(Boolean).join(' ');
}

/** Why a status is insufficient_data, and what would resolve it, in one sentence; null for any other status. */
export function reasonText(p: ReadableProgress, locale: Locale = 'zh', names: IndicatorNames = catalogueNames): string | null {
  if (p.status !== 'insufficient_data') return null;
  const missing = p.missing;
  const lacking = missing ? missingPhrase(missing, locale, names) : '';
  const isCoverage = p.scope.kind === 'coverage';
  switch (p.statusReason) {
    case 'stale': {
      const then = p.lastKnownStatus && p.latestYear !== null
        ? zhOrEn(locale, `; ${p.latestYear}年时${STATUS_ZH[p.lastKnownStatus]}, 此后无数据`, `; ${STATUS_EN[p.lastKnownStatus].toLowerCase()} as of ${p.latestYear}, no figures since`)
        : '';
      return zhOrEn(locale, `数据过旧: 最新为${p.latestYear}年${then}`, `Data too old: the latest is from ${p.latestYear}${then}`);
    }
    case 'incomplete':
      return zhOrEn(locale, `数据不完整${lacking ? `: 缺少 ${lacking}` : ''}`, `Incomplete${lacking ? `: missing ${lacking}` : ''}`);
    case 'one_point': {
      const next = formatYears(missing?.years ?? [], locale);
      if (isCoverage) {
        return zhOrEn(locale, `园区名录仅确认至${p.latestYear}年${next ? `, 需确认${next}名录` : ''}后才能判断进展速度`,
          `The zone register is confirmed only through ${p.latestYear}${next ? `; confirm it for ${next}` : ''} to judge the pace`);
      }
      return zhOrEn(locale, `自基期以来仅有一个数值 (${p.latestYear}年)${lacking ? `, 还需 ${lacking}` : ''}, 才能判断进展速度`,
        `Only one value since the baseline (${p.latestYear})${lacking ? `; ${lacking} is needed` : ''} to judge the pace`);
    }
    case 'no_region_set':
      return zhOrEn(locale, '尚未确定需覆盖的区域名单: 请规划人员先设定名单', 'The set of regions to cover is not defined yet: a planner has to set it');
    case 'no_data':
    default:
      return zhOrEn(locale, `尚无数据${lacking ? `: 缺少 ${lacking}` : ''}`, `No figures yet${lacking ? `: missing ${lacking}` : ''}`);
  }
}

/** "2025年暂定: 7.64% (1/8 园区)": an incomplete later year, shown beside the headline and never deciding. */
export function provisionalText(p: Pick<ReadableProgress, 'provisionalLatest' | 'unit'>, locale: Locale = 'zh'): string | null {
  const pl = p.provisionalLatest;
  if (!pl) return null;
  const value = formatMeasured(pl.value, p.unit, locale) ?? '—';
  return zhOrEn(locale, `${pl.year}年暂定: ${value} (${pl.parksIncluded}/${pl.parksExpected} 园区)`, `${pl.year} provisional: ${value} (${pl.parksIncluded} of ${pl.parksExpected} zones)`);
}

/** "在目标容差内 (距8%差0.36个百分点)": attained inside an `about` target's tolerance. */
export function toleranceText(p: Pick<ReadableProgress, 'shortOfExact' | 'targetValue' | 'unit'>, locale: Locale = 'zh'): string | null {
  if (p.shortOfExact === null || p.targetValue === null) return null;
  const target = formatMeasured(p.targetValue, p.unit, locale) ?? '—';
  const short = formatDifference(p.shortOfExact, p.unit, locale);
  return zhOrEn(locale, `在目标容差内 (距${target}差${short})`, `within tolerance (${short} short of ${target})`);
}

/** The note under a held target's badge. */
export function heldText(p: Pick<ReadableProgress, 'held' | 'status'>, locale: Locale = 'zh'): string | null {
  if (!p.held) return null;
  if (p.status === 'achieved') return zhOrEn(locale, '已达成, 自基期起保持', 'achieved, and held since the baseline');
  return zhOrEn(locale, '基期已达标, 现已不再达标', 'met at the baseline, no longer meets it');
}

export interface StateNote {
  key: 'held' | 'tolerance' | 'reason' | 'provisional' | 'awaiting';
  text: string;
}

/**
 * The short notes beside a status badge, in the order a reader needs them: why there is no status
 * (and what is missing), whether it is held or inside the tolerance, a provisional later year, and
 * whether the target year's figures are still awaited. The same on every view.
 */
export function stateNotes(p: ReadableProgress, locale: Locale = 'zh', names: IndicatorNames = catalogueNames): StateNote[] {
  const notes: StateNote[] = [];
  const push = (key: StateNote['key'], text: string | null) => { if (text) notes.push({ key, text }); };
  push('reason', reasonText(p, locale, names));
  push('held', heldText(p, locale));
  push('tolerance', toleranceText(p, locale));
  push('provisional', provisionalText(p, locale));
  if (p.awaitingFinal && p.status !== 'insufficient_data') push('awaiting', zhOrEn(locale, `待${p.targetYear}年数据`, `awaiting ${p.targetYear} figures`));
  return notes;
}

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
export function readings(e: ReadableProgress, names: PartNames = { part: null, base: null }, locale: Locale = 'zh', indicatorNames: IndicatorNames = catalogueNames): Reading[] {
  const zh = locale === 'zh';
  const v = (x: number | null) => formatMeasured(x, e.unit, locale) ?? '—';
  const d = (x: number | null) => formatDifference(x === null ? null : Math.abs(x), e.unit, locale);
  const goal = describeTarget(e, locale);
  const out: Reading[] = [];
  const reason = reasonText(e, locale, indicatorNames);
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
