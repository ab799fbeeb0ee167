// Option builders of the big screen's charts: pure functions of data and words, tested without a DOM.
// Every series has a stable id so that a refresh merges into the live chart (see optionShape in
// web/features/screen/fingerprint.ts). Tooltips escape every piece of text (escapeHtml is the same as
// echarts.format.encodeHTML); axis labels, legends and map labels are canvas text.
import type { EChartsOption } from 'echarts';
import type { Status } from '../../shared/progress.ts';
import { escapeHtml } from '../../shared/charts/escape.ts';
import type { MapPark } from './mapChart.ts';
import { SCREEN_COLORS, SCREEN_STATUS, SCREEN_TEXT, SCREEN_TOOLTIP, SCREEN_TYPE } from './screenTheme.ts';
import { FONT } from '../../shared/charts/theme.ts';

const title = (text: string) => `<div style="font-weight:700;margin-bottom:4px">${escapeHtml(text)}</div>`;
const line = (text: string) => `<div>${escapeHtml(text)}</div>`;
const base = (description: string): EChartsOption => ({
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT },
  aria: { enabled: true, label: { description }, decal: { show: false } },
  animation: false,
});

// --- status donut (targets at a glance) ---------------------------------------------------------------

export interface StatusSlice { status: Status; count: number; label: string }

export function buildStatusDonutOption(slices: readonly StatusSlice[], labels: { description: string; count: (n: number) => string }): EChartsOption {
  const shown = slices.filter((s) => s.count > 0);
  return {
    ...base(labels.description),
    tooltip: { ...SCREEN_TOOLTIP, trigger: 'item', formatter: (p: unknown) => {
      const s = shown[(p as { dataIndex: number }).dataIndex];
      return s ? title(s.label) + line(labels.count(s.count)) : '';
    } },
    series: [{
      id: 'status', type: 'pie', radius: ['58%', '92%'], center: ['50%', '50%'], startAngle: 90,
      avoidLabelOverlap: false, label: { show: false }, labelLine: { show: false },
      itemStyle: { borderColor: SCREEN_COLORS.ground, borderWidth: 4 },
      emphasis: { scale: false },
      data: shown.map((s) => ({ name: s.label, value: s.count, itemStyle: { color: SCREEN_STATUS[s.status].fill } })),
    }],
  };
}

// --- coverage map ---------------------------------------------------------------------------------------

export interface ScreenMapData {
  mapName: string;
  cities: readonly { code: string; name: string; covered: boolean }[];
  parks: readonly MapPark[];
  centres: Readonly<Record<string, readonly [number, number]>>;
}

export interface ScreenMapLabels {
  covered: string;
  uncovered: string;
  level: (level: MapPark['level']) => string;
  parksName: string;
  description: string;
}

/** Park points on the wall: about twice the size of the planner's map. */
export const SCREEN_PARK_SIZE: Record<MapPark['level'], number> = { national: 20, provincial: 13, other: 10 };
/** Park points by level: bright enough on both the green and the red cities. */
export const SCREEN_PARK_COLOR: Record<MapPark['level'], string> = { national: '#ffd43b', provincial: '#74c0fc', other: '#dee2e6' };

/**
 * Where a park is drawn on the wall's map: in a small cluster just below its city's name (the names are
 * large here, and a cluster reads as “the parks of this city”; the register has no coordinates, the
 * points show the city, not the place). Rows of four, centred. Degrees of longitude and latitude.
 */
export function screenParkPosition(centre: readonly [number, number], index: number, count: number): [number, number] {
  const perRow = 4;
  const row = Math.floor(index / perRow);
  const inRow = Math.min(perRow, count - row * perRow);
  const col = index % perRow;
  return [Number((centre[0] + (col - (inRow - 1) / 2) * 0.13).toFixed(5)), Number((centre[1] - 0.12 - row * 0.1).toFixed(5))];
}

