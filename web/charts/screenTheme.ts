// The wall's dark theme: high contrast on a deep blue ground, type sized for the back of a room (at
// the 1920×1080 stage; a 4K wall doubles everything). Status colours keep the hues of STATUS_FILL,
// lifted so they stand out on the dark ground; icons and words always go with them.
import type { Status } from '../../shared/progress.ts';
import { FONT } from '../../shared/charts/theme.ts';

export const SCREEN_COLORS = {
  ground: '#08111f',
  panel: '#0f1c30',
  line: '#263a57',
  grid: '#1d2d44',
  text: '#eef3fa',
  muted: '#a9b8cc',
  actual: '#4cc3ff',
  target: '#ff6b6b',
  path: '#b4bfcc',
  projection: '#ffb347',
  accent: '#4cc3ff',
  neutral: '#6f7f95',
  covered: '#2fa37a',
  uncovered: '#b8434f',
  none: '#22324a',
  /** What a park would need to add: not a status, so not a status colour. */
  need: '#b197fc',
} as const;

export const SCREEN_STATUS: Record<Status, { fill: string; ink: string }> = {
  achieved: { fill: '#3fbf73', ink: '#06130b' },
  on_track: { fill: '#2ec4b6', ink: '#04141a' },
  needs_acceleration: { fill: '#f4c542', ink: '#1c1400' },
  limited: { fill: '#ff9a3d', ink: '#1d0e00' },
  regressing: { fill: '#ff5c5c', ink: '#1d0303' },
  missed: { fill: '#d83a6b', ink: '#ffffff' },
  insufficient_data: { fill: '#8a97a8', ink: '#0b1118' },
};

/** Type sizes on the stage, in stage pixels. */
export const SCREEN_TYPE = { axis: 20, label: 22, legend: 22, big: 28 } as const;

export const SCREEN_TEXT = { fontFamily: FONT, color: SCREEN_COLORS.text } as const;

/** Tooltips (a presenter may point with a mouse): dark, large, HTML escaped by the builders. */
export const SCREEN_TOOLTIP = {
  confine: true,
  backgroundColor: 'rgba(8, 17, 31, 0.95)',
  borderColor: SCREEN_COLORS.line,
  textStyle: { ...SCREEN_TEXT, fontSize: 20 },
  extraCssText: 'box-shadow: 0 4px 16px rgba(0,0,0,.5); line-height: 1.5;',
} as const;
