// The report's sentences, checked against what a planner would write by hand, for every state a target
// can be in (PROGRESS.md examples A–I). The progress comes from the method itself; the expected words
// are written out here.
import { describe, expect, it } from 'vitest';
import { computeProgress, type Progress, type ProgressOptions, type ProgressTarget, type SeriesValue } from './progress.ts';
import {
  changeVerb, chinaDate, chineseNumeral, dataDateLine, goalPhrase, overviewParagraph, reportFileName, reportTitle, statusTally, targetSentence, type ReportEntry,
} from './report-text.ts';
import { findIndicator } from './indicators.ts';

/** The names the server sends with what is missing (from the catalogue, as listTargets does). */
const named = (...codes: string[]) => codes.map((code) => {
  const i = findIndicator(code)!;
  return { code, nameZh: i.nameZh, nameEn: i.nameEn };
});


const RD = { code: 'rd_intensity', nameZh: 'R&D经费支出占GDP比重', nameEn: 'R&D intensity', unit: '%', kind: 'ratio' };
const HTE = { code: 'hte_count', nameZh: '国家高新技术企业数', nameEn: 'High-tech enterprises', unit: '家', kind: 'count' };
const RANK = { code: 'national_rank', nameZh: '国家高新区综合评价排名', nameEn: 'National ranking', unit: '名', kind: 'rank' };
const SHARE = { code: 'industrial_va_share', nameZh: '规上工业增加值占全省比重', nameEn: 'Share of value added', unit: '%', kind: 'share' };
const CITIES = { code: 'city_coverage_national', nameZh: '设区市国家高新区覆盖数', nameEn: 'Cities with a national zone', unit: '个', kind: 'coverage' };

const scopeBase = { parkId: null, parkName: null, regionCode: '330000', regionName: '浙江省', parkLevel: 'provincial' as const, regionSetLabel: null, regions: [] };
const province = { ...scopeBase, kind: 'province_aggregate' as const, label: '浙江省 高新区' };
const park = (name: string) => ({ ...scopeBase, kind: 'park' as const, label: name, parkId: 1, parkName: name, regionCode: null, regionName: null, parkLevel: null });
const cities = { ...scopeBase, kind: 'coverage' as const, label: '浙江省 11 设区市', regionSetLabel: '浙江省 11 设区市', parkLevel: 'national' as const };

function entry(
  code: string, indicator: ReportEntry['indicator'], scope: ReportEntry['scope'], target: ProgressTarget, series: SeriesValue[], options: ProgressOptions,
  extra: Partial<ReportEntry> & { adjust?: (p: Progress) => Progress } = {},
): ReportEntry {
  const computed = computeProgress(target, series, { indicators: named(indicator.code), ...options });
  const { adjust, ...rest } = extra;
  return {
    ...(adjust ? adjust(computed) : computed), code, indicator, scope, comparator: target.comparator, targetValue: target.targetValue,
    targetYear: target.targetYear, unit: indicator.unit, coverage: null, parkClass: null, aggregate: null, ...rest,
  };
}

const rdTarget: ProgressTarget = { comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 };
const all8 = { parksIncluded: 8, parksExpected: 8 };

