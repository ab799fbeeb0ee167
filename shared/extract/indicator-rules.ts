// Indicator rules: which catalogue indicator a phrase names (研发投入强度 → rd_intensity, 亩均税收 → tax_per_mu),
// a change of one that is not its level (营业收入年均增长10%), and lists of items sharing a tail
// (规上工业增加值、高新技术企业数占全省比重).
import { findIndicator, type Indicator } from '../indicators.ts';
import { isWholeUnit } from '../units.ts';
import type { Reason, Span } from './types.ts';
import type { ValueExpr, ValueKind } from './values.ts';

export interface RuleContext {
  kind: ValueKind;
  unit: string | null;
  /** 全国, 全省: the area a rank is in. */
  area: string | null;
  /** The subject's words (高新区, 杭州、宁波国家高新区). */
  scope: string;
  /** The words of the target, from the end of the one before to its value. */
  segment: string;
}

interface IndicatorRule {
  code: string;
  test: (phrase: string, context: RuleContext) => boolean;
}

const RD = '(?:R&D|R&amp;D|研发|研究与试验发展|研究与开发|科研)';
const INDICATOR_RULES: IndicatorRule[] = [
  { code: 'low_efficiency_firms', test: (p, c) => /低效/.test(p) && /企业|用地/.test(p) && (c.kind === 'zero' || isWholeUnit(c.unit ?? '')) },
  { code: 'city_coverage_national', test: (p, c) => c.kind === 'all' && /设区市|地级市|地市|城市|市/.test(p) && /国家/.test(`${p}${c.scope}`) },
  { code: 'county_coverage_provincial', test: (p, c) => c.kind === 'all' && /县/.test(p) && /省级/.test(`${p}${c.scope}`) },
  { code: 'national_rank', test: (p, c) => c.kind === 'rank' && (c.area === '全国' || (c.area === null && /高新区/.test(c.scope))) && /高新区|排名|评价|^$/.test(`${p}${c.scope}`) },
  { code: 'provincial_dz_rank', test: (p, c) => c.kind === 'rank' && c.area === '全省' && /开发区|考核/.test(`${p}${c.scope}`) },
  { code: 'rd_intensity', test: (p) => !/企业/.test(p) && (new RegExp(`${RD}(?:经费)?(?:支出|投入)?(?:经费)?(?:占|与)(?:GDP|地区生产总值|生产总值)(?:的)?(?:比重|比例|之比)?`).test(p) || new RegExp(`${RD}(?:经费)?(?:投入)?强度`).test(p)) },
  { code: 'tax_per_mu', test: (p) => /亩均税收/.test(p) && !/低效/.test(p) },
  { code: 'industrial_va_share', test: (p) => /规(?:模以)?上工业增加值/.test(p) && /占.*(?:比重|比例|份额)|占比/.test(p) },
  { code: 'hte_share', test: (p) => /高新技术企业/.test(p) && /占.*(?:比重|比例|份额)|占比/.test(p) },
  { code: 'hitech_output_share', test: (p) => /高新技术产业/.test(p) && /(?:产值|增加值)/.test(p) && /占.*(?:比重|比例)|占比/.test(p) },
  { code: 'hte_count', test: (p, c) => /^(?:有效)?(?:国家级?)?高新技术企业(?:数|数量|总数|总量)?$/.test(p) && c.unit !== '%' },
  { code: 'innovation_carrier_space', test: (p, c) => /科创载体/.test(p) && (/面积/.test(p) || /开工|建设/.test(c.segment)) },
  { code: 'industrial_carrier_space', test: (p, c) => /工业载体/.test(p) && (/面积/.test(p) || /开工|建设/.test(c.segment)) },
  { code: 'listed_tech_companies', test: (p) => /科创.{0,3}上市企业|科创板上市企业/.test(p) && !/后备/.test(p) },
  { code: 'digital_core_va', test: (p) => p.endsWith('数字经济核心产业增加值') },
  { code: 'digitalization_rate', test: (p) => /数字化(?:改造)?覆盖率/.test(p) },
  { code: 'tech_sme_provincial', test: (p) => /省(?:级)?科技型中小企业/.test(p) },
  { code: 'tech_sme_national', test: (p) => /科技型中小企业/.test(p) && !/占/.test(p) },
  { code: 'smart_factories', test: (p) => /智能工厂/.test(p) },
  { code: 'above_scale_firms', test: (p) => /^规(?:模以)?上工业企业(?:数|数量|总数)?$/.test(p) },
  { code: 'zone_count_provincial_plus', test: (p, c) => /省级(?:及|以)?以上高新区(?:数|数量|总数)?$/.test(p) && c.unit !== '%' },
  { code: 'zone_count_national', test: (p, c) => /^(?:全省)?国家(?:级)?高新区(?:数|数量|总数)?$/.test(p) && c.unit !== '%' },
  { code: 'industrial_va', test: (p) => /^规(?:模以)?上工业增加值(?:总量|规模)?$/.test(p) },
  { code: 'rd_spending', test: (p) => new RegExp(`^(?:全社会)?${RD}经费(?:支出|投入)(?:总额|总量|规模)?$`).test(p) },
  { code: 'gdp', test: (p) => /^(?:地区生产总值|GDP|生产总值|经济总量)(?:总量|规模)?$/.test(p) },
  { code: 'tax_revenue', test: (p) => /^税收(?:收入)?(?:总额|总量)?$/.test(p) },
  { code: 'operating_revenue', test: (p) => /^(?:实现)?(?:营业收入|营收|总收入|技工贸总收入)(?:总额|总量|规模)?$/.test(p) },
  { code: 'industrial_output', test: (p) => /^(?:规上|规模以上)?工业(?:总)?产值(?:总量|规模)?$/.test(p) },
  { code: 'tech_contract_turnover', test: (p) => /技术合同(?:成交额|交易额|登记额)/.test(p) },
  { code: 'new_rd_institutions', test: (p) => /新型研发机构/.test(p) },
];

