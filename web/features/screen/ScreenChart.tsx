// One ECharts instance per chart of the wall, created once and kept for as long as the screen runs:
// a rotation only shows and hides it; a refresh calls setOption only when what it draws changed
// (merging by series id, notMerge only when the option's shape changed); a new stage scale re-creates
// it with the matching devicePixelRatio, so the canvas has one pixel per physical pixel. The box has
// a fixed size on the stage, so the window's size never resizes it.
import { memo, useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { echarts, type EChartsType } from './echarts.ts';
import { optionShape } from './fingerprint.ts';

export interface ScreenChartProps {
  option: EChartsOption;
  /** The fingerprint of the data the option was built from: same key, nothing to do. */
  dataKey: string;
  pixelRatio: number;
  label: string;
  className?: string;
}

const bump = (el: HTMLElement, name: 'chartInits' | 'chartUpdates') => {
  el.dataset[name] = String(Number(el.dataset[name] ?? '0') + 1);
};

export const ScreenChart = memo(function ScreenChart({ option, dataKey, pixelRatio, label, className }: ScreenChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const applied = useRef<{ key: string; shape: string; pixelRatio: number } | null>(null);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas', devicePixelRatio: pixelRatio });
    chart.current = instance;
    applied.current = null;
    bump(el, 'chartInits');
    return () => {
      instance.dispose();
      chart.current = null;
    };
  }, [pixelRatio]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || instance.isDisposed()) return;
    // Same data on the same instance: nothing to draw (a re-created instance starts empty).
    if (applied.current?.key === dataKey && applied.current.pixelRatio === pixelRatio) return;
    const shape = optionShape(option as Record<string, unknown>);
    instance.setOption(option, { notMerge: applied.current?.shape !== shape, lazyUpdate: false });
    applied.current = { key: dataKey, shape, pixelRatio };
    bump(box.current!, 'chartUpdates');
  }, [option, dataKey, pixelRatio]);

  return (
    <figure className={className ? `scr-figure ${className}` : 'scr-figure'}>
      <div ref={box} className="scr-chart" data-pixel-ratio={pixelRatio} />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
});
