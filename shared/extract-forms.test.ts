// Forms real plans use that the first extractor missed (issue 17), each on sentences written for these
// tests (the held-out set in bench/extract-heldout-data.ts is never used here), traditional script and
// pronunciations, and one target said two ways (力争 stretch values, restatements).
import { describe, expect, it } from 'vitest';
import { extractTargets, type Candidate, type ExtractionResult } from './extract.ts';

/** A proposed target in one line: indicator (or ?phrase), comparator, value, unit, year. */
const brief = (c: Candidate) => [c.indicator.code ?? `?${c.indicator.phrase}`, c.comparator, c.value, c.unit, c.targetYear];
/** The targets to propose: candidates that are not another's alternative. */
const targets = (r: ExtractionResult) => r.candidates.filter((c) => c.alternativeOf === null);

function run(text: string, documentYear: number | null = null): ExtractionResult {
  const result = extractTargets(text, { documentYear });
  // every span still points at the words it claims in the text as given
  for (const c of result.candidates) {
    expect(text.slice(c.span.start, c.span.end)).toBe(c.quote);
    expect(text.slice(c.stated.span.start, c.stated.span.end)).toBe(c.stated.text);
    expect(text.slice(c.year.span.start, c.year.span.end)).toBe(c.year.text);
  }
  for (const q of result.qualitative) expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
  for (const w of result.withheld) expect(text.slice(w.span.start, w.span.end)).toBe(w.text);
  return result;
}

describe('分别 with several years', () => {
  it('pairs the years with the values in order', () => {
    expect(targets(run('到2025年、2030年，全市高新技术企业数量分别达到12家和15家。', 2023)).map(brief)).toEqual([
      ['hte_count', 'at_least', 12, '家', 2025],
      ['hte_count', 'at_least', 15, '家', 2030],
    ]);
    expect(targets(run('力争到2026年和2028年，园区营业收入分别突破300亿元、500亿元。', 2024)).map(brief)).toEqual([
      ['operating_revenue', 'at_least', 300, '亿元', 2026],
      ['operating_revenue', 'at_least', 500, '亿元', 2028],
    ]);
  });

  it('reads the years after the measure, and 年底', () => {
    expect(targets(run('高新区规上工业增加值2024年、2026年分别达到80亿元和100亿元。', 2023)).map(brief)).toEqual([
      ['industrial_va', 'at_least', 80, '亿元', 2024],
      ['industrial_va', 'at_least', 100, '亿元', 2026],
    ]);
    expect(targets(run('到2025年底、2027年底，孵化器面积分别达到20万平方米、30万平方米。', 2023)).map((c) => [c.value, c.targetYear])).toEqual([[20, 2025], [30, 2027]]);
  });

  it('keeps one year for 分别 pairing items, as before', () => {
    expect(targets(run('到2026年，国家级孵化器和众创空间分别达到12家、20家。', 2023)).map((c) => [c.indicator.phrase, c.value, c.targetYear])).toEqual([
      ['国家级孵化器', 12, 2026], ['众创空间', 20, 2026],
    ]);
  });
});

