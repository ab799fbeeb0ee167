import { describe, expect, it } from 'vitest';
import { findIndicator, INDICATORS } from './indicators.ts';
import { checkFigure, jumpFactor, passes, relatedIndicators, type FigureToCheck } from './plausibility.ts';

const indicator = (code: string) => findIndicator(code)!;
const check = (code: string, value: number, extra: Partial<FigureToCheck> = {}) => checkFigure({ indicator: indicator(code), value, year: 2025, ...extra });
const summary = (code: string, value: number, extra: Partial<FigureToCheck> = {}) => check(code, value, extra).map((p) => `${p.grade} ${p.code}`);

describe('plausibility of a park’s figure', () => {
  it('keeps the basic checks as errors: not finite, negative, fractions of counts, shares over 100%', () => {
    expect(summary('land_area', 1e308 * 1500)).toEqual(['error not_finite']);
    expect(summary('gdp', -1)).toEqual(['error negative']);
    expect(summary('hte_count', 12.5)).toEqual(['error not_integer']);
    expect(summary('gdp_share', 100.5)).toEqual(['error over_100']);
    expect(summary('rd_intensity', 120)).toEqual(['error impossible_value']);
  });

  it('passes the published figures of real zones without a word', () => {
    expect(check('gdp', 289.4, { history: [{ year: 2020, value: 289.4 }] })).toEqual([]);
    expect(check('gdp', 2271, { year: 2021, history: [{ year: 2012, value: 1195 }] })).toEqual([]);
    expect(check('rd_intensity', 10.02)).toEqual([]);
    expect(check('digital_core_va', 1866)).toEqual([]);
    expect(check('hte_count', 802)).toEqual([]);
    expect(check('land_area', 732_000)).toEqual([]);
    expect(check('tax_per_mu', 42)).toEqual([]);
  });

  it('refuses GDP of 3 200 000 亿元 (more than China’s) and names the 万元/亿元 slip with the corrected value', () => {
    const [impossible, jump] = check('gdp', 3_200_000, { history: [{ year: 2021, value: 289.4 }] });
    expect(impossible).toEqual({
      code: 'impossible_value', grade: 'error', suggestion: { value: 320, unit: '亿元' },
      messages: {
        zh: '“地区生产总值” 320万亿元超出了一个园区可能的范围(不超过10万亿元); 可能是万元与亿元混淆, 应为 320亿元',
        en: 'GDP of 320,000 bn yuan is beyond what a park can have (at most 10,000 bn yuan); perhaps a 万元/亿元 (10k yuan / 100m yuan) slip: it would be 32 bn yuan',
      },
    });
    // Against the last figure, four years old: one message that names its year and value, and the same slip.
    expect(jump).toMatchObject({ code: 'implausible_jump', grade: 'warning', against: { year: 2021, value: 289.4 }, suggestion: { value: 320, unit: '亿元' } });
    expect(jump!.messages.zh).toBe('“地区生产总值” 320万亿元与2021年的 289.4亿元相比增至11,057倍(相隔4年, 超过9.8倍的变化很少见); 可能是万元与亿元混淆, 应为 320亿元');
    expect(jump!.messages.zh).not.toMatch(/2024|2022|2023/);
  });

  it('refuses 1e308 平方公里 (Infinity 亩) and 1e300 平方公里 (beyond any zone) as errors', () => {
    expect(summary('land_area', 1e308 * 1500)).toEqual(['error not_finite']);
    expect(summary('land_area', 1.5e303)).toEqual(['error impossible_value']);
  });

  it('names the 亩/平方公里 slip: 12 亩 for a zone is 12 平方公里 mistyped', () => {
    const [p] = check('land_area', 12);
    expect(p).toMatchObject({ code: 'unusual_value', grade: 'warning', suggestion: { value: 18000, unit: '亩' } });
    expect(p!.messages.zh).toBe('“土地面积” 12亩不在园区的常见范围(150亩–75万亩)内; 可能是亩与平方公里混淆, 应为 1.8万亩');
    expect(p!.messages.en).toContain('mu / km²');
  });

  it('refuses tax per mu of 5 000 万元/亩 and names the land area’s 亩/平方公里 slip', () => {
    const [p] = check('tax_per_mu', 5000);
    expect(p).toMatchObject({ code: 'impossible_value', grade: 'error', suggestion: { value: 3.33333333333, unit: '万元/亩' } });
    expect(p!.messages.zh).toContain('土地面积的亩与平方公里混淆');
  });

  it('warns about a figure outside the usual range, confirmed with a note', () => {
    expect(check('gdp', 20_000)[0]).toMatchObject({ code: 'unusual_value', grade: 'warning', suggestion: { value: 2, unit: '亿元' } });
    // Counts have no unit to slip: no suggestion.
    const problems = check('hte_count', 40_000);
    expect(problems.map((p) => `${p.grade} ${p.code}`)).toEqual(['warning unusual_value']);
    expect(problems[0]!.suggestion).toBeUndefined();
    expect(passes(problems, {})).toBe(false);
    expect(passes(problems, { confirm: true, note: '  ' })).toBe(false);
    expect(passes(problems, { confirm: true, note: '含托管区' })).toBe(true);
    expect(passes(check('gdp', -1), { confirm: true, note: '确认' })).toBe(false);
  });

  describe('against the park’s own history', () => {
    it('compares with the nearest year before, whatever the gap, and widens the factor with the gap', () => {
      expect(jumpFactor(1)).toBe(5);
      expect(jumpFactor(4)).toBeCloseTo(9.765625, 6);
      // ×8 over four years is within the widened factor; ×8 against the year before is not.
      expect(summary('gdp', 2315.2, { history: [{ year: 2021, value: 289.4 }] })).toEqual([]);
      expect(summary('gdp', 2315.2, { history: [{ year: 2024, value: 289.4 }] })).toEqual(['warning implausible_jump']);
    });

    it('leaves small counts alone: 1 smart factory, then 5, is growth, not a slip', () => {
      expect(summary('smart_factories', 5, { history: [{ year: 2024, value: 1 }] })).toEqual([]);
      expect(summary('smart_factories', 100, { history: [{ year: 2024, value: 10 }] })).toEqual(['warning implausible_jump']);
    });

    it('prefers the nearest year before; with none, the nearest after', () => {
      const history = [{ year: 2018, value: 300 }, { year: 2020, value: 289.4 }, { year: 2027, value: 350 }];
      expect(check('gdp', 2.9, { history })[0]!.against).toEqual({ year: 2020, value: 289.4 });
      expect(check('gdp', 2.9, { history: [{ year: 2027, value: 350 }, { year: 2029, value: 30 }] })[0]!.against).toEqual({ year: 2027, value: 350 });
      // Fine against the year before but ×5 against the year after: still questioned, naming the year after.
      expect(check('gdp', 300, { history: [{ year: 2020, value: 289.4 }, { year: 2026, value: 30 }] })[0]!.against).toEqual({ year: 2026, value: 30 });
    });

    it('suggests the value a 万元/亿元 slip would give when it lands near the year compared with', () => {
      // 2 894 000 万元 typed as 亿元 next to 289.4亿元 in 2024: the message says 289.4亿元.
      const [p] = check('rd_spending', 210_000, { history: [{ year: 2024, value: 21 }] }).filter((x) => x.code === 'implausible_jump');
      expect(p!.suggestion).toEqual({ value: 21, unit: '亿元' });
      expect(p!.messages.zh).toContain('与2024年的 21亿元相比增至10,000倍');
      // Too small: 亿元 typed as 万元.
      expect(check('gdp', 0.02894, { history: [{ year: 2024, value: 289.4 }] }).find((x) => x.code === 'implausible_jump')!.suggestion).toEqual({ value: 289.4, unit: '亿元' });
    });
  });

  describe('against the park’s other figures of the same year', () => {
    it('refuses R&D spending above GDP, naming both, from either side', () => {
      const [p] = check('rd_spending', 300, { sameYear: { gdp: 289.4 } });
      expect(p).toMatchObject({ code: 'part_exceeds_whole', grade: 'error' });
      expect(p!.messages.zh).toBe('“R&D经费支出” 300亿元超过了同年“地区生产总值” 289.4亿元, 部分不能大于整体');
      expect(summary('gdp', 20, { sameYear: { rd_spending: 21 } })).toEqual(['error part_exceeds_whole']);
      expect(summary('rd_spending', 21, { sameYear: { gdp: 289.4 } })).toEqual([]);
    });

    it('names the slip when dividing by 10 000 brings the part under its whole', () => {
      const [p] = check('rd_spending', 21_000, { sameYear: { gdp: 289.4 } });
      expect(p!.suggestion).toEqual({ value: 2.1, unit: '亿元' });
      expect(p!.messages.zh).toContain('可能是万元与亿元混淆, 应为 2.1亿元');
    });

    it('refuses tax above revenue and above-scale industrial value added above GDP', () => {
      expect(summary('tax_revenue', 50, { sameYear: { operating_revenue: 40 } })).toEqual(['error part_exceeds_whole']);
      expect(summary('industrial_va', 300, { sameYear: { gdp: 289.4 } })).toEqual(['error part_exceeds_whole']);
    });

    it('warns when a derived ratio leaves its usual range: tax per mu of 5 000 万元/亩 from 50亿元 on 100亩', () => {
      const [p] = check('land_area', 100, { sameYear: { tax_revenue: 50 } }).filter((x) => x.code === 'unusual_ratio');
      expect(p).toMatchObject({ grade: 'warning', suggestion: { value: 150_000, unit: '亩' } });
      expect(p!.messages.zh).toBe('按同年“税收收入” 50亿元计算, “亩均税收”为 5,000万元/亩, 不在常见范围(0.1万元/亩–300万元/亩)内; 可能是亩与平方公里混淆, 应为 15万亩');
      const [t] = check('tax_revenue', 50, { sameYear: { land_area: 100 } });
      expect(t).toMatchObject({ code: 'unusual_ratio', grade: 'warning' });
      expect(summary('tax_revenue', 12.6, { sameYear: { land_area: 3000 } })).toEqual([]);
    });

    it('warns about R&D intensity under 0.1% (R&D in 亿元 typed as 万元), suggesting the value', () => {
      const [p] = check('rd_spending', 0.0021, { sameYear: { gdp: 289.4 } }).filter((x) => x.code === 'unusual_ratio');
      expect(p!.suggestion).toEqual({ value: 21, unit: '亿元' });
    });

    it('knows which figures of the same year matter', () => {
      expect(relatedIndicators('rd_spending').sort()).toEqual(['gdp']);
      expect(relatedIndicators('gdp').sort()).toEqual(['industrial_va', 'rd_spending']);
      expect(relatedIndicators('land_area')).toEqual(['tax_revenue']);
      expect(relatedIndicators('tax_revenue').sort()).toEqual(['land_area', 'operating_revenue']);
    });
  });

  it('has a range with its basis for every amount a park reports, usual inside impossible', () => {
    for (const code of ['gdp', 'operating_revenue', 'rd_spending', 'tax_revenue', 'land_area', 'industrial_va', 'hte_count', 'rd_intensity', 'tax_per_mu', 'gdp_share']) {
      const range = INDICATORS.find((i) => i.code === code)!.plausibleRange!;
      expect(range.basis.length, code).toBeGreaterThan(10);
      expect(range.usual[1]!, code).toBeLessThanOrEqual(range.impossible[1]!);
    }
  });
});
