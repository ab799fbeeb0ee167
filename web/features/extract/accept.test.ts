import { describe, expect, it } from 'vitest';
import type { ExtractCandidateT, TargetDraftT } from '../../../shared/schemas.ts';
import type { RuleIndicator } from '../../../shared/target-rules.ts';
import { buildAcceptRequest, formOf, placeQuote, problemsByCandidate, targetsOf, validateForm, withAlternatives, type CandidateForm } from './accept.ts';
import { marksOf } from './highlight.ts';

const TEXT = '到2025年,高新区R&D经费支出占GDP比重达到8%左右;杭州、宁波国家高新区进入全国前10;实现设区市国家高新区全覆盖。';
const CATALOGUE = new Map<string, RuleIndicator>([
  ['rd_intensity', { code: 'rd_intensity', nameZh: 'R&D经费支出占GDP比重', nameEn: 'R&D intensity', unit: '%', kind: 'ratio' }],
  ['national_rank', { code: 'national_rank', nameZh: '全国排名', unit: '名', kind: 'rank' }],
  ['city_coverage_national', { code: 'city_coverage_national', nameZh: '设区市国家高新区覆盖数', unit: '个', kind: 'coverage' }],
  ['tax_revenue', { code: 'tax_revenue', nameZh: '税收', unit: '亿元', kind: 'amount' }],
]);

function draft(extra: Partial<TargetDraftT>): TargetDraftT {
  return {
    indicator: 'rd_intensity', scope: 'province_aggregate', comparator: 'about', targetValue: 8, tolerance: 0.05, unit: '%', targetYear: 2025,
    baselineYear: null, baselineValue: null, quote: '', quoteStart: 0, quoteEnd: 0, quoteLocation: '第1段', note: null, missing: [], ...extra,
  };
}

function candidate(id: string, quote: string, drafts: TargetDraftT[], extra: Partial<ExtractCandidateT> = {}): ExtractCandidateT {
  const start = TEXT.indexOf(quote);
  const span = { start, end: start + quote.length };
  return {
    id, span, quote,
    indicator: { code: drafts[0]!.indicator, nameZh: null, unit: null, phrase: quote, span, inherited: false, relatedCode: null },
    comparator: drafts[0]!.comparator, value: drafts[0]!.targetValue ?? null, unit: drafts[0]!.unit ?? null, tolerance: drafts[0]!.tolerance ?? null,
    stated: { text: '', span, value: null, unit: null }, allOfSet: false, change: null, annual: false, cumulative: false, targetYear: 2025,
    year: { year: 2025, text: '到2025年', span: { start: 0, end: 6 }, rule: 'absolute', explanation: '' }, baseline: null, scopeWords: null,
    scope: { kind: drafts[0]!.scope, words: null, span: null, inherited: false, parkLevel: null, places: [], regionSet: null },
    confidence: 0.95, reasons: [],
    drafts: drafts.map((d) => ({ ...d, quote, quoteStart: span.start, quoteEnd: span.end, extraction: { candidateId: id, confidence: 0.95 } })),
    ...extra,
  };
}

const rd = candidate('c1', '到2025年,高新区R&D经费支出占GDP比重达到8%左右', [draft({ regionCode: '330000', parkLevel: 'provincial', subjectLabel: '高新区' })]);
const rank = candidate('c2', '杭州、宁波国家高新区进入全国前10', [
  draft({ indicator: 'national_rank', scope: 'park', comparator: 'at_most', targetValue: 10, tolerance: null, unit: '名', parkId: 1, subjectLabel: '杭州高新区(滨江)' }),
  draft({ indicator: 'national_rank', scope: 'park', comparator: 'at_most', targetValue: 10, tolerance: null, unit: '名', parkId: null, subjectLabel: '宁波', missing: ['parkId'] }),
]);
const coverage = candidate('c3', '实现设区市国家高新区全覆盖', [
  draft({ indicator: 'city_coverage_national', scope: 'coverage', comparator: 'at_least', targetValue: null, tolerance: null, unit: '个', regionCode: '330000', parkLevel: 'national', regionSetLabel: '设区市', regionCodes: ['330100', '330200'] }),
]);
const unknown = candidate('c4', '进入全国前10', [draft({ indicator: null, scope: 'park', comparator: 'at_most', targetValue: 10, tolerance: null, unit: '名', parkId: null, missing: ['indicator', 'parkId'] })]);

