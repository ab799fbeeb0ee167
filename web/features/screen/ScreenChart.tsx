// One ECharts instance per chart of the wall, through echarts-for-react, created once and kept for as
// long as the screen runs: a rotation only shows and hides it; a refresh sets the option only when
// what it draws changed (the same data fingerprint keeps the same option object, which the wrapper
// then leaves alone), merging by series id, notMerge only when the option's shape changed; a new
// stage scale re-creates it with the matching devicePixelRatio (a new `opts`), so the canvas has one
// pixel per physical pixel. The box has a fixed size on the stage, so nothing resizes it.
//
// The figure counts what happened (data-chart-inits, data-chart-updates): the soak test reads them.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
// The esm/core entry: lib/core arrives wrapped under Vite 8 and crashes (STACK-NOTES.md).
import EChartsReactCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts.ts';
import { optionShape } from './fingerprint.ts';
import { clsx } from 'clsx';
import * as css from './screen.module.css';
import * as textCss from '../../lib/ui/text.module.css';

export interface ScreenChartProps {
  option: EChartsOption;
  /** The fingerprint of the data the option was built from: same key, nothing to draw. */
  dataKey: string;
  pixelRatio: number;
  label: string;
  className?: string;
}

interface Drawn {
  key: string;
  option: EChartsOption;
  shape: string;
  notMerge: boolean;
}

const bump = (el: HTMLElement | null, name: 'chartInits' | 'chartUpdates') => {
  if (el) el.dataset[name] = String(Number(el.dataset[name] ?? '0') + 1);
};

export const ScreenChart = memo(function ScreenChart({ option, dataKey, pixelRatio, label, className }: ScreenChartProps) {
  const figure = useRef<HTMLElement>(null);
  const ready = useRef(false);

  // What the chart draws, replaced only when the data's fingerprint changes (React's way of
  // keeping what the last render decided: https://react.dev/reference/react/useState#storing-information-from-previous-renders).
  const [drawn, setDrawn] = useState<Drawn>(() => ({ key: dataKey, option, shape: optionShape(option as Record<string, unknown>), notMerge: true }));
  if (drawn.key !== dataKey) {
    const shape = optionShape(option as Record<string, unknown>);
    setDrawn({ key: dataKey, option, shape, notMerge: shape !== drawn.shape });
  }

  // The box's own size, not the one the wrapper's throw-away first instance measured (see charts/Chart.tsx).
  const opts = useMemo(() => ({ renderer: 'canvas' as const, devicePixelRatio: pixelRatio, width: 'auto' as const, height: 'auto' as const }), [pixelRatio]);
  const onReady = useCallback(() => {
    // A new instance draws the current option as it is created.
    ready.current = true;
    bump(figure.current, 'chartInits');
    bump(figure.current, 'chartUpdates');
  }, []);
  const lastDrawn = useRef(drawn);
  useEffect(() => {
    // A later option on an instance that is already there: the wrapper sets it.
    if (lastDrawn.current === drawn) return;
    lastDrawn.current = drawn;
    if (ready.current) bump(figure.current, 'chartUpdates');
  }, [drawn]);

  return (
    <figure ref={figure} className={className ? clsx(css.scrFigure, className) : css.scrFigure} data-pixel-ratio={pixelRatio}>
      <EChartsReactCore echarts={echarts} option={drawn.option} notMerge={drawn.notMerge} opts={opts} autoResize={false}
        onChartReady={onReady} className={css.scrChart} style={CHART_STYLE} />
      <figcaption className={textCss.visuallyHidden}>{label}</figcaption>
    </figure>
  );
});

/** The stage's CSS sizes the box; the wrapper's default height (300 px) must not. */
const CHART_STYLE = { height: '100%' };
