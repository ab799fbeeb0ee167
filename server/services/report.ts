// The progress report a planner hands upward (高新区发展目标进展监测报告), as a Word document: every
// target of the filter with where it stands, why, which zones hold it back, what it would take, and
// where each number comes from. Every number and status comes from the one entrance for progress
// (services/progress.ts: the same outputs GET /api/progress and GET /api/targets/:id/progress answer);
// the words from shared/report-text.ts and shared/readings.ts; the charts from the web's own option
// builders (shared/charts/). What is read here besides is only what describes the data: which parks
// reported which figures (completeness) and where the figures come from (sources).
import type { Kysely } from 'kysely';
import { seriesParts, type Indicator } from '../../shared/indicators.ts';
import { describeTarget, formatAxis, formatDifference, formatMeasured, joinNames } from '../../shared/format.ts';
import { buildRankingOption, rankingHeight, rankRows, type RankingRow } from '../../shared/charts/rankingChart.ts';
import { buildTargetOption } from '../../shared/charts/targetChart.ts';
import { paceText } from '../../shared/readings.ts';
import { progressShare, provisionalText, statusBadge } from '../../shared/state-notes.ts';
import {
  BASIS_ZH, chineseNumeral, dataDateLine, goalPhrase, methodParagraphs, overviewParagraph, reportFileName, reportTitle, statusTally, targetSentence,
} from '../../shared/report-text.ts';
import type { ProgressDetailT, SourceRef } from '../../shared/schemas.ts';
import type { z } from 'zod';
import type { Database, ParkLevel } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { indicatorsByCode, type LoadedTarget, type TargetFilter } from './catalog.ts';
import { classLevel, evaluateTargets, progressDetail, type ProgressContext } from './progress.ts';
import { renderChart, type ChartImage } from './report-charts.ts';
import { writeReportDocx, type ReportModel, type ReportPart, type ReportTable, type TargetSection } from './report-docx.ts';
import { countedValues, levelsAtLeast, shouldReport } from './series.ts';

export interface ProgressReportFile {
  bytes: Buffer;
  /** 浙江省高新区发展目标进展监测报告-2026-12-06.docx */
  fileName: string;
  targets: number;
}

/** Charts are drawn this wide (CSS pixels) and placed at the type area's width (156 mm). */
const CHART_WIDTH = 640;
const TARGET_CHART_HEIGHT = 300;
/** A ranking chart shows at most this many parks (those that hold the province back most); the table under it has them all. */
const RANKING_CHART_ROWS = 15;
/** At most this many figures an aggregate left out are named (the latest first). */
const EXCLUDED_NAMED = 10;
/** Completeness is shown for at most this many years, up to the reporting year. */
const COMPLETENESS_YEARS = 8;

const LEVEL_ZH: Record<ParkLevel, string> = { national: '国家', provincial: '省级', other: '其他' };
const LEVEL_ORDER: Record<ParkLevel, number> = { national: 0, provincial: 1, other: 2 };

