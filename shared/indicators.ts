// The indicator catalogue: what each figure means, its unit, which way is better, and how figures of
// many parks combine. Seeded into the `indicators` table on first start (planners may add their own);
// this file is the reference for the built-in ones.
import type { Unit } from './units.ts';

/**
 * - amount, count: reported figures that add up over parks (亿元, 家).
 * - ratio: derived from a numerator and a denominator (R&D intensity = R&D spending / GDP); stored as
 *   its parts and aggregated as a ratio of sums. A park may also report the ratio alone.
 * - share: a park's (or all zones') figure as a share of the province total of another indicator.
 * - percent: a percentage that is reported as is and does not combine over parks.
 * - rank: a position in a ranking (lower is better).
 * - coverage: how many regions of a set have a park of a required level (computed from the register).
 */
export type IndicatorKind = 'amount' | 'count' | 'ratio' | 'share' | 'percent' | 'rank' | 'coverage';

/**
 * - sum: Σ over parks that reported that year.
 * - ratio_of_sums: Σ numerator / Σ denominator × factor, over parks that reported both parts.
 * - share_of_province: Σ over parks of `shareOf` / the province's own total of `shareOf` × 100.
 * - coverage_count: regions of the target's set covered by a park of the required level.
 * - none: does not combine over parks (ranks, reported percentages); only one subject's own series.
 */
export type Aggregation = 'sum' | 'ratio_of_sums' | 'share_of_province' | 'coverage_count' | 'none';

export type Direction = 'up' | 'down';

export interface Indicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: Unit;
  /** Which way is better when a target gives no baseline to tell. */
  direction: Direction;
  kind: IndicatorKind;
  aggregation: Aggregation;
  /** ratio: value = numerator / denominator × factor, each part in its own unit. */
  numerator?: string;
  denominator?: string;
  factor?: number;
  /** share: the indicator whose province total is the denominator. */
  shareOf?: string;
  definitionZh?: string;
  /**
   * Other names the figure goes by in statistics sheets (the torch survey's 火炬统计 terms, bureau
   * tables), so an imported column headed "R&D经费内部支出(万元)" is known as this indicator. A name
   * listed for two indicators would be ambiguous: the import then asks instead of guessing.
   */
  synonymsZh?: string[];
  /** What values are possible and what are usual for one park's figure (see PLAUSIBLE_RANGES). */
  plausibleRange?: PlausibleRange;
}

/**
 * The bounds a park's figure is checked against, in the indicator's unit. Outside `impossible` the
 * figure is refused (an error); outside `usual` it needs a confirmation with a note (a warning).
 * A bound left null is open. `basis` says where the bounds come from, for whoever questions them.
 */
export interface PlausibleRange {
  impossible: [number | null, number | null];
  usual: [number | null, number | null];
  basis: string;
}

const amount = (code: string, nameZh: string, nameEn: string, unit: Unit, extra: Partial<Indicator> = {}): Indicator => ({
  code, nameZh, nameEn, unit, direction: 'up', kind: 'amount', aggregation: 'sum', ...extra,
});
const count = (code: string, nameZh: string, nameEn: string, extra: Partial<Indicator> = {}): Indicator => ({
  code, nameZh, nameEn, unit: '家', direction: 'up', kind: 'count', aggregation: 'sum', ...extra,
});
const percent = (code: string, nameZh: string, nameEn: string, extra: Partial<Indicator> = {}): Indicator => ({
  code, nameZh, nameEn, unit: '%', direction: 'up', kind: 'percent', aggregation: 'none', ...extra,
});
const share = (code: string, nameZh: string, nameEn: string, shareOf: string): Indicator => ({
  code, nameZh, nameEn, unit: '%', direction: 'up', kind: 'share', aggregation: 'share_of_province', shareOf,
});
const rank = (code: string, nameZh: string, nameEn: string): Indicator => ({
  code, nameZh, nameEn, unit: '名', direction: 'down', kind: 'rank', aggregation: 'none',
});