describe('numbered lists', () => {
  it('一是 / 二是 / 三是 in one sentence', () => {
    expect(targets(run('到2025年，园区发展目标：一是高新技术企业达到300家；二是研发投入强度达到4%；三是新增上市企业5家。', 2022)).map(brief)).toEqual([
      ['hte_count', 'at_least', 300, '家', 2025],
      ['rd_intensity', 'at_least', 4, '%', 2025],
      ['?上市企业', 'at_least', 5, '家', 2025],
    ]);
  });

  it('（一）（二） and 1. 2. on their own lines carry the year of the line that introduces them', () => {
    expect(targets(run('到2026年，主要目标如下：\n（一）营业收入突破1000亿元。\n（二）高新技术企业超过500家。', 2023)).map(brief)).toEqual([
      ['operating_revenue', 'at_least', 1000, '亿元', 2026],
      ['hte_count', 'more_than', 500, '家', 2026],
    ]);
    expect(targets(run('主要目标\n1. 到2025年，工业总产值达到2000亿元。\n2. 亩均税收达到35万元/亩。', 2022)).map(brief)).toEqual([
      ['industrial_output', 'at_least', 2000, '亿元', 2025],
      ['tax_per_mu', 'at_least', 35, '万元/亩', 2025],
    ]);
  });

  it('each item starts from the list’s year, not from the year of the item before', () => {
    const r = run('某市高新区三年行动计划（2024—2026年）\n一、主要目标\n（一）“十四五”期间，营业收入年均增长8%。\n（二）高新技术企业达到500家。', 2024);
    expect(targets(r).map((c) => [c.value, c.targetYear])).toEqual([[8, 2025], [500, 2026]]);
  });

  it('(1) (2) in one line, under a bare year', () => {
    expect(targets(run('2025年主要目标：(1)营业收入达到800亿元；(2)高新技术企业达到200家。', 2023)).map((c) => [c.value, c.targetYear])).toEqual([[800, 2025], [200, 2025]]);
  });

  it('a list item number is not a value: 1.2024—2026年 is item 1 and a period', () => {
    const r = run('园区三年行动方案\n主要目标：\n1.2024—2026年，每年引进研发机构5个。\n2.到2026年，营业收入达到600亿元。', 2024);
    expect(targets(r).map((c) => [c.value, c.unit, c.targetYear, c.annual])).toEqual([[5, '个', 2026, true], [600, '亿元', 2026, false]]);
  });
});

describe('a year’s work plan (工作要点, 工作目标)', () => {
  it('dates what it lists with its year', () => {
    expect(targets(run('开发区2025年工作要点：一是营业收入增长8%；二是新增高新技术企业100家。', 2025)).map((c) => [c.value, c.unit, c.targetYear])).toEqual([[8, '%', 2025], [100, '家', 2025]]);
    expect(targets(run('园区2024年度主要工作目标\n（一）地区生产总值增长6.5%左右；\n（二）实际使用外资达到2亿美元。', 2024)).map((c) => [c.comparator, c.value, c.unit, c.targetYear])).toEqual([
      ['about', 6.5, '%', 2024], ['at_least', 2, '亿美元', 2024],
    ]);
  });

  it('counts of the plan’s own aims and tasks are not targets', () => {
    expect(targets(run('到2025年，园区将实现两个目标、完成五项任务。营业收入达到300亿元。', 2023)).map((c) => [c.value, c.unit])).toEqual([[300, '亿元']]);
  });

  it('a work plan of a year already past is a report, not a plan', () => {
    expect(targets(run('2022年工作目标完成情况：营业收入增长8%。', 2024))).toEqual([]);
  });
});

describe('年均 / 每年 over a period', () => {
  it('“十四五”期间 and 时期 are due at the end of the plan', () => {
    expect(targets(run('“十四五”期间，全区地区生产总值年均增长7.5%，固定资产投资年均增长10%以上。', 2021)).map((c) => [c.value, c.unit, c.targetYear, c.annual])).toEqual([
      [7.5, '%', 2025, true], [10, '%', 2025, true],
    ]);
    expect(targets(run('“十五五”时期，园区营业收入年均增长8%左右。', 2026)).map((c) => [c.comparator, c.value, c.targetYear, c.annual])).toEqual([['about', 8, 2030, true]]);
  });

  it('2024—2026年，每年…: the yearly amount, due at the end of the period', () => {
    expect(targets(run('2024—2026年，每年新增科技型中小企业500家。', 2024)).map((c) => [c.value, c.unit, c.targetYear, c.annual, c.change])).toEqual([[500, '家', 2026, true, 'increase']]);
  });
});

describe('ceilings', () => {
  it('控制在…以内 and 不超过 are at most', () => {
    expect(targets(run('到2025年，单位工业增加值能耗控制在0.5吨标准煤/万元以内，企业开办时间不超过2个工作日。', 2022)).map((c) => [c.comparator, c.value, c.unit])).toEqual([
      ['at_most', 0.5, '吨标准煤/万元'], ['at_most', 2, '个工作日'],
    ]);
    expect(targets(run('到2027年，园区闲置土地比例控制在2%以内，二氧化硫排放总量不超过800吨。', 2023)).map((c) => [c.comparator, c.value, c.unit])).toEqual([
      ['at_most', 2, '%'], ['at_most', 800, '吨'],
    ]);
  });
});