export function buildScreenMapOption(data: ScreenMapData, labels: ScreenMapLabels): EChartsOption {
  const seen = new Map<string, number>();
  const perCity = new Map<string, number>();
  for (const p of data.parks) if (p.cityCode) perCity.set(p.cityCode, (perCity.get(p.cityCode) ?? 0) + 1);
  const points = data.parks.flatMap((p) => {
    const centre = p.cityCode ? data.centres[p.cityCode] : undefined;
    if (!centre) return [];
    const k = seen.get(p.cityCode!) ?? 0;
    seen.set(p.cityCode!, k + 1);
    return [{ park: p, value: screenParkPosition(centre, k, perCity.get(p.cityCode!)!) }];
  });
  const cityByName = new Map(data.cities.map((c) => [c.name, c]));
  return {
    ...base(labels.description),
    tooltip: { ...SCREEN_TOOLTIP, trigger: 'item', formatter: (p: unknown) => {
      const params = p as { seriesType?: string; name?: string; dataIndex: number };
      if (params.seriesType === 'scatter') {
        const point = points[params.dataIndex];
        return point ? title(point.park.name) + line(labels.level(point.park.level)) : '';
      }
      const city = cityByName.get(params.name ?? '');
      return city ? title(city.name) + line(city.covered ? labels.covered : labels.uncovered) : escapeHtml(params.name);
    } },
    geo: {
      map: data.mapName, roam: false, aspectScale: 0.87, layoutCenter: ['50%', '50%'], layoutSize: '98%',
      label: { show: true, fontFamily: FONT, fontSize: SCREEN_TYPE.label, fontWeight: 700, color: '#ffffff', textBorderColor: SCREEN_COLORS.ground, textBorderWidth: 4 },
      itemStyle: { areaColor: SCREEN_COLORS.none, borderColor: SCREEN_COLORS.ground, borderWidth: 2 },
      emphasis: { label: { show: true, color: '#ffffff' }, itemStyle: { areaColor: '#3d5a80' } },
      select: { disabled: true },
      regions: data.cities.map((c) => ({ name: c.name, itemStyle: { areaColor: c.covered ? SCREEN_COLORS.covered : SCREEN_COLORS.uncovered } })),
    },
    series: [
      { id: 'cities', type: 'map', geoIndex: 0, data: data.cities.map((c) => ({ name: c.name, value: c.covered ? 1 : 0 })) },
      {
        id: 'parks', name: labels.parksName, type: 'scatter', coordinateSystem: 'geo', z: 5,
        data: points.map((pt) => ({
          name: pt.park.name, value: pt.value, symbolSize: SCREEN_PARK_SIZE[pt.park.level],
          itemStyle: { color: SCREEN_PARK_COLOR[pt.park.level], borderColor: SCREEN_COLORS.ground, borderWidth: 2 },
        })),
      },
    ],
  };
}

// --- park ranking (one indicator against its target) ------------------------------------------------------

export interface ScreenRankRow { id: number; name: string; value: number; status: Status | null; note?: string }

export interface ScreenRankingData {
  /** Best first. */
  rows: readonly ScreenRankRow[];
  target: { value: number; label: string } | null;
  /** Lower is better (ranks): the bars measure how far ahead of the last a park stands, so the best is the longest. */
  invert?: boolean;
}

export interface ScreenRankingLabels {
  valueName: string;
  value: (value: number) => string;
  axis: (value: number) => string;
  status: (status: Status) => string;
  description: string;
}

/** Up to this many parks in one column; more go in two columns side by side. */
export const RANK_COLUMN = 20;

/**
 * Which rows are drawn, in columns: one column for a few parks, two for up to 40, and beyond that the
 * first and last 20 (the note says how many are left out).
 */
export function rankColumns<T>(rows: readonly T[]): { columns: { rank: number; row: T }[][]; hidden: number } {
  const ranked = rows.map((row, i) => ({ rank: i + 1, row }));
  if (ranked.length <= 14) return { columns: [ranked], hidden: 0 };
  if (ranked.length <= 2 * RANK_COLUMN) {
    const half = Math.ceil(ranked.length / 2);
    return { columns: [ranked.slice(0, half), ranked.slice(half)], hidden: 0 };
  }
  return { columns: [ranked.slice(0, RANK_COLUMN), ranked.slice(-RANK_COLUMN)], hidden: ranked.length - 2 * RANK_COLUMN };
}