const CATALOGUE: readonly Indicator[] = [
  // Economy and innovation inputs
  amount('gdp', '地区生产总值', 'GDP', '亿元', { synonymsZh: ['GDP', '生产总值', '园区生产总值', '地区生产总值(GDP)', '园区GDP'] }),
  amount('rd_spending', 'R&D经费支出', 'R&D spending', '亿元', {
    synonymsZh: ['R&D经费内部支出', '研究与试验发展经费支出', '研究与试验发展(R&D)经费支出', '研发经费支出', '研发经费内部支出', 'R&D经费', '研发经费投入', 'R&D投入'],
  }),
  {
    code: 'rd_intensity', nameZh: 'R&D经费支出占GDP比重', nameEn: 'R&D intensity (R&D spending / GDP)',
    unit: '%', direction: 'up', kind: 'ratio', aggregation: 'ratio_of_sums',
    numerator: 'rd_spending', denominator: 'gdp', factor: 100,
    definitionZh: 'R&D经费支出 ÷ 地区生产总值 × 100%; 多个园区合计时为 ΣR&D经费 ÷ ΣGDP',
  },
  amount('tax_revenue', '税收收入', 'Tax revenue', '亿元', { synonymsZh: ['上缴税费', '上缴税额', '实际上缴税费', '实际上缴税费总额', '税收', '税收总额', '纳税总额'] }),
  amount('land_area', '土地面积', 'Land area', '亩', { synonymsZh: ['园区面积', '占地面积', '用地面积', '土地总面积'] }),
  {
    code: 'tax_per_mu', nameZh: '亩均税收', nameEn: 'Tax per mu of land',
    unit: '万元/亩', direction: 'up', kind: 'ratio', aggregation: 'ratio_of_sums',
    // tax in 亿元, land in 亩: 亿元/亩 × 10000 = 万元/亩
    numerator: 'tax_revenue', denominator: 'land_area', factor: 10_000,
    definitionZh: '税收收入 ÷ 土地面积(亩); 多个园区合计时为 Σ税收 ÷ Σ亩数',
  },
  amount('industrial_va', '规上工业增加值', 'Above-scale industrial value added', '亿元', { synonymsZh: ['规模以上工业增加值', '规上工业企业增加值', '规模以上工业企业增加值'] }),
  amount('digital_core_va', '数字经济核心产业增加值', 'Value added of core digital-economy industries', '亿元'),
  share('industrial_va_share', '规上工业增加值占全省比重', "Share of the province's above-scale industrial value added", 'industrial_va'),
  share('gdp_share', 'GDP占全省比重', "Share of the province's GDP", 'gdp'),
  share('land_share', '土地面积占全省比重', "Share of the province's land area", 'land_area'),
  percent('secondary_va_share', '第二产业增加值占全省比重', "Share of the province's secondary-industry value added"),
  percent('tertiary_va_share', '第三产业增加值占全省比重', "Share of the province's tertiary-industry value added"),
  percent('primary_industry_pct', '第一产业增加值占GDP比重', 'Primary industry, % of GDP (三次产业结构)'),
  percent('secondary_industry_pct', '第二产业增加值占GDP比重', 'Secondary industry, % of GDP (三次产业结构)'),
  percent('tertiary_industry_pct', '第三产业增加值占GDP比重', 'Tertiary industry, % of GDP (三次产业结构)'),

  // Enterprises
  count('hte_count', '国家高新技术企业数', 'National high-tech enterprises', { synonymsZh: ['高新技术企业数', '高新技术企业数量', '国家高新技术企业数量', '国家级高新技术企业数', '高企数', '有效高新技术企业数'] }),
  share('hte_share', '高新技术企业数占全省比重', "Share of the province's high-tech enterprises", 'hte_count'),
  count('tech_sme_national', '国家科技型中小企业数', 'National tech-based SMEs'),
  count('tech_sme_provincial', '省科技型中小企业数', 'Provincial tech-based SMEs'),
  count('above_scale_firms', '规上工业企业数', 'Above-scale industrial firms', { synonymsZh: ['规模以上工业企业数', '规模以上工业企业数量', '规上工业企业数量'] }),
  count('smart_factories', '省级智能工厂数', 'Provincial smart factories'),
  count('listed_tech_companies', '科创上市企业累计培育数', 'Listed tech companies cultivated (cumulative)'),
  count('low_efficiency_firms', '亩均税收5万元以下低效工业用地企业数', 'Firms on low-efficiency industrial land (tax under 5万元/亩)', { direction: 'down' }),
  percent('digitalization_rate', '规上企业数字化覆盖率', 'Digitalisation coverage of above-scale firms'),

  // Space
  amount('innovation_carrier_space', '科创载体累计开工面积', 'Floor space started for innovation carriers (cumulative)', '万平方米'),
  amount('industrial_carrier_space', '工业载体累计开工面积', 'Floor space started for industrial carriers (cumulative)', '万平方米'),

  // Rankings
  rank('national_rank', '国家高新区综合评价排名', 'National high-tech zone evaluation rank'),
  rank('provincial_dz_rank', '省开发区综合考核排名', 'Provincial development-zone assessment rank'),

  // The zone system itself
  count('zone_count_national', '国家高新区数', 'National high-tech zones', { unit: '个' }),
  count('zone_count_provincial_plus', '省级以上高新区数', 'High-tech zones of provincial level or above', { unit: '个' }),
  percent('industrial_va_share_nation', '工业增加值占全国比重', "Share of the nation's industrial value added"),
  percent('hte_share_nation', '高新技术企业数占全国比重', "Share of the nation's high-tech enterprises"),
  percent('enterprise_rd_share_nation', '企业研发经费投入占全国比重', "Share of the nation's business R&D spending"),
  {
    code: 'city_coverage_national', nameZh: '设区市国家高新区覆盖数', nameEn: 'Prefecture-level cities with a national zone',
    unit: '个', direction: 'up', kind: 'coverage', aggregation: 'coverage_count',
    definitionZh: '目标所列设区市中, 至少有一个国家高新区(批复年份不晚于当年)的城市个数',
  },
  {
    code: 'county_coverage_provincial', nameZh: '县(市、区)省级高新区覆盖数', nameEn: 'Counties with a zone of provincial level or above',
    unit: '个', direction: 'up', kind: 'coverage', aggregation: 'coverage_count',
    definitionZh: '目标所列县(市、区)中, 至少有一个省级及以上高新区的县的个数',
  },

  // Added with plans and target extraction: measures that provinces' high-tech-zone policies name often
  // (migrations/0003 inserts them into databases seeded before they existed).
  amount('operating_revenue', '营业收入', 'Operating revenue', '亿元', { definitionZh: '园区内企业营业收入合计(火炬统计口径)', synonymsZh: ['营收', '营业总收入', '企业营业收入'] }),
  amount('industrial_output', '工业总产值', 'Gross industrial output', '亿元', { synonymsZh: ['工业产值', '工业总产值(当年价)'] }),
  amount('tech_contract_turnover', '技术合同成交额', 'Turnover of technology contracts', '亿元', { synonymsZh: ['技术合同交易额', '技术合同成交金额', '技术交易额'] }),
  percent('hitech_output_share', '高新技术产业产值占规上工业总产值比重', 'High-tech industries, % of above-scale industrial output'),
  count('new_rd_institutions', '新型研发机构数', 'New-type R&D institutions', { synonymsZh: ['新型研发机构', '新型研发机构数量'] }),
];