describe('baselines in the sentence', () => {
  it('由2022年的32万元/亩提高到45万元/亩: 45 is the target, 32 in 2022 the baseline', () => {
    const [c] = targets(run('到2025年，亩均税收由2022年的32万元/亩提高到45万元/亩。', 2023));
    expect([...brief(c!), c!.baseline?.year, c!.baseline?.value]).toEqual(['tax_per_mu', 'at_least', 45, '万元/亩', 2025, 2022, 32]);
  });

  it('从2021年的3.1%提高至2025年的4%: the year after 至 is the target year', () => {
    const [c] = targets(run('研发投入强度从2021年的3.1%提高至2025年的4%。', 2022));
    expect([...brief(c!), c!.baseline?.year, c!.baseline?.value]).toEqual(['rd_intensity', 'at_least', 4, '%', 2025, 2021, 3.1]);
  });

  it('由2023年底的850家增加到1200家', () => {
    const [c] = targets(run('到2026年，高新技术企业数量由2023年底的850家增加到1200家。', 2024));
    expect([c!.value, c!.targetYear, c!.change, c!.baseline?.value]).toEqual([1200, 2026, null, 850]);
  });
});

describe('成, 倍, 翻一番', () => {
  it('五成 is 50%, 翻一番 twice, 达到2020年的3倍 three times', () => {
    expect(targets(run('到2025年，规上工业企业研发机构覆盖率达到五成，高新技术产业产值实现翻一番，技术合同成交额达到2020年的3倍。', 2021)).map((c) => [c.value, c.unit, c.targetYear])).toEqual([
      [50, '%', 2025], [2, '倍', 2025], [3, '倍', 2025],
    ]);
  });

  it('翻两番 is four times', () => {
    expect(targets(run('到2027年，园区营业收入比2022年翻两番。', 2023)).map((c) => [c.value, c.unit, c.baseline?.year])).toEqual([[4, '倍', 2022]]);
  });
});

describe('ranges', () => {
  it('3.5%—4%, 800～1000家, 8%-10%: the lower bound', () => {
    expect(targets(run('到2025年，研发投入强度达到3.5%—4%，高新技术企业达到800～1000家，营业收入年均增长8%-10%。', 2022)).map((c) => [c.value, c.unit, c.reasons.some((x) => x.code === 'range')])).toEqual([
      [3.5, '%', true], [800, '家', true], [8, '%', true],
    ]);
  });
});

describe('三年内 / 两年内 as the plan’s own span', () => {
  it('a 2023 plan’s 三年内 is 2023–2025', () => {
    expect(targets(run('三年内，高新区新增高新技术企业300家。', 2023)).map((c) => c.targetYear)).toEqual([2025]);
  });

  it('a plan titled (2025—2027年) counts from 2025 even when issued in 2024', () => {
    const r = run('某市高新区三年行动计划（2025—2027年）\n三年内，营业收入突破500亿元；两年内，新增上市企业3家。', 2024);
    expect(targets(r).map((c) => [c.value, c.targetYear])).toEqual([[500, 2027], [3, 2026]]);
    expect(r.candidates[0]!.year.explanation).toContain('2025');
  });

  it('the plan’s period dates 三年内 without the document year', () => {
    expect(targets(run('某市高新区三年行动计划（2025—2027年）\n三年内，营业收入突破500亿元。')).map((c) => c.targetYear)).toEqual([2027]);
  });
});

