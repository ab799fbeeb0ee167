// The app's charts, through echarts-for-react (its core entry, with the tree-shaken ECharts of
// ./echarts.ts): it creates the instance, sets the option when it changes, resizes with its box and
// disposes on unmount. Option builders in this folder make the options; this only mounts them.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { EChartsOption } from 'echarts';
// The esm/core entry: lib/core arrives wrapped under Vite 8 and crashes (STACK-NOTES.md).
import EChartsReactCore from 'echarts-for-react/esm/core';
import { echarts, type EChartsType } from './echarts.ts';
import * as css from './Chart.module.css';
import * as textCss from '../lib/ui/text.module.css';

/**
 * Changing these re-creates the chart: one object for every chart, never a new one per render. The
 * size is the box's (echarts-for-react would otherwise fix the size its first, throw-away instance
 * measured, which a box still settling, or hidden behind the table view, gets wrong).
 */
const OPTS = { renderer: 'canvas', width: 'auto', height: 'auto' } as const;

export interface ChartItemClick {
  dataIndex: number;
  seriesIndex: number;
  seriesType: string;
  name: string;
}

export interface ChartProps {
  option: EChartsOption;
  height: number;
  /** What the chart shows, for screen readers (the table view has the figures). */
  label: string;
  /** The instance, once drawn (for the PNG export). */
  chartRef?: RefObject<EChartsType | null>;
  onItemClick?: (params: ChartItemClick) => void;
}

export function Chart({ option, height, label, chartRef, onItemClick }: ChartProps) {
  const instance = useRef<EChartsType | null>(null);
  // echarts-for-react first draws a throw-away instance to measure the box: the one to keep is the
  // one onChartReady hands over (getEchartsInstance() in an effect can still return the other).
  // data-chart-ready says so on the box (the browser tests hover the chart only then).
  const [drawn, setDrawn] = useState(false);
  const ready = useCallback((chart: EChartsType) => {
    instance.current = chart;
    if (chartRef) chartRef.current = chart;
    setDrawn(true);
  }, [chartRef]);
  useEffect(() => () => {
    instance.current = null;
    if (chartRef) chartRef.current = null;
  }, [chartRef]);

  // Printing changes the box's width before the page is laid out: draw for it, and back after.
  useEffect(() => {
    const resize = () => {
      const chart = instance.current;
      if (chart && !chart.isDisposed()) chart.resize();
    };
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
    };
  }, []);

  // One handler for the chart's life (a new one would be unbound and bound again on every render);
  // it calls whatever onItemClick the last render gave.
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  }, [onItemClick]);
  const onEvents = useMemo(() => ({ click: (params: ChartItemClick) => click.current?.(params) }), []);
  const style = useMemo(() => ({ height }), [height]);

  return (
    <figure className={css.figure}>
      <EChartsReactCore echarts={echarts} option={option} notMerge opts={OPTS} style={style} className={css.chart}
        onChartReady={ready} onEvents={onEvents} data-chart data-chart-ready={drawn || undefined} />
      <figcaption className={textCss.visuallyHidden}>{label}</figcaption>
    </figure>
  );
}