export function buildScreenRankingOption(data: ScreenRankingData, labels: ScreenRankingLabels): EChartsOption {
  const { columns } = rankColumns(data.rows);
  // Ranks: a bar's length is (worst + 1 − rank), so 3rd is longer than 13th; labels and tooltips say the rank itself.
  const worst = Math.max(0, ...data.rows.map((r) => r.value), data.target?.value ?? 0);
  const length = (v: number) => (data.invert ? worst + 1 - v : v);
  const values = data.rows.map((r) => length(r.value)).concat(data.target ? [length(data.target.value)] : []);
  const max = values.length ? Math.max(0, ...values) * 1.12 : 1;
  const min = values.length ? Math.min(0, ...values) : 0;
  const perColumn = Math.max(...columns.map((c) => c.length), 1);
  const width = columns.length === 1 ? 100 : 48;
  const grids = columns.map((_c, i) => ({ left: `${i * 52}%`, width: `${width}%`, top: data.target ? 40 : 8, bottom: 8, containLabel: true }));
  return {
    ...base(labels.description),
    grid: grids,
    tooltip: { ...SCREEN_TOOLTIP, trigger: 'item', formatter: (p: unknown) => {
      const params = p as { seriesIndex: number; dataIndex: number };
      const item = columns[params.seriesIndex]?.[params.dataIndex];
      if (!item) return '';
      return title(`${item.rank}. ${item.row.name}`) + line(`${labels.valueName}: ${labels.value(item.row.value)}`)
        + (item.row.status ? line(labels.status(item.row.status)) : '') + (item.row.note ? line(item.row.note) : '');
    } },
    xAxis: columns.map((_c, i) => ({
      type: 'value' as const, gridIndex: i, min, max, splitNumber: 4,
      // A rank's bar length has no unit of its own: no axis numbers then, each bar is labelled with its rank.
      axisLabel: { show: !data.invert, ...SCREEN_TEXT, color: SCREEN_COLORS.muted, fontSize: SCREEN_TYPE.axis, formatter: (v: number) => labels.axis(v), showMaxLabel: false },
      splitLine: { lineStyle: { color: SCREEN_COLORS.grid } },
    })),
    yAxis: columns.map((c, i) => ({
      type: 'category' as const, gridIndex: i, inverse: true,
      // Empty slots keep the bars of a shorter second column as thick as the first.
      data: [...c.map((x) => `${x.rank}  ${x.row.name}`), ...Array.from({ length: perColumn - c.length }, () => '')],
      axisLabel: { ...SCREEN_TEXT, fontSize: SCREEN_TYPE.label, width: 330, overflow: 'truncate' as const },
      axisTick: { show: false }, axisLine: { lineStyle: { color: SCREEN_COLORS.line } },
    })),
    series: columns.map((c, i) => ({
      id: `rank-${i}`, type: 'bar' as const, xAxisIndex: i, yAxisIndex: i, name: labels.valueName, barMaxWidth: perColumn <= 10 ? 44 : 26, barCategoryGap: '30%',
      data: c.map((x) => ({
        value: length(x.row.value),
        itemStyle: { color: x.row.status ? SCREEN_STATUS[x.row.status].fill : data.target ? SCREEN_COLORS.neutral : SCREEN_COLORS.accent, borderRadius: [0, 4, 4, 0] },
      })),
      label: { show: true, position: 'right' as const, ...SCREEN_TEXT, fontSize: SCREEN_TYPE.axis, formatter: (p: unknown) => labels.axis(c[(p as { dataIndex: number }).dataIndex]!.row.value) },
      ...(data.target ? {
        markLine: {
          symbol: 'none', silent: true,
          lineStyle: { color: SCREEN_COLORS.target, type: 'dashed' as const, width: 3 },
          label: { formatter: data.target.label, position: 'start' as const, color: SCREEN_COLORS.target, fontFamily: FONT, fontSize: SCREEN_TYPE.label, fontWeight: 700 },
          data: [{ xAxis: length(data.target.value) }],
        },
      } : {}),
    })),
  };
}