const codes = (form: CandidateForm) => validateForm(form, CATALOGUE).map((i) => `${i.field}:${i.code}`);

describe('formOf', () => {
  it('fills the form from the drafts, the tolerance in percent and one park per draft', () => {
    expect(formOf(rd)).toMatchObject({ indicator: 'rd_intensity', comparator: 'about', targetValue: '8', unit: '%', targetYear: '2025', tolerance: '5', scope: 'province_aggregate', parkLevel: 'provincial', parkIds: [] });
    expect(formOf(rank)).toMatchObject({ scope: 'park', parkIds: [1, null], parkWords: ['杭州高新区(滨江)', '宁波'], tolerance: '' });
    expect(formOf(coverage)).toMatchObject({ targetValue: '', regionCodes: ['330100', '330200'], regionSetLabel: '设区市', parkLevel: 'national' });
    expect(formOf(unknown).indicator).toBe('');
  });
});

describe('validateForm', () => {
  it('passes a complete candidate', () => {
    expect(codes(formOf(rd))).toEqual([]);
    expect(codes(formOf(coverage))).toEqual([]);
  });

  it('names what the planner still has to fill: the unknown indicator, the unmatched park', () => {
    expect(codes(formOf(unknown))).toEqual(['indicator:indicator_required', 'parkIds:park_required']);
    expect(codes(formOf(rank))).toEqual(['parkIds:park_required']);
    expect(codes({ ...formOf(rd), indicator: 'no_such' })).toEqual(['indicator:unknown_indicator']);
  });

  it('checks numbers, units, years and the tolerance', () => {
    expect(codes({ ...formOf(rd), targetValue: '' })).toEqual(['targetValue:value_required']);
    expect(codes({ ...formOf(rd), targetValue: '八' })).toEqual(['targetValue:not_a_number']);
    expect(codes({ ...formOf(rd), targetValue: '-1' })).toEqual(['targetValue:negative']);
    expect(codes({ ...formOf(rd), unit: '亿元' })).toEqual(['unit:wrong_unit']);
    expect(codes({ ...formOf(rd), targetYear: '25' })).toEqual(['targetYear:year_invalid']);
    expect(codes({ ...formOf(rd), tolerance: '150' })).toEqual(['tolerance:tolerance_invalid']);
    expect(codes({ ...formOf(rd), tolerance: '' })).toEqual([]);
    expect(codes({ ...formOf(rd), baselineValue: '6.2' })).toEqual(['baselineYear:baseline_year_required']);
    expect(codes({ ...formOf(rd), baselineValue: '6.2', baselineYear: '2025' })).toEqual(['baselineYear:baseline_not_before_target']);
  });

  it('keeps coverage indicators with coverage scopes and asks for the set and level', () => {
    expect(codes({ ...formOf(coverage), scope: 'park_class' })).toEqual(['scope:scope_mismatch', 'targetValue:value_required']);
    expect(codes({ ...formOf(coverage), regionCodes: [], parkLevel: '' })).toEqual(['parkLevel:level_required', 'regionCodes:regions_required']);
    expect(codes({ ...formOf(rd), scope: '' })).toEqual(['scope:scope_required']);
  });

  it('says what is wrong in Chinese and English', () => {
    expect(validateForm({ ...formOf(rd), targetValue: '-1' }, CATALOGUE)[0]!.message).toEqual({ zh: '“R&D经费支出占GDP比重”不能为负数', en: 'R&D intensity must not be negative' });
  });
});

describe('placeQuote', () => {
  const span = { start: 3, end: 6 };
  it('keeps, shifts or finds the words in the plan’s text', () => {
    expect(placeQuote('abc', span, 'xx abc', 'xx abc')).toEqual(span);
    expect(placeQuote('abc', span, 'xx abc', '前言\nxx abc 后记')).toEqual({ start: 6, end: 9 });
    expect(placeQuote('abc', { start: 10, end: 13 }, 'other abc', 'abc ... abc here abc')).toEqual({ start: 8, end: 11 });
    expect(placeQuote('abc', span, 'xx abc', 'nothing like it')).toBeNull();
    expect(placeQuote('abc', span, 'xx abc', null)).toBeNull();
  });
});

