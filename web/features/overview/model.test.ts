import { describe, expect, it } from 'vitest';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { fixedTranslator } from '../../lib/i18n.ts';
import commonEn from '../../lib/locales/common/en.ts';
import commonZh from '../../lib/locales/common/zh.ts';
import en from './locales/en.ts';
import zh from './locales/zh.ts';
import { aggregateNotes, classNotes, coverageNotes, entryNotes, groupByPlan, insufficientByReason, mostLackData, sourceTitle } from './model.ts';

const t = fixedTranslator('zh', { overview: zh, common: commonZh }, ['overview', 'common']);
const tEn = fixedTranslator('en', { overview: en, common: commonEn }, ['overview', 'common']);

const planA = { id: 1, code: 'A', title: '实施意见' };
const planB = { id: 2, code: 'B', title: '高新区2.0版' };

function entry(over: Partial<ProgressEntryT> & { id: number }): ProgressEntryT {
  return {
    code: `T${over.id}`, plan: planA,
    indicator: { code: 'x', nameZh: '指标', nameEn: 'x', unit: '%', kind: 'percent' },
    scope: { kind: 'park', label: '某高新区', parkId: 1, parkName: '某高新区', regionCode: null, regionName: null, parkLevel: null, regionSetLabel: null, regions: [] },
    comparator: 'at_least', tolerance: null, targetValue: 1, targetYear: 2027, unit: '%', quote: null, source: null,
    coverage: null, aggregate: null, parkClass: null,
    status: 'insufficient_data', attained: null, direction: 'up', latestYear: null, latestValue: null,
    baselineYear: null, baselineValue: null, progress: null, elapsed: null, expected: null, gap: null, gapRelative: null,
    requiredPace: null, observedPace: null, paceRatio: null, neededPaceFromNow: null, neededGrowthRateFromNow: null,
    projected: null, projectedAttained: null, projectedGap: null, awaitingFinal: false,
    statusReason: null, lastKnownStatus: null, held: false, shortOfExact: null, provisionalLatest: null, missing: null,
    ...over,
  };
}

const region = (name: string) => ({ code: name, name });

describe('groupByPlan', () => {
  it('groups targets under their plan, keeping the API’s order of plans and targets', () => {
    const groups = groupByPlan([entry({ id: 1 }), entry({ id: 2, plan: planB }), entry({ id: 3 })]);
    expect(groups.map((g) => [g.plan.title, g.entries.map((e) => e.code)])).toEqual([
      ['实施意见', ['T1', 'T3']],
      ['高新区2.0版', ['T2']],
    ]);
  });

  it('gives no groups for no targets', () => {
    expect(groupByPlan([])).toEqual([]);
  });
});

describe('coverageNotes', () => {
  it('counts covered regions and names the uncovered ones', () => {
    const notes = coverageNotes({
      asOfYear: 2024, regionsTotal: 11, coveredCount: 7, covered: [],
      uncovered: ['金华市', '舟山市', '台州市', '丽水市'].map(region),
    }, t, 'zh');
    expect(notes.map((n) => n.text)).toEqual(['已覆盖 7/11', '未覆盖：金华市、舟山市、台州市、丽水市']);
    expect(notes[0]!.title).toContain('2024年');
    expect(notes[1]!.tone).toBe('warn');
  });

  it('says so when every region is covered', () => {
    const notes = coverageNotes({ asOfYear: 2024, regionsTotal: 2, coveredCount: 2, covered: [], uncovered: [] }, t, 'zh');
    expect(notes.map((n) => n.text)).toEqual(['已覆盖 2/2', '已全部覆盖']);
  });

  it('does not claim 0/0 when the region set has not been entered', () => {
    const notes = coverageNotes({ asOfYear: 2024, regionsTotal: 0, coveredCount: 0, covered: [], uncovered: [] }, t, 'zh');
    expect(notes.map((n) => n.text)).toEqual(['覆盖名单未录入']);
  });
});