/** Builds the report for the filter; 404 for an unknown province or when no target matches. */
export async function progressReport(ctx: ProgressContext, filter: TargetFilter, generatedAt: Date): Promise<ProgressReportFile> {
  const province = filter.province
    ? await ctx.db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', filter.province).executeTakeFirst()
    : null;
  if (filter.province && province?.level !== 'province') {
    throw new DomainError('not_found', 'not_found', { zh: `未找到省份 ${filter.province}: province 应为省级行政区划代码, 如 330000`, en: `Unknown province ${filter.province}: province is a province's code, e.g. 330000` });
  }
  const evaluated = await evaluateTargets(ctx, filter);
  if (evaluated.length === 0) {
    throw new DomainError('not_found', 'no_targets', { zh: '没有符合筛选条件的目标, 无法生成报告; 请调整省份、规划或目标年份', en: 'No targets match these filters: change the province, plan or target year' });
  }
  const targets = evaluated.map((e) => e.target);
  // The same answer as GET /api/targets/:id/progress, from the same cache.
  const details = await Promise.all(targets.map(async (t) => (await progressDetail(ctx, t.id))!));
  const indicators = await indicatorsByCode(ctx.db);
  const scopes = await figureScopes(ctx.db, targets);

  const [sections, completeness, sources] = await Promise.all([
    Promise.all(details.map((d, i) => targetSection(d, targets[i]!, i, indicators))),
    completenessOf(ctx, scopes, details, indicators),
    sourcesOf(ctx, scopes, details, indicators),
  ]);

  const dataYear = Math.max(-Infinity, ...details.flatMap((d) => [d.latestYear, d.provisionalLatest?.year ?? null]).filter((y): y is number => y !== null));
  const plan = filter.plan ? details[0]!.plan.title : null;
  const model: ReportModel = {
    title: reportTitle(province?.name ?? null),
    dateLine: dataDateLine(Number.isFinite(dataYear) ? dataYear : null, generatedAt),
    scopeLines: [
      `范围: ${province?.name ?? '全部省份'}; 规划: ${plan ?? '全部规划'}; 目标年份: ${filter.targetYear ? `${filter.targetYear}年` : '全部'}; 计入数据: ${BASIS_ZH[ctx.basis]}`,
    ],
    overview: {
      paragraph: overviewParagraph(details),
      table: {
        head: ['状态', '目标数', '目标'],
        rows: statusTally(details).map((r) => [r.word, String(r.count), r.codes.join('、') || '—']),
        widths: [2, 1.2, 7],
        numeric: [1],
      },
    },
    targets: sections,
    completeness,
    sources,
    method: methodParagraphs(),
  };
  return { bytes: await writeReportDocx(model), fileName: reportFileName(province?.name ?? null, generatedAt), targets: details.length };
}

// --- one target --------------------------------------------------------------------------------------

const v = (x: number | null, unit: string) => formatMeasured(x, unit) ?? '—';
/** A figure for a table column whose header carries the unit: 18.29 under 亩均税收 (万元/亩); a figure shown in another unit (万元 → 亿元) keeps its own. */
const bare = (x: number | null, unit: string) => {
  const text = formatMeasured(x, unit);
  if (text === null) return '—';
  return unit !== '%' && text.endsWith(unit) ? text.slice(0, -unit.length) : text;
};
const withYear = (text: string, year: number | null) => (year === null || text === '—' ? text : `${text} (${year}年)`);

async function targetSection(d: ProgressDetailT, t: LoadedTarget, index: number, indicators: Map<string, Indicator>): Promise<TargetSection> {
  const name = d.indicator.nameZh;
  const goal = describeTarget(d);
  const chart = d.series.length > 0 ? await targetChart(d) : null;
  const share = progressShare(d);
  const facts: [string, string][] = [
    ['最新值', withYear(v(d.latestValue, d.unit), d.latestYear)],
    ['目标', `${goalPhrase(d)} (${d.targetYear}年)`],
    ['基期', withYear(v(d.baselineValue, d.unit), d.baselineYear)],
    ['距目标', formatDifference(d.gap === null ? null : Math.abs(d.gap), d.unit)],
    ['实际速度', d.observedPace !== null ? paceText(d.observedPace, d.unit) : '—'],
    ['所需速度', d.requiredPace !== null ? paceText(d.requiredPace, d.unit) : '—'],
    [`预计${d.targetYear}年`, v(d.projected, d.unit)],
    ['完成进度', d.held ? '保持 (不计比例)' : share ?? '—'],
  ];
  return {
    heading: `(${chineseNumeral(index + 1)}) ${name} (${d.scope.label})`,
    meta: `目标编号 ${d.code}; 所属规划: ${d.plan.title}`,
    quote: d.quote,
    source: d.source ? sourceText(d.source) : null,
    status: statusBadge(d),
    sentence: targetSentence(d),
    facts: d.latestValue === null ? null : facts,
    figure: chart && { image: chart, caption: `${name}: 历年数值、目标与预测 (${d.unit}; 目标 ${goal.short})` },
    parts: await partsOf(d, t, indicators),
  };
}