describe('the sentence a planner writes for each target', () => {
  it('needs acceleration: the gap, the pace so far against the pace needed, the projection (example A)', () => {
    const e = entry('T1', RD, province, rdTarget, [{ year: 2020, value: 6, ...all8 }, { year: 2023, value: (380 / 5600) * 100, ...all8 }], { direction: 'up', currentYear: 2024 });
    expect(e.status).toBe('needs_acceleration');
    expect(targetSentence(e)).toBe('截至2023年, 全省高新区R&D经费支出占GDP比重为6.79%, 距2025年目标约8%尚差1.21个百分点; '
      + '按2020年以来年均提高0.26个百分点的速度, 预计2025年为7.31%, 需年均提高0.61个百分点方可达成。');
  });

  it('on track: the projection reaches the target in time (example B)', () => {
    const target: ProgressTarget = { comparator: 'at_least', targetValue: 1000, targetYear: 2023, baselineYear: 2021, baselineValue: 802 };
    const e = entry('T10', HTE, park('萧山临江高新区'), target, [{ year: 2022, value: 905 }], { direction: 'up', currentYear: 2023, compoundGrowth: true });
    expect(e.status).toBe('on_track');
    expect(targetSentence(e)).toBe('截至2022年, 萧山临江高新区国家高新技术企业数为905家, 距2023年目标不低于1,000家尚差95家; 按2021年以来年均增加103家的速度, 预计2023年为1,008家, 可如期达成。');
  });

  it('achieved inside the tolerance of an about target, with the distance to the exact value (rule 5)', () => {
    const e = entry('T1', RD, province, rdTarget, [{ year: 2020, value: 6, ...all8 }, { year: 2024, value: 7.64, ...all8 }], { direction: 'up', currentYear: 2025 });
    expect(e.status).toBe('achieved');
    expect(targetSentence(e)).toBe('截至2024年, 全省高新区R&D经费支出占GDP比重为7.64%, 已达到2025年目标约8%, 在目标容差内 (距8%差0.36个百分点)。');
  });

  it('held: a rank inside the goal since the baseline reads 保持, with no percentage (example F)', () => {
    const target: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2016, baselineValue: 3 };
    const e = entry('T7.1', RANK, park('杭州高新区(滨江)'), target, [{ year: 2023, value: 5 }], { direction: 'down', currentYear: 2024 });
    expect(targetSentence(e)).toBe('截至2023年, 杭州高新区(滨江)国家高新区综合评价排名为第5名; 基期2016年为第3名, 即已达到2025年目标前10名, 保持 (已达成, 自基期起保持)。');
    expect(targetSentence(e)).not.toMatch(/\d+%/);
  });

  it('held, then no longer: the rank fell out of the goal (example F, 2024)', () => {
    const target: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2016, baselineValue: 3 };
    const e = entry('T7.1', RANK, park('杭州高新区(滨江)'), target, [{ year: 2023, value: 5 }, { year: 2024, value: 12 }], { direction: 'down', currentYear: 2025 });
    expect(e.status).toBe('regressing');
    expect(targetSentence(e)).toBe('截至2024年, 杭州高新区(滨江)国家高新区综合评价排名为第12名, 距2025年目标前10名尚差2名; 基期已达标, 现已不再达标。');
  });

  it('stale: says the data is too old and what it said then, and judges nothing (example H)', () => {
    const target: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 };
    const e = entry('T7.2', RANK, park('宁波高新区'), target, [{ year: 2021, value: 13 }], { direction: 'down', currentYear: 2026 });
    expect(e.statusReason).toBe('stale');
    expect(targetSentence(e)).toBe('宁波高新区国家高新区综合评价排名暂无法判断进展: 数据过旧: 最新为2021年; 2021年时按期推进, 此后无数据。2021年为第13名, 距2025年目标前10名尚差3名。');
  });

  it('incomplete: no complete year, the parks missing named, the provisional year beside it (rule 3)', () => {
    const e = entry('T1', { ...RD, code: 'rd_spending' }, province, rdTarget, [{ year: 2025, value: (24.5 / 320.6) * 100, parksIncluded: 1, parksExpected: 8 }],
      { direction: 'up', currentYear: 2026, indicators: named('rd_spending', 'gdp') },
      { indicator: RD, adjust: (p) => ({ ...p, missing: { ...p.missing!, parks: [{ id: 3, name: '温州高新区' }, { id: 4, name: '绍兴高新区' }], parksTotal: 7 } }) });
    expect(targetSentence(e)).toBe('全省高新区R&D经费支出占GDP比重的2025年目标为约8%, 暂无法判断进展: 数据不完整: 缺少 温州高新区、绍兴高新区 等7个园区 2025年 R&D经费支出、地区生产总值。'
      + '2025年暂定: 7.64% (1/8 园区); 参与汇总的园区不足八成, 不据此判断状态。');
  });

  it('a complete headline year with a later provisional one, the target year past (example G)', () => {
    const e = entry('T1', RD, province, rdTarget, [
      { year: 2020, value: 6, ...all8 }, { year: 2023, value: (380 / 5600) * 100, ...all8 }, { year: 2024, value: (24.5 / 320.6) * 100, parksIncluded: 1, parksExpected: 8 },
    ], { direction: 'up', currentYear: 2026 });
    expect(e.status).toBe('needs_acceleration');
    expect(targetSentence(e)).toBe('截至2023年, 全省高新区R&D经费支出占GDP比重为6.79%, 距2025年目标约8%尚差1.21个百分点; '
      + '按2020年以来年均提高0.26个百分点的速度, 预计2025年为7.31%, 需年均提高0.61个百分点方可达成。'
      + '2024年暂定: 7.64% (1/8 园区); 参与汇总的园区不足八成, 不据此判断状态。'
      + '待2025年数据: 目标年份已过, 状态按2023年数据判断。');
  });

  it('no data: what is missing, the province total included for a share', () => {
    const target: ProgressTarget = { comparator: 'more_than', targetValue: 50, targetYear: 2025 };
    const e = entry('T3', SHARE, province, target, [], { direction: 'up', currentYear: 2026, indicators: named('industrial_va') },
      { adjust: (p) => ({ ...p, missing: { ...p.missing!, regions: [{ code: '330000', name: '浙江省' }] } }) });
    expect(targetSentence(e)).toBe('全省高新区规上工业增加值占全省比重的2025年目标为超过50%, 暂无法判断进展: 尚无数据: 缺少 浙江省全省合计 2024—2025年 规上工业增加值。');
  });

  it('coverage: the regions still uncovered, and a pace of nothing (example I)', () => {
    const target: ProgressTarget = { comparator: 'at_least', targetValue: 11, targetYear: 2025, baselineYear: 2021, baselineValue: 7 };
    const uncovered = ['金华市', '舟山市', '台州市', '丽水市'].map((name, i) => ({ code: String(330700 + i), name }));
    const e = entry('T5', CITIES, cities, target, [2021, 2022, 2023, 2024].map((year) => ({ year, value: 7 })), { direction: 'up', currentYear: 2025 },
      { coverage: { asOfYear: 2024, regionsTotal: 11, coveredCount: 7, covered: [], uncovered } });
    expect(e.status).toBe('limited');
    expect(targetSentence(e)).toBe('截至2024年, 浙江省 11 设区市中已覆盖7个, 距2025年目标全覆盖尚差4个 (未覆盖: 金华市、舟山市、台州市、丽水市); 2021年以来没有变化, 预计2025年仍为7个, 需年均增加4个方可达成。');
  });

  it('missed: the target year is in and the target is not met', () => {
    const target: ProgressTarget = { comparator: 'at_least', targetValue: 1000, targetYear: 2023, baselineYear: 2021, baselineValue: 802 };
    const e = entry('T10', HTE, park('萧山临江高新区'), target, [{ year: 2022, value: 905 }, { year: 2023, value: 950 }], { direction: 'up', currentYear: 2024 });
    expect(e.status).toBe('missed');
    expect(targetSentence(e)).toBe('截至2023年, 萧山临江高新区国家高新技术企业数为950家, 未达到2023年目标不低于1,000家, 尚差50家。');
  });

  it('regressing: the pace goes the wrong way, and a count gets its growth rate', () => {
    const target: ProgressTarget = { comparator: 'at_least', targetValue: 1000, targetYear: 2026, baselineYear: 2021, baselineValue: 900 };
    const e = entry('T10', HTE, park('萧山临江高新区'), target, [{ year: 2023, value: 880 }], { direction: 'up', currentYear: 2024, compoundGrowth: true });
    expect(e.status).toBe('regressing');
    expect(targetSentence(e)).toBe('截至2023年, 萧山临江高新区国家高新技术企业数为880家, 距2026年目标不低于1,000家尚差120家; '
      + '按2021年以来年均减少10家的速度(与目标方向相反), 预计2026年为850家, 需年均增加40家(年均增长4.4%)方可达成。');
  });

  it('a class: how its parks stand, then its weakest park', () => {
    const target: ProgressTarget = { comparator: 'at_least', targetValue: 90, targetYear: 2027, baselineYear: 2020, baselineValue: 70 };
    const byStatus = { achieved: 1, on_track: 2, needs_acceleration: 1, limited: 0, regressing: 0, missed: 0, insufficient_data: 0 };
    const e = entry('K1', { code: 'digitalization_rate', nameZh: '规上企业数字化覆盖率', nameEn: 'Digitalisation', unit: '%', kind: 'percent' },
      { ...scopeBase, kind: 'park_class', label: '每个国家高新区', parkLevel: 'national' }, target, [{ year: 2025, value: 81.9 }], { direction: 'up', currentYear: 2026 },
      { parkClass: { parks: 4, withData: 4, byStatus, weakest: [{ parkId: 5, parkName: '嘉兴高新区', status: 'needs_acceleration', latestYear: 2025, latestValue: 81.9, gap: 8.1, gapRelative: 0.09 }] } });
    expect(e.status).toBe('needs_acceleration');
    expect(targetSentence(e)).toBe('每个国家高新区: 共4个园区, 其中已达成1个、按期推进2个、需加快1个。'
      + '截至2025年, 进展最弱的嘉兴高新区规上企业数字化覆盖率为81.9%, 距2027年目标不低于90%尚差8.1个百分点; 按2020年以来年均提高2.38个百分点的速度, 预计2027年为86.66%, 需年均提高4.05个百分点方可达成。');
  });

  it('writes each comparator as a policy does', () => {
    const g = (comparator: ProgressTarget['comparator'], targetValue: number, unit: string) => goalPhrase({ comparator, targetValue, unit, scope: province });
    expect([g('about', 8, '%'), g('at_least', 1000, '家'), g('more_than', 50, '%'), g('at_most', 10, '名'), g('at_most', 0, '家'), g('less_than', 5, '%')])
      .toEqual(['约8%', '不低于1,000家', '超过50%', '前10名', '不高于0家', '低于5%']);
    expect(goalPhrase({ comparator: 'at_least', targetValue: 11, unit: '个', scope: cities })).toBe('全覆盖');
    expect([changeVerb(-0.8, '名'), changeVerb(0.8, '名'), changeVerb(3, '亿元'), changeVerb(-3, '家'), changeVerb(0.2, '万元/亩')]).toEqual(['提升', '下降', '增加', '减少', '提高']);
  });
});

