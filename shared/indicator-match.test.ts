// Which indicator a header names: names, codes and the catalogue's synonyms; suggestions otherwise,
// only among indicators whose unit the header's converts to; never a guess between two.
import { describe, expect, it } from 'vitest';
import { indicatorMatcher, likeness } from './indicator-match.ts';
import { INDICATORS } from './indicators.ts';

const matcher = indicatorMatcher(INDICATORS);
const code = (label: string) => matcher.match(label)?.indicator.code ?? null;

describe('matching a label to the catalogue', () => {
  it('knows the torch survey’s names for the figures', () => {
    expect(code('R&D经费内部支出')).toBe('rd_spending');
    expect(code('营收')).toBe('operating_revenue');
    expect(code('营业收入')).toBe('operating_revenue');
    expect(code('上缴税费')).toBe('tax_revenue');
    expect(code('规模以上工业增加值')).toBe('industrial_va');
    expect(code('规上工业增加值')).toBe('industrial_va');
    expect(code('高新技术企业数')).toBe('hte_count');
    expect(code('工业总产值')).toBe('industrial_output');
    expect(code('ＧＤＰ')).toBe('gdp'); // full-width letters
    expect(code('tax_revenue')).toBe('tax_revenue');
    expect(matcher.match('上缴税费')?.by).toBe('synonym');
    expect(matcher.match('税收收入')?.by).toBe('name');
    expect(code('从业人员')).toBeNull();
  });

  it('never lets one synonym name two indicators, nor shadow a name', () => {
    const seen = new Map<string, string>();
    for (const i of INDICATORS) {
      for (const label of [i.nameZh, ...(i.synonymsZh ?? [])]) {
        expect(seen.get(label), `${label}: ${i.code} and ${seen.get(label)}`).toBeUndefined();
        seen.set(label, i.code);
      }
    }
  });

  it('suggests likely indicators whose unit fits, best first', () => {
    const forCount = matcher.suggest('科技型企业数量', '家').map((s) => s.indicator.code);
    expect(forCount.slice(0, 2).sort()).toEqual(['tech_sme_national', 'tech_sme_provincial']);
    expect(matcher.suggest('技术合同交易金额', '千元').map((s) => s.indicator.code)[0]).toBe('tech_contract_turnover');
    expect(matcher.suggest('技术合同交易金额', '家')).toEqual([]); // no count is a contract turnover
    expect(matcher.suggest('完全无关的列', null)).toEqual([]);
  });

  it('measures likeness by shared character pairs', () => {
    expect(likeness('营业收入', '营业收入')).toBe(1);
    expect(likeness('营业收入', '工业总产值')).toBe(0);
    expect(likeness('科技型企业数量', '国家科技型中小企业数')).toBeCloseTo(8 / 15, 10);
  });
});
