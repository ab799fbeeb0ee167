// The entry form's logic, pure: what the user typed per row, the version each edit is based on, the
// ratios computed live from the rows (with the one ratioFromParts), the batch for PUT /api/values,
// and the API's problems mapped back to their rows.
import type { z } from 'zod';
import { ratioFromParts } from '../../../shared/indicators.ts';
import type { EntrySheet, ValueInputT, ValueProblemT, WrittenValue } from '../../../shared/schemas.ts';
import { canConvert, convert, isUnit, type Unit } from '../../../shared/units.ts';
import { numberText } from '../../lib/exact.ts';

export type Sheet = z.infer<typeof EntrySheet>;
export type SheetRow = Sheet['rows'][number];
export type Written = z.infer<typeof WrittenValue>;
type FigureStatus = 'draft' | 'submitted' | 'city_approved' | 'approved';

/** The stored figure an edit started from: its version goes with the write, so a newer one is never overwritten. */
export interface DraftBase {
  id: number;
  value: number;
  version: number;
  status: FigureStatus;
  note: string | null;
}

export interface RowDraft {
  input: string;
  unit: string;
  note: string;
  confirm: boolean;
  base: DraftBase | null;
}

/** Only the rows the user has touched; the others always show the sheet as loaded. */
export type Edits = Record<string, RowDraft>;

/** The API flags a figure this many times (or 1/this of) its nearest year: the 万元/亿元 slip. */
export { JUMP_FACTOR } from '../../../shared/plausibility.ts';

/** Units a row may be typed in, converted by the API (`unit`): money and land area. */
const UNIT_GROUPS: readonly (readonly Unit[])[] = [['亿元', '万元'], ['亩', '公顷', '平方公里']];

export function unitChoices(unit: string): string[] {
  if (!isUnit(unit)) return [unit];
  const group = UNIT_GROUPS.find((g) => g.includes(unit));
  return group ? group.filter((u) => canConvert(u, unit)) : [unit];
}

export function draftFromRow(row: SheetRow): RowDraft {
  const c = row.current;
  return {
    input: c ? numberText(c.value) : '',
    unit: row.indicator.unit,
    note: c?.note ?? '',
    confirm: false,
    base: c ? { id: c.id, value: c.value, version: c.version, status: c.status, note: c.note } : null,
  };
}

export function draftOf(row: SheetRow, edits: Edits): RowDraft {
  return edits[row.indicator.code] ?? draftFromRow(row);
}

/** A change to one row: the first change pins the base (the version seen when editing began). */
export function editRow(edits: Edits, row: SheetRow, patch: Partial<Omit<RowDraft, 'base'>>): Edits {
  return { ...edits, [row.indicator.code]: { ...draftOf(row, edits), ...patch } };
}

export type Parsed = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

/** Reads what was typed: 1,234.5, full-width digits (１２３．５), spaces; anything else is invalid. */
export function parseInput(text: string): Parsed {
  const ascii = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.').replace(/[，,\s]/g, '').replace(/[－—]/g, '-').replace(/＋/g, '+');
  if (ascii === '') return { kind: 'empty' };
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(ascii)) return { kind: 'invalid' };
  const value = Number(ascii);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

/** The typed value in the indicator's own unit (5000 万元 → 0.5 亿元), or null when empty or invalid. */
export function valueInIndicatorUnit(draft: Pick<RowDraft, 'input' | 'unit'>, indicatorUnit: string): number | null {
  const parsed = parseInput(draft.input);
  if (parsed.kind !== 'number') return null;
  if (draft.unit === indicatorUnit) return parsed.value;
  if (!isUnit(draft.unit) || !isUnit(indicatorUnit) || !canConvert(draft.unit, indicatorUnit)) return null;
  return convert(parsed.value, draft.unit, indicatorUnit);
}

