// The words of the progress report (高新区发展目标进展监测报告) as a planner would write them for the
// leadership: one paragraph per target ("截至2024年, 全省高新区R&D经费支出占GDP比重为6.79%, 距2025年
// 目标约8%尚差1.21个百分点; 按2020年以来年均提高0.26个百分点的速度, 预计2025年为7.31%, 需年均提高
// 0.61个百分点方可达成。"), the overall picture, the title, the date line and the method. Pure: every
// number comes from the progress engine (shared/progress.ts, through the server's one entrance), and
// every state phrase (provisional, stale, held, tolerance, what is missing) from shared/readings.ts,
// so the report says them exactly as the overview, the target page and the wall display do.
import { formatDifference, formatMeasured, formatPace, formatShare, joinNames } from './format.ts';
import {
  ACCELERATE_RATIO, COMPLETE_SHARE, DEFAULT_TOLERANCE, ON_TRACK_RATIO, STALE_AFTER_YEARS, STATUS_ZH, STATUSES,
  type Status, type StatusReason,
} from './progress.ts';
import { heldText, provisionalText, reasonText, statusBadge, toleranceText, type ReadableProgress } from './state-notes.ts';
import type { ProgressEntryT } from './schemas.ts';

/** A progress entry as the report reads it: every output, and what it is about. */
export type ReportEntry = ReadableProgress & Pick<ProgressEntryT, 'code' | 'indicator' | 'scope' | 'coverage' | 'parkClass'>;

/** Units of things that are counted or measured out (家, 亿元, 万平方米): they 增加, ratios 提高. */
const AMOUNT_UNITS: ReadonlySet<string> = new Set(['家', '个', '元', '万元', '亿元', '亩', '公顷', '平方公里', '万平方米']);

/** Which way a change goes, in a report's words: ranks 提升/下降, amounts 增加/减少, ratios 提高/降低. */
export function changeVerb(pace: number, unit: string): string {
  if (unit === '名') return pace <= 0 ? '提升' : '下降';
  if (AMOUNT_UNITS.has(unit)) return pace >= 0 ? '增加' : '减少';
  return pace >= 0 ? '提高' : '降低';
}

/** A value as it is read in a sentence: ranks with 第 (第5名), everything else as the views write it. */
function valueText(value: number | null, unit: string): string {
  const text = formatMeasured(value, unit) ?? '—';
  return unit === '名' && value !== null ? `第${text}` : text;
}

/** The goal in a policy's words: 约8%, 不低于1000家, 超过50%, 前10名, 全覆盖. */
export function goalPhrase(e: Pick<ReportEntry, 'comparator' | 'targetValue' | 'unit' | 'scope'>): string {
  if (e.scope.kind === 'coverage') return '全覆盖';
  const value = formatMeasured(e.targetValue, e.unit);
  if (value === null) return '(目标值未定)';
  switch (e.comparator) {
    case 'about': return `约${value}`;
    case 'at_least': return `不低于${value}`;
    case 'more_than': return `超过${value}`;
    case 'at_most': return e.unit === '名' ? `前${value}` : `不高于${value}`;
    case 'less_than': return `低于${value}`;
  }
}

/** Whose figure it is: 全省高新区, 宁波高新区, the weakest park of a class, a region set. */
export function subjectPhrase(e: Pick<ReportEntry, 'scope' | 'parkClass'>): string {
  const s = e.scope;
  switch (s.kind) {
    case 'province_aggregate': return s.parkLevel === 'national' ? '全省国家高新区' : '全省高新区';
    case 'park': return s.parkName ?? s.label;
    case 'coverage': return s.regionSetLabel ?? s.label;
    case 'park_class': {
      const weakest = e.parkClass?.weakest[0];
      return weakest ? `进展最弱的${weakest.parkName}` : s.label;
    }
  }
}

/** "距2025年目标约8%尚差1.21个百分点", or "已达到…" once the gap is closed. */
function gapClause(e: ReportEntry): string {
  const goal = `${e.targetYear}年目标${goalPhrase(e)}`;
  if (e.gap === null) return `${e.targetYear}年目标为${goalPhrase(e)}`;
  if (e.gap === 0) return `已达到${goal}`;
  return `距${goal}尚差${formatDifference(Math.abs(e.gap), e.unit)}`;
}

/** "(未覆盖: 金华市、舟山市)" for a coverage target with regions still uncovered. */
function uncoveredClause(e: ReportEntry): string {
  const uncovered = e.coverage?.uncovered ?? [];
  return uncovered.length ? ` (未覆盖: ${joinNames(uncovered.map((r) => r.name))})` : '';
}

