// The Excel/CSV import: read the file, say for every cell what is wrong (with its sheet, row and
// column), and write the whole file or nothing through the one write path (value-writes.ts). A dry
// run and a commit run the same checks; the commit never trusts an earlier dry run.
import type { Kysely } from 'kysely';
import type { Indicator } from '../../shared/indicators.ts';
import type { ImportProblemT, ImportReportT, ImportRowT, ValueInputT } from '../../shared/schemas.ts';
import { canConvert, convert, isUnit, type Unit } from '../../shared/units.ts';
import type { Database, ValueStatus } from '../db/schema.ts';
import { conflict, DomainError, invalid, type Bilingual } from '../errors.ts';
import type { Actor } from './audit.ts';
import { canWritePark, type SessionUser } from './sessions.ts';
import { indicatorsByCode } from './catalog.ts';
import {
  cellIsEmpty, cellText, columnLetter, FIELD_HEADERS, normalizeText, normalizeUnit, parseImportFile, parseNumberText,
  type Cell, type ImportField, type ParsedFile, type SheetRow,
} from './import-file.ts';
import { applyValueWrites, planValueWrites, type WritePlan } from './value-writes.ts';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  status: 'draft' | 'submitted';
  reason: string | null;
  /** "parkId:indicator:year" → the version the writer saw (the dry run's `versions`). */
  versions: Record<string, number>;
}

type Problem = Omit<ImportProblemT, 'sheet'>;

/** A row whose park, indicator, year and value could be read: it goes on to the write checks. */
interface ReadRow {
  row: number;
  parkId: number;
  parkName: string;
  parkField: 'park' | 'parkId';
  indicator: Indicator;
  year: number;
  value: number;
  unit: string | undefined;
  unitField: 'unit' | 'value';
  note: string | undefined;
  confirm: boolean;
  fileVersion: number | undefined;
}

const key = (parkId: number, indicator: string, year: number) => `${parkId}:${indicator}:${year}`;
const NO_DATA_MARKS = new Set(['-', '—', '——', '/', '无', 'n/a', 'na', '空']);
const STATUS_RANK: Record<ValueStatus, number> = { draft: 0, submitted: 1, approved: 2 };