describe('one target said two ways', () => {
  it('达到4万家以上、力争达到5万家: one target with its stretch value', () => {
    const r = run('到2025年，全省高新技术企业达到4万家以上、力争达到5万家。', 2022);
    expect(targets(r).map((c) => [...brief(c), c.stretchValue])).toEqual([['hte_count', 'at_least', 40000, '家', 2025, 50000]]);
    expect(r.candidates.map((c) => [c.id, c.value, c.alternativeOf, c.alternative])).toEqual([['c1', 40000, null, null], ['c2', 50000, 'c1', 'stretch']]);
  });

  it('突破…，力争突破… and 达到…，争取达到…', () => {
    expect(targets(run('到2026年，园区营业收入突破800亿元，力争突破1000亿元。', 2023)).map((c) => [c.value, c.stretchValue])).toEqual([[800, 1000]]);
    expect(targets(run('到2025年，研发投入强度达到2.8%，争取达到3%。', 2022)).map((c) => [c.value, c.stretchValue])).toEqual([[2.8, 3]]);
  });

  it('力争 before different measures, or in another sentence, is not a stretch value', () => {
    expect(targets(run('到2025年，力争国家高新区达到15家、省级高新区达到40家。', 2022)).map((c) => [c.value, c.stretchValue])).toEqual([[15, null], [40, null]]);
    expect(targets(run('到2025年，营业收入突破6万亿元。到2027年，营业收入力争达到8万亿元。', 2022)).map((c) => [c.value, c.targetYear, c.stretchValue])).toEqual([[60000, 2025, null], [80000, 2027, null]]);
  });

  it('提高1.5个百分点，达到6%: the level is the target, the change restates it', () => {
    const r = run('到2025年，研发投入强度提高1.5个百分点，达到6%。', 2022);
    expect(targets(r).map(brief)).toEqual([['rd_intensity', 'at_least', 6, '%', 2025]]);
    expect(r.candidates.map((c) => [c.id, c.value, c.unit, c.alternativeOf, c.alternative])).toEqual([['c1', 1.5, '个百分点', 'c2', 'restatement'], ['c2', 6, '%', null, null]]);
  });

  it('the level first, or the change as 翻一番, restates too; a yearly rate beside a level does not', () => {
    expect(targets(run('到2026年，高新技术企业数量比2023年增加200家，达到1000家。', 2024)).map((c) => c.value)).toEqual([1000]);
    expect(targets(run('到2025年，亩均税收达到40万元/亩，比2020年提高10万元/亩。', 2021)).map((c) => c.value)).toEqual([40]);
    expect(targets(run('到2025年，工业总产值达到500亿元、较2020年翻一番。', 2021)).map((c) => [c.value, c.unit])).toEqual([[500, '亿元']]);
    expect(targets(run('到2025年，全省高新区营业收入年均增长10%以上，突破3.5万亿元。', 2023)).map((c) => [c.value, c.unit])).toEqual([[10, '%'], [35000, '亿元']]);
  });
});

describe('traditional characters and pronunciations', () => {
  it('reads traditional script as simplified, quoting the original words', () => {
    const text = '到2025年，全省高新區研發經費支出佔地區生產總值比重達到4%左右，高新技術企業數量突破2萬家。';
    const r = run(text, 2022);
    expect(targets(r).map(brief)).toEqual([['rd_intensity', 'about', 4, '%', 2025], ['hte_count', 'at_least', 20000, '家', 2025]]);
    expect(r.candidates[1]!.quote).toBe('高新技術企業數量突破2萬家');
  });

  it('leaves out pronunciations in brackets; spans stay in the original', () => {
    const text = '高新區(qū)營業收入到2026年達到1000億元。園區（yuán qū）畝均稅收到2026年達到50萬元/畝。';
    const r = run(text, 2023);
    expect(targets(r).map(brief)).toEqual([['operating_revenue', 'at_least', 1000, '亿元', 2026], ['tax_per_mu', 'at_least', 50, '万元/亩', 2026]]);
    expect(r.candidates[0]!.quote).toBe('高新區(qū)營業收入到2026年達到1000億元');
    expect(r.candidates[0]!.scope.words).toBe('高新区');
  });

  it('keeps brackets that are not pronunciations', () => {
    const r = run('到2025年，研发投入(R&D)强度达到3%，园区(含托管区)营业收入达到500亿元。', 2022);
    expect(targets(r).map((c) => [c.value, c.quote])).toEqual([[3, '到2025年，研发投入(R&D)强度达到3%'], [500, '园区(含托管区)营业收入达到500亿元']]);
  });
});