/** "截至2024年, 全省高新区R&D经费支出占GDP比重为6.79%" (coverage: "…中已覆盖7个"). */
function latestClause(e: ReportEntry): string {
  const v = valueText(e.latestValue, e.unit);
  const what = e.scope.kind === 'coverage' ? `${subjectPhrase(e)}中已覆盖${v}` : `${subjectPhrase(e)}${e.indicator.nameZh}为${v}`;
  return `截至${e.latestYear}年, ${what}`;
}

/** The pace so far against the pace needed: "按2020年以来年均提高0.26个百分点的速度, 预计…, 需年均提高0.61个百分点方可达成". */
function paceClause(e: ReportEntry): string {
  const parts: string[] = [];
  const needed = e.neededPaceFromNow;
  const rate = e.neededGrowthRateFromNow !== null ? `(年均增长${formatShare(e.neededGrowthRateFromNow)})` : '';
  const neededText = needed !== null && needed !== 0 ? `需年均${changeVerb(needed, e.unit)}${formatPace(Math.abs(needed), e.unit)}${rate}方可达成` : null;
  if (e.observedPace !== null && e.projected !== null && e.baselineYear !== null) {
    const pace = e.observedPace;
    // The wrong way: the pace moves away from the target.
    const against = e.direction === 'up' ? pace < 0 : pace > 0;
    const trend = pace === 0
      ? `${e.baselineYear}年以来没有变化, 预计${e.targetYear}年仍为${valueText(e.projected, e.unit)}`
      : `按${e.baselineYear}年以来年均${changeVerb(pace, e.unit)}${formatPace(Math.abs(pace), e.unit)}的速度${against ? '(与目标方向相反)' : ''}, 预计${e.targetYear}年为${valueText(e.projected, e.unit)}`;
    parts.push(trend);
    if (e.projectedAttained) parts.push('可如期达成');
    else if (neededText) parts.push(neededText);
  } else if (neededText) {
    parts.push(neededText);
  }
  return parts.join(', ');
}

/** A class target ("every national zone …"): how many of its parks stand where, before its weakest park's sentence. */
function classClause(e: ReportEntry): string | null {
  const pc = e.parkClass;
  if (e.scope.kind !== 'park_class' || !pc) return null;
  const counts = STATUSES.filter((s) => pc.byStatus[s] > 0).map((s) => `${STATUS_ZH[s]}${pc.byStatus[s]}个`);
  return `${e.scope.label}: 共${pc.parks}个园区${counts.length ? `, 其中${joinNames(counts)}` : ''}。`;
}

/**
 * What a planner writes about one target: where it stands, the gap, the pace against the pace needed,
 * the projection; or why it cannot be judged and what is missing. The provisional, stale, held and
 * tolerance states in the views' own words.
 */
export function targetSentence(e: ReportEntry): string {
  const out: string[] = [];
  const cls = classClause(e);
  if (cls) out.push(cls);
  const coverageNote = e.scope.kind === 'coverage' ? uncoveredClause(e) : '';

  if (e.status === 'insufficient_data') {
    const subject = e.scope.kind === 'coverage' ? subjectPhrase(e) : `${subjectPhrase(e)}${e.indicator.nameZh}`;
    if (e.latestValue !== null && e.latestYear !== null) {
      out.push(`${subject}暂无法判断进展: ${reasonText(e)}。`);
      out.push(`${e.latestYear}年为${valueText(e.latestValue, e.unit)}, ${gapClause(e)}${coverageNote}。`);
    } else {
      // No figure to measure the gap from: the target itself, then what is missing.
      out.push(`${subject}的${e.targetYear}年目标为${goalPhrase(e)}, 暂无法判断进展: ${reasonText(e)}。`);
    }
  } else if (e.held && e.status === 'achieved') {
    out.push(`${latestClause(e)}; 基期${e.baselineYear}年为${valueText(e.baselineValue, e.unit)}, 即已达到${e.targetYear}年目标${goalPhrase(e)}, ${statusBadge(e)} (${heldText(e)})。`);
  } else if (e.held) {
    out.push(`${latestClause(e)}, ${gapClause(e)}; ${heldText(e)}。`);
  } else if (e.status === 'achieved') {
    const tolerance = toleranceText(e);
    out.push(`${latestClause(e)}, ${gapClause(e)}${tolerance ? `, ${tolerance}` : ''}。`);
  } else if (e.status === 'missed') {
    out.push(`${latestClause(e)}, 未达到${e.targetYear}年目标${goalPhrase(e)}, 尚差${formatDifference(Math.abs(e.gap ?? 0), e.unit)}${coverageNote}。`);
  } else {
    const pace = paceClause(e);
    out.push(`${latestClause(e)}, ${gapClause(e)}${coverageNote}${pace ? `; ${pace}` : ''}。`);
  }

  const provisional = provisionalText(e);
  if (provisional) out.push(`${provisional}; 参与汇总的园区不足八成, 不据此判断状态。`);
  if (e.awaitingFinal && e.status !== 'insufficient_data') out.push(`待${e.targetYear}年数据: 目标年份已过, 状态按${e.latestYear}年数据判断。`);
  return out.join('');
}

