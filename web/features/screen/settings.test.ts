import { describe, expect, it } from 'vitest';
import { parseNumber, parseScenes, screenOptions, type LinkSettings } from './settings.ts';

const link: LinkSettings = { scenes: ['targets', 'coverage', 'ranking', 'trend', 'laggards'], intervalSeconds: 20, provinceCode: '330000', indicator: 'gdp', targetId: 5 };
const opts = (query: string) => screenOptions(link, new URLSearchParams(query));

describe('scene order from the URL', () => {
  it('keeps known scenes in the order given, each once', () => {
    expect(parseScenes('trend,targets,trend', link.scenes)).toEqual(['trend', 'targets']);
    expect(parseScenes(' ranking , laggards ', link.scenes)).toEqual(['ranking', 'laggards']);
  });

  it('ignores unknown names, and falls back to the link’s scenes when none is known', () => {
    expect(parseScenes('targets,weather', link.scenes)).toEqual(['targets']);
    expect(parseScenes('weather', ['coverage'])).toEqual(['coverage']);
    expect(parseScenes('', ['coverage'])).toEqual(['coverage']);
    expect(parseScenes(null, ['coverage', 'trend'])).toEqual(['coverage', 'trend']);
  });
});

describe('URL options over the link’s settings', () => {
  it('uses the link’s settings and the defaults without a query', () => {
    expect(opts('')).toEqual({
      scenes: link.scenes, intervalMs: 20_000, refreshMs: 120_000, reloadMs: 6 * 3_600_000,
      provinceCode: '330000', indicator: 'gdp', targetId: 5,
    });
  });

  it('takes valid overrides', () => {
    const o = opts('interval=10&scenes=targets,ranking&refresh=60&reloadHours=12&indicator=rd_intensity&target=7');
    expect(o).toMatchObject({ scenes: ['targets', 'ranking'], intervalMs: 10_000, refreshMs: 60_000, reloadMs: 12 * 3_600_000, indicator: 'rd_intensity', targetId: 7 });
  });

  it('accepts an interval down to 1 s (for tests) and nothing below', () => {
    expect(opts('interval=1').intervalMs).toBe(1000);
    expect(opts('interval=1.5').intervalMs).toBe(1500);
    for (const bad of ['0', '0.5', '-3', 'abc', '', '1e9', 'Infinity']) expect(opts(`interval=${bad}`).intervalMs, bad).toBe(20_000);
  });

  it('ignores a refresh or reload outside their ranges; reloadHours=0 turns the reload off', () => {
    expect(opts('refresh=1').refreshMs).toBe(120_000);
    expect(opts('refresh=2').refreshMs).toBe(2000);
    expect(opts('reloadHours=0').reloadMs).toBe(0);
    expect(opts('reloadHours=0.01').reloadMs).toBe(6 * 3_600_000);
    expect(opts('reloadHours=1000').reloadMs).toBe(6 * 3_600_000);
    expect(opts('reloadHours=').reloadMs).toBe(6 * 3_600_000);
  });

  it('checks the indicator code and the target id', () => {
    expect(opts('indicator=<script>').indicator).toBe('gdp');
    expect(opts('indicator=RD').indicator).toBe('gdp');
    expect(opts('target=2.5').targetId).toBe(5);
    expect(opts('target=-1').targetId).toBe(5);
  });

  it('parses numbers strictly', () => {
    expect(parseNumber('12', { min: 1, max: 20 })).toBe(12);
    expect(parseNumber('12px', { min: 1, max: 20 })).toBeUndefined();
    expect(parseNumber('  ', { min: 1, max: 20 })).toBeUndefined();
    expect(parseNumber(null, { min: 1, max: 20 })).toBeUndefined();
  });
});
