import { describe, expect, it } from 'vitest';
import { describeLatest, describeTarget, formatChinaTime, formatMeasured, joinNames, type TargetLike } from './format.ts';

const target = (over: Partial<TargetLike>): TargetLike => ({
  comparator: 'at_least', targetValue: 1, targetYear: 2025, unit: '%', scope: { kind: 'park' }, ...over,
});

describe('describeTarget', () => {
  it('writes “about” as 约 before and 左右 in words', () => {
    expect(describeTarget(target({ comparator: 'about', targetValue: 8, unit: '%' }))).toEqual({
      goal: '约 8%', year: '2025年', short: '约 8% · 2025年', spoken: '2025年8%左右',
    });
  });

  it('writes the other comparators as symbols, with the policy words for a tooltip', () => {
    expect(describeTarget(target({ comparator: 'at_least', targetValue: 1000, unit: '家', targetYear: 2023 })))
      .toMatchObject({ short: '≥ 1,000家 · 2023年', spoken: '2023年不低于1,000家' });
    expect(describeTarget(target({ comparator: 'more_than', targetValue: 50 }))).toMatchObject({ short: '> 50% · 2025年', spoken: '2025年超过50%' });
    expect(describeTarget(target({ comparator: 'at_most', targetValue: 0, unit: '家' })).short).toBe('≤ 0家 · 2025年');
    expect(describeTarget(target({ comparator: 'less_than', targetValue: 3 })).spoken).toBe('2025年低于3%');
  });

  it('reads a rank “at most 10” as the top ten', () => {
    expect(describeTarget(target({ comparator: 'at_most', targetValue: 10, unit: '名' }))).toMatchObject({
      short: '≤ 10名 · 2025年', spoken: '2025年前10名',
    });
  });

  it('uses the unit’s own formatting (万元 moves up to 亿元)', () => {
    expect(describeTarget(target({ targetValue: 25000, unit: '万元' })).short).toBe('≥ 2.5亿元 · 2025年');
  });

  it('says 全覆盖 for a coverage target without a number', () => {
    expect(describeTarget(target({ targetValue: null, unit: '个', scope: { kind: 'coverage' } }))).toEqual({
      goal: '全覆盖', year: '2025年', short: '全覆盖 · 2025年', spoken: '2025年全覆盖',
    });
  });
});

describe('describeLatest', () => {
  it('gives the value with its unit and year', () => {
    expect(describeLatest({ latestValue: 7, latestYear: 2024, unit: '个' })).toEqual({ value: '7个', year: '2024年' });
    expect(describeLatest({ latestValue: 7.3, latestYear: 2020, unit: '%' })).toEqual({ value: '7.3%', year: '2020年' });
  });

  it('is null when there is no figure yet', () => {
    expect(describeLatest({ latestValue: null, latestYear: null, unit: '%' })).toBeNull();
  });
});

describe('formatMeasured', () => {
  it('writes a unit the catalogue does not know after the number', () => {
    expect(formatMeasured(12, '项')).toBe('12项');
    expect(formatMeasured(Number.NaN, '%')).toBeNull();
  });
});

describe('joinNames', () => {
  it('joins with the Chinese enumeration comma', () => {
    expect(joinNames(['金华市', '舟山市', '台州市'])).toBe('金华市、舟山市、台州市');
  });
});

describe('formatting in both languages', () => {
  it('writes shares, differences and axis numbers', async () => {
    const { formatShare, formatDifference, formatAxis } = await import('./format.ts');
    expect(formatShare(0.3929)).toBe('39%');
    expect(formatShare(0.054)).toBe('5.4%');
    expect(formatShare(null)).toBe('—');
    expect(formatDifference(0.6905, '%')).toBe('0.69个百分点');
    expect(formatDifference(0.6905, '%', 'en')).toBe('0.69 pp');
    expect(formatDifference(198, '家')).toBe('198家');
    expect(formatAxis(7.25, '%')).toBe('7.25%');
    expect(formatAxis(33000, '亩')).toBe('3.3万');
    expect(formatAxis(33200, '亩')).toBe('3.32万');
  });

  it('describes targets in English', () => {
    expect(describeTarget(target({ comparator: 'about', targetValue: 8, unit: '%' }), 'en')).toEqual({
      goal: '≈ 8%', year: '2025', short: '≈ 8% · 2025', spoken: 'about 8% by 2025',
    });
    expect(describeTarget(target({ comparator: 'at_most', targetValue: 10, unit: '名' }), 'en').spoken).toBe('top 10 by 2025');
    expect(describeTarget(target({ targetValue: null, unit: '个', scope: { kind: 'coverage' } }), 'en').goal).toBe('full coverage');
  });
});

describe('formatChinaTime', () => {
  it('writes a stored UTC time on China’s clock, the next day after 16:00 UTC', () => {
    expect(formatChinaTime('2026-12-06T20:00:00.000Z')).toBe('2026-12-07 04:00');
    expect(formatChinaTime('2026-12-06T01:30:00Z')).toBe('2026-12-06 09:30');
    expect(formatChinaTime('不是时间')).toBe('不是时间');
  });
});
