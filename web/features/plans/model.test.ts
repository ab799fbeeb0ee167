import { describe, expect, it } from 'vitest';
import type { TargetRevisionT, TargetT } from '../../../shared/schemas.ts';
import { changeLines, EMPTY_PLAN, historyValue, horizonsOf, planBody, planFormOf, planIssues, planPatch, predecessorChoices, targetFormOf, targetPatch } from './model.ts';

const plan = { id: 3, code: 'PLAN-3', title: '实施意见', issuer: '浙江省人民政府', documentNumber: null, issuedOn: '2021-06-01', regionCode: '330000', url: null, note: null, source: null, targetCount: 2, version: 4, documentLength: 10 };

function target(extra: Partial<TargetT> = {}): TargetT {
  return {
    id: 5, code: 'T5', plan: { id: 3, code: 'PLAN-3', title: '实施意见' },
    indicator: { code: 'rd_intensity', nameZh: 'R&D经费支出占GDP比重', nameEn: 'R&D intensity', unit: '%', kind: 'ratio' },
    scope: { kind: 'province_aggregate', label: '浙江省高新区', parkId: null, parkName: null, regionCode: '330000', regionName: '浙江省', parkLevel: 'provincial', regionSetLabel: null, regions: [] },
    comparator: 'about', tolerance: 0.05, targetValue: 8, unit: '%', targetYear: 2025, baselineYear: null, baselineValue: null, quote: '达到8%左右',
    quoteLocation: '第1段', note: null, supersedesId: null, source: null, quoteStart: 0, quoteEnd: 6, version: 2, supersededById: null, supersedes: null, supersededBy: null,
    ...extra,
  };
}

describe('plan form', () => {
  it('sends empty fields as null and checks with the API’s schema', () => {
    expect(planBody({ ...EMPTY_PLAN, title: ' 新规划 ', issuer: ' ' })).toEqual({ title: '新规划', issuer: null, documentNumber: null, issuedOn: null, url: null, regionCode: '330000', note: null });
    expect(planIssues(planBody({ ...EMPTY_PLAN, title: 'x', url: 'not a url', issuedOn: '2021/6' })).map((i) => i.field)).toEqual(['title', 'issuedOn', 'url']);
    expect(planIssues(planBody({ ...EMPTY_PLAN, title: '实施意见' }))).toEqual([]);
  });

  it('patches only what changed', () => {
    expect(planPatch(plan, { ...planFormOf(plan), documentNumber: '浙政发〔2021〕12号', title: '实施意见' })).toEqual({ documentNumber: '浙政发〔2021〕12号' });
    expect(planPatch(plan, planFormOf(plan))).toEqual({});
  });
});

describe('targetPatch', () => {
  it('sends the changed fields with the version the edit was made on', () => {
    const t = target();
    const { patch, changed, issues } = targetPatch(t, { ...targetFormOf(t), targetValue: '8.5', reason: ' 常务会议调整 ' });
    expect(issues).toEqual([]);
    expect(changed).toEqual(['targetValue']);
    expect(patch).toEqual({ version: 2, targetValue: 8.5, reason: '常务会议调整' });
  });

  it('drops the tolerance when the comparator is no longer about, and reads the tolerance in percent', () => {
    const t = target();
    expect(targetFormOf(t).tolerance).toBe('5');
    expect(targetPatch(t, { ...targetFormOf(t), comparator: 'at_least' }).patch).toEqual({ version: 2, comparator: 'at_least', tolerance: null });
    expect(targetPatch(t, { ...targetFormOf(t), tolerance: '3' }).patch).toEqual({ version: 2, tolerance: 0.03 });
  });

  it('says what is wrong before sending', () => {
    const t = target();
    const codes = (form: Partial<ReturnType<typeof targetFormOf>>) => targetPatch(t, { ...targetFormOf(t), ...form }).issues.map((i) => `${i.field}:${i.code}`);
    expect(codes({ targetValue: '' })).toEqual(['targetValue:value_required']);
    expect(codes({ targetValue: 'abc' })).toEqual(['targetValue:not_a_number']);
    expect(codes({ targetYear: '20' })).toEqual(['targetYear:year_invalid']);
    expect(codes({ tolerance: '0' })).toEqual(['tolerance:tolerance_invalid']);
    expect(codes({ baselineValue: '6.2' })).toEqual(['baselineYear:baseline_year_required']);
    expect(codes({ baselineValue: '6.2', baselineYear: '2026' })).toEqual(['baselineYear:baseline_not_before_target']);
  });

  it('links to an earlier horizon by id', () => {
    expect(targetPatch(target(), { ...targetFormOf(target()), supersedesId: '2' }).patch).toEqual({ version: 2, supersedesId: 2 });
  });
});

describe('history', () => {
  it('writes each change as before → after in a planner’s words', () => {
    const revision: TargetRevisionT = {
      version: 2, action: 'update', before: {}, after: {}, reason: '调整', changedBy: 'planner1', changedAt: '2026-01-01T00:00:00Z',
      changes: [{ field: 'targetValue', before: 8, after: 8.5 }, { field: 'tolerance', before: 0.05, after: 0.03 }, { field: 'regionCodes', before: [], after: ['330100', '330200'] }],
    };
    expect(changeLines(revision)).toEqual([
      { field: 'targetValue', before: '8', after: '8.5' },
      { field: 'tolerance', before: '±5%', after: '±3%' },
      { field: 'regionCodes', before: '—', after: '330100、330200' },
    ]);
    const created: TargetRevisionT = { ...revision, version: 1, action: 'create', before: null, changes: [], after: { indicator: 'rd_intensity', comparator: 'about', targetValue: 8, tolerance: 0.05, targetYear: 2025, quote: null } };
    expect(changeLines(created).map((c) => `${c.field}=${c.after}`)).toEqual(['indicator=rd_intensity', 'comparator=about', 'targetValue=8', 'tolerance=±5%', 'targetYear=2025']);
    expect(historyValue('note', null)).toBe('—');
  });
});

describe('horizons', () => {
  const link = { id: 8, code: 'T8', targetYear: 2027, targetValue: 11, comparator: 'at_least' as const, unit: '个', plan: { id: 4, code: 'P4', title: '三年行动' } };
  it('puts the earlier horizon first, whichever side the target is on', () => {
    expect(horizonsOf(target({ supersededBy: link, supersededById: 8 }))).toMatchObject({ earlier: { code: 'T5', targetYear: 2025 }, later: { code: 'T8', targetYear: 2027 } });
    expect(horizonsOf(target({ id: 9, code: 'T9', targetYear: 2030, supersedes: link, supersedesId: 8 }))).toMatchObject({ earlier: { code: 'T8' }, later: { code: 'T9' } });
    expect(horizonsOf(target())).toBeNull();
  });

  it('offers as predecessors only earlier targets of the same indicator not yet replaced', () => {
    const t = target({ id: 10, targetYear: 2027 });
    const all = [target({ id: 1, targetYear: 2025 }), target({ id: 2, targetYear: 2027 }), target({ id: 3, targetYear: 2023, supersededById: 99 }),
      target({ id: 4, targetYear: 2024, indicator: { ...t.indicator, code: 'gdp' } }), t];
    expect(predecessorChoices(t, all).map((x) => x.id)).toEqual([1]);
  });
});