/**
 * Plausible ranges of one park's yearly figure. The largest published zone figures set the scale:
 * 中关村示范区 (the largest zone: enterprises' total income about 8.7万亿元 in 2023, R&D spending
 * over 4000亿元, about 2.8万 high-tech enterprises, 488平方公里); 无锡高新区 GDP 2271亿元 (2021);
 * 宁波高新区 GDP 289.4亿元 (2020); 杭州高新区(滨江) R&D intensity 10.02% (2020); the zones' national
 * totals (178 national zones, about 46万 high-tech enterprises in China in 2023). Impossible is an
 * order of magnitude beyond the largest zone; usual spans the published zones with room to spare.
 */
const LARGEST_ZONE = '最大的高新区(中关村示范区)公开数据的10倍以上';
const PLAUSIBLE_RANGES: Record<string, PlausibleRange> = {
  gdp: { impossible: [0, 100_000], usual: [1, 10_000], basis: `${LARGEST_ZONE}不可能: 中关村示范区企业总收入约8.7万亿元(2023), 园区GDP最大约1万亿元; 常见范围参照无锡高新区2271亿元(2021)、宁波高新区289.4亿元(2020)` },
  operating_revenue: { impossible: [0, 1_000_000], usual: [1, 100_000], basis: `${LARGEST_ZONE}不可能: 中关村示范区企业总收入约8.7万亿元(2023)` },
  industrial_output: { impossible: [0, 300_000], usual: [0.5, 30_000], basis: `${LARGEST_ZONE}不可能; 省内高新区工业总产值多在数十亿至数千亿元` },
  rd_spending: { impossible: [0, 50_000], usual: [0.05, 5_000], basis: `${LARGEST_ZONE}不可能: 中关村示范区企业R&D经费约4000亿元; 宁波高新区约21亿元(2020)` },
  tax_revenue: { impossible: [0, 50_000], usual: [0.05, 5_000], basis: `${LARGEST_ZONE}不可能: 国家高新区税收合计约2万亿元, 单个园区最多数千亿元` },
  industrial_va: { impossible: [0, 30_000], usual: [0.1, 5_000], basis: `${LARGEST_ZONE}不可能; 规上工业增加值不超过园区GDP` },
  digital_core_va: { impossible: [0, 30_000], usual: [0.1, 5_000], basis: '杭州高新区(滨江)数字经济核心产业增加值1866亿元(2023), 为已公布的最大值之一' },
  tech_contract_turnover: { impossible: [0, 100_000], usual: [0.01, 10_000], basis: '北京全市技术合同成交额约8500亿元(2023), 单个园区不会超过其10倍' },
  land_area: { impossible: [0, 7_500_000], usual: [150, 750_000], basis: '中关村示范区约488平方公里(约73万亩), 超过5000平方公里(750万亩)不可能; 省级高新区一般不小于0.1平方公里(150亩)' },
  tax_per_mu: { impossible: [0, 3_000], usual: [0.1, 300], basis: '浙江省目标约42万元/亩(2025), 省内高新区多在10–100万元/亩; 园区整体超过3000万元/亩(每平方米约4.5万元税收)不可能' },
  rd_intensity: { impossible: [0, 100], usual: [0.1, 25], basis: '杭州高新区(滨江)10.02%(2020)为已公布的最高值之一, 宁波高新区7.3%(2020); 超过100%即R&D经费超过GDP' },
  hte_count: { impossible: [0, 500_000], usual: [1, 30_000], basis: '中关村示范区约2.8万家; 全国高新技术企业约46万家(2023), 单个园区不可能超过' },
  tech_sme_national: { impossible: [0, 600_000], usual: [1, 30_000], basis: '全国入库科技型中小企业约50万家(2023), 单个园区不可能超过' },
  tech_sme_provincial: { impossible: [0, 600_000], usual: [1, 30_000], basis: '省级科技型中小企业数不会超过全国入库总数(约50万家)' },
  above_scale_firms: { impossible: [0, 500_000], usual: [1, 5_000], basis: '全国规上工业企业约48万家(2023); 园区多为数十至数百家(宁波高新区等公开数据)' },
  smart_factories: { impossible: [0, 10_000], usual: [0, 500], basis: '浙江全省省级智能工厂累计约数百家, 单个园区多为数家至数十家' },
  listed_tech_companies: { impossible: [0, 10_000], usual: [0, 500], basis: '中关村上市公司约470家, 为园区中最多' },
  low_efficiency_firms: { impossible: [0, 100_000], usual: [0, 5_000], basis: '园区规上企业多为数百至数千家' },
  new_rd_institutions: { impossible: [0, 10_000], usual: [0, 500], basis: '省内园区新型研发机构多为数家至数十家' },
  innovation_carrier_space: { impossible: [0, 100_000], usual: [0, 5_000], basis: '5000万平方米相当于一座大城市的全部办公面积' },
  industrial_carrier_space: { impossible: [0, 100_000], usual: [0, 5_000], basis: '5000万平方米相当于一座大城市的全部工业厂房面积' },
  national_rank: { impossible: [1, 1_000], usual: [1, 178], basis: '国家高新区共178家(2023)' },
  gdp_share: { impossible: [0, 100], usual: [0, 50], basis: '浙江全部高新区GDP占全省21.3%(2023), 单个园区超过一半罕见' },
  land_share: { impossible: [0, 100], usual: [0, 20], basis: '浙江全部高新区以4%的土地面积(2023)' },
  industrial_va_share: { impossible: [0, 100], usual: [0, 50], basis: '单个园区占全省一半以上罕见' },
  hte_share: { impossible: [0, 100], usual: [0, 50], basis: '单个园区占全省一半以上罕见' },
};