function targetChart(d: ProgressDetailT): Promise<ChartImage> {
  const goal = describeTarget(d);
  const fmt = (x: number) => formatMeasured(x, d.unit) ?? '';
  const option = buildTargetOption({
    series: d.series, path: d.path, projection: d.projection, invert: d.unit === '名',
    targets: d.targetValue !== null ? [{ label: `目标 ${goal.goal}`, value: d.targetValue, year: d.targetYear }] : [],
  }, {
    actual: '实际值', path: '按期路径', projection: '按当前速度预测', year: (y) => `${y}年`, value: fmt, axis: (x) => formatAxis(x, d.unit),
    description: `${d.indicator.nameZh}: 目标 ${goal.short}`,
  });
  return renderChart(option, CHART_WIDTH, TARGET_CHART_HEIGHT);
}

function rankingChart(rows: RankingRow[], direction: 'up' | 'down', unit: string, valueName: string, target: { value: number; label: string } | null): Promise<ChartImage> {
  const shown = rankRows(rows, direction).slice(0, RANKING_CHART_ROWS);
  const option = buildRankingOption({ rows: shown, direction, target }, {
    valueName, value: (x) => formatMeasured(x, unit) ?? '', axis: (x) => formatAxis(x, unit), description: valueName,
  });
  return renderChart(option, CHART_WIDTH, rankingHeight(shown.length));
}

/** What a target's section shows under its sentence: the parks ranked (aggregates), each park (classes), the regions (coverage). */
async function partsOf(d: ProgressDetailT, t: LoadedTarget, indicators: Map<string, Indicator>): Promise<ReportPart[]> {
  const indicator = t.indicatorFull;
  switch (d.scope.kind) {
    case 'province_aggregate': return aggregateParts(d, indicator, indicators);
    case 'park_class': return classParts(d);
    case 'coverage': return coverageParts(d);
    case 'park': return [];
  }
}

