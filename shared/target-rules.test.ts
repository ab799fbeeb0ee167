import { describe, expect, it } from 'vitest';
import { checkTargetForm, checkTargetValues, parseNumberInput, readTargetForm, ruleMessage, type RuleIndicator, type TargetValues } from './target-rules.ts';

const RD: RuleIndicator = { code: 'rd_intensity', nameZh: 'R&D经费支出占GDP比重', unit: '%', kind: 'ratio' };
const SHARE: RuleIndicator = { code: 'hte_share', nameZh: '高新技术企业数占全省比重', nameEn: 'Share of high-tech enterprises', unit: '%', kind: 'share' };
const TAX: RuleIndicator = { code: 'tax_revenue', nameZh: '税收收入', nameEn: 'Tax revenue', unit: '亿元', kind: 'amount' };
const LAND: RuleIndicator = { code: 'land_area', nameZh: '土地面积', unit: '亩', kind: 'amount' };
const HTE: RuleIndicator = { code: 'hte_count', nameZh: '国家高新技术企业数', unit: '家', kind: 'count' };
const RANK: RuleIndicator = { code: 'national_rank', nameZh: '全国排名', unit: '名', kind: 'rank' };
const COVERAGE: RuleIndicator = { code: 'city_coverage_national', nameZh: '设区市国家高新区覆盖数', unit: '个', kind: 'coverage' };
const CATALOGUE = new Map([RD, SHARE, TAX, LAND, HTE, RANK, COVERAGE].map((i) => [i.code, i]));

const values = (over: Partial<TargetValues> & { indicator?: RuleIndicator }): TargetValues => ({
  indicatorCode: over.indicator?.code ?? 'rd_intensity', indicator: RD, scope: 'province_aggregate', comparator: 'about', targetValue: 8, tolerance: null,
  targetYear: 2027, baselineYear: null, baselineValue: null, ...over,
});
const codes = (v: TargetValues) => checkTargetValues(v).problems.map((p) => `${p.field}:${p.code}`);