/** Whether the row would write something: a new value, a different value, or a new note. */
export function isChanged(row: SheetRow, draft: RowDraft): boolean {
  const value = valueInIndicatorUnit(draft, row.indicator.unit);
  const note = draft.note.trim();
  if (!draft.base) return parseInput(draft.input).kind !== 'empty';
  if (value === null) return parseInput(draft.input).kind === 'invalid';
  return value !== draft.base.value || (note !== '' && note !== (draft.base.note ?? ''));
}

export function changedCount(sheet: Sheet, edits: Edits): number {
  return sheet.rows.filter((row) => edits[row.indicator.code] && isChanged(row, edits[row.indicator.code]!)).length;
}

/** A figure ×5 away from last year's: the API will want a confirmation with a note. */
export function isJump(value: number | null, other: number | null | undefined): boolean {
  if (value === null || other === null || other === undefined || !(value > 0) || !(other > 0)) return false;
  return value / other >= 5 || other / value >= 5;
}

/**
 * The batch the live check sends (POST /api/values/check): the rows that changed, without their
 * confirmation, so that every warning shows beside its row whether or not it is confirmed yet.
 */
export function checkBatch(sheet: Sheet, edits: Edits): Batch {
  const batch = buildBatch(sheet, edits, 'draft');
  return { ...batch, items: batch.items.map(({ confirm: _confirm, ...item }) => item) };
}

/** What the plausibility checks said about a row: version problems are the save's business, not the live check's. */
export function plausibilityOf(problems: readonly ValueProblemT[] | undefined): ValueProblemT[] {
  return (problems ?? []).filter((p) => p.field === 'value' || p.field === 'note' || p.field === 'unit');
}

/** The year a warning compared the figure with: the one its confirmation names (the same as its message). */
export function comparedYear(problems: readonly ValueProblemT[] | undefined): { year: number; value: number } | null {
  return problems?.find((p) => p.against)?.against ?? null;
}

/** A problem found before sending (not a number, a stored figure cleared, a confirmation without a note). */
export interface RowIssue {
  code: 'not_a_number' | 'cannot_clear' | 'note_required' | 'unit';
}

export interface Batch {
  items: ValueInputT[];
  /** The row (indicator code) of each item, by index: the API's problems name the index. */
  codes: string[];
  issues: Record<string, RowIssue[]>;
}

/**
 * The batch for PUT /api/values. Saving a draft sends the rows that changed; submitting also sends the
 * unchanged drafts (to move them to 已提交) but never pulls a submitted or approved figure back.
 */
export function buildBatch(sheet: Sheet, edits: Edits, status: 'draft' | 'submitted'): Batch {
  const items: ValueInputT[] = [];
  const codes: string[] = [];
  const issues: Record<string, RowIssue[]> = {};
  const flag = (code: string, issue: RowIssue) => { (issues[code] ??= []).push(issue); };
  for (const row of sheet.rows) {
    const code = row.indicator.code;
    const draft = draftOf(row, edits);
    const parsed = parseInput(draft.input);
    if (parsed.kind === 'invalid') { flag(code, { code: 'not_a_number' }); continue; }
    if (parsed.kind === 'empty') {
      if (draft.base && edits[code]) flag(code, { code: 'cannot_clear' });
      continue;
    }
    if (valueInIndicatorUnit(draft, row.indicator.unit) === null) { flag(code, { code: 'unit' }); continue; }
    const changed = isChanged(row, draft);
    if (!changed && !(status === 'submitted' && draft.base?.status === 'draft')) continue;
    if (draft.confirm && !draft.note.trim()) { flag(code, { code: 'note_required' }); continue; }
    const note = draft.note.trim();
    items.push({
      parkId: sheet.park.id, indicator: code, year: sheet.year, value: parsed.value,
      ...(draft.unit !== row.indicator.unit ? { unit: draft.unit } : {}),
      ...(note ? { note } : {}),
      ...(draft.base ? { version: draft.base.version } : {}),
      ...(draft.confirm ? { confirm: true } : {}),
    });
    codes.push(code);
  }
  return { items, codes, issues };
}

