// The option builders are pure: they are checked here without a DOM or ECharts.
import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { buildCompareOption } from './compareChart.ts';
import { escapeHtml, tooltipLine } from '../../shared/charts/escape.ts';
import { buildHeatmapOption } from './heatmapChart.ts';
import { buildMapOption, parkPosition } from './mapChart.ts';
import { buildRankingOption, rankRows } from '../../shared/charts/rankingChart.ts';
import { sparkline } from './sparkline.ts';
import { buildTargetOption } from '../../shared/charts/targetChart.ts';
import { STATUS_FILL } from '../../shared/charts/theme.ts';

const MARKUP = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

type Formatter = (params: unknown) => string;
const tooltipOf = (option: EChartsOption) => (option.tooltip as { formatter: Formatter }).formatter;
const seriesOf = (option: EChartsOption) => option.series as Record<string, any>[];

describe('escapeHtml', () => {
  it('escapes the five characters HTML gives meaning to, as echarts.format.encodeHTML does', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
  });

  it('escapes every piece of a tooltip line', () => {
    expect(tooltipLine('"red', MARKUP, '<b>1</b>')).not.toContain('<img');
    expect(tooltipLine('red', MARKUP, '1')).toContain(ESCAPED);
  });
});

describe('sparkline', () => {
  it('scales the series into the box with the target in range', () => {
    const s = sparkline([{ year: 2020, value: 6 }, { year: 2021, value: 7 }], 100, 40, 8, 0);
    expect(s.d).toBe('M0,40 L100,20');
    expect(s.targetY).toBe(0);
    expect(s.last).toEqual({ x: 100, y: 20 });
  });

  it('draws no line across a year without a figure: a point alone is a dot', () => {
    const s = sparkline([{ year: 2020, value: 6 }, { year: 2023, value: 7 }, { year: 2024, value: 8 }], 100, 40, null, 0);
    expect(s.d).toBe('M0,40 M75,20 L100,0');
    expect(s.alone).toEqual([{ x: 0, y: 40 }]);
  });

  it('sorts by year and copes with one point or none', () => {
    expect(sparkline([{ year: 2022, value: 2 }, { year: 2021, value: 1 }], 10, 10, null, 0).d).toBe('M0,10 L10,0');
    expect(sparkline([{ year: 2023, value: 5 }], 100, 40).d).toMatch(/^M50,/);
    expect(sparkline([{ year: 2023, value: 5 }], 100, 40).alone).toHaveLength(1);
    expect(sparkline([], 100, 40)).toEqual({ d: '', targetY: null, last: null, alone: [] });
  });
});

const targetLabels = {
  actual: '实际值', path: '按期路径', projection: '按当前速度预测', year: (y: number) => `${y}年`,
  value: (v: number) => `${v.toFixed(2)}%`, axis: (v: number) => `${v}%`, description: 'R&D',
};

describe('buildTargetOption', () => {
  const option = buildTargetOption({
    series: [{ year: 2020, value: 6 }, { year: 2023, value: 6.79 }],
    path: [{ year: 2020, value: 6 }, { year: 2025, value: 8 }],
    projection: [{ year: 2023, value: 6.79 }, { year: 2025, value: 7.31 }],
    targets: [{ label: `目标 ${MARKUP}`, value: 8, year: 2025 }],
  }, targetLabels);

  it('draws the actual series, the straight path, the projection and the target, each its own way', () => {
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['实际值', '按期路径', '按当前速度预测', `目标 ${MARKUP}`]);
    const styles = series.map((s) => `${s.lineStyle.type ?? 'solid'} ${s.lineStyle.color} ${s.symbol}`);
    expect(new Set(styles).size).toBe(4);
    expect(series[0]!.lineStyle.width).toBeGreaterThan(series[1]!.lineStyle.width);
    expect(series[1]!.lineStyle.type).toBe('dotted');
    expect(series[2]!.lineStyle.type).toBe('dashed');
  });

  it('spans the years from the first figure to the target year, with gaps where there is no value', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    // Two points alone: each marked and labelled with its value, no line between them.
    const actual = seriesOf(option)[0]! as { data: unknown[]; connectNulls: boolean };
    expect(actual.connectNulls).toBe(false);
    expect(actual.data.map((d) => (d !== null && typeof d === 'object' ? (d as { value: number }).value : d))).toEqual([6, null, null, 6.79, null, null]);
    expect((actual.data[0] as { label: { show: boolean } }).label.show).toBe(true);
    expect(seriesOf(option)[3]!.data).toEqual([8, 8, 8, 8, 8, 8]);
  });

  it('escapes series names in the tooltip', () => {
    const html = tooltipOf(option)([{ seriesName: `目标 ${MARKUP}`, value: 8, color: '#b3261e', dataIndex: 5 }]);
    expect(html).toContain('2025年');
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain('<img');
  });
});

