import { describe, expect, it } from 'vitest';
import { chartPixelRatio, fitStage } from './stage.ts';

describe('fitting the 1920×1080 stage to the window', () => {
  it('fills a 16:9 window exactly at 1920×1080 and 3840×2160', () => {
    expect(fitStage(1920, 1080)).toEqual({ scale: 1, x: 0, y: 0, width: 1920, height: 1080 });
    expect(fitStage(3840, 2160)).toEqual({ scale: 2, x: 0, y: 0, width: 3840, height: 2160 });
  });

  it('letterboxes a window of another shape, centred, keeping the aspect', () => {
    const projector = fitStage(1366, 768);
    expect(projector.scale).toBeCloseTo(768 / 1080, 10);
    expect(projector.height).toBeCloseTo(768, 10);
    expect(projector.x).toBeCloseTo((1366 - 1920 * (768 / 1080)) / 2, 10);
    expect(projector.y).toBe(0);
    // A 4:3 projector: bars above and below.
    const square = fitStage(1024, 768);
    expect(square.scale).toBeCloseTo(1024 / 1920, 10);
    expect(square.x).toBe(0);
    expect(square.y).toBeCloseTo((768 - 1080 * (1024 / 1920)) / 2, 10);
    expect(square.width / square.height).toBeCloseTo(16 / 9, 10);
  });

  it('survives a window of no size (a minimised kiosk) without dividing by zero', () => {
    expect(fitStage(0, 0).scale).toBe(1);
    expect(fitStage(Number.NaN, 1080).scale).toBe(1);
  });
});

describe('the charts’ pixel ratio', () => {
  it('is the device’s ratio times the stage scale: one canvas pixel per physical pixel', () => {
    expect(chartPixelRatio(1, 2)).toBe(2);
    expect(chartPixelRatio(2, 1)).toBe(2);
    expect(chartPixelRatio(1, 768 / 1080)).toBe(0.711);
    expect(chartPixelRatio(1.5, 2)).toBe(3);
  });

  it('rounds away float noise and never goes to zero', () => {
    expect(chartPixelRatio(1, 1.0000000001)).toBe(1);
    expect(chartPixelRatio(0, 1)).toBe(1);
    expect(chartPixelRatio(1, 0.01)).toBe(0.25);
  });
});