/** The API's problems (by batch index) on their rows; problems without a row under `''`. */
export function problemsByRow(problems: readonly ValueProblemT[], codes: readonly string[]): Record<string, ValueProblemT[]> {
  const out: Record<string, ValueProblemT[]> = {};
  for (const p of problems) {
    const code = codes[p.index] ?? '';
    (out[code] ??= []).push(p);
  }
  return out;
}

/** Whether the row needs 确认 and a note: a warning (the jump, an unusual value or ratio) and no error that refuses it anyway. */
export function needsConfirmation(problems: readonly ValueProblemT[] | undefined): boolean {
  const warned = !!problems?.some((p) => p.code === 'implausible_jump' || p.grade === 'warning');
  // A figure the checks refuse outright cannot be confirmed: no checkbox beside an error.
  return warned && !plausibilityOf(problems ?? []).some((p) => p.grade === 'error');
}

/** Whether the row was refused because someone changed the figure since (409): offer to reload, never overwrite. */
export function conflictOf(problems: readonly ValueProblemT[] | undefined): ValueProblemT | undefined {
  return problems?.find((p) => (p.code === 'stale' || p.code === 'version_required') && p.current);
}

export interface LiveRatio {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  numerator: string;
  denominator: string;
  /** From the form's current inputs; null while a part is missing or the denominator is not positive. */
  value: number | null;
  /** The parts that are missing (empty or invalid), by indicator code. */
  missing: string[];
  /** Last year's ratio, when both parts have a figure for the same year. */
  lastYear: { year: number; value: number } | null;
  targets: { id: number; code: string }[];
}

/** The derived ratios (R&D intensity, tax per mu) from the rows as typed, in each part's own unit. */
export function liveRatios(sheet: Sheet, edits: Edits): LiveRatio[] {
  return sheet.derived.map((d) => {
    const numRow = sheet.rows.find((r) => r.indicator.code === d.numerator);
    const denRow = sheet.rows.find((r) => r.indicator.code === d.denominator);
    const part = (row: SheetRow | undefined) => (row ? valueInIndicatorUnit(draftOf(row, edits), row.indicator.unit) : null);
    const num = part(numRow);
    const den = part(denRow);
    const missing = [num === null ? d.numerator : null, den === null || !(den > 0) ? d.denominator : null].filter((c): c is string => c !== null);
    const ly = numRow?.lastYear && denRow?.lastYear && numRow.lastYear.year === denRow.lastYear.year
      ? ratioFromParts(d, numRow.lastYear.value, denRow.lastYear.value) : null;
    return {
      code: d.indicator.code, nameZh: d.indicator.nameZh, nameEn: d.indicator.nameEn, unit: d.indicator.unit,
      numerator: d.numerator, denominator: d.denominator,
      value: ratioFromParts(d, num, den), missing,
      lastYear: ly === null ? null : { year: numRow!.lastYear!.year, value: ly },
      targets: d.targets,
    };
  });
}

/**
 * The sheet after a successful write: the written figures with their new versions and status, so the
 * next edit is based on them (the refetch that follows brings the rest: who, when).
 */
export function applyWritten(sheet: Sheet, written: readonly Written[], notes: Record<string, string | undefined>, by: string, at: string): Sheet {
  const byCode = new Map(written.filter((w) => w.parkId === sheet.park.id && w.year === sheet.year).map((w) => [w.indicator, w]));
  return {
    ...sheet,
    rows: sheet.rows.map((row) => {
      const w = byCode.get(row.indicator.code);
      if (!w) return row;
      const note = notes[row.indicator.code] ?? row.current?.note ?? null;
      return {
        ...row,
        current: {
          id: w.id, value: w.value, version: w.version, status: w.status, note,
          reviewComment: w.changed ? null : row.current?.reviewComment ?? null,
          enteredBy: w.changed ? by : row.current?.enteredBy ?? by,
          enteredAt: w.changed ? at : row.current?.enteredAt ?? at,
        },
      };
    }),
  };
}

/** Edits that remain after a write: the rows written are now the sheet's own. */
export function withoutWritten(edits: Edits, codes: readonly string[]): Edits {
  const out = { ...edits };
  for (const code of codes) delete out[code];
  return out;
}
