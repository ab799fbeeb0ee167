import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../../shared/progress.ts';
import { readings } from './readings.ts';

// Worked example A of the progress method: R&D intensity ≈ 8% by 2025; 6.0% (2020) → 6.7857% (2023).
const progressA = computeProgress({ comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 },
  [{ year: 2020, value: 6 }, { year: 2023, value: (380 / 5600) * 100 }], { direction: 'up', currentYear: 2024 });
const entryA = {
  ...progressA, targetYear: 2025, targetValue: 8, comparator: 'about' as const, unit: '%',
  scope: { kind: 'province_aggregate' as const, label: '浙江省 高新区', parkId: null, parkName: null, regionCode: '330000', regionName: '浙江省', parkLevel: 'provincial' as const, regionSetLabel: null, regions: [] },
  aggregate: { year: 2023, parksIncluded: 8, parksExpected: 8, provisional: false, numerator: 380, denominator: 5600, extraNeeded: 68, extraNeededUnit: '亿元', excluded: [] },
};

describe('readings of worked example A', () => {
  const texts = Object.fromEntries(readings(entryA, { part: 'R&D经费支出', base: '地区生产总值' }).map((r) => [r.key, r.text]));

  it('says where it stands against a straight path', () => {
    expect(texts.status).toBe('2023年为 6.79%(基准: 2020年 6%), 距目标差 1.21个百分点; 已完成从基准到目标距离的 39%, 时间已过 60%, 按期此时应达到 7.2%。');
  });

  it('compares the pace with the pace needed', () => {
    expect(texts.pace).toBe('实际每年提高 0.26个百分点, 按期需要每年提高 0.4个百分点, 实际速度是所需速度的 65%。');
  });

  it('projects to the target year in the method’s words', () => {
    expect(texts.projection).toBe('按当前速度, 2025年预计达到 7.31%, 距目标差 0.69个百分点。');
  });

  it('says what pace is needed from now', () => {
    expect(texts.needed).toBe('要在2025年达到目标, 从现在起每年需提高 0.61个百分点。');
  });

  it('says what it would take, in money', () => {
    expect(texts.extra).toBe('按2023年的地区生产总值, 达到目标还需增加R&D经费支出 68亿元。');
  });

  it('reads in English too', () => {
    const en = Object.fromEntries(readings(entryA, { part: 'R&D spending', base: 'GDP' }, 'en').map((r) => [r.key, r.text]));
    expect(en.projection).toBe('At the current pace it would reach 7.31% by 2025, 0.69 pp short of the target.');
    expect(en.extra).toBe('At the GDP of 2023, reaching the target takes 6.8 bn yuan more R&D spending.');
  });
});

describe('readings of other cases', () => {
  it('speaks of ranks as places climbed', () => {
    const p = computeProgress({ comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 },
      [{ year: 2021, value: 13 }], { direction: 'down', currentYear: 2022 });
    const r = readings({ ...p, targetYear: 2025, targetValue: 10, comparator: 'at_most', unit: '名', scope: entryA.scope, aggregate: null });
    expect(r.find((x) => x.key === 'needed')!.text).toBe('要在2025年达到目标, 从现在起每年需提升 0.75名。');
  });

  it('says so when there is no data', () => {
    const p = computeProgress({ comparator: 'at_least', targetValue: 1, targetYear: 2025 }, [], { direction: 'up', currentYear: 2024 });
    expect(readings({ ...p, targetYear: 2025, targetValue: 1, comparator: 'at_least', unit: '家', scope: entryA.scope, aggregate: null }).map((r) => r.key)).toEqual(['data']);
  });

  it('flags a target year that has passed without its figures', () => {
    const p = computeProgress({ comparator: 'at_least', targetValue: 1000, targetYear: 2023, baselineYear: 2021, baselineValue: 802 },
      [{ year: 2021, value: 802 }], { direction: 'up', currentYear: 2026, compoundGrowth: true });
    const r = readings({ ...p, targetYear: 2023, targetValue: 1000, comparator: 'at_least', unit: '家', scope: entryA.scope, aggregate: null });
    expect(r.find((x) => x.key === 'awaiting')!.text).toBe('目标年份已过, 2023年的数据尚未报送; 状态按2021年的数据判断。');
  });
});