/** Distributive lists: "A、B占全省比重" → A占全省比重, B占全省比重. */
const SHARED_TAIL = /(占[^、和及与]*?(?:比重|比例|份额)|占比|面积|数量|数|增速|增幅)$/;

export function splitItems(phrase: string, offset: number): { text: string; span: Span }[] {
  const parts: { text: string; span: Span }[] = [];
  const re = /、|以及|及|和|与/g;
  let last = 0;
  for (const m of phrase.matchAll(re)) {
    parts.push({ text: phrase.slice(last, m.index), span: { start: offset + last, end: offset + m.index } });
    last = m.index + m[0].length;
  }
  parts.push({ text: phrase.slice(last), span: { start: offset + last, end: offset + phrase.length } });
  if (parts.length < 2 || parts.some((p) => !p.text.trim())) return [{ text: phrase, span: { start: offset, end: offset + phrase.length } }];
  const tail = SHARED_TAIL.exec(parts.at(-1)!.text)?.[1];
  return parts.map((p, i) => (tail && i < parts.length - 1 && !p.text.endsWith(tail) ? { ...p, text: p.text + tail } : p));
}

// --- the extractor ---------------------------------------------------------------------------------------


/** The catalogue indicator a phrase names, or the one whose change it is (营业收入年均增长10%: not a level). */
export function indicatorFor(phrase: string, context: RuleContext, v: ValueExpr, flags: ReadonlySet<string>): { indicator: Indicator | null; relatedCode: string | null; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const bare = phrase.replace(/\([^)]*\)/g, '').replace(/[“”"‘’]/g, '');
  let rule = INDICATOR_RULES.find((r) => r.test(bare, context));
  let relatedCode: string | null = null;
  const rate = v.kind === 'double' || (v.kind === 'number' && (v.unit === '%' || v.unit === '个百分点' || v.unit === '倍') && (flags.has('increase') || flags.has('decrease') || flags.has('annual')));
  if (rate) {
    // 营业收入年均增长10%, 研发投入强度提高1个百分点: the change of an indicator, not its level.
    const related = rule ?? INDICATOR_RULES.find((r) => r.test(bare, { ...context, unit: null }));
    const relatedIndicator = related ? findIndicator(related.code) : undefined;
    if (relatedIndicator && (relatedIndicator.unit !== '%' || v.unit !== '%' || v.kind === 'double' || flags.has('increase') || flags.has('decrease'))) {
      relatedCode = relatedIndicator.code;
      rule = undefined;
      reasons.push({ code: 'change_target', message: `目标是“${relatedIndicator.nameZh}”的${flags.has('decrease') ? '降幅' : '增幅'}, 不是其水平; 目录中无对应指标 (the change of ${relatedIndicator.code}, not its level)`, effect: -0.1 });
    }
  }
  const indicator = rule ? findIndicator(rule.code) ?? null : null;
  if (indicator) reasons.push({ code: 'indicator', message: `“${phrase}”对应指标“${indicator.nameZh}” (${indicator.code})`, effect: 0 });
  else if (!relatedCode) reasons.push({ code: 'unknown_indicator', message: `“${phrase || '(无)'}”未对应到指标目录 (unknown indicator)`, effect: -0.25 });
  return { indicator, relatedCode, reasons };
}
