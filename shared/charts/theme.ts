// Colours and fonts the charts share, chosen to stay apart for colour-blind readers and in print:
// the actual series is a solid blue line, the target a red dashed line, the straight path a grey
// dotted line, the projection an orange dashed line with hollow points.
import type { Status } from '../progress.ts';

export const CHART_COLORS = {
  actual: '#1f5fa8',
  target: '#b3261e',
  path: '#7b838d',
  projection: '#c26a00',
  accent: '#0b6b63',
  /** Bars of parks a target does not apply to. */
  neutral: '#9aa7b5',
  muted: '#5b636e',
  grid: '#e3e6ea',
  none: '#e6e9ed',
  covered: '#8cc79a',
  uncovered: '#f0b7b0',
} as const;

/** Series colours for comparisons (Okabe–Ito, readable for colour-blind people). */
export const SERIES_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#999933'];

/** Fills for statuses in heatmaps and bars: stronger than the badge backgrounds, same order of hues. */
export const STATUS_FILL: Record<Status, string> = {
  achieved: '#3f8f55',
  on_track: '#2f8c83',
  needs_acceleration: '#e3b23c',
  limited: '#ea8f45',
  regressing: '#d1493f',
  missed: '#8e2a2a',
  insufficient_data: '#c5cad1',
};

/** Text on a status fill: white on the dark ones, dark on the light ones. */
export const STATUS_INK: Record<Status, string> = {
  achieved: '#ffffff', on_track: '#ffffff', needs_acceleration: '#1f2328', limited: '#1f2328',
  regressing: '#ffffff', missed: '#ffffff', insufficient_data: '#1f2328',
};

export const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

export const BASE_TEXT = { fontFamily: FONT, color: '#1f2328' };
