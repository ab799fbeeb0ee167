// A province's cities shaded by an indicator aggregated over their parks, or coloured covered /
// uncovered for a coverage target, with the parks as points.
import type { EChartsOption } from 'echarts';
import { escapeHtml, tooltipLine, tooltipNote, tooltipTitle } from '../../shared/charts/escape.ts';
import { BASE_TEXT, CHART_COLORS, FONT } from '../../shared/charts/theme.ts';

export interface MapCity { code: string; name: string; value: number | null; covered?: boolean }
export interface MapPark { id: number; name: string; cityCode: string | null; level: 'national' | 'provincial' | 'other'; value: number | null }

export interface MapData {
  mapName: string;
  mode: 'value' | 'coverage';
  cities: readonly MapCity[];
  parks: readonly MapPark[];
  /** City code → centre [lng, lat], from the map's own features. */
  centres: Readonly<Record<string, readonly [number, number]>>;
}

export interface MapLabels {
  value: (value: number) => string;
  noValue: string;
  covered: string;
  uncovered: string;
  level: (level: MapPark['level']) => string;
  parksName: string;
  description: string;
}

export const LEVEL_STYLE: Record<MapPark['level'], { size: number; color: string }> = {
  national: { size: 11, color: '#7a1f5c' },
  provincial: { size: 8, color: '#1f5fa8' },
  other: { size: 6, color: '#5b636e' },
};

/**
 * Where a park is drawn: around its city's centre on a golden-angle spiral (parks have no coordinates
 * of their own in the register; the map says the points show the city, not the exact place).
 */
export function parkPosition(centre: readonly [number, number], index: number): [number, number] {
  // Starting off the centre, so the city's name stays readable.
  const angle = 0.9 + index * 2.399963; // the golden angle in radians
  const radius = 0.1 * Math.sqrt(index + 1);
  return [Number((centre[0] + radius * Math.cos(angle)).toFixed(5)), Number((centre[1] + radius * Math.sin(angle) * 0.87).toFixed(5))];
}

export function buildMapOption(data: MapData, labels: MapLabels): EChartsOption {
  const values = data.cities.map((c) => c.value).filter((v): v is number => v !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const seen = new Map<string, number>();
  const parkPoints = data.parks.flatMap((p) => {
    const centre = p.cityCode ? data.centres[p.cityCode] : undefined;
    if (!centre) return [];
    const k = seen.get(p.cityCode!) ?? 0;
    seen.set(p.cityCode!, k + 1);
    const style = LEVEL_STYLE[p.level];
    return [{ name: p.name, value: [...parkPosition(centre, k), p.value ?? 0], park: p, symbolSize: style.size, itemStyle: { color: style.color, borderColor: '#fff', borderWidth: 1 } }];
  });
  const cityData = data.cities.map((c) => ({ name: c.name, value: data.mode === 'coverage' ? (c.covered ? 1 : 0) : (c.value ?? ('-' as const)) }));
  // Region colours that no visual map gives: covered / uncovered, and cities without a figure.
  const regions = data.cities.flatMap((c): { name: string; itemStyle: { areaColor: string } }[] => (data.mode === 'coverage'
    ? [{ name: c.name, itemStyle: { areaColor: c.covered ? CHART_COLORS.covered : CHART_COLORS.uncovered } }]
    : c.value === null ? [{ name: c.name, itemStyle: { areaColor: CHART_COLORS.none } }] : []));

  return {
    textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description: labels.description }, decal: { show: false } },
    animation: false,
    tooltip: {
      trigger: 'item', confine: true,
      formatter: (p: unknown) => {
        const params = p as { seriesType?: string; name?: string; dataIndex: number };
        if (params.seriesType === 'scatter') {
          const point = parkPoints[params.dataIndex];
          if (!point) return '';
          return tooltipTitle(point.park.name) + tooltipNote(labels.level(point.park.level))
            + (point.park.value !== null ? tooltipLine(point.itemStyle.color, '', labels.value(point.park.value)).replace(': <b>', '<b>') : '');
        }
        const city = data.cities.find((c) => c.name === params.name);
        if (!city) return escapeHtml(params.name);
        const text = data.mode === 'coverage' ? (city.covered ? labels.covered : labels.uncovered) : city.value === null ? labels.noValue : labels.value(city.value);
        return tooltipTitle(city.name) + `<div>${escapeHtml(text)}</div>`;
      },
    },
    ...(data.mode === 'value' && values.length ? {
      visualMap: {
        type: 'continuous' as const, min, max, seriesIndex: 0, calculable: false, orient: 'horizontal' as const, left: 8, bottom: 4,
        itemWidth: 12, itemHeight: 140, text: [labels.value(max), labels.value(min)], textStyle: { ...BASE_TEXT, fontSize: 11 },
        inRange: { color: ['#e3f0f6', '#8fc1d9', '#3b86b5', '#134f86'] },
      },
    } : {}),
    geo: {
      map: data.mapName, roam: false, aspectScale: 0.87, layoutCenter: ['50%', '50%'], layoutSize: '96%',
      label: { show: true, ...BASE_TEXT, fontSize: 11, color: '#1f2328', textBorderColor: '#ffffff', textBorderWidth: 2 },
      itemStyle: { areaColor: CHART_COLORS.none, borderColor: '#ffffff', borderWidth: 1.2 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#f7e7a6' } },
      select: { disabled: true },
      regions,
    },
    series: [
      { type: 'map', geoIndex: 0, data: cityData },
      { type: 'scatter', coordinateSystem: 'geo', name: labels.parksName, data: parkPoints.map(({ park: _p, ...rest }) => rest), z: 5 },
    ],
  };
}
