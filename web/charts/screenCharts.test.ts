// The big screen's option builders: pure, checked without a DOM or ECharts.
import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import {
  buildScreenLaggardsOption, buildScreenMapOption, buildScreenRankingOption, buildScreenTrendOption, buildStatusDonutOption, rankColumns,
  SCREEN_PARK_SIZE, screenParkPosition, type ScreenRankRow,
} from './screenCharts.ts';
import { SCREEN_COLORS, SCREEN_STATUS, SCREEN_TYPE } from './screenTheme.ts';

const MARKUP = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
type Formatter = (params: unknown) => string;
const tooltipOf = (option: EChartsOption) => (option.tooltip as { formatter: Formatter }).formatter;
const seriesOf = (option: EChartsOption) => option.series as Record<string, any>[];
const asList = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('the status donut', () => {
  const option = buildStatusDonutOption([
    { status: 'achieved', count: 2, label: '已达成' }, { status: 'missed', count: 0, label: '未达成' }, { status: 'limited', count: 3, label: MARKUP },
  ], { description: 'd', count: (n) => `${n} 个` });
  it('draws one slice per status present, in its status colour, under a stable id', () => {
    const [pie] = seriesOf(option);
    expect(pie!.id).toBe('status');
    expect(pie!.data).toEqual([
      { name: '已达成', value: 2, itemStyle: { color: SCREEN_STATUS.achieved.fill } },
      { name: MARKUP, value: 3, itemStyle: { color: SCREEN_STATUS.limited.fill } },
    ]);
    expect(option.animation).toBe(false);
  });
  it('escapes the tooltip', () => {
    expect(tooltipOf(option)({ dataIndex: 1 })).toContain(ESCAPED);
    expect(tooltipOf(option)({ dataIndex: 1 })).not.toContain('<img');
  });
});

describe('the coverage map', () => {
  const option = buildScreenMapOption({
    mapName: 'zhejiang',
    cities: [{ code: '330100', name: '杭州市', covered: true }, { code: '330200', name: '宁波市', covered: false }],
    parks: [
      { id: 1, name: MARKUP, cityCode: '330100', level: 'national', value: null },
      { id: 2, name: '乙', cityCode: '330100', level: 'provincial', value: null },
      { id: 3, name: '无城市', cityCode: null, level: 'other', value: null },
    ],
    centres: { '330100': [120.15, 30.28], '330200': [121.55, 29.87] },
  }, { covered: '已覆盖', uncovered: '未覆盖', level: (l) => l, parksName: '园区', description: 'd' });

  it('colours cities covered / uncovered and labels them in large type', () => {
    const geo = option.geo as Record<string, any>;
    expect(geo.regions).toEqual([
      { name: '杭州市', itemStyle: { areaColor: SCREEN_COLORS.covered } },
      { name: '宁波市', itemStyle: { areaColor: SCREEN_COLORS.uncovered } },
    ]);
    expect(geo.label.fontSize).toBeGreaterThanOrEqual(20);
    expect(geo.aspectScale).toBeCloseTo(0.87);
  });

  it('draws parks with a city around its centre, sized by level; parks without a city are left out', () => {
    const parks = seriesOf(option).find((s) => s.id === 'parks')!;
    expect(parks.data).toHaveLength(2);
    expect(parks.data[0].symbolSize).toBe(SCREEN_PARK_SIZE.national);
    expect(parks.data[0].value).not.toEqual(parks.data[1].value);
  });

  it('clusters a city’s parks below its name, rows of four, centred, none on top of another', () => {
    const points = Array.from({ length: 6 }, (_, k) => screenParkPosition([120, 30], k, 6));
    expect(points.every(([, y]) => y < 30 - 0.1)).toBe(true);
    expect(points.slice(0, 4).map(([x]) => x)).toEqual([119.805, 119.935, 120.065, 120.195]);
    expect(points.slice(4).map(([x]) => x)).toEqual([119.935, 120.065]);
    expect(new Set(points.map((p) => p.join())).size).toBe(6);
    expect(screenParkPosition([120, 30], 0, 1)).toEqual([120, 29.88]);
  });

  it('escapes park names in the tooltip', () => {
    const text = tooltipOf(option)({ seriesType: 'scatter', dataIndex: 0 });
    expect(text).toContain(ESCAPED);
    expect(tooltipOf(option)({ seriesType: 'map', name: '宁波市', dataIndex: 1 })).toContain('未覆盖');
  });
});