describe('aggregateNotes', () => {
  const base = {
    year: 2023, parksIncluded: 5, parksExpected: 8, provisional: false, numerator: 1, denominator: 2,
    extraNeeded: null, extraNeededUnit: null, excluded: [],
  };

  it('shows how many parks the aggregate includes', () => {
    expect(aggregateNotes(base, t).map((n) => n.text)).toEqual(['纳入园区 5/8']);
  });

  it('without a complete year counts no parks (the provisional year is said beside the status), and names the parks it could not include, with why', () => {
    const notes = aggregateNotes({
      ...base, year: null, parksIncluded: 0, provisional: true,
      excluded: [
        { parkId: 1, parkName: '杭州高新区(滨江)', year: 2020, reason: 'missing_denominator', reportedValue: 10.02 },
        { parkId: 6, parkName: '萧山临江高新区', year: 2021, reason: 'ratio_only', reportedValue: 4.43 },
      ],
    }, t);
    expect(notes.map((n) => n.text)).toEqual(['2 个园区的数据无法计入']);
    expect(notes[0]!.title).toBe('杭州高新区(滨江)（2020年）：缺少分母\n萧山临江高新区（2021年）：只报了比值，没有分子和分母');
  });
});

describe('classNotes', () => {
  const weak = (parkId: number, parkName: string, status: 'missed' | 'limited' | 'on_track') => ({ parkId, parkName, status, latestYear: 2024, latestValue: 1, gap: 1, gapRelative: 0.5 });
  const byStatus = { achieved: 1, on_track: 2, needs_acceleration: 0, limited: 1, regressing: 0, missed: 1, insufficient_data: 2 };

  it('counts the parks that are fine, those without figures, and names the weakest two', () => {
    const notes = classNotes({ parks: 7, withData: 5, byStatus, weakest: [weak(4, '丁园区', 'missed'), weak(2, '乙园区', 'limited'), weak(3, '丙园区', 'on_track')] }, t, 'zh');
    expect(notes.map((n) => [n.text, n.tone])).toEqual([['3/7 个园区已达成或按期推进', 'warn'], ['2 个园区数据不足', 'warn'], ['最弱: 丁园区、乙园区', 'warn']]);
    expect(notes[2]!.title).toBe('丁园区: 未达成\n乙园区: 进展有限');
    expect(classNotes({ parks: 7, withData: 5, byStatus, weakest: [weak(4, 'Ding', 'missed')] }, tEn, 'en')[0]!.text).toBe('3 of 7 parks achieved or on track');
  });

  it('says nothing of the weakest when every park with figures is fine', () => {
    const fine = { ...byStatus, limited: 0, missed: 0, insufficient_data: 0 };
    expect(classNotes({ parks: 3, withData: 3, byStatus: fine, weakest: [weak(1, '甲', 'on_track')] }, t, 'zh').map((n) => [n.text, n.tone])).toEqual([['3/3 个园区已达成或按期推进', 'plain']]);
  });
});

describe('entryNotes', () => {
  it('leaves what the status rests on (awaited figures, reasons) to the state notes, and a set not yet defined to its reason', () => {
    expect(entryNotes(entry({ id: 1, targetYear: 2025, awaitingFinal: true }), t, 'zh')).toEqual([]);
    const coverage = { asOfYear: 2024, regionsTotal: 0, coveredCount: 0, covered: [], uncovered: [] };
    expect(entryNotes(entry({ id: 1, coverage }), t, 'zh')).toEqual([]);
  });
});

describe('sourceTitle', () => {
  const source = { code: 'S', title: '《实施意见》', publisher: null, publishedOn: '2024-09-24', url: null, reliability: 'official' as const };

  it('names the source and its date', () => {
    expect(sourceTitle(source, t)).toBe('来源：《实施意见》（2024-09-24）');
    expect(sourceTitle({ ...source, publisher: '浙江省人民政府' }, t)).toBe('来源：《实施意见》（浙江省人民政府，2024-09-24）');
    expect(sourceTitle({ ...source, publishedOn: null }, t)).toBe('来源：《实施意见》');
    expect(sourceTitle(null, t)).toBeUndefined();
  });
});

describe('what lacks data', () => {
  it('counts the targets without a status by reason, in the order a planner takes them up', () => {
    const list = [
      entry({ id: 1, statusReason: 'stale' }), entry({ id: 2, statusReason: 'incomplete' }), entry({ id: 3, statusReason: 'incomplete' }),
      entry({ id: 4, status: 'on_track' }), entry({ id: 5, statusReason: 'no_region_set' }),
    ];
    expect(insufficientByReason(list)).toEqual([{ reason: 'incomplete', count: 2 }, { reason: 'stale', count: 1 }, { reason: 'no_region_set', count: 1 }]);
    expect(mostLackData(list)).toBe(true);
    expect(mostLackData([entry({ id: 1 }), entry({ id: 2, status: 'achieved' }), entry({ id: 3, status: 'on_track' })])).toBe(false);
    expect(mostLackData([])).toBe(false);
  });
});