async function aggregateParts(d: ProgressDetailT, indicator: Indicator, indicators: Map<string, Indicator>): Promise<ReportPart[]> {
  const agg = d.aggregate;
  const parts: ReportPart[] = [];
  const provisional = provisionalText(d);
  const included = agg && agg.year !== null
    ? `${agg.year}年汇总包含${agg.parksIncluded}个园区 (应报${agg.parksExpected}个)${provisional ? `; ${provisional}, 不足八成, 不据此判断状态` : ''}。`
    : provisional ? `尚无完整年度; ${provisional}, 下列园区数据均为该暂定年度。` : null;
  const partName = indicators.get(indicator.numerator ?? indicator.shareOf ?? '')?.nameZh ?? null;
  const baseName = indicators.get(indicator.denominator ?? '')?.nameZh ?? null;
  const baseUnit = indicators.get(indicator.denominator ?? '')?.unit ?? '';
  const needed = d.breakdown.filter((b) => b.need !== null);
  const year = d.breakdown[0]?.year ?? null;
  if (needed.length > 0 && partName) {
    const needUnit = d.needUnit ?? agg?.extraNeededUnit ?? '';
    const rows = needed.map((b) => ({ id: b.parkId, name: b.parkName, value: b.need! }));
    const image = await rankingChart(rows, 'up', needUnit, `还需增加${partName}`, null);
    const ranked = [...d.breakdown].sort((a, b) => (b.need ?? -1) - (a.need ?? -1));
    parts.push({
      heading: `1. 各园区还需增加的${partName}`,
      paragraphs: [
        ...(included ? [included] : []),
        `按${year}年各园区的${baseName ?? '基数'}, 达到目标还需增加的${partName}; 排在前面的园区拉低了全省。`,
      ],
      figure: { image, caption: `各园区还需增加的${partName} (${needUnit}, ${year}年${needed.length > RANKING_CHART_ROWS ? `, 前${RANKING_CHART_ROWS}个园区` : ''})` },
      table: {
        head: ['序号', '园区', `${d.indicator.nameZh} (${d.unit})`, `${partName} (${needUnit})`, `${baseName ?? ''} (${baseUnit})`, `还需增加 (${needUnit})`],
        rows: ranked.map((b, i) => [String(i + 1), b.parkName, bare(b.value, d.unit), bare(b.numerator, needUnit), bare(b.denominator, baseUnit), bare(b.need, needUnit)]),
        widths: [0.9, 3.2, 1.8, 1.8, 1.8, 1.8],
        numeric: [0, 2, 3, 4, 5],
      },
    });
  } else if (d.breakdown.length > 0) {
    const summed = indicators.get(indicator.aggregation === 'share_of_province' ? indicator.shareOf ?? '' : indicator.code);
    const unit = summed?.unit ?? d.unit;
    parts.push({
      heading: `1. 各园区${summed?.nameZh ?? d.indicator.nameZh}`,
      paragraphs: [...(included ? [included] : []), `${year}年各园区的${summed?.nameZh ?? d.indicator.nameZh}, 从大到小。`],
      table: {
        head: ['序号', '园区', `${summed?.nameZh ?? d.indicator.nameZh} (${unit})`],
        rows: d.breakdown.map((b, i) => [String(i + 1), b.parkName, bare(b.value, unit)]),
        widths: [0.9, 5, 3],
        numeric: [0, 2],
      },
    });
  } else if (included) {
    parts.push({ paragraphs: [included] });
  }
  if (agg && agg.excluded.length > 0) {
    const why = { ratio_only: '只报了比率, 未报分子分母', missing_numerator: `缺少${partName ?? '分子'}`, missing_denominator: `缺少${baseName ?? '分母'}` } as const;
    const named = agg.excluded.slice(-EXCLUDED_NAMED).toReversed();
    const more = agg.excluded.length - named.length;
    parts.push({ paragraphs: [`未计入汇总的园区数据: ${joinNames(named.map((x) => `${x.parkName} (${x.year}年, ${why[x.reason]})`))}${more > 0 ? ` 等${agg.excluded.length}条` : ''}。`] });
  }
  return parts;
}

async function classParts(d: ProgressDetailT): Promise<ReportPart[]> {
  const parks = [...(d.parks ?? [])].sort((a, b) => (b.latestValue ?? -Infinity) - (a.latestValue ?? -Infinity));
  if (parks.length === 0) return [];
  const withValue = parks.filter((p) => p.latestValue !== null);
  const image = withValue.length > 0
    ? await rankingChart(withValue.map((p) => ({ id: p.parkId, name: p.parkName, value: p.latestValue!, status: p.status })), d.direction, d.unit, d.indicator.nameZh,
      d.targetValue !== null ? { value: d.targetValue, label: `目标 ${v(d.targetValue, d.unit)}` } : null)
    : null;
  return [{
    heading: '1. 各园区进展',
    figure: image && { image, caption: `各园区${d.indicator.nameZh} (${d.unit}; 颜色为各园区状态${withValue.length > RANKING_CHART_ROWS ? `; 前${RANKING_CHART_ROWS}个园区` : ''})` },
    table: {
      head: ['园区', '状态', '年份', `最新值 (${d.unit})`, '距目标'],
      rows: parks.map((p) => [p.parkName, statusBadge(p), p.latestYear === null ? '—' : String(p.latestYear), bare(p.latestValue, d.unit), formatDifference(p.gap === null ? null : Math.abs(p.gap), d.unit)]),
      widths: [4, 1.6, 1.2, 1.8, 2],
      numeric: [2, 3, 4],
    },
  }];
}

function coverageParts(d: ProgressDetailT): ReportPart[] {
  const c = d.coverage;
  if (!c || c.regionsTotal === 0) return [];
  return [{
    heading: `1. 覆盖情况 (园区名录确认至${c.asOfYear}年)`,
    paragraphs: [
      `未覆盖 (${c.uncovered.length}个): ${c.uncovered.length ? joinNames(c.uncovered.map((r) => r.name)) : '无, 已全部覆盖'}。`,
      `已覆盖 (${c.covered.length}个): ${joinNames(c.covered.map((r) => `${r.name} (${joinNames(r.parks.map((p) => `${p.name}${p.approvalYear ? `, ${p.approvalYear}年` : ''}`))})`))}。`,
    ],
  }];
}