// --- the overall picture ------------------------------------------------------------------------------

/** The rows of the count table, in the order of the status scale; held targets are 保持, as on every badge. */
export const TALLY_ORDER = ['achieved', 'held', 'on_track', 'needs_acceleration', 'limited', 'regressing', 'missed', 'insufficient_data'] as const;
export type TallyKey = (typeof TALLY_ORDER)[number];

export interface TallyRow {
  key: TallyKey;
  /** The badge's word: 已达成, 保持, 按期推进, …, 数据不足. */
  word: string;
  count: number;
  codes: string[];
}

const tallyKey = (e: Pick<ReportEntry, 'status' | 'held'>): TallyKey => (e.held && e.status === 'achieved' ? 'held' : e.status);

/** How many targets stand where, every status of the scale (0 where none). */
export function statusTally(entries: readonly Pick<ReportEntry, 'status' | 'held' | 'code'>[]): TallyRow[] {
  return TALLY_ORDER.map((key) => {
    const matching = entries.filter((e) => tallyKey(e) === key);
    return { key, word: key === 'held' ? statusBadge({ status: 'achieved', held: true }) : STATUS_ZH[key as Status], count: matching.length, codes: matching.map((e) => e.code) };
  });
}

/** Short names of the reasons a target cannot be judged, for the overall paragraph. */
export const REASON_SHORT: Record<StatusReason, string> = {
  no_data: '尚无数据',
  one_point: '仅有一个数值',
  incomplete: '数据不完整',
  stale: '数据过旧',
  no_region_set: '尚未确定区域名单',
};

/** The overall picture in plain sentences: how many targets, where they stand, which need attention. */
export function overviewParagraph(entries: readonly ReportEntry[]): string {
  if (entries.length === 0) return '没有符合条件的目标。';
  const tally = statusTally(entries).filter((r) => r.count > 0);
  const out = [`本报告共监测目标${entries.length}项, 其中${joinNames(tally.map((r) => `${r.word}${r.count}项`))}。`];
  const lagging = entries.filter((e) => ['needs_acceleration', 'limited', 'regressing', 'missed'].includes(e.status));
  if (lagging.length) {
    out.push(`需重点关注的目标: ${joinNames(lagging.map((e) => `${e.indicator.nameZh}(${e.code}, ${statusBadge(e)})`))}。`);
  }
  const insufficient = entries.filter((e) => e.status === 'insufficient_data');
  if (insufficient.length) {
    const reasons = (Object.keys(REASON_SHORT) as StatusReason[])
      .map((r) => [r, insufficient.filter((e) => e.statusReason === r).length] as const)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${REASON_SHORT[r]}${n}项`);
    out.push(`数据不足的${insufficient.length}项目标中, ${joinNames(reasons)}; 补齐所缺数据后方可判断进展, 所缺数据见各目标一节。`);
  }
  const provisional = entries.filter((e) => e.provisionalLatest !== null);
  if (provisional.length) {
    out.push(`另有${provisional.length}项目标的最近一年仅部分园区报送 (暂定), 不据此判断状态。`);
  }
  return out.join('');
}

/** Section numbers the Chinese way: 一, 十一, 二十, 一百零五 (一、 and (一) in headings). */
export function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : digits[tens]}十${n % 10 ? digits[n % 10] : ''}`;
  }
  const rest = n % 100;
  const restText = rest === 0 ? '' : rest < 10 ? `零${digits[rest]}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
  return `${digits[Math.floor(n / 100)]}百${restText}`;
}

// --- title, date, basis, file name -----------------------------------------------------------------------

export type ReportBasis = 'approved' | 'submitted';

export const BASIS_ZH: Record<ReportBasis, string> = { approved: '仅已审核', submitted: '含已提交' };

export function reportTitle(provinceName: string | null): string {
  return `${provinceName ?? ''}高新区发展目标进展监测报告`;
}

/** The calendar date in China Standard Time (UTC+8, no daylight saving): what the day is in the province. */
export function chinaDate(at: Date): { year: number; month: number; day: number } {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return { year: cst.getUTCFullYear(), month: cst.getUTCMonth() + 1, day: cst.getUTCDate() };
}

/** "数据截至2025年, 2026年12月6日生成" (no year with figures yet: "尚无数据, …"). */
export function dataDateLine(dataYear: number | null, generatedAt: Date): string {
  const { year, month, day } = chinaDate(generatedAt);
  return `${dataYear !== null ? `数据截至${dataYear}年` : '尚无数据'}, ${year}年${month}月${day}日生成`;
}

/** 浙江省高新区发展目标进展监测报告-2026-12-06.docx */
export function reportFileName(provinceName: string | null, generatedAt: Date): string {
  const { year, month, day } = chinaDate(generatedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${reportTitle(provinceName)}-${year}-${pad(month)}-${pad(day)}.docx`;
}

