// Parks × targets coloured by status, with the status icon in each cell (colour is never alone).
import type { EChartsOption } from 'echarts';
import { STATUSES, type Status } from '../../shared/progress.ts';
import { statusLook } from '../lib/status.ts';
import { escapeHtml, tooltipNote, tooltipTitle } from '../../shared/charts/escape.ts';
import { BASE_TEXT, FONT, STATUS_FILL, STATUS_INK } from '../../shared/charts/theme.ts';

export interface HeatmapData {
  parks: readonly { id: number; name: string }[];
  targets: readonly { id: number; label: string }[];
  cells: readonly { parkId: number; targetId: number; status: Status; value?: string | null }[];
}

export interface HeatmapLabels {
  status: (status: Status) => string;
  description: string;
  /** A phone: shorter park names, column labels on one line. */
  compact?: boolean;
}

export const heatmapHeight = (parks: number) => Math.max(200, 70 + parks * 24);

export function buildHeatmapOption(data: HeatmapData, labels: HeatmapLabels): EChartsOption {
  const x = new Map(data.targets.map((t, i) => [t.id, i]));
  const y = new Map(data.parks.map((p, i) => [p.id, i]));
  const points = data.cells.flatMap((c) => {
    const xi = x.get(c.targetId);
    const yi = y.get(c.parkId);
    return xi === undefined || yi === undefined ? [] : [{ value: [xi, yi, STATUSES.indexOf(c.status)], cell: c }];
  });
  return {
    textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: labels.description }, decal: { show: false } },
    animation: false,
    grid: { left: 8, right: 8, top: 12, bottom: 8, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p: unknown) => {
        const point = points[(p as { dataIndex: number }).dataIndex];
        if (!point) return '';
        const park = data.parks[point.value[1]!]!;
        const target = data.targets[point.value[0]!]!;
        const look = statusLook(point.cell.status);
        return tooltipTitle(park.name) + tooltipNote(target.label)
          + `<div><b style="color:${escapeHtml(look.color)}">${escapeHtml(`${look.icon} ${labels.status(point.cell.status)}`)}</b>${point.cell.value ? ` · ${escapeHtml(point.cell.value)}` : ''}</div>`;
      },
    },
    xAxis: {
      type: 'category', position: 'top', data: data.targets.map((t) => t.label),
      axisLabel: { ...BASE_TEXT, fontSize: 11, interval: 0, width: labels.compact ? 40 : 110, overflow: 'truncate', lineHeight: 15 },
      axisTick: { show: false }, splitArea: { show: false },
    },
    yAxis: {
      type: 'category', inverse: true, data: data.parks.map((p) => p.name),
      axisLabel: {
        ...BASE_TEXT, fontSize: labels.compact ? 11 : 12, width: labels.compact ? 92 : 170, overflow: 'truncate',
        // On a phone keep the end of a long name, where parks of one city differ (…杭州某高新区01).
        ...(labels.compact ? { formatter: (name: string) => ([...name].length > 9 ? `…${[...name].slice(-8).join('')}` : name) } : {}),
      },
      axisTick: { show: false },
    },
    visualMap: {
      type: 'piecewise', show: false, dimension: 2,
      pieces: STATUSES.map((s, i) => ({ value: i, color: STATUS_FILL[s] })),
    },
    series: [{
      type: 'heatmap',
      // The icon's ink follows its fill: white on the dark statuses, dark on the light ones.
      data: points.map((p) => ({ value: p.value, label: { color: STATUS_INK[p.cell.status] } })),
      itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      label: {
        show: true, fontSize: 12, fontFamily: FONT,
        formatter: (p: unknown) => statusLook(STATUSES[(p as { value: number[] }).value[2]!]!).icon,
      },
      emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 2 } },
    }],
  };
}