describe('the park ranking', () => {
  const rows = (n: number): ScreenRankRow[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: i === 0 ? MARKUP : `园区${i + 1}`, value: 100 - i, status: i % 2 ? 'limited' : null }));
  const labels = { valueName: '强度', value: (x: number) => `${x}%`, axis: (x: number) => `${x}`, status: (s: string) => s, description: 'd' };

  it('uses one column for a few parks, two for up to 40, and the first and last 20 beyond', () => {
    expect(rankColumns(rows(10).map((r) => r.id)).columns.map((c) => c.length)).toEqual([10]);
    expect(rankColumns(rows(39).map((r) => r.id)).columns.map((c) => c.length)).toEqual([20, 19]);
    const many = rankColumns(rows(50).map((r) => r.id));
    expect(many.columns.map((c) => c.length)).toEqual([20, 20]);
    expect(many.hidden).toBe(10);
    expect(many.columns[1]![0]).toEqual({ rank: 31, row: 31 });
  });

  it('draws a bar series per column with stable ids, rank numbers in the labels, the same scale on both', () => {
    const option = buildScreenRankingOption({ rows: rows(39), target: { value: 95, label: '目标 95%' } }, labels);
    const series = seriesOf(option);
    expect(series.map((s) => s.id)).toEqual(['rank-0', 'rank-1']);
    const y = asList(option.yAxis as any) as { data: string[] }[];
    expect(y[0]!.data[1]).toBe('2  园区2');
    expect(y[1]!.data[0]).toBe('21  园区21');
    // The shorter column is padded, so its bars are as thick as the other's.
    expect(y[1]!.data).toHaveLength(20);
    const x = asList(option.xAxis as any) as { max: number }[];
    expect(x[0]!.max).toBe(x[1]!.max);
    expect(series[0]!.markLine.data).toEqual([{ xAxis: 95 }]);
    expect(series[0]!.data[1].itemStyle.color).toBe(SCREEN_STATUS.limited.fill);
    expect(series[0]!.data[0].itemStyle.color).toBe(SCREEN_COLORS.neutral);
    expect((y[0] as any).axisLabel.fontSize).toBeGreaterThanOrEqual(SCREEN_TYPE.label);
  });

  it('escapes park names in the tooltip', () => {
    const option = buildScreenRankingOption({ rows: rows(5), target: null }, labels);
    expect(tooltipOf(option)({ seriesIndex: 0, dataIndex: 0 })).toContain(`1. ${ESCAPED}`);
    expect(seriesOf(option)[0]!.markLine).toBeUndefined();
  });
});

describe('the trend', () => {
  const labels = {
    actual: '实际值', path: '按期路径', projection: '预测', target: MARKUP, year: (y: number) => `${y}年`, value: (v: number) => `${v}%`,
    axis: (v: number) => `${v}`, description: 'd',
  };
  const data = {
    series: [{ year: 2021, value: 5.9 }, { year: 2023, value: 6.4 }],
    path: [{ year: 2021, value: 5.9 }, { year: 2027, value: 8 }],
    projection: [{ year: 2023, value: 6.4 }, { year: 2027, value: 7.3 }],
    target: { value: 8, year: 2027 }, invert: false,
  };

  it('lays the four lines on one axis of years from the first figure to the target year, with stable ids', () => {
    const option = buildScreenTrendOption(data, labels);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2021', '2022', '2023', '2024', '2025', '2026', '2027']);
    const series = seriesOf(option);
    expect(series.map((s) => s.id)).toEqual(['actual', 'path', 'projection', 'target']);
    expect(series[0]!.data).toEqual([5.9, null, 6.4, null, null, null, null]);
    expect(series[3]!.data.every((v: number) => v === 8)).toBe(true);
  });

  it('labels the latest actual point and a point standing alone, not the others, and turns the axis for ranks', () => {
    const option = buildScreenTrendOption({ ...data, series: [{ year: 2018, value: 3 }, { year: 2020, value: 5.5 }, { year: 2021, value: 5.9 }, { year: 2023, value: 6.4 }], invert: true }, labels);
    const format = seriesOf(option)[0]!.label.formatter as Formatter;
    expect((option.xAxis as { data: string[] }).data[0]).toBe('2018');
    expect(format({ dataIndex: 0, value: 3 })).toBe('3'); // 2018: no figure in 2017 or 2019
    expect(format({ dataIndex: 2, value: 5.5 })).toBe(''); // 2020: joined to 2021
    expect(format({ dataIndex: 3, value: 5.9 })).toBe('');
    expect(format({ dataIndex: 5, value: 6.4 })).toBe('6.4'); // the latest
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
  });

  it('leaves out what is missing, and escapes the tooltip', () => {
    const option = buildScreenTrendOption({ ...data, path: [], projection: [], target: null }, labels);
    expect(seriesOf(option).map((s) => s.id)).toEqual(['actual']);
    const full = buildScreenTrendOption(data, labels);
    expect(tooltipOf(full)([{ seriesName: MARKUP, value: 8, dataIndex: 6 }])).toContain(ESCAPED);
  });
});

describe('the parks holding the province back', () => {
  const option = buildScreenLaggardsOption(
    [{ id: 1, name: MARKUP, need: 43.2, own: '2.9%' }, { id: 2, name: '乙', need: 20, own: null }],
    { needName: '还需增加的R&D经费', need: (v) => `${v}亿元`, own: (t) => `自身 ${t}`, description: 'd' },
  );
  it('draws the need as bars, largest first, each labelled with the need and the park’s own value', () => {
    const [bars] = seriesOf(option);
    expect(bars!.id).toBe('need');
    expect(bars!.data.map((d: { value: number }) => d.value)).toEqual([43.2, 20]);
    const label = bars!.label.formatter as Formatter;
    expect(label({ dataIndex: 0 })).toBe('43.2亿元  {own|自身 2.9%}');
    expect(label({ dataIndex: 1 })).toBe('20亿元');
    expect((option.yAxis as { data: string[] }).data[0]).toBe(`1  ${MARKUP}`);
  });
  it('escapes park names in the tooltip', () => {
    expect(tooltipOf(option)({ dataIndex: 0 })).toContain(ESCAPED);
  });
});
