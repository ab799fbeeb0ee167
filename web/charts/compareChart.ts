// Provinces and parks side by side on one indicator: one line each, colours from a colour-blind-safe palette.
import type { EChartsOption } from 'echarts';
import { tooltipLine, tooltipTitle } from '../../shared/charts/escape.ts';
import { BASE_TEXT, CHART_COLORS, FONT, SERIES_PALETTE } from '../../shared/charts/theme.ts';

export interface CompareLine { label: string; points: readonly { year: number; value: number }[] }

export interface CompareLabels {
  year: (year: number) => string;
  value: (value: number) => string;
  axis: (value: number) => string;
  description: string;
  /** The legend's name of a line with nothing to draw, saying so (“浙江省高新区 (无可比数值)”). */
  noData?: (label: string) => string;
}

/** Points with no neighbour on either side: marked and labelled on their own, since no line reaches them. */
function isolated(values: readonly (number | null)[]): boolean[] {
  return values.map((v, i) => v !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null);
}

export function buildCompareOption(lines: readonly CompareLine[], labels: CompareLabels): EChartsOption {
  // Every year from the first to the last, so a year without a figure is a gap, never a line across it.
  const known = lines.flatMap((l) => l.points.map((p) => p.year));
  const years = known.length ? Array.from({ length: Math.max(...known) - Math.min(...known) + 1 }, (_, k) => Math.min(...known) + k) : [];
  return {
    textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: labels.description }, decal: { show: false } },
    animation: false,
    color: SERIES_PALETTE,
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll', textStyle: { ...BASE_TEXT, fontSize: 12 } },
    tooltip: {
      trigger: 'axis', confine: true,
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { seriesName?: string; value?: unknown; color?: string; dataIndex?: number }[];
        const year = years[list[0]?.dataIndex ?? 0];
        return tooltipTitle(year === undefined ? '' : labels.year(year))
          + list.filter((p) => typeof p.value === 'number').map((p) => tooltipLine(String(p.color ?? ''), p.seriesName ?? '', labels.value(p.value as number))).join('');
      },
    },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false, axisLabel: { ...BASE_TEXT, fontSize: 12 } },
    yAxis: { type: 'value', scale: true, axisLabel: { ...BASE_TEXT, fontSize: 12, formatter: (v: number) => labels.axis(v) }, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    series: lines.map((line, i) => {
      const byYear = new Map(line.points.map((p) => [p.year, p.value]));
      const values = years.map((y) => byYear.get(y) ?? null);
      const alone = isolated(values);
      return {
        name: line.points.length === 0 && labels.noData ? labels.noData(line.label) : line.label, type: 'line' as const, connectNulls: false, showAllSymbol: true, symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4], symbolSize: 7,
        lineStyle: { width: 2.5, type: i >= SERIES_PALETTE.length ? ('dashed' as const) : ('solid' as const) },
        data: values.map((v, k) => (alone[k] ? { value: v, symbolSize: 9, label: { show: true, position: 'top' as const, formatter: () => labels.value(v!), ...BASE_TEXT, fontSize: 12 } } : v)),
      };
    }),
  };
}
