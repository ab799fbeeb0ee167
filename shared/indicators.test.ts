import { describe, expect, it } from 'vitest';
import { extraNumeratorNeeded, findIndicator, INDICATORS, ratioFromParts } from './indicators.ts';

describe('the indicator catalogue', () => {
  it('has unique codes, and every part or share it names exists', () => {
    const codes = INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of INDICATORS) {
      for (const ref of [i.numerator, i.denominator, i.shareOf]) if (ref) expect(findIndicator(ref), `${i.code} → ${ref}`).toBeDefined();
      if (i.kind === 'ratio') expect([i.numerator, i.denominator, i.aggregation]).not.toContain(undefined);
      if (i.aggregation === 'ratio_of_sums') expect(i.kind).toBe('ratio');
      if (i.aggregation === 'share_of_province') expect(i.shareOf).toBeDefined();
      if (i.kind === 'rank') expect(i.direction).toBe('down');
    }
  });

  it('derives R&D intensity in % and tax per mu in 万元/亩 from their parts', () => {
    expect(ratioFromParts(findIndicator('rd_intensity')!, 109, 2271)).toBeCloseTo(4.7996, 4); // Wuxi 2021
    // 3亿元 of tax on 1500亩 (1 km²) = 20万元/亩
    expect(ratioFromParts(findIndicator('tax_per_mu')!, 3, 1500)).toBeCloseTo(20, 10);
    expect(ratioFromParts(findIndicator('rd_intensity')!, 109, 0)).toBeNull();
    expect(ratioFromParts(findIndicator('rd_intensity')!, null, 2271)).toBeNull();
  });

  it('says what it would take: the extra numerator at today’s denominator, never negative', () => {
    expect(extraNumeratorNeeded(findIndicator('rd_intensity')!, 8, 380, 5600)).toBeCloseTo(68, 10);
    // 42万元/亩 on 3000亩 needs 12.6亿元 of tax; 10亿元 paid → 2.6亿元 more
    expect(extraNumeratorNeeded(findIndicator('tax_per_mu')!, 42, 10, 3000)).toBeCloseTo(2.6, 10);
    expect(extraNumeratorNeeded(findIndicator('rd_intensity')!, 8, 500, 5600)).toBe(0);
  });
});
