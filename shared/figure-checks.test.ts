import { describe, expect, it } from 'vitest';
import { figureProblems } from './figure-checks.ts';
import { INDICATORS } from './indicators.ts';

const indicator = (code: string) => INDICATORS.find((i) => i.code === code)!;
const codes = (code: string, value: number) => figureProblems(indicator(code), value).map((p) => p.code);

describe('the checks every figure passes', () => {
  it('refuses a value that is not finite: an overflow after conversion would be stored as Infinity', () => {
    expect(codes('land_area', 1e308 * 1500)).toEqual(['not_finite']);
    expect(codes('gdp', Number.NaN)).toEqual(['not_finite']);
    expect(figureProblems(indicator('land_area'), Infinity)[0]!.messages).toEqual({
      zh: '“土地面积”的数值过大, 换算为亩后超出可存储的范围',
      en: 'Land area: the value is too large to store once converted to 亩',
    });
    expect(codes('land_area', 1e300)).toEqual([]);
  });

  it('refuses negative amounts, fractions of counts and ranks, ranks below 1 and shares over 100%', () => {
    expect(codes('gdp', -0.1)).toEqual(['negative']);
    expect(codes('hte_count', 12.5)).toEqual(['not_integer']);
    expect(codes('hte_count', 12)).toEqual([]);
    expect(codes('gdp_share', 100.5)).toEqual(['over_100']);
    expect(codes('gdp_share', 100)).toEqual([]);
    expect(codes('national_rank', 0)).toEqual(['rank_below_one']);
    expect(codes('national_rank', 2.5)).toEqual(['not_integer']);
    expect(figureProblems(indicator('gdp'), -1)[0]!.messages).toEqual({ zh: '“地区生产总值”不能为负数', en: 'GDP must not be negative' });
  });
});
