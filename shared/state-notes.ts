// What a status rests on, in a few words, in Chinese and English: the state beside a status badge
// ("2025年暂定: 7.64% (1/8 园区)", "数据过旧: 最新为2021年", "保持 (已达成, 自基期起保持)", "在目标容差内
// (距8%差0.36个百分点)"), and why data is lacking with what would resolve it. One module for every view —
// cards, detail, heatmap, wall display, exports and the Word report — so they all say the same thing
// (the whole sentences of a target's reading are in readings.ts). Small on purpose: the overview's
// first page carries it. Pure: the numbers come from the progress engine; only their wording is here.
import { formatDifference, formatMeasured, formatShare, formatYear, joinNames } from './format.ts';
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

export const zhOrEn = (locale: Locale, zh: string, en: string) => (locale === 'zh' ? zh : en);

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

/** The names of what is missing, as the progress outputs carry them (the code only for an indicator without a name). */
function namesOf(missing: Pick<Missing, 'indicators' | 'indicatorNames'>, locale: Locale): string {
  return joinNames(missing.indicators.map((code) => {
    const n = missing.indicatorNames.find((i) => i.code === code);
    return n ? (locale === 'zh' ? n.nameZh : n.nameEn) : code;
  }), locale);
}

/** "温州高新区、绍兴高新区 等7个园区": the first two names, then how many in all. */
export function parksPhrase(missing: Pick<Missing, 'parks' | 'parksTotal'>, locale: Locale = 'zh'): string {
  const shown = missing.parks.slice(0, 2).map((p) => p.name);
  if (missing.parksTotal <= shown.length) return joinNames(shown, locale);
  return locale === 'zh' ? `${joinNames(shown, locale)} 等${missing.parksTotal}个园区` : `${joinNames(shown, locale)} and ${missing.parksTotal - shown.length} more zones`;
}

/** What is missing, as one phrase: "温州高新区、绍兴高新区 等7个园区 2025年 R&D经费支出、地区生产总值". */
export function missingPhrase(missing: Missing, locale: Locale = 'zh'): string {
  const who = [
    missing.parksTotal > 0 ? parksPhrase(missing, locale) : '',
    missing.regions.length ? (locale === 'zh' ? `${joinNames(missing.regions.map((r) => r.name), locale)}全省合计` : `the total of ${joinNames(missing.regions.map((r) => r.name), locale)}`) : '',
  ].filter(Boolean).join(locale === 'zh' ? '及' : ' and ');
  const what = namesOf(missing, locale);
  const when = formatYears(missing.years, locale);
  return locale === 'zh' ? [who, when, what].filter(Boolean).join(' ') : [what, who && `from ${who}`, when && `for ${when}`].filter(Boolean).join(' ');
}

/** Why a status is insufficient_data, and what would resolve it, in one sentence; null for any other status. */
export function reasonText(p: ReadableProgress, locale: Locale = 'zh'): string | null {
  if (p.status !== 'insufficient_data') return null;
  const missing = p.missing;
  const lacking = missing ? missingPhrase(missing, locale) : '';
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
export function stateNotes(p: ReadableProgress, locale: Locale = 'zh'): StateNote[] {
  const notes: StateNote[] = [];
  const push = (key: StateNote['key'], text: string | null) => { if (text) notes.push({ key, text }); };
  push('reason', reasonText(p, locale));
  push('held', heldText(p, locale));
  push('tolerance', toleranceText(p, locale));
  push('provisional', provisionalText(p, locale));
  if (p.awaitingFinal && p.status !== 'insufficient_data') push('awaiting', zhOrEn(locale, `待${p.targetYear}年数据`, `awaiting ${p.targetYear} figures`));
  return notes;
}

