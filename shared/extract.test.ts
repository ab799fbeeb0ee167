// The target extractor on the project's policy excerpts (every numeric target of targets.csv, nothing
// else), and on texts with tricky phrasing: each phrase form it claims to understand, and sentences
// with numbers that are not targets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { extractTargets, parseNumber, type Candidate, type ExtractionResult } from './extract.ts';

const SEED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/db/seed-data');
const excerpt = (name: string) => readFileSync(path.join(SEED_DATA, 'policy-excerpts', name), 'utf8');

/** A candidate in one line: indicator (or ?phrase), comparator, value, unit, year, quote. */
const brief = (c: Candidate) => [c.indicator.code ?? `?${c.indicator.phrase}`, c.comparator, c.value, c.unit, c.targetYear, c.quote];
const run = (text: string, documentYear: number | null = null) => {
  const result = extractTargets(text, { documentYear });
  checkSpans(text, result);
  return result;
};

/** Every span points at the words it claims, in the original text. */
function checkSpans(text: string, result: ExtractionResult) {
  for (const c of result.candidates) {
    expect(text.slice(c.span.start, c.span.end), c.id).toBe(c.quote);
    expect(text.slice(c.stated.span.start, c.stated.span.end)).toBe(c.stated.text);
    expect(c.quote).toContain(c.stated.text);
    expect(text.slice(c.year.span.start, c.year.span.end)).toBe(c.year.text);
    const phraseWords = text.slice(c.indicator.span.start, c.indicator.span.end);
    if (!c.indicator.inherited && c.indicator.code !== 'national_rank') expect(c.indicator.phrase.startsWith(phraseWords), `${c.indicator.phrase} / ${phraseWords}`).toBe(true);
    expect(c.confidence).toBeGreaterThanOrEqual(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
  }
  for (const q of result.qualitative) expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
  for (const w of result.withheld) expect(text.slice(w.span.start, w.span.end)).toBe(w.text);
}

describe('the policy excerpts', () => {
  const EXCERPTS: Record<string, { file: string; year: number }> = {
    'ZJ-2021-OPINIONS': { file: 'zj-2021-opinions-goals.txt', year: 2021 },
    'ZJ-2024-HTZ2': { file: 'zj-2024-htz2-goals.txt', year: 2024 },
    'QT-2022': { file: 'qiantang-2022.txt', year: 2022 },
    'TORCH-2022-17': { file: 'wuxi-2022.txt', year: 2022 },
  };
  const extracted = (source: string) => run(excerpt(EXCERPTS[source]!.file), EXCERPTS[source]!.year);

  it('Zhejiang 2021 opinions: the seven 2025 targets, T3/T4 from one distributive sentence, and nothing else', () => {
    const result = extracted('ZJ-2021-OPINIONS');
    expect(result.candidates.map(brief)).toEqual([
      ['rd_intensity', 'about', 8, '%', 2025, '到2025年,高新区R&D经费支出占GDP比重达到8%左右'],
      ['tax_per_mu', 'about', 42, '万元/亩', 2025, '高新区亩均税收达到42万元/亩左右'],
      ['industrial_va_share', 'more_than', 50, '%', 2025, '规上工业增加值、高新技术企业数占全省比重均超过50%'],
      ['hte_share', 'more_than', 50, '%', 2025, '规上工业增加值、高新技术企业数占全省比重均超过50%'],
      ['city_coverage_national', 'at_least', null, '个', 2025, '实现设区市国家高新区全覆盖'],
      ['county_coverage_provincial', 'at_least', null, '个', 2025, '工业强县省级高新区全覆盖'],
      ['national_rank', 'at_most', 10, '名', 2025, '杭州、宁波国家高新区进入全国前10'],
    ]);
    const [t1, t2, t3, t4, t5, , t7] = result.candidates;
    expect(t1!.tolerance).toBe(0.05);
    expect(t1!.scope).toMatchObject({ kind: 'province_aggregate', words: '高新区' });
    expect(t2!.stated).toMatchObject({ text: '42万元/亩', value: 42, unit: '万元/亩' });
    expect(t3!.indicator.phrase).toBe('规上工业增加值占全省比重');
    expect(t4!.indicator.phrase).toBe('高新技术企业数占全省比重');
    expect(t3!.reasons.map((r) => r.code)).toContain('distributive');
    expect(t5!.allOfSet).toBe(true);
    expect(t5!.scope).toMatchObject({ kind: 'coverage', parkLevel: 'national', regionSet: { words: '设区市', size: null } });
    expect(t7!.scope).toMatchObject({ kind: 'park', words: '杭州、宁波国家高新区', places: ['杭州', '宁波'], parkLevel: 'national' });
    // the aims without a number are listed apart, never as numeric targets
    expect(result.qualitative.map((q) => [q.text, q.year])).toEqual(expect.arrayContaining([
      ['绿色发展水平走在全省前列', 2025],
      ['争创世界一流高科技园区', 2025],
      ['高新区成为科技和产业创新的中坚力量、高水平创新型省份和全球先进制造业基地的重要支撑', 2035],
    ]));
  });

  it('Zhejiang 2024 conference: the two 2027 coverage targets, the set size 45 read from a later sentence, past figures left alone', () => {
    const result = extracted('ZJ-2024-HTZ2');
    expect(result.candidates.map(brief)).toEqual([
      ['city_coverage_national', 'at_least', null, '个', 2027, '到2027年,浙江的国家高新区要实现设区市全覆盖'],
      ['county_coverage_provincial', 'at_least', 45, '个', 2027, '省级高新区要实现工业大县全覆盖'],
    ]);
    const text = excerpt('zj-2024-htz2-goals.txt');
    const set = result.candidates[1]!.scope.regionSet!;
    expect(set.words).toBe('工业大县');
    expect(text.slice(set.sizeSpan!.start, set.sizeSpan!.end)).toBe('45个');
    expect(result.qualitative.map((q) => q.text)).toContain('争创世界领先科技园区和世界一流高科技产业园区');
    // the third paragraph restates the aims without a year: held back, not proposed
    expect(result.withheld.map((w) => [w.text, w.reason])).toEqual([
      ['要加快推进设区市国家高新区全覆盖', 'no_year'],
      ['加快推进45个工业大县省级高新区全覆盖', 'no_year'],
    ]);
  });

  it('Qiantang 2022: 两年内 and 三年时间 count from 2022 as the first year; 去年 figures are not targets', () => {
    const result = extracted('QT-2022');
    expect(result.candidates.map(brief)).toEqual([
      ['hte_count', 'at_least', 1000, '家', 2023, '力争两年内累计实现国家高新技术企业数突破1000家'],
      ['low_efficiency_firms', 'at_most', 0, '家', 2024, '力争通过三年时间,实现亩均税收5万元以下低效工业用地企业动态清零'],
    ]);
    expect(result.candidates[0]!.year).toMatchObject({ rule: 'relative', text: '力争两年内', year: 2023 });
    expect(result.candidates[0]!.cumulative).toBe(true);
    expect(result.candidates[1]!.reasons.map((r) => r.code)).toContain('zero');
  });

  it('Wuxi 2022: 各不低于 applies to each carrier; 3年内 → 2024, 5年内 → 2026; the ten-year figures are not targets', () => {
    const result = extracted('TORCH-2022-17');
    expect(result.candidates.map(brief)).toEqual([
      ['innovation_carrier_space', 'at_least', 400, '万平方米', 2024, '力争3年内累计开工建设科创载体及工业载体面积各不低于400万平方米'],
      ['industrial_carrier_space', 'at_least', 400, '万平方米', 2024, '力争3年内累计开工建设科创载体及工业载体面积各不低于400万平方米'],
      ['listed_tech_companies', 'at_least', 30, '家', 2026, '5年内累计培育科创上市企业30家'],
      // in the text though not in targets.csv: a real target, under the same 5年内, of a measure the catalogue lacks
      ['?上市后备企业', 'at_least', 300, '家', 2026, '新增上市后备企业300家'],
    ]);
    expect(result.candidates[3]!.change).toBe('increase');
    expect(result.candidates[3]!.reasons.map((r) => r.code)).toContain('unknown_indicator');
  });

  it('finds every numeric target of targets.csv with its value, unit, comparator, year and quote', () => {
    const rows = parse(readFileSync(path.join(SEED_DATA, 'targets.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const INDICATOR_OF: Record<string, string[]> = {
      T1: ['rd_intensity'], T2: ['tax_per_mu'], T3: ['industrial_va_share'], T4: ['hte_share'], T5: ['city_coverage_national'],
      T6: ['county_coverage_provincial'], T7: ['national_rank'], T8: ['city_coverage_national'], T9: ['county_coverage_provincial'],
      T10: ['hte_count'], T11: ['low_efficiency_firms'], T12: ['innovation_carrier_space', 'industrial_carrier_space'], T13: ['listed_tech_companies'],
    };
    expect(rows.map((r) => r.id)).toEqual(Object.keys(INDICATOR_OF));
    for (const row of rows) {
      const { candidates } = extracted(row.source!);
      for (const code of INDICATOR_OF[row.id!]!) {
        const c = candidates.find((x) => x.indicator.code === code && x.targetYear === Number(row.target_year));
        expect(c, `${row.id} ${code}`).toBeDefined();
        expect(row.quote!.split(' / '), row.id).toContain(c!.quote);
        expect(c!.unit, row.id).toBe(row.unit!.startsWith('个') ? '个' : row.unit!.replace(/\s*\(.*\)$/, ''));
        if (row.comparator === 'all_covered') {
          // 全覆盖: every member of the set; its size is a value only where the text states it (45个工业大县)
          expect([c!.comparator, c!.allOfSet], row.id).toEqual(['at_least', true]);
          const stated = excerpt(EXCERPTS[row.source!]!.file).includes(`${row.target_value}个`);
          expect(c!.value, row.id).toBe(stated ? Number(row.target_value) : null);
        } else {
          expect([c!.comparator, c!.value], row.id).toEqual([row.comparator, Number(row.target_value)]);
        }
      }
    }
  });

  it('without the document year, holds relative years back with the reason instead of guessing', () => {
    const qiantang = run(excerpt('qiantang-2022.txt'));
    expect(qiantang.candidates).toEqual([]);
    expect(qiantang.withheld.map((w) => [w.text, w.reason, w.value])).toEqual([
      ['力争两年内累计实现国家高新技术企业数突破1000家', 'relative_year_without_document_year', 1000],
      ['力争通过三年时间,实现亩均税收5万元以下低效工业用地企业动态清零', 'relative_year_without_document_year', 0],
    ]);
    expect(qiantang.withheld[0]!.message).toContain('发文年份');
    // absolute years need no document year
    expect(run(excerpt('zj-2021-opinions-goals.txt')).candidates.map(brief)).toEqual(extracted('ZJ-2021-OPINIONS').candidates.map(brief));
  });

  it('is deterministic', () => {
    const text = excerpt('wuxi-2022.txt');
    expect(extractTargets(text, { documentYear: 2022 })).toEqual(extractTargets(text, { documentYear: 2022 }));
  });
});

describe('phrase forms', () => {
  it('到 / 至 / 截至 a year, and a year in Chinese digits', () => {
    expect(run('至2027年，全省国家高新技术企业数量达到4.24万家，高新区营业收入突破1.5万亿元。', 2023).candidates.map(brief)).toEqual([
      ['hte_count', 'at_least', 42400, '家', 2027, '至2027年，全省国家高新技术企业数量达到4.24万家'],
      ['operating_revenue', 'at_least', 15000, '亿元', 2027, '高新区营业收入突破1.5万亿元'],
    ]);
    const r = run('截至2026年底，高新区亩均税收不低于50万元/亩。到二〇二五年，全市高新区地区生产总值达到3000亿元左右。');
    expect(r.candidates.map(brief)).toEqual([
      ['tax_per_mu', 'at_least', 50, '万元/亩', 2026, '截至2026年底，高新区亩均税收不低于50万元/亩'],
      ['gdp', 'about', 3000, '亿元', 2025, '到二〇二五年，全市高新区地区生产总值达到3000亿元左右'],
    ]);
    expect(r.candidates[0]!.stated).toMatchObject({ value: 50, unit: '万元/亩' });
  });

  it('4.24万 and 1.5万亿 keep what was written beside the normalised value; a missing 元 is said', () => {
    const [hte, revenue] = run('至2027年，全省国家高新技术企业数量达到4.24万家，营业收入达到1.5万亿。').candidates;
    expect(hte!.stated).toMatchObject({ text: '4.24万家', value: 4.24, unit: '万家' });
    expect([revenue!.value, revenue!.unit, revenue!.stated.unit]).toEqual([15000, '亿元', '万亿']);
    expect(revenue!.reasons.map((r) => r.code)).toContain('unit_assumed');
  });

  it('八成 / 两成 / 百分之N are percentages; 提高 makes it a change, not a level', () => {
    expect(run('到2025年，全省高新区规上企业研发机构覆盖率达到八成以上，高新技术企业数量提高两成，研发经费投入强度不低于百分之三。').candidates.map((c) => [...brief(c).slice(0, 5), c.change])).toEqual([
      ['?规上企业研发机构覆盖率', 'at_least', 80, '%', 2025, null],
      ['?高新技术企业数量', 'at_least', 20, '%', 2025, 'increase'],
      ['rd_intensity', 'at_least', 3, '%', 2025, null],
    ]);
  });

  it('个百分点: an increase, tied to the indicator it changes, with the baseline year of 较2021年', () => {
    const [c] = run('截至2026年底，高新区研发投入强度较2021年提高1.5个百分点。', 2023).candidates;
    expect(brief(c!)).toEqual(['?研发投入强度', 'at_least', 1.5, '个百分点', 2026, '截至2026年底，高新区研发投入强度较2021年提高1.5个百分点']);
    expect([c!.change, c!.indicator.relatedCode, c!.baseline?.year]).toEqual(['increase', 'rd_intensity', 2021]);
  });

  it('力争N年内 / 三年时间 / 未来五年 / 今年 / 明年 count from the document year as the first', () => {
    const r = run('力争两年内，园区科创载体开工面积不少于200万平方米，三年时间内引进研发机构20个以上。未来五年，园区营业收入突破2000亿元。', 2022);
    expect(r.candidates.map((c) => [c.indicator.code ?? c.indicator.phrase, c.value, c.unit, c.targetYear, c.year.text])).toEqual([
      ['innovation_carrier_space', 200, '万平方米', 2023, '力争两年内'],
      ['研发机构', 20, '个', 2024, '三年时间内'],
      ['operating_revenue', 2000, '亿元', 2026, '未来五年'],
    ]);
    expect(r.candidates[0]!.year.explanation).toContain('2022年为第1年');
    expect(run('今年，园区力争新增上市企业5家；明年，营业收入突破800亿元。', 2024).candidates.map((c) => [c.value, c.targetYear])).toEqual([[5, 2024], [800, 2025]]);
  });

  it('超过 is strict, 突破 / 不低于 / 不少于 / 以上 are at least, 以下 / 控制在 / 降至 at most, 低于 less than, 左右 / 约 / 近 about', () => {
    const r = run('到2025年，高新区单位工业增加值能耗下降13.5%以上，工业用地闲置率控制在3%以下，闲置土地率低于2%，规上工业增加值占全省比重约40%，新增专精特新企业近20家，研发人员超过10万人，孵化器不少于30家。', 2021);
    expect(r.candidates.map((c) => [c.indicator.code ?? c.indicator.phrase, c.comparator, c.value, c.unit, c.change])).toEqual([
      ['单位工业增加值能耗', 'at_least', 13.5, '%', 'decrease'],
      ['工业用地闲置率', 'at_most', 3, '%', null],
      ['闲置土地率', 'less_than', 2, '%', null],
      ['industrial_va_share', 'about', 40, '%', null],
      ['专精特新企业', 'about', 20, '家', 'increase'],
      ['研发人员', 'more_than', 100000, '人', null],
      ['孵化器', 'at_least', 30, '家', null],
    ]);
    expect(r.candidates[3]!.tolerance).toBe(0.05);
    expect(r.candidates[0]!.tolerance).toBeNull();
  });

  it('清零 is 0 at most; 全覆盖 is every member of the set, its size when stated with it', () => {
    const r = run('到2025年，全省低效工业用地企业全面清零，实现山区26个县省级高新区全覆盖。', 2021);
    expect(r.candidates.map(brief)).toEqual([
      ['low_efficiency_firms', 'at_most', 0, '家', 2025, '到2025年，全省低效工业用地企业全面清零'],
      ['county_coverage_provincial', 'at_least', 26, '个', 2025, '实现山区26个县省级高新区全覆盖'],
    ]);
    expect(r.candidates[1]!.scope).toMatchObject({ kind: 'coverage', parkLevel: 'provincial', regionSet: { words: '山区26个县', size: 26 } });
  });

  it('进入全国前N / 排名前N位 / 前N强 are ranks (at most N); 前列 is not a number', () => {
    const r = run('到2030年，合肥高新区综合排名进入全国前3位，芜湖高新区力争排名前20位，蚌埠高新区进入全国百强，其他高新区排名走在全省前列。', 2024);
    expect(r.candidates.map((c) => [c.indicator.code, c.comparator, c.value, c.unit, c.scope.places])).toEqual([
      ['national_rank', 'at_most', 3, '名', ['合肥']],
      ['national_rank', 'at_most', 20, '名', ['芜湖']],
      ['national_rank', 'at_most', 100, '名', ['蚌埠']],
    ]);
    expect(r.qualitative.map((q) => q.text)).toEqual(['其他高新区排名走在全省前列']);
  });

  it('several targets in one sentence: 均 shares the value, 分别 pairs the items in order', () => {
    const r = run('到2025年，营业收入、利润总额均增长10%以上；国家级孵化器和众创空间分别达到30家、50家；科技型中小企业和高新技术企业分别突破1.2万家和8000家。', 2022);
    expect(r.candidates.map((c) => [c.indicator.code ?? c.indicator.phrase, c.comparator, c.value, c.unit])).toEqual([
      ['营业收入', 'at_least', 10, '%'],
      ['利润总额', 'at_least', 10, '%'],
      ['国家级孵化器', 'at_least', 30, '家'],
      ['众创空间', 'at_least', 50, '家'],
      ['tech_sme_national', 'at_least', 12000, '家'],
      ['hte_count', 'at_least', 8000, '家'],
    ]);
    expect(r.candidates[0]!.indicator.relatedCode).toBe('operating_revenue');
    expect(r.candidates[3]!.quote).toBe('国家级孵化器和众创空间分别达到30家、50家');
  });

  it('a count before what is counted (培育10家以上独角兽企业); numbers inside a noun are part of it', () => {
    const r = run('到2025年，全省高新区营收超百亿元的企业达到50家，培育10家以上独角兽企业，培育形成2个千亿级、5个百亿级产业集群。', 2022);
    expect(r.candidates.map((c) => [c.indicator.phrase, c.comparator, c.value, c.unit])).toEqual([
      ['营收超百亿元的企业', 'at_least', 50, '家'],
      ['独角兽企业', 'at_least', 10, '家'],
      ['千亿级产业集群', 'at_least', 2, '个'],
      ['百亿级产业集群', 'at_least', 5, '个'],
    ]);
  });

  it('a baseline (由2022年的3.1%提高到4%) is a baseline, not a target; 翻一番 is twice it', () => {
    const r = run('到2027年，全市高新区高新技术产业增加值较2022年翻一番，R&D经费支出占GDP比重由2022年的3.1%提高到4%。', 2023);
    expect(r.candidates.map((c) => [c.indicator.code ?? c.indicator.phrase, c.comparator, c.value, c.unit, c.baseline && [c.baseline.year, c.baseline.value]])).toEqual([
      ['高新技术产业增加值', 'at_least', 2, '倍', [2022, null]],
      ['rd_intensity', 'at_least', 4, '%', [2022, 3.1]],
    ]);
  });

  it('a plan period in the title dates the goals listed under it; a range keeps its lower bound', () => {
    const r = run('某省高新区高质量发展三年行动计划（2024—2026年）\n主要目标：\n1.高新技术企业数量年均增长15%。\n2.研发投入强度达到3.5%—4%。', 2024);
    expect(r.candidates.map((c) => [c.indicator.code ?? c.indicator.phrase, c.value, c.unit, c.targetYear, c.annual, c.year.rule])).toEqual([
      ['高新技术企业数量', 15, '%', 2026, true, 'period'],
      ['rd_intensity', 3.5, '%', 2026, false, 'period'],
    ]);
    expect(r.candidates[1]!.reasons.map((x) => x.code)).toContain('range');
  });

  it('lists after a colon carry the year; a new section heading ends it', () => {
    const r = run('到2025年，全省高新区发展实现以下目标：\n——创新能力显著增强。研发经费投入强度达到3%以上。\n——园区能级大幅提升。新增国家高新区2家。\n三、保障措施\n对综合评价排名前5的高新区，每家给予200万元奖励。', 2022);
    expect(r.candidates.map((c) => [c.indicator.code, c.value, c.targetYear, c.change])).toEqual([
      ['rd_intensity', 3, 2025, null],
      ['zone_count_national', 2, 2025, 'increase'],
    ]);
  });

  it('a list introduced by …以下目标。 carries its year to the end of the section; 从X增加到Y has X as the baseline', () => {
    const r = run('到2025年，全省高新区实现以下目标。\n高新技术企业从1200家增加到2000家。\n研发投入强度达到3%。\n二、重点任务\n力争建设10个平台。', 2022);
    expect(r.candidates.map((c) => [c.indicator.code, c.value, c.targetYear, c.baseline?.value ?? null])).toEqual([['hte_count', 2000, 2025, 1200], ['rd_intensity', 3, 2025, null]]);
    expect(r.withheld.map((w) => [w.text, w.reason])).toEqual([['力争建设10个平台', 'no_year']]);
  });

  it('a sentence wrapped after a comma or semicolon goes on in the next line', () => {
    const r = run('到2026年，全省高新区研发投入强度达到8.5%左右；\n亩均税收达到45万元/亩左右。', 2024);
    expect(r.candidates.map((c) => [c.indicator.code, c.targetYear])).toEqual([['rd_intensity', 2026], ['tax_per_mu', 2026]]);
  });

  it('a table flattened into text: the measure named alone, then its base and target years', () => {
    const r = run('主要指标：高新技术企业数量，2020年基期值为1800家，2025年目标值为4000家；研发经费投入强度，2020年为2.1%，2025年目标为3%。', 2021);
    expect(r.candidates.map((c) => [c.indicator.code, c.value, c.targetYear, c.indicator.inherited])).toEqual([['hte_count', 4000, 2025, true], ['rd_intensity', 3, 2025, true]]);
  });

  it('units: %, 个百分点, 万元/亩, 亿元, 家, 个, 万平方米, and a unit per another unit', () => {
    const r = run('到2025年，研发投入强度达到3%，亩均税收达到30万元/亩，营业收入达到500亿元，高新技术企业达到600家，新型研发机构达到20个，科创载体开工面积达到100万平方米，能耗降至0.3吨标准煤/万元以下。', 2022);
    expect(r.candidates.map((c) => [c.indicator.code, c.unit])).toEqual([
      ['rd_intensity', '%'], ['tax_per_mu', '万元/亩'], ['operating_revenue', '亿元'], ['hte_count', '家'], ['new_rd_institutions', '个'],
      ['innovation_carrier_space', '万平方米'], [null, '吨标准煤/万元'],
    ]);
  });
});

describe('confidence', () => {
  // Worked by hand from the effects each reason states: 1, less 0.05 for a relative year, an unnamed
  // subject or no comparator word (达到 states a level, not a comparator), 0.1 for a change of a catalogue indicator, 0.03 for one item of a 均 list, 0.15 for a
  // measure named in an earlier clause, 0.25 for an unknown indicator.
  it('is 1 for a target stated in full, and lower by each doubt its reasons name', () => {
    const cases: [string, number, number[], string[][]][] = [
      ['到2025年，高新区研发投入强度不低于3%。', 2022, [1], [['indicator', 'comparator', 'year']]],
      ['到2025年，高新区研发投入强度达到3%。', 2022, [0.95], [['default_comparator', 'indicator', 'year']]],
      ['力争两年内，园区科创载体开工面积不少于200万平方米。', 2022, [0.95], [['indicator', 'comparator', 'year']]],
      ['主要指标：高新技术企业数量，2020年基期值为1800家，2025年目标值为4000家。', 2021, [0.75], [['default_comparator', 'indicator', 'inherited_phrase', 'year', 'scope_unknown']]],
      ['到2025年，营业收入、利润总额均增长10%以上。', 2022, [0.82, 0.67], [
        ['change_target', 'distributive', 'comparator', 'year', 'scope_unknown'],
        ['unknown_indicator', 'distributive', 'comparator', 'year', 'scope_unknown'],
      ]],
    ];
    for (const [text, year, confidences, codes] of cases) {
      const { candidates } = run(text, year);
      expect(candidates.map((c) => c.confidence), text).toEqual(confidences);
      expect(candidates.map((c) => c.reasons.map((r) => r.code)), text).toEqual(codes);
    }
  });
});

describe('numbers that are not targets', () => {
  it('past figures: 从2012年的…增长到2021年的…, 连续八年居全国第三位, 去年, 现有, 已建成', () => {
    for (const text of [
      '十年来，高新区地区生产总值从2012年的1195亿元增长到2021年的2271亿元，企业创新能力连续八年居全国第三位。',
      '去年全社会研究与试验发展经费投入占GDP比重达4.43%，培育国家高新技术企业802家。',
      '高新区现有国家高新技术企业802家，已建成孵化器12个。',
      '2021年，全省高新区实现营业收入4.1万亿元，同比增长11.2%。',
    ]) {
      const r = run(text, 2022);
      expect(r.candidates, text).toEqual([]);
      expect(r.withheld, text).toEqual([]);
    }
  });

  it('a past year stated as 截至 in a later document is a fact, and a figure after a target sentence that restarts with a past year too', () => {
    const r = run('到2025年，高新技术企业达到5000家。截至2023年底，全省共有高新区22家。2022年，全区高新技术企业3600家。', 2024);
    expect(r.candidates.map((c) => c.value)).toEqual([5000]);
  });

  it('rewards, funding and thresholds are measures, not targets', () => {
    for (const text of [
      '到2025年，对首次认定的高新技术企业给予每家20万元奖励。',
      '力争到2026年，对新晋升的国家高新区，省财政给予一次性奖励1000万元。',
      '到2025年，区财政每年安排不少于10亿元的科技创新专项资金。',
    ]) expect(run(text, 2022).candidates, text).toEqual([]);
  });

  it('document numbers, plan names and ordinals', () => {
    const r = run('根据《某省“十四五”规划》（某政发〔2021〕12号）和“6+2+X”产业体系，启动三年行动，打造第一方阵。', 2022);
    expect(r.candidates).toEqual([]);
  });

  it('aims without a number are qualitative, with their year', () => {
    const r = run('力争到2025年，绿色发展水平走在全省前列，争创世界一流高科技园区。', 2021);
    expect(r.candidates).toEqual([]);
    expect(r.qualitative.map((q) => [q.text, q.year])).toEqual([['绿色发展水平走在全省前列', 2025], ['争创世界一流高科技园区', 2025]]);
  });

  it('a target without any year is held back, not proposed', () => {
    const r = run('全省高新区研发投入强度要高于全省平均水平2个百分点。', 2022);
    expect(r.candidates).toEqual([]);
    expect(r.withheld.map((w) => [w.reason, w.value, w.unit])).toEqual([['no_year', 2, '个百分点']]);
  });
});

describe('parseNumber', () => {
  it('reads Arabic and Chinese numerals', () => {
    expect([parseNumber('1,000'), parseNumber('4.24'), parseNumber('八'), parseNumber('十五'), parseNumber('两千'), parseNumber('一百二十'), parseNumber('三点五'), parseNumber('百')])
      .toEqual([1000, 4.24, 8, 15, 2000, 120, 3.5, 100]);
    expect(parseNumber('二五')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});
