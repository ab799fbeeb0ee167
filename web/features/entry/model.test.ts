import { describe, expect, it } from 'vitest';
import { findIndicator, ratioFromParts } from '../../../shared/indicators.ts';
import type { ValueProblemT } from '../../../shared/schemas.ts';
import {
  applyWritten, buildBatch, changedCount, checkBatch, comparedYear, conflictOf, draftOf, editRow, isJump, liveRatios, needsConfirmation, parseInput, plausibilityOf,
  problemsByRow, unitChoices, valueInIndicatorUnit, withoutWritten, type Sheet, type SheetRow,
} from './model.ts';
import { exactMeasured, numberText } from '../../lib/exact.ts';

const ref = (code: string, unit: string) => ({ code, nameZh: code, nameEn: code, unit, kind: 'amount', definitionZh: null });
const row = (code: string, unit: string, current: SheetRow['current'] = null, lastYear: SheetRow['lastYear'] = null): SheetRow =>
  ({ indicator: ref(code, unit), current, lastYear, targets: [] });
const stored = (id: number, value: number, version: number, status: 'draft' | 'submitted' | 'approved' = 'draft', note: string | null = null) =>
  ({ id, value, version, status, note, reviewComment: null, enteredBy: 'qiantang', enteredAt: '2026-01-01T00:00:00.000Z' });

function sheet(rows: SheetRow[]): Sheet {
  return {
    park: { id: 6, name: '萧山临江高新区', level: 'national', provinceCode: '330000', cityName: '杭州市' },
    year: 2022, round: null, canWrite: true, rows,
    derived: [
      { indicator: { code: 'rd_intensity', nameZh: 'R&D经费支出占GDP比重', nameEn: 'R&D intensity', unit: '%', kind: 'ratio' }, numerator: 'rd_spending', denominator: 'gdp', factor: 100, targets: [{ id: 1, code: 'T1' }] },
      { indicator: { code: 'tax_per_mu', nameZh: '亩均税收', nameEn: 'Tax per mu', unit: '万元/亩', kind: 'ratio' }, numerator: 'tax_revenue', denominator: 'land_area', factor: 10_000, targets: [] },
    ],
  };
}

describe('reading what was typed', () => {
  it('accepts separators, full-width digits and spaces, and refuses anything else', () => {
    expect(parseInput('1,234.5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseInput('１２３．５')).toEqual({ kind: 'number', value: 123.5 });
    expect(parseInput(' 905 ')).toEqual({ kind: 'number', value: 905 });
    expect(parseInput('')).toEqual({ kind: 'empty' });
    expect(parseInput('12亿')).toEqual({ kind: 'invalid' });
    expect(parseInput('1e5')).toEqual({ kind: 'invalid' });
  });

  it('offers the convertible units of money and land, and converts to the indicator’s own', () => {
    expect(unitChoices('亿元')).toEqual(['亿元', '万元']);
    expect(unitChoices('亩')).toEqual(['亩', '公顷', '平方公里']);
    expect(unitChoices('家')).toEqual(['家']);
    expect(unitChoices('万平方米')).toEqual(['万平方米']);
    expect(valueInIndicatorUnit({ input: '5000', unit: '万元' }, '亿元')).toBe(0.5);
    expect(valueInIndicatorUnit({ input: '2', unit: '平方公里' }, '亩')).toBe(3000);
    expect(valueInIndicatorUnit({ input: 'x', unit: '亿元' }, '亿元')).toBeNull();
  });

  it('writes stored numbers without binary noise or exponents', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(905)).toBe('905');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(exactMeasured(0.045, '亿元')).toBe('0.045亿元');
    expect(exactMeasured(905, '家')).toBe('905家');
    // Exact, and readable: thousands separators in the whole part only.
    expect(exactMeasured(47500, '家')).toBe('47,500家');
    expect(exactMeasured(-3200000.25, '亿元')).toBe('-3,200,000.25亿元');
    expect(exactMeasured(1e-7, '亿元')).toBe('0.0000001亿元');
    expect(exactMeasured(0.045, '亿元', 'en')).toBe('0.045 100m yuan');
    expect(exactMeasured(null, '%')).toBe('—');
  });
});