// --- which parks report which figures for the report's targets --------------------------------------------

interface ScopePark {
  id: number;
  name: string;
  level: ParkLevel;
  approvalYear: number | null;
  provinceCode: string;
}

/** The figures a target is measured on: these parks' figures of these indicators, and a province's own totals for a share. */
interface FigureScope {
  parks: ScopePark[];
  codes: string[];
  provinceTotal: { code: string; name: string; codes: string[] } | null;
}

async function figureScopes(db: Kysely<Database>, targets: readonly LoadedTarget[]): Promise<FigureScope[]> {
  const provinces = [...new Set(targets.filter((t) => t.scope.kind !== 'park' && t.scope.kind !== 'coverage').map((t) => t.scope.regionCode!))];
  const parkIds = targets.filter((t) => t.scope.kind === 'park' && t.scope.parkId !== null).map((t) => t.scope.parkId!);
  const [rows, regions] = await Promise.all([
    provinces.length || parkIds.length
      ? db.selectFrom('parks').select(['id', 'name', 'level', 'approval_year', 'province_code'])
        .where((eb) => eb.or([eb('province_code', 'in', provinces.length ? provinces : ['-']), eb('id', 'in', parkIds.length ? parkIds : [-1])]))
        .orderBy('id').execute()
      : Promise.resolve([]),
    provinces.length ? db.selectFrom('regions').select(['code', 'name']).where('code', 'in', provinces).execute() : Promise.resolve([]),
  ]);
  const parks: ScopePark[] = rows.map((r) => ({ id: r.id, name: r.name, level: r.level, approvalYear: r.approval_year, provinceCode: r.province_code }));
  const provinceName = new Map(regions.map((r) => [r.code, r.name]));
  return targets.map((t) => {
    const codes = seriesParts(t.indicatorFull);
    switch (t.scope.kind) {
      case 'park': return { parks: parks.filter((p) => p.id === t.scope.parkId), codes, provinceTotal: null };
      case 'province_aggregate': {
        const levels = levelsAtLeast(t.scope.parkLevel);
        const province = t.scope.regionCode!;
        return {
          parks: parks.filter((p) => p.provinceCode === province && levels.includes(p.level)),
          codes,
          provinceTotal: t.indicatorFull.aggregation === 'share_of_province' ? { code: province, name: provinceName.get(province) ?? province, codes } : null,
        };
      }
      case 'park_class': return { parks: parks.filter((p) => p.provinceCode === t.scope.regionCode && p.level === classLevel(t)), codes, provinceTotal: null };
      case 'coverage': return { parks: [], codes: [], provinceTotal: null };
    }
  });
}