// --- the method, on one page ---------------------------------------------------------------------------

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** How every status in the report is reached, from the method's own thresholds (PROGRESS.md). */
export function methodParagraphs(): { heading: string; text: string }[] {
  return [
    { heading: '基期与方向', text: '每项目标以政策给出的基期为起点, 未给出基期的以最早一年的数据为基期。“不低于”“超过”类目标数值越大越好, “不高于”“低于”类 (如排名、低效企业数) 越小越好, “左右”类按目标与基期的高低判断方向。' },
    { heading: '进度与速度', text: `实际速度为基期以来各年数据的最小二乘斜率 (仅两个数值时为两者之差除以年数); 所需速度为从基期匀速达到目标每年应有的变化。两者之比不低于${pct(ON_TRACK_RATIO)}为“按期推进”, ${pct(ACCELERATE_RATIO)}至${pct(ON_TRACK_RATIO)}为“需加快”, 0至${pct(ACCELERATE_RATIO)}为“进展有限”, 方向相反为“退步”。已满足目标为“已达成”; 目标年份已到仍未满足为“未达成”。预计值为最新数值按实际速度延伸至目标年份; “需年均…方可达成”为从最新一年起每年应有的变化。` },
    { heading: '“左右”类目标', text: `未注明容差的按目标值的${pct(DEFAULT_TOLERANCE)}计, 进入容差即为已达成, 并注明距目标值的差距 (“在目标容差内”); 超过目标值不视为未达成。` },
    { heading: '保持', text: '基期已满足目标的 (如基期排名第3、目标为前10名), 目标为“保持”而非“推进”: 不计算完成比例, 仍满足时为“保持 (已达成, 自基期起保持)”, 不再满足时为“退步”, 目标年份起为“未达成”。' },
    { heading: '汇总口径', text: `全省目标按园区汇总: 总量与个数为各园区之和; 比率为分子之和除以分母之和 (如R&D经费支出之和除以地区生产总值之和), 不取各园区比率的平均; 占全省比重为园区之和除以全省合计。某年报送园区达到应报园区的${pct(COMPLETE_SHARE)}及以上为完整年度, 只有完整年度参与判断; 其后不足${pct(COMPLETE_SHARE)}的年度作为“暂定”值列出, 不据此判断状态。“各园区还需增加”为按该年各园区分母, 达到目标还需增加的分子数额。` },
    { heading: '覆盖类目标', text: '某区域在某年有不低于要求级别、且已获批的高新区, 即视为当年已覆盖; 覆盖数为已覆盖区域个数, 目标为区域全部覆盖, 并列出尚未覆盖的区域。园区名录只确认到其确认年份。' },
    { heading: '数据不足', text: `没有数据、基期以来只有一个数值、没有完整年度、最新数据早于应报年度${STALE_AFTER_YEARS}年以上 (“数据过旧”, 应报年度为当前年份的上一年), 或尚未确定覆盖区域名单时, 状态为“数据不足”, 并列出所缺的指标、园区和年份。数据过旧时注明当时的状态, 仅作参考。` },
    { heading: '计入数据', text: '“仅已审核”只计入已审核通过的数据; “含已提交”同时计入已提交、待审核的数据。数据修改在审核通过前, 按“仅已审核”计入原审核值。' },
  ];
}
