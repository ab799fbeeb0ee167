// The yearly series of a target with its target line, the straight path from baseline to target and the
// projection at the current pace: four lines the eye tells apart by colour, dash and marker. Shared:
// the web's target and park pages draw it in the browser, the Word report renders it on the server.
import type { EChartsOption } from 'echarts';
import { escapeHtml, tooltipLine, tooltipTitle } from './escape.ts';
import { BASE_TEXT, CHART_COLORS, FONT } from './theme.ts';

export interface YearValue { year: number; value: number }

export interface TargetChartData {
  /** The figures; a point marked provisional (an aggregate year with fewer than 80% of the parks) is drawn apart, hollow. */
  series: readonly (YearValue & { provisional?: boolean | undefined })[];
  path: readonly YearValue[];
  projection: readonly YearValue[];
  /** Target lines: one for a target page, several on a park page (one per target that applies). */
  targets: readonly { label: string; value: number; year: number }[];
  /** Lower is better (ranks): the axis runs downwards so that better is still up. */
  invert?: boolean;
}

export interface TargetChartLabels {
  actual: string;
  path: string;
  projection: string;
  year: (year: number) => string;
  value: (value: number) => string;
  /** Short numbers for the axis (4.2万). */
  axis: (value: number) => string;
  description: string;
  /** Said inside the frame when there is nothing to draw. */
  empty?: string;
  /** The legend of provisional years ("暂定 (园区不足八成)"). */
  provisional?: string;
}

/** A dashed line as the legend's icon, so a target line without markers still shows in the legend. */
const DASHED_ICON = 'path://M0,4h9v3H0z M13,4h9v3h-9z M26,4h9v3h-9z';

/** Points with no neighbour on either side: drawn and labelled on their own, since no line reaches them. */
function isolated(values: readonly (number | null)[]): boolean[] {
  return values.map((v, i) => v !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null);
}

const TARGET_DASHES = ['dashed', [8, 3, 2, 3], [2, 3]] as const;

export function buildTargetOption(data: TargetChartData, labels: TargetChartLabels): EChartsOption {
  const allYears = [...data.series, ...data.path, ...data.projection].map((p) => p.year).concat(data.targets.map((t) => t.year));
  const first = allYears.length ? Math.min(...allYears) : new Date().getFullYear();
  const last = allYears.length ? Math.max(...allYears) : first;
  const years = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const align = (points: readonly YearValue[]) => {
    const byYear = new Map(points.map((p) => [p.year, p.value]));
    return years.map((y) => byYear.get(y) ?? null);
  };

  // A gap is a gap: no line across a year without a figure; a point standing alone is marked and labelled.
  const counted = data.series.filter((p) => !p.provisional);
  const provisional = data.series.filter((p) => p.provisional);
  const actual = align(counted);
  const alone = isolated(actual);
  const series: NonNullable<EChartsOption['series']> = [
    {
      name: labels.actual, type: 'line', connectNulls: false, z: 5, showAllSymbol: true,
      data: actual.map((v, i) => (alone[i] ? { value: v, symbolSize: 10, label: { show: true, position: 'top', formatter: () => labels.value(v!), ...BASE_TEXT, fontSize: 12 } } : v)),
      lineStyle: { color: CHART_COLORS.actual, width: 3 }, itemStyle: { color: CHART_COLORS.actual },
      symbol: 'circle', symbolSize: 7,
    },
  ];
  if (provisional.length) {
    // Years too incomplete to decide anything: shown, hollow and grey, joined to nothing.
    series.push({
      name: labels.provisional ?? 'provisional', type: 'line', data: align(provisional), connectNulls: false, showAllSymbol: true,
      symbol: 'emptyCircle', symbolSize: 9, lineStyle: { width: 0 }, itemStyle: { color: CHART_COLORS.path },
    });
  }
  if (data.path.length) {
    series.push({
      name: labels.path, type: 'line', data: align(data.path), connectNulls: true, symbol: 'none',
      lineStyle: { color: CHART_COLORS.path, width: 2, type: 'dotted' }, itemStyle: { color: CHART_COLORS.path },
    });
  }
  if (data.projection.length) {
    series.push({
      name: labels.projection, type: 'line', data: align(data.projection), connectNulls: true,
      symbol: 'emptyCircle', symbolSize: 7, lineStyle: { color: CHART_COLORS.projection, width: 2, type: 'dashed' },
      itemStyle: { color: CHART_COLORS.projection },
    });
  }
  data.targets.forEach((t, i) => {
    const lineStyle = { color: CHART_COLORS.target, width: 2, type: TARGET_DASHES[i % TARGET_DASHES.length] as 'dashed' };
    series.push({
      name: t.label, type: 'line', data: years.map(() => t.value), symbol: 'none', lineStyle, itemStyle: { color: CHART_COLORS.target },
      // One year on the axis (a park with no figures yet, only the target's year): a line needs two
      // points, so the target is drawn across the frame instead of being only a word in the legend.
      ...(years.length < 2 ? { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle, data: [{ yAxis: t.value }] } } : {}),
    });
  });

  return {
    textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: labels.description }, decal: { show: false } },
    animation: false,
    grid: { left: 8, right: 16, top: 60, bottom: 8, containLabel: true },
    // Lines without markers (the path, the targets) are drawn in the legend as dashes, not left blank.
    legend: {
      top: 0, left: 0, textStyle: { ...BASE_TEXT, fontSize: 12 }, itemWidth: 28,
      data: series.map((x) => ({ name: String(x.name), ...((x as { symbol?: string }).symbol === 'none' ? { icon: DASHED_ICON } : {}) })),
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { seriesName?: string; value?: unknown; color?: string; axisValue?: string | number; dataIndex?: number }[];
        const year = years[list[0]?.dataIndex ?? 0] ?? first;
        const lines = list.filter((p) => typeof p.value === 'number').map((p) => tooltipLine(String(p.color ?? ''), p.seriesName ?? '', labels.value(p.value as number)));
        return tooltipTitle(labels.year(year)) + lines.join('');
      },
    },
    xAxis: {
      type: 'category', data: years.map(String), boundaryGap: false,
      axisLabel: { ...BASE_TEXT, fontSize: 12, formatter: (v: string) => escapeHtml(v) },
      axisLine: { lineStyle: { color: '#8a929c' } },
    },
    yAxis: {
      type: 'value', scale: true, inverse: data.invert ?? false,
      axisLabel: { ...BASE_TEXT, fontSize: 12, formatter: (v: number) => labels.axis(v) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series,
    ...(data.series.length === 0 && labels.empty ? {
      graphic: [{ type: 'text', left: 'center', top: 'middle', silent: true, style: { text: labels.empty, fill: '#5b636e', fontSize: 14, fontFamily: FONT } }],
    } : {}),
  };
}