// --- trend of one target ----------------------------------------------------------------------------------

export interface ScreenYearValue { year: number; value: number }

export interface ScreenTrendData {
  series: readonly ScreenYearValue[];
  path: readonly ScreenYearValue[];
  projection: readonly ScreenYearValue[];
  target: { value: number; year: number } | null;
  /** Lower is better (ranks): the axis runs downwards so that better is still up. */
  invert: boolean;
}

export interface ScreenTrendLabels {
  actual: string;
  path: string;
  projection: string;
  target: string;
  year: (year: number) => string;
  value: (value: number) => string;
  axis: (value: number) => string;
  description: string;
}

export function buildScreenTrendOption(data: ScreenTrendData, labels: ScreenTrendLabels): EChartsOption {
  const years = [...data.series, ...data.path, ...data.projection].map((p) => p.year).concat(data.target ? [data.target.year] : []);
  const first = years.length ? Math.min(...years) : 0;
  const last = years.length ? Math.max(...years) : first;
  const axisYears = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const align = (points: readonly ScreenYearValue[]) => {
    const byYear = new Map(points.map((p) => [p.year, p.value]));
    return axisYears.map((y) => byYear.get(y) ?? null);
  };
  const actual = align(data.series);
  // A point with no figure on either side stands alone (no line reaches it): it carries its value too.
  const alone = actual.map((v, i) => v !== null && (actual[i - 1] ?? null) === null && (actual[i + 1] ?? null) === null);
  const series: NonNullable<EChartsOption['series']> = [{
    id: 'actual', name: labels.actual, type: 'line', data: actual, connectNulls: false, showAllSymbol: true, z: 5,
    lineStyle: { color: SCREEN_COLORS.actual, width: 6 }, itemStyle: { color: SCREEN_COLORS.actual, borderColor: SCREEN_COLORS.ground, borderWidth: 2 },
    symbol: 'circle', symbolSize: 14,
    label: { show: true, position: 'top', ...SCREEN_TEXT, fontSize: SCREEN_TYPE.axis, formatter: (p: unknown) => {
      // Only the latest point and points standing alone carry their value: the rest would crowd the line.
      const i = (p as { dataIndex: number }).dataIndex;
      const latest = data.series.length ? Math.max(...data.series.map((x) => x.year)) : null;
      return axisYears[i] === latest || alone[i] ? labels.axis((p as { value: number }).value) : '';
    } },
  }];
  if (data.path.length) {
    series.push({
      id: 'path', name: labels.path, type: 'line', data: align(data.path), connectNulls: true, symbol: 'none',
      lineStyle: { color: SCREEN_COLORS.path, width: 3, type: [4, 8] }, itemStyle: { color: SCREEN_COLORS.path },
    });
  }
  if (data.projection.length) {
    series.push({
      id: 'projection', name: labels.projection, type: 'line', data: align(data.projection), connectNulls: true,
      symbol: 'emptyCircle', symbolSize: 14, lineStyle: { color: SCREEN_COLORS.projection, width: 4, type: 'dashed' },
      itemStyle: { color: SCREEN_COLORS.projection, borderWidth: 3 },
    });
  }
  if (data.target) {
    series.push({
      id: 'target', name: labels.target, type: 'line', data: axisYears.map(() => data.target!.value), symbol: 'none',
      lineStyle: { color: SCREEN_COLORS.target, width: 4, type: [14, 8] }, itemStyle: { color: SCREEN_COLORS.target },
    });
  }
  return {
    ...base(labels.description),
    grid: { left: 16, right: 40, top: 90, bottom: 16, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 48, itemHeight: 14, itemGap: 36, textStyle: { ...SCREEN_TEXT, fontSize: SCREEN_TYPE.legend }, inactiveColor: SCREEN_COLORS.neutral },
    tooltip: { ...SCREEN_TOOLTIP, trigger: 'axis', formatter: (params: unknown) => {
      const list = (Array.isArray(params) ? params : [params]) as { seriesName?: string; value?: unknown; dataIndex?: number }[];
      const year = axisYears[list[0]?.dataIndex ?? 0] ?? first;
      return title(labels.year(year)) + list.filter((p) => typeof p.value === 'number').map((p) => line(`${p.seriesName ?? ''}: ${labels.value(p.value as number)}`)).join('');
    } },
    xAxis: {
      type: 'category', data: axisYears.map(String), boundaryGap: false,
      axisLabel: { ...SCREEN_TEXT, color: SCREEN_COLORS.muted, fontSize: SCREEN_TYPE.axis, margin: 14 },
      axisLine: { lineStyle: { color: SCREEN_COLORS.line, width: 2 } }, axisTick: { show: false },
    },
    yAxis: {
      type: 'value', scale: true, inverse: data.invert, splitNumber: 5,
      axisLabel: { ...SCREEN_TEXT, color: SCREEN_COLORS.muted, fontSize: SCREEN_TYPE.axis, formatter: (v: number) => labels.axis(v) },
      splitLine: { lineStyle: { color: SCREEN_COLORS.grid } },
    },
    series,
  };
}