describe('the batch for PUT /api/values', () => {
  const rows = [
    row('gdp', '亿元', stored(11, 0.6, 2)),
    row('hte_count', '家', stored(12, 905, 3, 'draft'), { year: 2021, value: 802 }),
    row('land_area', '亩', stored(13, 3000, 1, 'approved')),
    row('rd_spending', '亿元'),
    row('tax_revenue', '亿元', stored(14, 2, 4, 'submitted')),
  ];
  const s = sheet(rows);

  it('sends the changed rows with the version each edit started from and the unit typed', () => {
    let edits = editRow({}, rows[0]!, { input: '5000', unit: '万元' }); // the same 0.5亿元 ≠ 0.6 → changed
    edits = editRow(edits, rows[3]!, { input: '0.04', note: '快报' });
    const batch = buildBatch(s, edits, 'draft');
    expect(batch.issues).toEqual({});
    expect(batch.codes).toEqual(['gdp', 'rd_spending']);
    expect(batch.items).toEqual([
      { parkId: 6, indicator: 'gdp', year: 2022, value: 5000, unit: '万元', version: 2 },
      { parkId: 6, indicator: 'rd_spending', year: 2022, value: 0.04, note: '快报' },
    ]);
  });

  it('keeps the version of the figure as it was when editing began, even if the sheet has moved on', () => {
    const edits = editRow({}, rows[0]!, { input: '0.7' });
    const newer = sheet([row('gdp', '亿元', stored(11, 0.65, 3)), ...rows.slice(1)]);
    expect(buildBatch(newer, edits, 'draft').items[0]).toMatchObject({ indicator: 'gdp', value: 0.7, version: 2 });
    // an untouched row follows the sheet
    expect(draftOf(newer.rows[0]!, {}).base?.version).toBe(3);
  });

  it('submitting also moves unchanged drafts to 已提交, but never pulls submitted or approved figures back', () => {
    const batch = buildBatch(s, {}, 'submitted');
    expect(batch.items.map((i) => [i.indicator, i.version])).toEqual([['gdp', 2], ['hte_count', 3]]);
    expect(buildBatch(s, {}, 'draft').items).toEqual([]);
  });

  it('flags what it cannot send: not a number, a stored figure cleared, a confirmation without a note', () => {
    let edits = editRow({}, rows[0]!, { input: 'abc' });
    edits = editRow(edits, rows[1]!, { input: '' });
    edits = editRow(edits, rows[3]!, { input: '9', confirm: true });
    const batch = buildBatch(s, edits, 'draft');
    expect(batch.issues).toEqual({ gdp: [{ code: 'not_a_number' }], hte_count: [{ code: 'cannot_clear' }], rd_spending: [{ code: 'note_required' }] });
    expect(batch.items).toEqual([]);
  });

  it('sends confirm with a note for a figure that jumps', () => {
    const edits = editRow({}, rows[1]!, { input: '8020', confirm: true, note: '口径调整' });
    expect(buildBatch(s, edits, 'draft').items).toEqual([{ parkId: 6, indicator: 'hte_count', year: 2022, value: 8020, note: '口径调整', version: 3, confirm: true }]);
    expect(isJump(8020, 802)).toBe(true);
    expect(isJump(905, 802)).toBe(false);
    expect(isJump(0.1, 0.6)).toBe(true);
    expect(isJump(5, null)).toBe(false);
  });

  it('counts only real changes as unsaved', () => {
    let edits = editRow({}, rows[0]!, { input: '0.6' });
    expect(changedCount(s, edits)).toBe(0);
    edits = editRow(edits, rows[0]!, { input: '6000', unit: '万元' });
    expect(changedCount(s, edits)).toBe(0); // 6000万元 is the stored 0.6亿元
    edits = editRow(edits, rows[0]!, { note: '更正' });
    expect(changedCount(s, edits)).toBe(1);
  });
});

describe('what the API refused, on its rows', () => {
  const problems: ValueProblemT[] = [
    { index: 1, field: 'value', code: 'implausible_jump', message: '相差超过5倍' },
    { index: 0, field: 'version', code: 'stale', message: '已被修改', current: { value: 0.65, version: 3, status: 'draft', enteredBy: 'planner1', enteredAt: '2026-01-02T00:00:00.000Z' } },
    { index: 7, field: 'parkId', code: 'forbidden_park', message: '无权' },
  ];

  it('maps each problem to the row of its batch index', () => {
    const byRow = problemsByRow(problems, ['gdp', 'hte_count']);
    expect(Object.keys(byRow)).toEqual(['hte_count', 'gdp', '']);
    expect(needsConfirmation(byRow.hte_count)).toBe(true);
    expect(needsConfirmation(byRow.gdp)).toBe(false);
    expect(conflictOf(byRow.gdp)?.current?.value).toBe(0.65);
    expect(conflictOf(byRow.hte_count)).toBeUndefined();
  });
});