describe('buildTargetOption with little to draw', () => {
  it('draws the target across the frame when the axis has one year, and says inside the frame that there are no figures', () => {
    const option = buildTargetOption({ series: [], path: [], projection: [], targets: [{ label: 'T2 约 42万元/亩', value: 42, year: 2025 }] }, { ...targetLabels, empty: '尚无可画出的数值' });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2025']);
    const target = seriesOf(option)[1]!;
    expect(target.name).toBe('T2 约 42万元/亩');
    expect(target.markLine.data).toEqual([{ yAxis: 42 }]);
    expect(target.markLine.lineStyle.type).toBe(target.lineStyle.type);
    expect((option.graphic as { style: { text: string } }[])[0]!.style.text).toBe('尚无可画出的数值');
  });

  it('keeps a plain line for a target over several years', () => {
    const option = buildTargetOption({ series: [{ year: 2020, value: 6 }], path: [], projection: [], targets: [{ label: '目标', value: 8, year: 2025 }] }, targetLabels);
    expect(seriesOf(option)[1]!.markLine).toBeUndefined();
    expect(option.graphic).toBeUndefined();
  });
});

describe('buildRankingOption', () => {
  const rows = [
    { id: 1, name: '甲', value: 5, status: 'limited' as const },
    { id: 2, name: MARKUP, value: 9, status: 'achieved' as const },
    { id: 3, name: '丙', value: 7, status: null },
  ];
  const labels = { valueName: 'R&D', value: (v: number) => `${v}%`, axis: (v: number) => `${v}`, description: 'ranking' };

  it('puts the best first: highest for amounts, lowest for ranks', () => {
    expect(rankRows(rows, 'up').map((r) => r.id)).toEqual([2, 3, 1]);
    expect(rankRows(rows, 'down').map((r) => r.id)).toEqual([1, 3, 2]);
  });

  it('colours bars by status, draws the target as a line, and escapes park names in the tooltip', () => {
    const option = buildRankingOption({ rows, direction: 'up', target: { value: 8, label: '目标 8%' } }, labels);
    const series = seriesOf(option)[0]!;
    expect(series.data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual([STATUS_FILL.achieved, '#9aa7b5', STATUS_FILL.limited]);
    expect(series.markLine.data).toEqual([{ xAxis: 8 }]);
    expect((option.yAxis as { data: string[] }).data).toEqual([MARKUP, '丙', '甲']);
    const html = tooltipOf(option)({ dataIndex: 0 });
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain('<img');
  });

  it('has no target line without a target', () => {
    expect(seriesOf(buildRankingOption({ rows, direction: 'up' }, labels))[0]!.markLine).toBeUndefined();
  });
});

describe('buildHeatmapOption', () => {
  const option = buildHeatmapOption({
    parks: [{ id: 1, name: MARKUP }, { id: 2, name: '乙' }],
    targets: [{ id: 10, label: 'D1' }, { id: 11, label: 'D5' }],
    cells: [{ parkId: 1, targetId: 11, status: 'regressing', value: '6%' }, { parkId: 2, targetId: 10, status: 'achieved' }],
  }, { status: (s) => s, description: 'heatmap' });

  it('places each cell at its target and park, coded by status, with its icon', () => {
    const data = seriesOf(option)[0]!.data as { value: number[] }[];
    expect(data.map((d) => d.value)).toEqual([[1, 0, 4], [0, 1, 0]]);
    const formatter = seriesOf(option)[0]!.label.formatter as Formatter;
    expect(formatter({ value: [1, 0, 4] })).toBe('↘');
  });

  it('escapes park names in the tooltip', () => {
    const html = tooltipOf(option)({ dataIndex: 0 });
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain('<img');
  });
});

describe('buildMapOption', () => {
  const centres = { '330100': [120.15, 30.29] as const, '330900': [122.1, 30.0] as const };
  const labels = {
    value: (v: number) => `${v}%`, noValue: '无数据', covered: '已覆盖', uncovered: '未覆盖', level: (l: string) => l, parksName: '园区', description: 'map',
  };

  it('colours cities covered or uncovered for a coverage target, and draws parks around their city', () => {
    const option = buildMapOption({
      mapName: 'zhejiang', mode: 'coverage', centres,
      cities: [{ code: '330100', name: '杭州市', value: null, covered: true }, { code: '330900', name: '舟山市', value: null, covered: false }],
      parks: [{ id: 1, name: MARKUP, cityCode: '330100', level: 'national', value: null }, { id: 2, name: '乙', cityCode: '330100', level: 'provincial', value: null }],
    }, labels);
    const geo = option.geo as { aspectScale: number; regions: { name: string; itemStyle: { areaColor: string } }[] };
    expect(geo.aspectScale).toBeCloseTo(0.87, 2);
    expect(geo.regions.map((r) => r.name)).toEqual(['杭州市', '舟山市']);
    expect(geo.regions[0]!.itemStyle.areaColor).not.toBe(geo.regions[1]!.itemStyle.areaColor);
    const points = seriesOf(option)[1]!.data as { value: number[] }[];
    expect(points).toHaveLength(2);
    expect(points[0]!.value.slice(0, 2)).not.toEqual(points[1]!.value.slice(0, 2));
    const html = tooltipOf(option)({ seriesType: 'scatter', dataIndex: 0 });
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain('<img');
    expect(option.visualMap).toBeUndefined();
  });

  it('shades cities by value with a visual map, and greys those without a figure', () => {
    const option = buildMapOption({
      mapName: 'zhejiang', mode: 'value', centres,
      cities: [{ code: '330100', name: '杭州市', value: 7.8 }, { code: '330900', name: '舟山市', value: null }],
      parks: [],
    }, labels);
    expect(option.visualMap).toMatchObject({ min: 7.8, max: 7.8 });
    expect((option.geo as { regions: { name: string }[] }).regions.map((r) => r.name)).toEqual(['舟山市']);
    expect(tooltipOf(option)({ seriesType: 'map', name: '舟山市', dataIndex: 1 })).toContain('无数据');
  });

  it('places parks deterministically, away from the city’s label', () => {
    expect(parkPosition([120, 30], 0)).toEqual(parkPosition([120, 30], 0));
    expect(parkPosition([120, 30], 0)).not.toEqual([120, 30]);
  });
});

describe('buildCompareOption', () => {
  it('draws one line per province or park over the union of their years, escaping names in the tooltip', () => {
    const option = buildCompareOption([
      { label: '浙江省高新区', points: [{ year: 2020, value: 5 }, { year: 2021, value: 6 }] },
      { label: MARKUP, points: [{ year: 2021, value: 4 }] },
    ], { year: (y) => `${y}`, value: (v) => `${v}%`, axis: (v) => `${v}`, description: 'compare' });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2020', '2021']);
    expect(seriesOf(option)[0]!.data).toEqual([5, 6]);
    // A point alone is drawn with its value as a label.
    expect(seriesOf(option)[1]!.data[0]).toBeNull();
    expect(seriesOf(option)[1]!.data[1]).toMatchObject({ value: 4, label: { show: true } });
    const html = tooltipOf(option)([{ seriesName: MARKUP, value: 4, color: '#000', dataIndex: 1 }]);
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain('<img');
  });

  it('leaves missing years as gaps, labels a point standing alone, and says in the legend which line has nothing to draw', () => {
    const option = buildCompareOption([
      { label: '江苏省高新区', points: [{ year: 2012, value: 4.09 }, { year: 2021, value: 4.8 }] },
      { label: '浙江省高新区', points: [] },
    ], { year: (y) => `${y}`, value: (v) => `${v}%`, axis: (v) => `${v}`, description: 'compare', noData: (l) => `${l} (无可比数值)` });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021']);
    const jiangsu = seriesOf(option)[0]!;
    const zhejiang = seriesOf(option)[1]!;
    const values = jiangsu.data.map((d: unknown) => (d !== null && typeof d === 'object' ? (d as { value: number }).value : d));
    expect(values).toEqual([4.09, null, null, null, null, null, null, null, null, 4.8]);
    expect(jiangsu.connectNulls).toBe(false);
    expect(jiangsu.data[0].label.show).toBe(true);
    expect(jiangsu.data[0].label.formatter()).toBe('4.09%');
    expect(zhejiang.name).toBe('浙江省高新区 (无可比数值)');
  });
});

describe('ranks, where lower is better', () => {
  it('are drawn with better upwards, in sparklines and in target charts', () => {
    const s = sparkline([{ year: 2020, value: 15 }, { year: 2021, value: 13 }], 10, 10, null, 0, true);
    expect(s.d).toBe('M0,10 L10,0');
    const option = buildTargetOption({ series: [{ year: 2020, value: 15 }], path: [], projection: [], targets: [], invert: true }, targetLabels);
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
  });
});

describe('the heatmap on a phone', () => {
  it('keeps the end of long park names, where parks of one city differ', () => {
    const option = buildHeatmapOption({ parks: [{ id: 1, name: '示例·杭州某高新区01' }], targets: [], cells: [] }, { status: (s) => s, description: '', compact: true });
    const formatter = (option.yAxis as { axisLabel: { formatter: (n: string) => string } }).axisLabel.formatter;
    expect(formatter('示例·杭州某高新区01')).toBe('…杭州某高新区01');
    expect(formatter('乙园')).toBe('乙园');
  });
});