export const INDICATORS: readonly Indicator[] = CATALOGUE.map((i) => (PLAUSIBLE_RANGES[i.code] ? { ...i, plausibleRange: PLAUSIBLE_RANGES[i.code] } : i));

/** The catalogue's plausible range for an indicator code (a planner's own indicators have none). */
export function plausibleRangeOf(code: string): PlausibleRange | undefined {
  return PLAUSIBLE_RANGES[code];
}

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export function findIndicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}

/** The ratio's value from its parts, or null when a part is missing or the denominator is not positive. */
export function ratioFromParts(indicator: Pick<Indicator, 'factor'>, numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || !(denominator > 0)) return null;
  return (numerator / denominator) * (indicator.factor ?? 1);
}

/**
 * What it would take to reach a ratio target T at today's denominator, in the numerator's unit:
 * T·Σden − Σnum (e.g. 0.08 × 5600亿 − 380亿 = 68亿元 of R&D spending). Never negative.
 */
export function extraNumeratorNeeded(indicator: Pick<Indicator, 'factor'>, target: number, numerator: number, denominator: number): number {
  return Math.max(0, (target / (indicator.factor ?? 1)) * denominator - numerator);
}

/**
 * What every park reports each year unless a reporting round says otherwise: the parts behind the
 * province's ratio and share targets, and the counts most plans name.
 */
export const ANNUAL_INDICATORS: readonly string[] = ['gdp', 'rd_spending', 'tax_revenue', 'land_area', 'industrial_va', 'hte_count'];

/** The indicators whose figures a series of this indicator is made of: a ratio's parts, a share's base, or itself (none for coverage). */
export function seriesParts(indicator: Pick<Indicator, 'code' | 'kind' | 'aggregation' | 'shareOf' | 'numerator' | 'denominator'>): string[] {
  if (indicator.kind === 'coverage') return [];
  if (indicator.aggregation === 'share_of_province' && indicator.shareOf) return [indicator.shareOf];
  if (indicator.numerator && indicator.denominator) return [indicator.numerator, indicator.denominator];
  return [indicator.code];
}