describe('derived ratios, live', () => {
  const rows = [
    row('gdp', '亿元', stored(11, 500, 1), { year: 2021, value: 400 }),
    row('rd_spending', '亿元', null, { year: 2021, value: 20 }),
    row('tax_revenue', '亿元'),
    row('land_area', '亩'),
  ];
  const s = sheet(rows);

  it('computes R&D intensity and tax per mu from the inputs as typed, in each part’s unit, with ratioFromParts', () => {
    let edits = editRow({}, rows[1]!, { input: '400000', unit: '万元' }); // 40亿元
    edits = editRow(edits, rows[2]!, { input: '8.4' });
    edits = editRow(edits, rows[3]!, { input: '2', unit: '平方公里' }); // 3000亩
    const [rd, tax] = liveRatios(s, edits);
    expect(rd!.value).toBe(ratioFromParts(findIndicator('rd_intensity')!, 40, 500));
    expect(rd!.value).toBeCloseTo(8, 10);
    expect(rd!.lastYear).toEqual({ year: 2021, value: 5 });
    expect(tax!.value).toBeCloseTo(28, 10); // 8.4亿元 / 3000亩 = 28万元/亩
    expect(tax!.missing).toEqual([]);
  });

  it('says which part is missing instead of a number', () => {
    const [rd, tax] = liveRatios(s, {});
    expect(rd!.value).toBeNull();
    expect(rd!.missing).toEqual(['rd_spending']);
    expect(tax!.missing).toEqual(['tax_revenue', 'land_area']);
    const zero = editRow({}, rows[0]!, { input: '0' });
    expect(liveRatios(s, { ...zero, ...editRow({}, rows[1]!, { input: '1' }) })[0]!.value).toBeNull();
  });
});

describe('after a write', () => {
  it('puts the written versions into the sheet and drops the written edits', () => {
    const s = sheet([row('gdp', '亿元', stored(11, 0.6, 2)), row('hte_count', '家')]);
    const next = applyWritten(s, [
      { id: 11, parkId: 6, indicator: 'gdp', year: 2022, value: 0.7, status: 'submitted', version: 3, changed: true },
      { id: 20, parkId: 6, indicator: 'hte_count', year: 2022, value: 905, status: 'submitted', version: 1, changed: true },
    ], { hte_count: '年报' }, 'qiantang', '2026-02-01T00:00:00.000Z');
    expect(next.rows[0]!.current).toMatchObject({ id: 11, value: 0.7, version: 3, status: 'submitted', enteredBy: 'qiantang' });
    expect(next.rows[1]!.current).toMatchObject({ id: 20, value: 905, version: 1, note: '年报' });
    expect(withoutWritten({ gdp: draftOf(s.rows[0]!, {}), x: draftOf(s.rows[1]!, {}) }, ['gdp'])).toHaveProperty('x');
  });
});

describe('the live plausibility check', () => {
  const rows = [row('gdp', '亿元', null, { year: 2020, value: 289.4 }), row('hte_count', '家', stored(12, 435, 1))];
  const s = { ...sheet(rows), year: 2024 };

  it('sends the changed rows as typed, without the confirmation, so every warning shows whether confirmed or not', () => {
    let edits = editRow({}, rows[0]!, { input: '3200000', confirm: true, note: '核对过' });
    edits = editRow(edits, rows[1]!, { input: 'abc' });
    const batch = checkBatch(s, edits);
    expect(batch.items).toEqual([{ parkId: 6, indicator: 'gdp', year: 2024, value: 3_200_000, note: '核对过' }]);
    expect(batch.issues).toEqual({ hte_count: [{ code: 'not_a_number' }] });
    expect(checkBatch(s, {}).items).toEqual([]);
  });

  it('keeps the plausibility problems for the row, and names the year the warning compared with', () => {
    const problems: ValueProblemT[] = [
      { index: 0, field: 'value', code: 'impossible_value', grade: 'error', message: '超出了一个园区可能的范围', suggestion: { value: 320, unit: '亿元' } },
      { index: 0, field: 'value', code: 'implausible_jump', grade: 'warning', message: '与2020年的 289.4亿元相比', against: { year: 2020, value: 289.4 } },
      { index: 0, field: 'version', code: 'version_required', grade: 'error', message: '须带上所见版本号' },
    ];
    expect(plausibilityOf(problems).map((p) => p.code)).toEqual(['impossible_value', 'implausible_jump']);
    expect(comparedYear(problems)).toEqual({ year: 2020, value: 289.4 });
    // An error refuses the figure whatever is confirmed: the warning beside it asks nothing.
    expect(needsConfirmation(problems)).toBe(false);
    expect(needsConfirmation([problems[1]!, problems[2]!])).toBe(true);
    expect(needsConfirmation([problems[0]!])).toBe(false);
    expect(comparedYear([problems[0]!])).toBeNull();
  });
});