/** Which parks (and province totals) reported which of the figures the targets need, per year. */
async function completenessOf(ctx: ProgressContext, scopes: FigureScope[], details: ProgressDetailT[], indicators: Map<string, Indicator>): Promise<ReportModel['completeness']> {
  const requiredOf = new Map<number, { park: ScopePark; codes: Set<string> }>();
  for (const s of scopes) {
    for (const p of s.parks) {
      const entry = requiredOf.get(p.id) ?? { park: p, codes: new Set<string>() };
      for (const c of s.codes) entry.codes.add(c);
      requiredOf.set(p.id, entry);
    }
  }
  const totals = new Map<string, { name: string; codes: Set<string> }>();
  for (const s of scopes) {
    if (!s.provinceTotal) continue;
    const entry = totals.get(s.provinceTotal.code) ?? { name: s.provinceTotal.name, codes: new Set<string>() };
    for (const c of s.provinceTotal.codes) entry.codes.add(c);
    totals.set(s.provinceTotal.code, entry);
  }
  if (requiredOf.size === 0 && totals.size === 0) {
    return { paragraphs: ['本报告的目标均为覆盖类目标, 依据园区名录判断, 不需要园区报送数据。'], table: null };
  }

  const lastYear = ctx.currentYear - 1; // the reporting year: the latest year whose figures are due
  const earliest = Math.min(...details.map((d) => d.baselineYear ?? lastYear));
  const firstYear = Math.max(earliest, lastYear - COMPLETENESS_YEARS + 1);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, k) => firstYear + k);
  const codes = [...new Set([...requiredOf.values()].flatMap((r) => [...r.codes]).concat([...totals.values()].flatMap((t) => [...t.codes])))];
  const parkIds = [...requiredOf.keys()];
  const regionKeys = [...totals.keys()].map((code) => `region:${code}`);
  const rows = await ctx.db.selectFrom(countedValues(ctx.db, ctx.basis).as('v'))
    .select(['v.park_id', 'v.subject_key', 'v.indicator_code', 'v.year'])
    .where('v.indicator_code', 'in', codes)
    .where('v.year', '>=', firstYear)
    .where('v.year', '<=', lastYear)
    .where((eb) => eb.or([eb('v.park_id', 'in', parkIds.length ? parkIds : [-1]), eb('v.subject_key', 'in', regionKeys.length ? regionKeys : ['-'])]))
    .execute();
  const reported = new Set(rows.map((r) => `${r.park_id !== null ? `park:${r.park_id}` : r.subject_key}|${r.year}|${r.indicator_code}`));
  const cellOf = (subject: string, year: number, required: Set<string>) => {
    const n = [...required].filter((c) => reported.has(`${subject}|${year}|${c}`)).length;
    return n === required.size ? '完整' : n === 0 ? '缺' : `${n}/${required.size}`;
  };

  const parks = [...requiredOf.values()].sort((a, b) => LEVEL_ORDER[a.park.level] - LEVEL_ORDER[b.park.level] || a.park.id - b.park.id);
  const completeIn = years.map((y) => {
    const due = parks.filter((p) => shouldReport(p.park, y));
    return { due: due.length, complete: due.filter((p) => cellOf(`park:${p.park.id}`, y, p.codes) === '完整').length };
  });
  const tableRows = [
    ...parks.map(({ park, codes: required }) => [park.name, LEVEL_ZH[park.level], ...years.map((y) => (shouldReport(park, y) ? cellOf(`park:${park.id}`, y, required) : '—'))]),
    ...[...totals].map(([code, t]) => [`${t.name}全省合计`, '—', ...years.map((y) => cellOf(`region:${code}`, y, t.codes))]),
    ['数据完整的园区', '', ...completeIn.map((c) => `${c.complete}/${c.due}`)],
  ];
  const latest = completeIn.at(-1)!;
  const names = joinNames(codes.map((c) => indicators.get(c)?.nameZh ?? c));
  return {
    paragraphs: [
      `下表按本报告各目标所需的指标 (${names}等), 列出${years[0]}—${lastYear}年各园区数据的报送情况: “完整”为所需指标均已报送, “3/6”为已报送3项、共需6项, “缺”为均未报送, “—”为园区当年尚未获批。计入数据: ${BASIS_ZH[ctx.basis]}。`,
      `${lastYear}年应报园区${latest.due}个, 数据完整${latest.complete}个。`,
    ],
    table: {
      head: ['园区', '级别', ...years.map(String)],
      rows: tableRows,
      widths: [3.6, 1.1, ...years.map(() => 1)],
      numeric: years.map((_, i) => i + 2),
    },
  };
}

function sourceText(s: z.infer<typeof SourceRef>): string {
  return [s.title, s.publisher, s.publishedOn].filter(Boolean).join(', ');
}

