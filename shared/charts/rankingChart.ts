// Parks ranked on one figure, best on top, each bar in its status colour where a target applies,
// with the target drawn as a vertical line. Shared by the web's pages and the Word report.
import type { EChartsOption } from 'echarts';
import type { Status } from '../progress.ts';
import { tooltipLine, tooltipNote, tooltipTitle } from './escape.ts';
import { BASE_TEXT, CHART_COLORS, FONT, STATUS_FILL } from './theme.ts';

export interface RankingRow {
  id: number;
  name: string;
  value: number;
  status?: Status | null;
  /** Extra text for the tooltip (the year of the figure, a status word). */
  note?: string;
}

export interface RankingData {
  rows: readonly RankingRow[];
  /** Higher is better (amounts, ratios) or lower (ranks, low-efficiency firms). */
  direction: 'up' | 'down';
  target?: { value: number; label: string } | null;
}

export interface RankingLabels {
  valueName: string;
  value: (value: number) => string;
  axis: (value: number) => string;
  description: string;
}

/** Rows ordered best first. */
export function rankRows(rows: readonly RankingRow[], direction: 'up' | 'down'): RankingRow[] {
  return [...rows].sort((a, b) => (direction === 'up' ? b.value - a.value : a.value - b.value) || a.name.localeCompare(b.name, 'zh'));
}

export function rankingHeight(count: number): number {
  return Math.max(160, 56 + count * 26);
}

export function buildRankingOption(data: RankingData, labels: RankingLabels): EChartsOption {
  const rows = rankRows(data.rows, data.direction);
  return {
    textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: labels.description }, decal: { show: false } },
    animation: false,
    grid: { left: 8, right: 56, top: data.target ? 28 : 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const row = rows[(p as { dataIndex: number }).dataIndex];
        if (!row) return '';
        return tooltipTitle(row.name) + tooltipLine(row.status ? STATUS_FILL[row.status] : CHART_COLORS.accent, labels.valueName, labels.value(row.value))
          + (row.note ? tooltipNote(row.note) : '');
      },
    },
    xAxis: {
      type: 'value', scale: false,
      axisLabel: { ...BASE_TEXT, fontSize: 11, formatter: (v: number) => labels.axis(v) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category', inverse: true, data: rows.map((r) => r.name),
      axisLabel: { ...BASE_TEXT, fontSize: 12, width: 180, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [{
      type: 'bar', name: labels.valueName, barMaxWidth: 18,
      data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.status ? STATUS_FILL[r.status] : data.target === undefined || data.target === null ? CHART_COLORS.accent : CHART_COLORS.neutral } })),
      label: { show: true, position: 'right', ...BASE_TEXT, fontSize: 11, formatter: (p: unknown) => labels.axis((p as { value: number }).value) },
      ...(data.target ? {
        markLine: {
          symbol: 'none', silent: true,
          lineStyle: { color: CHART_COLORS.target, type: 'dashed', width: 2 },
          // The category axis is inverted, so the line's start is at the top of the chart.
          label: { formatter: data.target.label, position: 'start', color: CHART_COLORS.target, fontFamily: FONT, fontWeight: 600 },
          data: [{ xAxis: data.target.value }],
        },
      } : {}),
    }],
  };
}