describe('the overall picture', () => {
  const held = entry('T7.1', RANK, park('杭州高新区(滨江)'), { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2016, baselineValue: 3 }, [{ year: 2023, value: 5 }], { direction: 'down', currentYear: 2024 });
  const stale = entry('T7.2', RANK, park('宁波高新区'), { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 }, [{ year: 2021, value: 13 }], { direction: 'down', currentYear: 2026 });
  const lagging = entry('T1', RD, province, rdTarget, [{ year: 2020, value: 6, ...all8 }, { year: 2023, value: 6.7857, ...all8 }, { year: 2024, value: 7.64, parksIncluded: 1, parksExpected: 8 }], { direction: 'up', currentYear: 2025 });
  const empty = entry('T3', SHARE, province, { comparator: 'more_than', targetValue: 50, targetYear: 2025 }, [], { direction: 'up', currentYear: 2026 });

  it('counts every status of the scale, held targets as 保持', () => {
    const tally = statusTally([held, stale, lagging, empty]);
    expect(tally.map((r) => [r.word, r.count])).toEqual([
      ['已达成', 0], ['保持', 1], ['按期推进', 0], ['需加快', 1], ['进展有限', 0], ['退步', 0], ['未达成', 0], ['数据不足', 2],
    ]);
    expect(tally.find((r) => r.key === 'insufficient_data')!.codes).toEqual(['T7.2', 'T3']);
  });

  it('says it in plain sentences: how many, where, which need attention, why some cannot be judged', () => {
    expect(overviewParagraph([held, stale, lagging, empty])).toBe('本报告共监测目标4项, 其中保持1项、需加快1项、数据不足2项。'
      + '需重点关注的目标: R&D经费支出占GDP比重(T1, 需加快)。'
      + '数据不足的2项目标中, 尚无数据1项、数据过旧1项; 补齐所缺数据后方可判断进展, 所缺数据见各目标一节。'
      + '另有1项目标的最近一年仅部分园区报送 (暂定), 不据此判断状态。');
    expect(overviewParagraph([])).toBe('没有符合条件的目标。');
  });
});

describe('title, date and file name', () => {
  it('dates the report in China Standard Time', () => {
    expect(dataDateLine(2025, new Date('2026-12-06T03:00:00Z'))).toBe('数据截至2025年, 2026年12月6日生成');
    // 17:00 UTC is already the next morning in the province.
    expect(dataDateLine(2025, new Date('2026-12-06T17:00:00Z'))).toBe('数据截至2025年, 2026年12月7日生成');
    expect(chinaDate(new Date('2026-12-31T16:30:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(dataDateLine(null, new Date('2026-12-06T03:00:00Z'))).toBe('尚无数据, 2026年12月6日生成');
  });

  it('numbers sections the Chinese way', () => {
    expect([1, 10, 11, 20, 25, 100, 105, 110, 341].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十五', '一百', '一百零五', '一百一十', '三百四十一']);
  });

  it('names the province in the title and the file', () => {
    expect(reportTitle('浙江省')).toBe('浙江省高新区发展目标进展监测报告');
    expect(reportTitle(null)).toBe('高新区发展目标进展监测报告');
    expect(reportFileName('浙江省', new Date('2026-12-06T03:00:00Z'))).toBe('浙江省高新区发展目标进展监测报告-2026-12-06.docx');
  });
});