describe('the rules of a target’s values (the server’s checks and the forms’)', () => {
  it('passes a target that keeps every rule', () => {
    expect(codes(values({}))).toEqual([]);
    expect(codes(values({ indicator: HTE, scope: 'park', comparator: 'at_least', targetValue: 1000, parkIds: [6], baselineYear: 2021, baselineValue: 802 }))).toEqual([]);
    expect(codes(values({ indicator: COVERAGE, scope: 'coverage', comparator: 'at_least', targetValue: null, parkLevel: 'national', regionCount: 11 }))).toEqual([]);
  });

  it('stores values in the indicator’s unit, and names a unit that does not convert', () => {
    expect(checkTargetValues(values({ indicator: TAX, comparator: 'at_least', targetValue: 5000, unit: '万元' })).targetValue).toBe(0.5);
    expect(checkTargetValues(values({ indicator: LAND, comparator: 'at_least', targetValue: 2, unit: '平方公里', baselineYear: 2020, baselineValue: 100, baselineUnit: '公顷' })))
      .toMatchObject({ targetValue: 3000, baselineValue: 1500, problems: [] });
    expect(checkTargetValues(values({ indicator: HTE, comparator: 'at_least', targetValue: 10, unit: '个' })).problems).toEqual([]);
    const wrong = checkTargetValues(values({ indicator: TAX, comparator: 'at_least', targetValue: 5, unit: '亩' }));
    expect(wrong.problems).toEqual([{ field: 'unit', code: 'wrong_unit', message: { zh: '单位“亩”不适用于“税收收入”, 应为 亿元 或可换算的单位', en: 'The unit 亩 does not fit Tax revenue: use 亿元 or a unit that converts to it' } }]);
    expect(codes(values({ indicator: TAX, comparator: 'at_least', targetValue: 5, baselineYear: 2020, baselineValue: 1, baselineUnit: '%' }))).toEqual(['baselineValue:wrong_unit']);
  });

  it('refuses what a figure of the indicator cannot be: negative, over 100%, a fraction of a count, rank 0', () => {
    expect(codes(values({ targetValue: -1 }))).toEqual(['targetValue:negative']);
    expect(codes(values({ indicator: SHARE, comparator: 'more_than', targetValue: 150 }))).toEqual(['targetValue:over_100']);
    expect(codes(values({ indicator: HTE, comparator: 'at_least', targetValue: 1000.5 }))).toEqual(['targetValue:not_integer']);
    expect(codes(values({ indicator: RANK, comparator: 'at_most', targetValue: 0 }))).toEqual(['targetValue:rank_below_one']);
    expect(codes(values({ indicator: HTE, comparator: 'at_least', targetValue: 1000, baselineYear: 2021, baselineValue: -2 }))).toEqual(['baselineValue:negative']);
  });

  it('asks for what the target cannot do without: indicator, scope, value, park, level', () => {
    expect(codes(values({ indicatorCode: '', indicator: undefined }))).toEqual(['indicator:indicator_required']);
    expect(codes(values({ indicatorCode: 'no_such', indicator: undefined }))).toEqual(['indicator:unknown_indicator']);
    expect(codes(values({ scope: null }))).toEqual(['scope:scope_required']);
    expect(codes(values({ targetValue: null }))).toEqual(['targetValue:value_required']);
    expect(codes(values({ indicator: RANK, scope: 'park', comparator: 'at_most', targetValue: 10, parkIds: [1, null] }))).toEqual(['parkId:park_required']);
    expect(codes(values({ scope: 'park_class', parkLevel: null }))).toEqual(['parkLevel:level_required']);
    expect(codes(values({ indicator: COVERAGE, scope: 'coverage', comparator: 'at_least', targetValue: null }))).toEqual(['parkLevel:level_required']);
  });

  it('keeps coverage indicators and coverage scopes together, and a set’s target within the set', () => {
    expect(codes(values({ indicator: COVERAGE, scope: 'park_class', comparator: 'at_least', targetValue: 5, parkLevel: 'national' }))).toEqual(['scope:scope_mismatch']);
    expect(codes(values({ scope: 'coverage', parkLevel: 'national' }))).toEqual(['scope:scope_mismatch']);
    expect(codes(values({ indicator: COVERAGE, scope: 'coverage', comparator: 'at_least', targetValue: 12, parkLevel: 'national', regionCount: 11 }))).toEqual(['targetValue:over_set_size']);
  });

  it('takes a stretch value (力争) beyond the target only, converted like the target value', () => {
    expect(codes(values({ indicator: HTE, comparator: 'at_least', targetValue: 40000, stretchValue: 50000 }))).toEqual([]);
    expect(codes(values({ indicator: HTE, comparator: 'at_least', targetValue: 40000, stretchValue: 30000 }))).toEqual(['stretchValue:stretch_not_beyond']);
    expect(codes(values({ indicator: RANK, comparator: 'at_most', targetValue: 10, stretchValue: 5 }))).toEqual([]);
    expect(codes(values({ indicator: RANK, comparator: 'at_most', targetValue: 10, stretchValue: 12 }))).toEqual(['stretchValue:stretch_not_beyond']);
    expect(checkTargetValues(values({ indicator: TAX, comparator: 'at_least', targetValue: 5000, stretchValue: 6000, unit: '万元' })).stretchValue).toBe(0.6);
  });

  it('checks the years and the tolerance', () => {
    expect(codes(values({ targetYear: 25 }))).toEqual(['targetYear:year_invalid']);
    expect(codes(values({ tolerance: 0.1, comparator: 'at_least' }))).toEqual(['tolerance:tolerance_not_about']);
    expect(codes(values({ tolerance: 1.5 }))).toEqual(['tolerance:tolerance_invalid']);
    expect(codes(values({ baselineValue: 6.2 }))).toEqual(['baselineYear:baseline_year_required']);
    expect(codes(values({ baselineValue: 6.2, baselineYear: 2027 }))).toEqual(['baselineYear:baseline_not_before_target']);
  });

  it('writes every problem in Chinese and English, and the API’s way: 中文 (English)', () => {
    const [problem] = checkTargetValues(values({ indicator: SHARE, comparator: 'more_than', targetValue: 150 })).problems;
    expect(problem!.message).toEqual({ zh: '“高新技术企业数占全省比重”不能超过100%', en: 'Share of high-tech enterprises cannot exceed 100%' });
    expect(ruleMessage(problem!)).toBe('“高新技术企业数占全省比重”不能超过100% (Share of high-tech enterprises cannot exceed 100%)');
    expect(ruleMessage(problem!, 'en')).toBe('Share of high-tech enterprises cannot exceed 100%');
  });
});

describe('the same rules over a form’s text', () => {
  const form = { indicator: 'rd_intensity', scope: 'province_aggregate' as const, comparator: 'about' as const, targetValue: '8', unit: '%', tolerance: '5', targetYear: '2027', baselineYear: '', baselineValue: '' };
  const formCodes = (over: Partial<typeof form>) => checkTargetForm({ ...form, ...over }, CATALOGUE).map((p) => `${p.field}:${p.code}`);

  it('reads numbers as people type them', () => {
    expect([parseNumberInput(' 1,234.5 '), parseNumberInput('８'), parseNumberInput('１２．５'), parseNumberInput(''), parseNumberInput('1e3')]).toEqual([1234.5, 8, 12.5, null, Number.NaN]);
    expect(readTargetForm(form)).toEqual({ targetValue: 8, tolerance: 0.05, targetYear: 2027, baselineYear: null, baselineValue: null });
    expect(readTargetForm({ ...form, comparator: 'at_least' }).tolerance).toBeNull();
  });

  it('says “not a number” once at the field, and the rules for the rest', () => {
    expect(formCodes({})).toEqual([]);
    expect(formCodes({ targetValue: '八' })).toEqual(['targetValue:not_a_number']);
    expect(formCodes({ baselineValue: 'x', baselineYear: '2020' })).toEqual(['baselineValue:not_a_number']);
    expect(formCodes({ tolerance: 'abc' })).toEqual(['tolerance:tolerance_invalid']);
    expect(formCodes({ tolerance: '100' })).toEqual(['tolerance:tolerance_invalid']);
    expect(formCodes({ targetYear: '二〇二七' })).toEqual(['targetYear:year_invalid']);
    expect(formCodes({ targetValue: '5000', unit: '万元' })).toEqual(['unit:wrong_unit']);
  });
});
