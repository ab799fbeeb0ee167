import { describe, expect, it } from 'vitest';
import { computeProgress, type ProgressTarget } from './progress.ts';
import { paceText, readings } from './readings.ts';
import { formatYears, statusCell, missingPhrase, progressShare, reasonText, stateNotes, statusBadge, type ReadableProgress } from './state-notes.ts';
import { findIndicator } from './indicators.ts';

/** The names the server sends with what is missing (from the catalogue, as listTargets does). */
const named = (...codes: string[]) => codes.map((code) => {
  const i = findIndicator(code)!;
  return { code, nameZh: i.nameZh, nameEn: i.nameEn };
});


const entryOf = (target: ProgressTarget, progress: ReturnType<typeof computeProgress>, unit: string, scopeKind = 'province_aggregate'): ReadableProgress => ({
  ...progress, comparator: target.comparator, targetValue: target.targetValue, targetYear: target.targetYear, unit, scope: { kind: scopeKind }, aggregate: null,
});

const rdTarget: ProgressTarget = { comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 };

describe('what the views say beside a status', () => {
  it('shows an incomplete later year as provisional, with its parks, and never as the status (example G)', () => {
    const p = computeProgress(rdTarget, [
      { year: 2020, value: 6, parksIncluded: 8, parksExpected: 8 },
      { year: 2023, value: (380 / 5600) * 100, parksIncluded: 8, parksExpected: 8 },
      { year: 2024, value: (24.5 / 320.6) * 100, parksIncluded: 1, parksExpected: 8 },
    ], { direction: 'up', currentYear: 2026 });
    const e = entryOf(rdTarget, p, '%');
    expect(statusBadge(e)).toBe('需加快');
    expect(stateNotes(e)).toEqual([{ key: 'provisional', text: '2024年暂定: 7.64% (1/8 园区)' }, { key: 'awaiting', text: '待2025年数据' }]);
    expect(stateNotes(e, 'en')[0]!.text).toBe('2024 provisional: 7.64% (1 of 8 zones)');
  });

  it('names the parks, years and figures missing when no year is complete', () => {
    const p = computeProgress(rdTarget, [{ year: 2025, value: 7.64, parksIncluded: 1, parksExpected: 8 }],
      { direction: 'up', currentYear: 2026, indicators: named('rd_spending', 'gdp') });
    const e = entryOf(rdTarget, { ...p, missing: { ...p.missing!, parks: [{ id: 3, name: '温州高新区' }, { id: 4, name: '绍兴高新区' }, { id: 5, name: '衢州高新区' }], parksTotal: 7 } }, '%');
    expect(statusBadge(e)).toBe('数据不足');
    expect(reasonText(e)).toBe('数据不完整: 缺少 温州高新区、绍兴高新区 等7个园区 2025年 R&D经费支出、地区生产总值');
    expect(reasonText(e, 'en')).toBe('Incomplete: missing R&D spending, GDP from 温州高新区, 绍兴高新区 and 5 more zones for 2025');
    expect(stateNotes(e).map((n) => n.text)).toEqual([
      '数据不完整: 缺少 温州高新区、绍兴高新区 等7个园区 2025年 R&D经费支出、地区生产总值',
      '2025年暂定: 7.64% (1/8 园区)',
    ]);
  });

  it('says stale figures are too old, with what they said then (example H)', () => {
    const target: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 };
    const e = entryOf(target, computeProgress(target, [{ year: 2021, value: 13 }], { direction: 'down', currentYear: 2026, indicators: named('national_rank') }), '名', 'park');
    expect(reasonText(e)).toBe('数据过旧: 最新为2021年; 2021年时按期推进, 此后无数据');
    expect(reasonText(e, 'en')).toBe('Data too old: the latest is from 2021; on track as of 2021, no figures since');
    const texts = readings(e).map((r) => r.text);
    expect(texts[0]).toBe('数据过旧: 最新为2021年; 2021年时按期推进, 此后无数据。');
    expect(texts).toContain('截至2021年, 实际每年提升 2名, 按期需要每年提升 1名, 实际速度是所需速度的 200%。');
    // No projection and no pace asked "from now" out of five-year-old figures.
    expect(readings(e).map((r) => r.key)).not.toContain('projection');
    expect(readings(e).map((r) => r.key)).not.toContain('needed');
  });

  it('reads a held rank as 保持, without a percentage (example F)', () => {
    const target: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2016, baselineValue: 3 };
    const e = entryOf(target, computeProgress(target, [{ year: 2023, value: 5 }], { direction: 'down', currentYear: 2024 }), '名', 'park');
    expect(statusBadge(e)).toBe('保持');
    expect(statusBadge(e, 'en')).toBe('Held');
    expect(progressShare(e)).toBeNull();
    expect(stateNotes(e)).toEqual([{ key: 'held', text: '已达成, 自基期起保持' }]);
    expect(readings(e)[0]!.text).toBe('已达成: 2023年为 5名(基期: 2016年 3名), 目标为2025年前10名, 基期即已达标并保持至今。');
  });

  it('says by how much a value inside the tolerance is short of the exact target (rule 5)', () => {
    const e = entryOf(rdTarget, computeProgress(rdTarget, [{ year: 2020, value: 6 }, { year: 2024, value: 7.64 }], { direction: 'up', currentYear: 2025 }), '%');
    expect(statusBadge(e)).toBe('已达成');
    expect(stateNotes(e)).toEqual([{ key: 'tolerance', text: '在目标容差内 (距8%差0.36个百分点)' }]);
  });

  it('reads progress beyond the whole distance as 已超额, never 200% (rule 6)', () => {
    expect(progressShare({ progress: 2, held: false })).toBe('已超额');
    expect(progressShare({ progress: 2, held: false }, 'en')).toBe('exceeded');
    expect(progressShare({ progress: 0.3929, held: false })).toBe('39%');
    expect(progressShare({ progress: 0.3, held: true })).toBeNull();
  });

  it('gives ranks whole numbers and paces in words, never a negative speed (rule 6)', () => {
    expect(paceText(-0.71, '名')).toBe('每年提升 0.7名');
    expect(paceText(0.5, '名')).toBe('每年下降 0.5名');
    expect(paceText(0.2619, '%')).toBe('每年提高 0.26个百分点');
    expect(paceText(-15, '家')).toBe('每年降低 15家');
    const target: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2016, baselineValue: 17 };
    const e = entryOf(target, computeProgress(target, [{ year: 2020, value: 15 }, { year: 2021, value: 13 }], { direction: 'down', currentYear: 2022 }), '名', 'park');
    // Values are whole; only paces (每年提升 0.7名) keep a decimal.
    const text = readings(e).filter((r) => r.key !== 'pace' && r.key !== 'needed').map((r) => r.text).join('\n');
    expect(text).not.toMatch(/\d\.\d+名/);
    expect(text).toContain('按期此时应达到 13名');
    expect(text).toContain('预计达到 10名');
  });

  it('writes years and what is missing the way people write them', () => {
    expect(formatYears([2023, 2024, 2025])).toBe('2023—2025年');
    expect(formatYears([2021, 2023])).toBe('2021、2023年');
    expect(formatYears([2025], 'en')).toBe('2025');
    expect(missingPhrase({ indicators: ['hte_count'], indicatorNames: named('hte_count'), parks: [], parksTotal: 0, regions: [{ code: '330000', name: '浙江省' }], years: [2024] }))
      .toBe('浙江省全省合计 2024年 国家高新技术企业数');
  });

  it('asks a planner to define a region set that is not defined yet', () => {
    const e = { ...entryOf(rdTarget, computeProgress(rdTarget, [], { direction: 'up', currentYear: 2026 }), '个', 'coverage'), statusReason: 'no_region_set' as const };
    expect(reasonText(e)).toBe('尚未确定需覆盖的区域名单: 请规划人员先设定名单');
  });
});

describe('a status in a table cell', () => {
  it('says held targets and the reason of insufficient data in a few words', () => {
    expect(statusCell({ status: 'achieved', held: true, statusReason: null })).toBe('保持');
    expect(statusCell({ status: 'insufficient_data', held: false, statusReason: 'stale' })).toBe('数据不足 · 数据过旧');
    expect(statusCell({ status: 'insufficient_data', held: false, statusReason: 'incomplete' }, 'en')).toBe('Insufficient data · incomplete');
    expect(statusCell({ status: 'on_track', held: false, statusReason: null })).toBe('按期推进');
  });
});
