// The one ECharts wrapper: init on mount, setOption when the option changes, resize with its box (and
// before printing), dispose on unmount. Option builders in this folder make the options.
import { useEffect, useRef, type RefObject } from 'react';
import type { EChartsOption } from 'echarts';
import { echarts, type EChartsType } from './echarts.ts';

export interface ChartProps {
  option: EChartsOption;
  height: number;
  /** What the chart shows, for screen readers (the table view has the figures). */
  label: string;
  chartRef?: RefObject<EChartsType | null>;
  onItemClick?: (params: { dataIndex: number; seriesIndex: number; seriesType: string; name: string }) => void;
}

export function Chart({ option, height, label, chartRef, onItemClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = box.current!;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    instance.current = chart;
    if (chartRef) chartRef.current = chart;
    // A box of no size (hidden behind the table view, or leaving the page) is not drawn: a map
    // resized to nothing has no inverse transform and ECharts throws.
    const resize = () => {
      if (!chart.isDisposed() && el.isConnected && el.clientWidth > 0 && el.clientHeight > 0) chart.resize();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      chart.dispose();
      instance.current = null;
      if (chartRef) chartRef.current = null;
    };
  }, [chartRef]);

  useEffect(() => {
    instance.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const chart = instance.current;
    if (!chart || !onItemClick) return;
    const handler = (params: unknown) => onItemClick(params as Parameters<NonNullable<ChartProps['onItemClick']>>[0]);
    chart.on('click', handler);
    return () => {
      chart.off('click', handler);
    };
  }, [onItemClick]);

  return (
    <figure className="chart-figure">
      <div ref={box} className="chart" style={{ height }} />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