/** Checks a file; with dryRun false and nothing wrong, writes it in one transaction. */
export async function runImport(db: Kysely<Database>, user: SessionUser, actor: Actor, now: Date, request: ImportRequest): Promise<ImportReportT> {
  const parsed = await parseImportFile(request.fileName, request.bytes);
  const checked = await checkRows(db, user, now, parsed, request);
  const report: ImportReportT = {
    dryRun: request.dryRun, committed: false, fileName: request.fileName, sheet: parsed.sheet, status: request.status,
    rowsRead: parsed.rows.length, summary: checked.summary, problems: checked.problems, rows: checked.rows, versions: checked.versions,
  };
  if (request.dryRun) return report;
  if (report.problems.length) throw refusal(report);
  if (checked.plan.writes.every((w) => w.unchanged)) return { ...report, committed: true };

  const started = Date.now();
  const written = await db.transaction().execute(async (trx) => {
    // Logged once the transaction is open: an operator (and the kill test) can see an import in flight.
    console.log(`导入写入中 (import writing): ${request.fileName}, ${checked.summary.new + checked.summary.changed} 条, 用户 ${actor.username}`);
    return applyValueWrites(trx, checked.plan, request.status, actor, now, request.reason, 'import', {
      file: request.fileName, sheet: parsed.sheet, rowsRead: parsed.rows.length, new: checked.summary.new, changed: checked.summary.changed,
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) {
      throw conflict('conflict', { zh: '导入期间有人写入了相同的数据, 未写入任何数据, 请重新导入', en: 'Someone wrote the same figures during the import; nothing was written: import again' });
    }
    throw err;
  });
  console.log(`导入完成 (import committed): ${request.fileName}, ${Date.now() - started} ms`);
  const versionAt = new Map(written.map((w) => [key(w.parkId, w.indicator, w.year), w.version]));
  return {
    ...report, committed: true,
    rows: report.rows.map((r) => ({ ...r, version: versionAt.get(key(r.parkId, r.indicator, r.year)) ?? r.version })),
  };
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** 403 when a park may not be written, 422 when the file has problems, 409 when only versions are in the way. */
function refusal(report: ImportReportT): DomainError {
  const codes = new Set(report.problems.map((p) => p.code));
  const versionOnly = [...codes].every((c) => c === 'stale' || c === 'version_required');
  const n = report.problems.length;
  const [kind, code, messages]: [DomainError['kind'], string, Bilingual] = codes.has('forbidden_park')
    ? ['forbidden', 'forbidden', { zh: '文件中有无权填报的园区, 未写入任何数据', en: 'The file has parks you may not write; nothing was written' }]
    : versionOnly
      ? codes.has('stale')
        ? ['conflict', 'conflict', {
          zh: '部分数据在此期间已被他人修改(见各行的当前值), 未写入任何数据: 请核对后重新试导入',
          en: 'Some figures were changed by someone else since (see each row’s current value); nothing was written: check and dry-run again',
        }]
        : ['conflict', 'conflict', {
          zh: '文件将修改已有数据: 请带上试导入报告中的版本号 (versions) 重新提交, 未写入任何数据',
          en: 'The file changes existing figures: send the versions from the dry run; nothing was written',
        }]
      : ['checks_failed', 'invalid_file', { zh: `文件中有 ${n} 处问题, 未写入任何数据`, en: `The file has ${n} problem${n > 1 ? 's' : ''}; nothing was written` }];
  const details = report.problems.slice(0, 1000).map((p) => ({ path: `${p.sheet}!${p.column ?? ''}${p.row ?? ''}`, messages: p.messages ?? { zh: p.message, en: p.message } }));
  return new DomainError(kind, code, messages, { details, extra: { report } });
}

// --- checking rows --------------------------------------------------------------------------------

interface Checked {
  summary: ImportReportT['summary'];
  problems: ImportProblemT[];
  rows: ImportRowT[];
  versions: Record<string, number>;
  plan: WritePlan;
}

async function checkRows(db: Kysely<Database>, user: SessionUser, now: Date, parsed: ParsedFile, request: ImportRequest): Promise<Checked> {
  const problems: Problem[] = parsed.headerProblems.map((p) => ({ ...p }));
  const at = (row: number, field: ImportField): Pick<Problem, 'row' | 'column'> => {
    const column = parsed.columns[field] ?? parsed.columns.value;
    return { row, column: column === undefined ? null : columnLetter(column) };
  };
  const add = (row: number, field: ImportField, code: string, message: string, extra: Partial<Problem> = {}) =>
    problems.push({ ...at(row, field), field: field === 'parkId' ? 'park' : field, code, message, ...extra });
  const finish = (rows: ImportRowT[], summary: Omit<ImportReportT['summary'], 'problems'>, versions: Record<string, number>, plan: Checked['plan']): Checked => {
    const colOrder = (c: string | null) => (c === null ? '' : c.padStart(3, ' '));
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colOrder(a.column).localeCompare(colOrder(b.column)));
    return { summary: { ...summary, problems: problems.length }, problems: problems.map((p) => ({ sheet: parsed.sheet, ...p })), rows, versions, plan };
  };
  const empty: WritePlan = { writes: [], problems: [] };

  // Without its park, indicator or year columns the rows cannot be read: say so once, not per row.
  if (problems.some((p) => p.code === 'missing_column')) return finish([], { new: 0, changed: 0, unchanged: 0, skipped: 0 }, {}, empty);

  const [parks, indicators] = await Promise.all([db.selectFrom('parks').select(['id', 'name', 'aliases']).execute(), indicatorsByCode(db)]);
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const parksByName = new Map<string, number[]>();
  for (const p of parks) {
    for (const name of [p.name, ...(p.aliases ? p.aliases.split('；') : [])]) {
      const n = normalizeText(name);
      const ids = parksByName.get(n) ?? [];
      if (!ids.includes(p.id)) parksByName.set(n, [...ids, p.id]);
    }
  }
  const indicatorByText = new Map<string, Indicator>();
  for (const i of indicators.values()) {
    indicatorByText.set(normalizeText(i.nameZh), i);
    indicatorByText.set(normalizeText(i.code), i);
  }

  // 1. Read each row's cells.
  const read: ReadRow[] = [];
  let skipped = 0;
  for (const sheetRow of parsed.rows) {
    const r = readRow(sheetRow, add, { parkById, parksByName, indicatorByText, user });
    if (r === 'skipped') skipped++;
    else if (r) read.push(r);
  }
  if (read.length === 0 && !problems.some((p) => p.row !== parsed.headerRow)) {
    throw invalid('empty_file', { zh: `“${request.fileName}”中没有填写任何数值`, en: `No figures filled in ${request.fileName}: ${skipped} rows without a value` });
  }

  // 2. Duplicates within the file: the first row counts, the later ones are problems.
  const firstRowOf = new Map<string, number>();
  const unique = read.filter((r) => {
    const k = key(r.parkId, r.indicator.code, r.year);
    const first = firstRowOf.get(k);
    if (first === undefined) {
      firstRowOf.set(k, r.row);
      return true;
    }
    add(r.row, 'year', 'duplicate', `与第 ${first} 行的园区、指标、年份相同 (duplicate of row ${first})`);
    return false;
  });

  // 3. The figures stored now: which rows are new, which change a figure, and which version each needs.
  const stored = unique.length
    ? await db.selectFrom('reported_values').select(['park_id', 'indicator_code', 'year', 'value', 'version', 'status', 'note'])
      .where('park_id', 'in', [...new Set(unique.map((r) => r.parkId))])
      .where('indicator_code', 'in', [...new Set(unique.map((r) => r.indicator.code))])
      .where('year', 'in', [...new Set(unique.map((r) => r.year))])
      .execute()
    : [];
  const storedAt = new Map(stored.map((s) => [key(s.park_id!, s.indicator_code, s.year), s]));
  const converted = (r: ReadRow): number | null => {
    const unit = r.unit ?? r.indicator.unit;
    return isUnit(unit) && canConvert(unit, r.indicator.unit) ? convert(r.value, unit, r.indicator.unit) : null;
  };
  const sameAsStored = (r: ReadRow) => {
    const s = storedAt.get(key(r.parkId, r.indicator.code, r.year));
    const v = converted(r);
    return !!s && v !== null && nearlyEqual(v, s.value) && (!r.note || r.note === s.note);
  };
  const items: ValueInputT[] = unique.map((r) => {
    const k = key(r.parkId, r.indicator.code, r.year);
    const s = storedAt.get(k);
    // The same value as stored: nothing would be lost, so no version is needed.
    let version = s && sameAsStored(r) ? s.version : request.versions[k] ?? r.fileVersion;
    // A dry run shows what the commit would do with the versions it reports.
    if (version === undefined && s && request.dryRun) version = s.version;
    return {
      parkId: r.parkId, indicator: r.indicator.code, year: r.year, value: r.value,
      ...(r.unit !== undefined ? { unit: r.unit } : {}), ...(r.note !== undefined ? { note: r.note } : {}),
      ...(version !== undefined ? { version } : {}), confirm: r.confirm,
    };
  });

  // 4. The write path's own checks: permission, units, negative, integer counts, jumps, versions.
  const plan = await planValueWrites(db, user, items, request.status, now);
  const seen = new Set(problems.map((p) => `${p.row}:${p.code}`));
  for (const p of plan.problems) {
    const r = unique[p.index]!;
    if (seen.has(`${r.row}:${p.code}`)) continue;
    seen.add(`${r.row}:${p.code}`);
    const current = p.current ? { current: p.current } : {};
    switch (p.field) {
      case 'parkId':
        add(r.row, r.parkField, p.code, p.message, { messages: p.messages });
        break;
      case 'unit':
        add(r.row, r.unitField, p.code, p.message, { messages: p.messages });
        break;
      case 'version': {
        const fromFile = r.fileVersion !== undefined && request.versions[key(r.parkId, r.indicator.code, r.year)] === undefined;
        const message = p.code === 'version_required'
          ? `该数据已存在(第${p.current?.version}版, 值为 ${p.current?.value}, ${p.current?.enteredBy} 录入): 提交时须带上试导入报告中的版本号 (versions), 以免覆盖他人的修改 (the figure exists: send the versions from the dry run)`
          : `${p.message}; ${fromFile ? `文件“版本”列为第${r.fileVersion}版` : `提交的版本为第${items[p.index]!.version}版`}, 当前为第${p.current?.version}版`;
        add(r.row, fromFile && parsed.columns.version !== undefined ? 'version' : 'value', p.code, message, current);
        break;
      }
      case 'value':
        if (p.code === 'implausible_jump' && r.confirm && !r.note) {
          add(r.row, 'note', p.code, `${p.message}; 已在“确认”列确认, 但“备注”为空: 请写明原因 (confirmed without a note)`);
        } else if (p.code === 'implausible_jump') {
          add(r.row, 'value', p.code, `${p.message}; 导入时: 在“确认”列填“是”, 并在“备注”列说明原因`);
        } else {
          add(r.row, 'value', p.code, p.message, { messages: p.messages });
        }
        break;
      default:
        add(r.row, (p.field in FIELD_HEADERS ? p.field : 'value') as ImportField, p.code, p.message, { ...current, messages: p.messages });
    }
  }

  // 5. The rows that pass, as they would be written.
  const rowsWithProblems = new Set(problems.map((p) => p.row));
  const rows: ImportRowT[] = [];
  const versions: Record<string, number> = {};
  const counts = { new: 0, changed: 0, unchanged: 0 };
  const writeOf = new Map(plan.writes.map((w) => [w.index, w]));
  unique.forEach((r, index) => {
    const s = storedAt.get(key(r.parkId, r.indicator.code, r.year));
    const staleHere = plan.problems.some((p) => p.index === index && p.code === 'stale');
    if (s && !staleHere && canWritePark(user, r.parkId)) versions[key(r.parkId, r.indicator.code, r.year)] = s.version;
    const w = writeOf.get(index);
    if (!w || rowsWithProblems.has(r.row)) return;
    // Re-importing a stored value never takes it back from submitted or approved to draft.
    if (w.existing && sameAsStored(r) && STATUS_RANK[w.existing.status] >= STATUS_RANK[request.status]) {
      w.unchanged = true;
      w.value = w.existing.value;
    }
    const status = !w.existing ? 'new' : w.unchanged ? 'unchanged' : 'changed';
    counts[status]++;
    rows.push({
      row: r.row, parkId: r.parkId, parkName: r.parkName, indicator: r.indicator.code, indicatorName: r.indicator.nameZh, year: r.year,
      value: w.value, unit: r.indicator.unit, originalValue: r.value, originalUnit: r.unit ?? r.indicator.unit,
      status, oldValue: w.existing?.value ?? null, version: w.existing?.version ?? null,
    });
  });
  return finish(rows, { ...counts, skipped }, versions, plan);
}

function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

interface Lookups {
  parkById: Map<number, { id: number; name: string; aliases: string | null }>;
  parksByName: Map<string, number[]>;
  indicatorByText: Map<string, Indicator>;
  user: SessionUser;
}

type Add = (row: number, field: ImportField, code: string, message: string) => void;

/** One row's cells as a figure, or its problems; 'skipped' for a row without a value. */
function readRow(sheetRow: SheetRow, add: Add, { parkById, parksByName, indicatorByText, user }: Lookups): ReadRow | 'skipped' | null {
  const { row, cells } = sheetRow;
  if (cellIsEmpty(cells.value)) return 'skipped';
  // A problem with the park, indicator, year or value stops the row here; the others (a park the user
  // may not write, the confirmation, the note, the version) still let it through to the write checks,
  // so that every problem of the row is reported.
  let ok = true;
  const fail = (field: ImportField, code: string, message: string, blocking = true) => {
    add(row, field, code, message);
    if (blocking) ok = false;
  };
  const missing = (field: ImportField) => fail(field, 'missing', `缺少“${FIELD_HEADERS[field].zh}” (missing ${field})`);

  // Park: by its number when given (the name must then agree), else by name or alias.
  let park: { id: number; name: string } | undefined;
  let parkField: 'park' | 'parkId' = 'park';
  const idText = cellText(cells.parkId).trim();
  const nameText = cellText(cells.park).trim();
  if (idText) {
    parkField = 'parkId';
    const id = Number(idText.normalize('NFKC'));
    if (!Number.isInteger(id) || id <= 0) fail('parkId', 'invalid_park_id', `园区编号“${idText}”不是有效的编号 (not a park number)`);
    else if (!parkById.has(id)) fail('parkId', 'unknown_park', `园区编号 ${id} 不存在 (unknown park)`);
    else {
      park = parkById.get(id)!;
      const named = nameText ? parksByName.get(normalizeText(nameText)) : undefined;
      if (nameText && !named?.includes(id)) fail('park', 'park_mismatch', `园区“${nameText}”与园区编号 ${id}(${park.name})不一致 (the park's name and number disagree)`);
    }
  } else if (nameText) {
    const ids = parksByName.get(normalizeText(nameText)) ?? [];
    if (ids.length === 0) fail('park', 'unknown_park', `园区“${nameText}”不存在, 请核对名称或填写园区编号 (unknown park)`);
    else if (ids.length > 1) fail('park', 'ambiguous_park', `园区名称“${nameText}”对应多个园区, 请填写园区编号 (ambiguous park name)`);
    else park = parkById.get(ids[0]!)!;
  } else {
    missing(cells.park !== undefined ? 'park' : 'parkId');
  }
  if (park && !canWritePark(user, park.id)) fail(parkField, 'forbidden_park', `无权填报“${park.name}”的数据 (you may not write this park's figures)`, false);

  const indicatorText = cellText(cells.indicator).trim();
  const indicator = indicatorText ? indicatorByText.get(normalizeText(indicatorText)) : undefined;
  if (!indicatorText) missing('indicator');
  else if (!indicator) fail('indicator', 'unknown_indicator', `指标“${indicatorText}”不存在, 请从“指标”工作表中选择名称或代码 (unknown indicator)`);

  const year = readYear(cells.year);
  if (year === 'missing') missing('year');
  else if (year === null) fail('year', 'invalid_year', `年份“${cellText(cells.year)}”无效, 应为四位年份如 2024 (not a year)`);

  const value = readValue(cells.value!);
  if ('problem' in value) fail('value', value.problem, value.message);

  const unitText = cellText(cells.unit).trim();
  const unitCell = unitText ? normalizeUnit(unitText) : undefined;
  const unitInValue = 'unit' in value ? value.unit ?? undefined : undefined;
  if (unitCell && unitInValue && unitCell !== unitInValue) {
    fail('unit', 'unit_conflict', `数值中的单位“${unitInValue}”与“单位”列的“${unitCell}”不一致 (the unit in the value cell and the unit column disagree)`);
  }

  const note = cellText(cells.note).trim() || undefined;
  if (note && note.length > 2000) fail('note', 'note_too_long', `备注超过2000字 (note over 2000 characters)`, false);
  const confirm = readConfirm(cells.confirm);
  if (confirm === null) fail('confirm', 'invalid_confirm', `“确认”列只能填“是”或“否”, 不能是“${cellText(cells.confirm)}” (confirm must be 是 or 否)`, false);
  const versionText = cellText(cells.version).trim();
  let fileVersion = versionText ? Number(versionText.normalize('NFKC')) : undefined;
  if (fileVersion !== undefined && !(Number.isInteger(fileVersion) && fileVersion > 0)) {
    fail('version', 'invalid_version', `版本“${versionText}”无效, 请勿修改模板中的版本列 (not a version)`, false);
    fileVersion = undefined;
  }

  if (!ok || !park || !indicator || typeof year !== 'number' || !('value' in value)) return null;
  return {
    row, parkId: park.id, parkName: park.name, parkField, indicator, year, value: value.value,
    unit: unitCell ?? unitInValue, unitField: unitCell ? 'unit' : 'value', note, confirm: confirm ?? false, fileVersion,
  };
}

function readYear(cell: Cell | undefined): number | 'missing' | null {
  if (cellIsEmpty(cell)) return 'missing';
  const n = cell!.kind === 'number' ? cell!.value : /^\d{4}年?(度)?$/.test(normalizeText(cellText(cell))) ? Number(normalizeText(cellText(cell)).slice(0, 4)) : NaN;
  return Number.isInteger(n) && n >= 1980 && n <= 2100 ? n : null;
}

function readValue(cell: Cell): { value: number; unit: Unit | null } | { problem: string; message: string } {
  switch (cell.kind) {
    case 'number':
      // A cell formatted as a percentage holds 0.073 for what Excel shows as 7.3%.
      return cell.percentFormat ? { value: Number((cell.value * 100).toPrecision(15)), unit: '%' } : { value: cell.value, unit: null };
    case 'text': {
      const parsed = parseNumberText(cell.value);
      if (parsed) return parsed;
      const hint = NO_DATA_MARKS.has(normalizeText(cell.value)) ? '; 没有数据请留空 (leave it empty when there is no figure)' : '';
      return { problem: 'not_a_number', message: `“${cell.value}”不是数字${hint} (not a number)` };
    }
    case 'error':
      return { problem: 'not_a_number', message: `公式结果为错误值 ${cell.value}, 不是数字 (the formula gives an error)` };
    case 'no_result':
      return { problem: 'formula_without_result', message: '公式没有保存计算结果: 请在 Excel 中打开、保存后再导入 (the formula has no saved result)' };
    default:
      return { problem: 'not_a_number', message: `“${cellText(cell)}”不是数字 (not a number)` };
  }
}

function readConfirm(cell: Cell | undefined): boolean | null {
  if (cellIsEmpty(cell)) return false;
  if (cell!.kind === 'bool') return cell!.value;
  const t = normalizeText(cellText(cell));
  if (['是', '确认', 'y', 'yes', 'true', '1', '√', '✓', '✔'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', '×'].includes(t)) return false;
  return null;
}