describe('buildAcceptRequest', () => {
  const forms = { c1: formOf(rd), c2: { ...formOf(rank), parkIds: [1, 2] }, c3: formOf(coverage), c4: formOf(unknown) };
  const plan = { title: ' 实施意见 ', issuer: '浙江省人民政府', documentNumber: '', issuedOn: '2021-06-01', url: '', regionCode: '330000' };

  it('accepts the checked candidates into a new plan in one request, with the corrected values and their quotes', () => {
    const result = buildAcceptRequest({
      text: TEXT, candidates: [rd, rank, coverage, unknown], forms: { ...forms, c1: { ...forms.c1, targetValue: '8.5' } },
      checked: new Set(['c1', 'c2', 'c3']), catalogue: CATALOGUE, destination: { kind: 'new', plan },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.path).toBe('/api/plans');
    const body = result.request.body as { title: string; documentNumber: string | null; documentText: string; targets: Record<string, unknown>[] };
    expect([body.title, body.documentNumber, body.documentText]).toEqual(['实施意见', null, TEXT]);
    expect(body.targets.map((t) => [t.indicator, t.scope, t.parkId ?? null, t.targetValue, t.tolerance])).toEqual([
      ['rd_intensity', 'province_aggregate', null, 8.5, 0.05],
      ['national_rank', 'park', 1, 10, null],
      ['national_rank', 'park', 2, 10, null],
      ['city_coverage_national', 'coverage', null, null, null],
    ]);
    for (const t of body.targets) expect(TEXT.slice(t.quoteStart as number, t.quoteEnd as number)).toBe(t.quote);
    expect(body.targets[1]!.subjectLabel).toBe('杭州高新区(滨江)');
    expect(body.targets[2]!.subjectLabel).toBeUndefined(); // the planner chose the park: the API names it
    expect(body.targets[3]).toMatchObject({ regionCodes: ['330100', '330200'], parkLevel: 'national', regionSetLabel: '设区市' });
    expect(body.targets[0]!.extraction).toEqual({ candidateId: 'c1', confidence: 0.95 });
    expect(result.items).toEqual([{ candidateId: 'c1', part: 0 }, { candidateId: 'c2', part: 0 }, { candidateId: 'c2', part: 1 }, { candidateId: 'c3', part: 0 }]);
    expect(result.unplaced).toEqual([]);
  });

  it('adds to an existing plan through POST /api/targets, placing the quotes in its text', () => {
    const result = buildAcceptRequest({
      text: TEXT, candidates: [rd], forms, checked: new Set(['c1']), catalogue: CATALOGUE, reason: ' 据文件录入 ',
      destination: { kind: 'existing', planId: 7, documentText: `前言。\n${TEXT}` },
    });
    if (!result.ok) throw new Error('refused');
    expect(result.request).toMatchObject({ path: '/api/targets', body: { planId: 7, reason: '据文件录入', targets: [{ quoteStart: rd.span.start + 4, quoteEnd: rd.span.end + 4 }] } });
    const none = buildAcceptRequest({ text: TEXT, candidates: [rd], forms, checked: new Set(['c1']), catalogue: CATALOGUE, destination: { kind: 'existing', planId: 7, documentText: null } });
    if (!none.ok) throw new Error('refused');
    expect(none.unplaced).toEqual(['c1']);
    expect((none.request.body as { targets: { quote: string; quoteStart: number | null }[] }).targets[0]).toMatchObject({ quote: rd.quote, quoteStart: null });
  });

  it('sends nothing while a checked card has a problem, and says which', () => {
    const result = buildAcceptRequest({ text: TEXT, candidates: [rd, unknown], forms, checked: new Set(['c1', 'c4']), catalogue: CATALOGUE, destination: { kind: 'new', plan } });
    expect(result).toMatchObject({ ok: false, empty: false, issues: { c4: [{ field: 'indicator', code: 'indicator_required' }, { field: 'parkIds', code: 'park_required' }] } });
    if (result.ok) throw new Error('accepted');
    expect(Object.keys(result.issues)).toEqual(['c4']);
    expect(result.issues.c4).toHaveLength(2);
    expect(buildAcceptRequest({ text: TEXT, candidates: [rd], forms, checked: new Set(), catalogue: CATALOGUE, destination: { kind: 'new', plan } })).toEqual({ ok: false, issues: {}, empty: true });
  });
});

describe('problemsByCandidate', () => {
  it('puts each problem of the batch on the card it came from; plan fields are general', () => {
    const items = [{ candidateId: 'c1', part: 0 }, { candidateId: 'c2', part: 0 }, { candidateId: 'c2', part: 1 }];
    expect(problemsByCandidate([
      { path: 'targets.2.parkId', message: '园区 999 不存在' },
      { path: 'targets.0.unit', message: '单位不对' },
      { path: 'title', message: '请填写标题' },
      { path: 'targets.9.unit', message: '?' },
    ], items)).toEqual({
      byCandidate: { c2: [{ field: 'parkId', message: '园区 999 不存在', part: 1 }], c1: [{ field: 'unit', message: '单位不对', part: 0 }] },
      general: [{ field: 'title', message: '请填写标题' }, { field: 'targets.9.unit', message: '?' }],
    });
  });
});

describe('targetsOf', () => {
  it('drops the tolerance of a comparator that is not about', () => {
    expect(targetsOf(rd, { ...formOf(rd), comparator: 'at_least' }, rd.span)[0]).toMatchObject({ comparator: 'at_least', tolerance: null });
  });
});

describe('a target said twice: its 力争 value', () => {
  const text = '到2027年,高新技术企业数量达到3万家以上、力争达到3.5万家';
  const catalogue = new Map<string, RuleIndicator>([...CATALOGUE, ['hte_count', { code: 'hte_count', nameZh: '国家高新技术企业数', unit: '家', kind: 'count' }]]);
  const hteDraft = draft({ indicator: 'hte_count', scope: 'province_aggregate', comparator: 'at_least', targetValue: 30000, tolerance: null, unit: '家', targetYear: 2027, regionCode: '330000', parkLevel: 'provincial', stretchValue: 35000 });
  const hte = candidate('c5', text, [hteDraft], { span: { start: 0, end: text.length }, quote: text, stretchValue: 35000, alternativeOf: null, alternative: null });
  const stretchQuote = '力争达到3.5万家';
  const stretch = candidate('c6', stretchQuote, [hteDraft], {
    span: { start: text.indexOf(stretchQuote), end: text.length }, quote: stretchQuote, value: 35000, drafts: [], alternativeOf: 'c5', alternative: 'stretch', stretchValue: null,
  });

  it('puts the stretch value with the target it belongs to, and numbers the marks by target', () => {
    expect(withAlternatives([hte, stretch, rd]).map((g) => [g.candidate.id, g.alternatives.map((a) => a.id)])).toEqual([['c5', ['c6']], ['c1', []]]);
    // an alternative whose target is not in the list stands on its own
    expect(withAlternatives([stretch]).map((g) => g.candidate.id)).toEqual(['c6']);
    expect(marksOf({ candidates: [hte, stretch, rd], qualitative: [] }).map((m) => [m.key, m.label])).toEqual([['c5', '1'], ['c6', '1'], ['c1', '2']]);
    expect(formOf(hte).stretchValue).toBe('35000');
  });

  it('accepts one target with its stretch value kept, never the alternative on its own', () => {
    const result = buildAcceptRequest({
      text, candidates: [hte, stretch], forms: { c5: formOf(hte), c6: formOf(stretch) }, checked: new Set(['c5', 'c6']), catalogue,
      destination: { kind: 'new', plan: { title: '行动计划', issuer: '', documentNumber: '', issuedOn: '', url: '', regionCode: '330000' } },
    });
    expect(result).toMatchObject({ ok: true, items: [{ candidateId: 'c5', part: 0 }] });
    const body = (result as Extract<typeof result, { ok: true }>).request.body as { targets: Record<string, unknown>[] };
    expect(body.targets.map((t) => [t.indicator, t.targetValue, t.stretchValue])).toEqual([['hte_count', 30000, 35000]]);
  });

  it('checks the stretch value: a number, beyond the target', () => {
    const codesOf = (form: CandidateForm) => validateForm(form, catalogue).map((i) => `${i.field}:${i.code}`);
    expect(codesOf(formOf(hte))).toEqual([]);
    expect(codesOf({ ...formOf(hte), stretchValue: '2万' })).toEqual(['stretchValue:not_a_number']);
    expect(codesOf({ ...formOf(hte), stretchValue: '20000' })).toEqual(['stretchValue:stretch_not_beyond']);
  });
});
