import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../shared/progress.ts';
import { countByStatus, statusLook } from './status.ts';

/** The colour a design token stands for, read from the tokens file the browser loads. */
const TOKENS = readFileSync(new URL('../app/tokens.css', import.meta.url), 'utf8');
function hexOf(value: string): string {
  const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  const hex = name ? new RegExp(`${name}:\\s*(#[0-9a-f]{6});`).exec(TOKENS)?.[1] : undefined;
  if (!hex) throw new Error(`${value} is not a colour token of tokens.css`);
  return hex;
}

describe('statusLook', () => {
  it('gives every status an icon, Chinese and English words and a colour', () => {
    for (const status of STATUSES) {
      const look = statusLook(status);
      expect(look.icon, status).not.toBe('');
      expect(look.zh, status).not.toBe('');
      expect(look.en, status).not.toBe('');
      expect(hexOf(look.color), status).toMatch(/^#[0-9a-f]{6}$/);
      expect(hexOf(look.background), status).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('tells statuses apart by icon and by words, not only by colour', () => {
    const looks = STATUSES.map(statusLook);
    expect(new Set(looks.map((l) => l.icon)).size).toBe(STATUSES.length);
    expect(new Set(looks.map((l) => l.zh)).size).toBe(STATUSES.length);
    expect(new Set(looks.map((l) => hexOf(l.color))).size).toBe(STATUSES.length);
  });

  it('uses the words of the progress method', () => {
    expect(statusLook('achieved')).toMatchObject({ icon: '✔', zh: '已达成', en: 'Achieved' });
    expect(statusLook('needs_acceleration')).toMatchObject({ icon: '⚠', zh: '需加快' });
    expect(statusLook('missed')).toMatchObject({ icon: '✖', zh: '未达成' });
    expect(statusLook('insufficient_data')).toMatchObject({ icon: '?', zh: '数据不足' });
  });

  it('keeps status text readable on white and on its own background (contrast ≥ 4.5:1)', () => {
    for (const status of STATUSES) {
      const look = statusLook(status);
      expect(contrast(hexOf(look.color), '#ffffff'), status).toBeGreaterThanOrEqual(4.5);
      expect(contrast(hexOf(look.color), hexOf(look.background)), status).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('countByStatus', () => {
  it('counts every status, zeros included, in the engine’s order', () => {
    const counts = countByStatus([{ status: 'missed' }, { status: 'achieved' }, { status: 'missed' }]);
    expect(counts.map((c) => c.status)).toEqual([...STATUSES]);
    expect(Object.fromEntries(counts.map((c) => [c.status, c.count]))).toEqual({
      achieved: 1, on_track: 0, needs_acceleration: 0, limited: 0, regressing: 0, missed: 2, insufficient_data: 0,
    });
  });

  it('gives all zeros for no targets', () => {
    expect(countByStatus([]).every((c) => c.count === 0)).toBe(true);
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(fg: string, bg: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