// --- the parks that hold the province back ------------------------------------------------------------

export interface ScreenLaggardRow { id: number; name: string; need: number; own: string | null }

export interface ScreenLaggardLabels {
  needName: string;
  need: (value: number) => string;
  own: (text: string) => string;
  description: string;
}

export function buildScreenLaggardsOption(rows: readonly ScreenLaggardRow[], labels: ScreenLaggardLabels): EChartsOption {
  // Room on the right for each bar's label (the need and the park's own value).
  const max = rows.length ? Math.max(...rows.map((r) => r.need)) * 1.6 : 1;
  return {
    ...base(labels.description),
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { ...SCREEN_TOOLTIP, trigger: 'item', formatter: (p: unknown) => {
      const row = rows[(p as { dataIndex: number }).dataIndex];
      return row ? title(row.name) + line(`${labels.needName}: ${labels.need(row.need)}`) + (row.own ? line(labels.own(row.own)) : '') : '';
    } },
    // Every bar carries its figure with the unit; an axis of bare numbers would only add noise.
    xAxis: { type: 'value', min: 0, max, splitNumber: 4, axisLabel: { show: false }, splitLine: { lineStyle: { color: SCREEN_COLORS.grid } } },
    yAxis: {
      type: 'category', inverse: true, data: rows.map((r, i) => `${i + 1}  ${r.name}`),
      axisLabel: { ...SCREEN_TEXT, fontSize: SCREEN_TYPE.big, width: 380, overflow: 'truncate' },
      axisTick: { show: false }, axisLine: { lineStyle: { color: SCREEN_COLORS.line } },
    },
    series: [{
      id: 'need', type: 'bar', name: labels.needName, barMaxWidth: 40, barCategoryGap: '35%',
      data: rows.map((r) => ({ value: r.need, itemStyle: { color: SCREEN_COLORS.need, borderRadius: [0, 6, 6, 0] } })),
      label: {
        show: true, position: 'right', ...SCREEN_TEXT, fontSize: SCREEN_TYPE.label,
        formatter: (p: unknown) => {
          const row = rows[(p as { dataIndex: number }).dataIndex];
          return row ? `${labels.need(row.need)}${row.own ? `  {own|${labels.own(row.own)}}` : ''}` : '';
        },
        rich: { own: { color: SCREEN_COLORS.muted, fontSize: SCREEN_TYPE.axis, fontFamily: FONT } },
      },
    }],
  };
}