/** Where every figure the report uses comes from: per source, which indicators, which years, how many figures. */
async function sourcesOf(ctx: ProgressContext, scopes: FigureScope[], details: ProgressDetailT[], indicators: Map<string, Indicator>): Promise<ReportModel['sources']> {
  const policies = new Map<string, { source: z.infer<typeof SourceRef>; codes: string[] }>();
  for (const d of details) {
    if (!d.source) continue;
    const entry = policies.get(d.source.code) ?? { source: d.source, codes: [] };
    entry.codes.push(d.code);
    policies.set(d.source.code, entry);
  }
  const policyLines = [...policies.values()].map((p) => `目标出处: ${sourceText(p.source)} (${p.source.reliability === 'official' ? '官方发布' : '二手资料'}), 目标 ${p.codes.join('、')}。`);
  const hasCoverage = details.some((d) => d.scope.kind === 'coverage');
  const register = hasCoverage ? ['覆盖类目标依据园区名录 (各园区的级别、所在区域和批准年份), 名录的出处见各园区信息。'] : [];

  const conditions = scopes.filter((s) => s.parks.length > 0 || s.provinceTotal);
  if (conditions.length === 0) return { paragraphs: register, table: null, policies: policyLines };
  const rows = await ctx.db.selectFrom(countedValues(ctx.db, ctx.basis).as('v'))
    .innerJoin('reported_values as r', 'r.id', 'v.id')
    .leftJoin('sources as s', 's.code', 'r.source_code')
    .select((eb) => [
      'r.source_code', 's.title', 's.publisher', 's.published_on', 's.reliability', 'v.indicator_code',
      eb.fn.countAll<number | string>().as('n'), eb.fn.min<number>('v.year').as('first'), eb.fn.max<number>('v.year').as('last'),
    ])
    .where((eb) => eb.or(conditions.flatMap((s) => [
      ...(s.parks.length ? [eb.and([eb('v.park_id', 'in', s.parks.map((p) => p.id)), eb('v.indicator_code', 'in', s.codes)])] : []),
      ...(s.provinceTotal ? [eb.and([eb('v.subject_key', '=', `region:${s.provinceTotal.code}`), eb('v.indicator_code', 'in', s.provinceTotal.codes)])] : []),
    ])))
    .groupBy(['r.source_code', 's.title', 's.publisher', 's.published_on', 's.reliability', 'v.indicator_code'])
    .execute();

  const bySource = new Map<string, { label: string; kind: string; indicators: string[]; first: number; last: number; n: number }>();
  for (const r of rows) {
    const key = r.source_code ?? '';
    const label = r.source_code ? [r.title, r.publisher, r.published_on].filter(Boolean).join(', ') : '未注明来源 (填报人录入)';
    const entry = bySource.get(key) ?? { label, kind: r.reliability === 'official' ? '官方发布' : r.reliability === 'secondary' ? '二手资料' : '填报', indicators: [], first: Infinity, last: -Infinity, n: 0 };
    entry.indicators.push(indicators.get(r.indicator_code)?.nameZh ?? r.indicator_code);
    entry.first = Math.min(entry.first, Number(r.first));
    entry.last = Math.max(entry.last, Number(r.last));
    entry.n += Number(r.n);
    bySource.set(key, entry);
  }
  const sorted = [...bySource.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'zh'));
  const total = sorted.reduce((s, r) => s + r.n, 0);
  const table: ReportTable | null = sorted.length ? {
    head: ['来源', '类别', '指标', '年份', '数据条数'],
    rows: sorted.map((r) => [r.label, r.kind, joinNames(r.indicators), r.first === r.last ? `${r.first}` : `${r.first}—${r.last}`, String(r.n)]),
    widths: [3.4, 1.1, 3.6, 1.9, 1.1],
    numeric: [4],
  } : null;
  return {
    paragraphs: [
      sorted.length
        ? `本报告各目标所用的园区数据 (及全省合计) 共${total}条 (计入数据: ${BASIS_ZH[ctx.basis]}), 按来源如下; 每条数据的来源、填报人和修改记录可在系统中逐条查看。`
        : `本报告各目标尚无可用的园区数据 (计入数据: ${BASIS_ZH[ctx.basis]})。`,
      ...register,
    ],
    table,
    policies: policyLines,
  };
}
