// The big screen is designed once, as a 1920×1080 stage, and scaled to fit any wall with a CSS
// transform (letterboxed, never `zoom`, which misplaces ECharts tooltips). Pure, so the fit is pinned
// down by tests.

export const STAGE = { width: 1920, height: 1080 } as const;

export interface StageFit {
  /** Stage pixels → window pixels. */
  scale: number;
  /** Where the scaled stage's top-left corner sits in the window (the letterbox bars). */
  x: number;
  y: number;
  /** The scaled stage's size in window pixels. */
  width: number;
  height: number;
}

/** The largest scale at which the whole stage fits the window, centred. */
export function fitStage(viewWidth: number, viewHeight: number, stage: { width: number; height: number } = STAGE): StageFit {
  const w = Number.isFinite(viewWidth) && viewWidth > 0 ? viewWidth : stage.width;
  const h = Number.isFinite(viewHeight) && viewHeight > 0 ? viewHeight : stage.height;
  const scale = Math.min(w / stage.width, h / stage.height);
  const width = stage.width * scale;
  const height = stage.height * scale;
  return { scale, x: (w - width) / 2, y: (h - height) / 2, width, height };
}

/**
 * ECharts' devicePixelRatio for a chart drawn on the scaled stage: one canvas pixel per physical pixel,
 * so charts stay sharp on a 4K wall (scale 2) and waste nothing on a small projector. Rounded so that
 * float noise of a resize never re-creates the charts.
 */
export function chartPixelRatio(devicePixelRatio: number, scale: number): number {
  const dpr = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return Math.max(0.25, Math.round(dpr * s * 1000) / 1000);
}
