// The Excel/CSV import: read the file, say for every cell what is wrong (with its sheet, row and
// column), and write the whole file or nothing through the one write path (value-writes.ts). A dry
// run and a commit run the same checks; the commit never trusts an earlier dry run. A statistics
// sheet (one row per park, one column per indicator) becomes the same figures as the long template
// and goes through the same checks; its columns are matched to the catalogue here (import-columns.ts).
import type { Kysely } from 'kysely';
import type { Indicator } from '../../shared/indicators.ts';
import { normalizeText } from '../../shared/indicator-match.ts';
import type { ImportColumnT, ImportProblemT, ImportReportT, ImportRowT, ValueInputT, ValueProblemT } from '../../shared/schemas.ts';
import { canConvert, convert, isUnit, type Unit } from '../../shared/units.ts';
import type { Database, ValueStatus } from '../db/schema.ts';
import { conflict, DomainError, invalid, type Bilingual } from '../errors.ts';
import type { Actor } from './audit.ts';
import { canWritePark, type SessionUser } from './sessions.ts';
import { indicatorsByCode } from './catalog.ts';
import { planColumns, rememberMappings, withSynonyms, type ColumnPlan, type HeaderMapping } from './import-columns.ts';
import {
  cellIsEmpty, cellText, columnLetter, FIELD_HEADERS, isNoDataMark, isTotalRowLabel, MAX_ROWS, normalizeUnit, parseImportFile, parseNumberText,
  type Cell, type ImportField, type LongFile, type ParsedFile, type WideFile,
} from './import-file.ts';
import { createGate, GateBusyError } from './import-gate.ts';
import { applyValueWrites, canWriteRegion, planValueWrites, type WritePlan } from './value-writes.ts';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  status: 'draft' | 'submitted';
  reason: string | null;
  /** "parkId:indicator:year" → the version the writer saw (the dry run's `versions`). */
  versions: Record<string, number>;
  /** A statistics sheet's headers → an indicator code, or 'ignore' (chosen on the import page). */
  mapping: HeaderMapping;
}

/**
 * One import reads its file at a time (memory bounded by one file); two more may wait up to 5 s,
 * others are told to retry.
 */
const readingGate = createGate({ maxWaiting: 2, maxWaitMs: 5_000, retryAfterSeconds: 5 });

type Problem = Omit<ImportProblemT, 'sheet' | 'cell'>;

/** Where a cell is: its row and 1-based column as Excel shows them (null: a whole row). */
interface Place {
  row: number;
  column: number | null;
}

/**
 * One figure as the file gives it, whatever the layout: the cells of its park, indicator, year,
 * value, … and where each one is, so that every problem names its cell. The long template gives one
 * per row; a wide sheet one per filled cell under an indicator's column.
 */
interface FigureCells {
  row: number;
  cells: Partial<Record<ImportField, Cell>>;
  at: Partial<Record<ImportField, Place>>;
}

/** A figure whose park, indicator, year and value could be read: it goes on to the write checks. */
interface ReadRow {
  row: number;
  column: number;
  /** The park's id; null for a region's own total. */
  parkId: number | null;
  /** A region's own total (地区代码): its code; null for a park's figure. */
  regionCode: string | null;
  /** The park's name, or the region's. */
  parkName: string;
  parkField: 'park' | 'parkId' | 'region';
  indicator: Indicator;
  year: number;
  value: number;
  unit: string | undefined;
  unitField: 'unit' | 'value';
  note: string | undefined;
  confirm: boolean;
  fileVersion: number | undefined;
  source: FigureCells;
}

/** A write problem's grade and suggested value, as the import report carries them. */
const graded = (p: ValueProblemT): Partial<Problem> => ({ ...(p.grade ? { grade: p.grade } : {}), ...(p.suggestion ? { suggestion: p.suggestion } : {}) });

/** "12:gdp:2024" for a park's figure, "region:330000:industrial_va:2024" for a region's own total. */
const key = (subject: number | string, indicator: string, year: number) => `${subject}:${indicator}:${year}`;
/** The subject part of a key: the park's id, or region:<code>. */
const subjectOf = (r: { parkId: number | null; regionCode?: string | null }): number | string => (r.regionCode ? `region:${r.regionCode}` : r.parkId!);
const STATUS_RANK: Record<ValueStatus, number> = { draft: 0, submitted: 1, city_approved: 2, approved: 3 };

/** Checks a file; with dryRun false and nothing wrong, writes it in one transaction. */
export async function runImport(db: Kysely<Database>, user: SessionUser, actor: Actor, now: Date, request: ImportRequest): Promise<ImportReportT> {
  const parsed = await readingGate.run(() => parseImportFile(request.fileName, request.bytes)).catch((err: unknown) => {
    if (err instanceof GateBusyError) {
      throw new DomainError('unavailable', 'import_busy', {
        zh: `服务器正在读取其他导入文件, 请 ${err.retryAfterSeconds} 秒后重试`,
        en: `Another import is being read: retry in ${err.retryAfterSeconds} s`,
      }, { retryAfterSeconds: err.retryAfterSeconds });
    }
    throw err;
  });
  const checked = await checkFile(db, user, now, parsed, request);
  const report: ImportReportT = {
    dryRun: request.dryRun, committed: false, fileName: request.fileName, sheet: parsed.sheet, layout: parsed.layout,
    year: checked.year, columns: checked.columns, status: request.status,
    rowsRead: parsed.rowsRead, summary: checked.summary, problems: checked.problems, rows: checked.rows, versions: checked.versions,
  };
  if (request.dryRun) return report;
  if (report.problems.length) throw refusal(report);
  // What the planner chose for the columns is remembered only with a file that went through.
  const remember = user.role === 'admin' || user.role === 'planner' ? checked.mappingsToRemember : [];
  if (checked.plan.writes.every((w) => w.unchanged)) {
    if (remember.length) await rememberMappings(db, remember, actor, now);
    return { ...report, committed: true };
  }

  const started = Date.now();
  const written = await db.transaction().execute(async (trx) => {
    // Logged once the transaction is open: an operator (and the kill test) can see an import in flight.
    console.log(`导入写入中 (import writing): ${request.fileName}, ${checked.summary.new + checked.summary.changed} 条, 用户 ${actor.username}`);
    const applied = await applyValueWrites(trx, checked.plan, request.status, actor, now, request.reason, 'import', {
      file: request.fileName, sheet: parsed.sheet, layout: parsed.layout, rowsRead: parsed.rowsRead, new: checked.summary.new, changed: checked.summary.changed,
    });
    if (remember.length) await rememberMappings(trx, remember, actor, now);
    return applied;
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) {
      throw conflict('conflict', { zh: '导入期间有人写入了相同的数据, 未写入任何数据, 请重新导入', en: 'Someone wrote the same figures during the import; nothing was written: import again' });
    }
    throw err;
  });
  console.log(`导入完成 (import committed): ${request.fileName}, ${Date.now() - started} ms`);
  const versionAt = new Map(written.map((w) => [key(subjectOf(w), w.indicator, w.year), w.version]));
  return {
    ...report, committed: true,
    rows: report.rows.map((r) => ({ ...r, version: versionAt.get(key(subjectOf(r), r.indicator, r.year)) ?? r.version })),
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
  const details = report.problems.slice(0, 1000).map((p) => ({ path: p.cell ?? p.sheet, messages: p.messages ?? { zh: p.message, en: p.message } }));
  return new DomainError(kind, code, messages, { details, extra: { report } });
}

// --- the figures of a file ------------------------------------------------------------------------

interface Figures {
  figures: FigureCells[];
  /** Rows (long) or cells (wide) without a figure. */
  skipped: number;
  problems: Problem[];
  columns: ImportColumnT[];
  year: ImportReportT['year'];
  mappingsToRemember: ColumnPlan[];
}

/** The long template: one figure per row, each field in its column (the 数值 column when one is missing). */
function longFigures(parsed: LongFile): Figures {
  const figures = parsed.rows.map((r): FigureCells => {
    const at: FigureCells['at'] = {};
    for (const field of Object.keys(FIELD_HEADERS) as ImportField[]) at[field] = { row: r.row, column: parsed.columns[field] ?? parsed.columns.value ?? null };
    return { row: r.row, cells: r.cells, at };
  });
  return { figures, skipped: 0, problems: parsed.headerProblems.map((p) => ({ ...p })), columns: [], year: null, mappingsToRemember: [] };
}

/**
 * A statistics sheet: every filled cell under a matched indicator column is one figure of the row's
 * park, in the unit its header names, for the year of the row (a 年份 column) or of the sheet's title.
 * Columns that cannot be matched, or whose unit cannot convert, are problems of their header cell.
 */
async function wideFigures(db: Kysely<Database>, parsed: WideFile, indicators: Map<string, Indicator>, mapping: HeaderMapping): Promise<Figures> {
  const problems: Problem[] = parsed.headerProblems.map((p) => ({ ...p }));
  const { keys } = parsed;
  const plans = await planColumns(db, parsed, indicators, mapping);
  for (const p of plans) problems.push(...p.problems);
  const planOf = new Map(plans.map((p) => [p.column, p]));
  const columns = parsed.headers.map((h): ImportColumnT => planOf.get(h.column)?.report ?? {
    column: columnLetter(h.column), header: h.text, name: h.text, unit: null, unitText: null,
    role: h.field!, indicator: null, matchedBy: null, suggestions: [], figures: 0,
  });
  const year = keys.year === undefined && parsed.titleYear
    ? { value: parsed.titleYear.year, cell: parsed.titleYear.column === null ? null : `${columnLetter(parsed.titleYear.column)}${parsed.titleYear.row}` }
    : null;
  const result = { figures: [] as FigureCells[], skipped: 0, problems, columns, year, mappingsToRemember: plans.filter((p) => p.remember) };
  if (keys.year === undefined && !parsed.titleYear) {
    problems.push({ row: parsed.headerRow, column: null, field: 'header', code: 'missing_column', message: '缺少年份: 表头上方的标题中没有写年份(如“2024年浙江省高新区主要指标”), 也没有“年份”列 (no year: neither a 年份 column nor a year in the title)' });
    return result;
  }

  const readable = plans.filter((p) => p.indicator && p.problems.length === 0);
  const place = (row: number, column: number | undefined): Place | undefined => (column === undefined ? undefined : { row, column });
  for (const r of parsed.rows) {
    const parkText = cellText(r.cells.get(keys.park ?? -1)).trim();
    if (isTotalRowLabel(parkText)) {
      result.skipped++;
      continue;
    }
    for (const p of readable) {
      const cell = r.cells.get(p.column);
      // Statistics sheets mark a figure they do not have with — or 无: the same as an empty cell.
      if (!cell || isNoDataMark(cell)) {
        result.skipped++;
        continue;
      }
      if (result.figures.length >= MAX_ROWS) {
        throw invalid('too_many_rows', { zh: `文件超过 ${MAX_ROWS} 个数据, 一次最多导入 ${MAX_ROWS} 个, 请拆分后分批导入`, en: `More than ${MAX_ROWS} figures: split the file` });
      }
      const titleYear = parsed.titleYear!;
      const cells: FigureCells['cells'] = {
        park: r.cells.get(keys.park ?? -1) ?? { kind: 'empty' },
        parkId: r.cells.get(keys.parkId ?? -1) ?? { kind: 'empty' },
        region: r.cells.get(keys.region ?? -1) ?? { kind: 'empty' },
        indicator: { kind: 'text', value: p.indicator!.code },
        year: keys.year !== undefined ? r.cells.get(keys.year) ?? { kind: 'empty' } : { kind: 'number', value: titleYear.year, percentFormat: false },
        value: cell,
        ...(p.unit ? { unit: { kind: 'text', value: p.unit } } : {}),
        note: r.cells.get(keys.note ?? -1) ?? { kind: 'empty' },
        confirm: r.cells.get(keys.confirm ?? -1) ?? { kind: 'empty' },
      };
      if (keys.park === undefined) delete cells.park;
      if (keys.parkId === undefined) delete cells.parkId;
      if (keys.region === undefined) delete cells.region;
      const headerCell = { row: parsed.headerRow, column: p.column };
      result.figures.push({
        row: r.row, cells,
        at: {
          park: place(r.row, keys.park), parkId: place(r.row, keys.parkId), region: place(r.row, keys.region),
          year: keys.year !== undefined ? { row: r.row, column: keys.year } : { row: titleYear.row ?? parsed.headerRow, column: titleYear.column },
          indicator: headerCell, unit: headerCell, value: { row: r.row, column: p.column },
          note: place(r.row, keys.note), confirm: place(r.row, keys.confirm),
        },
      });
    }
  }
  return result;
}

// --- checking the figures -----------------------------------------------------------------------------

interface Checked {
  summary: ImportReportT['summary'];
  problems: ImportProblemT[];
  rows: ImportRowT[];
  versions: Record<string, number>;
  plan: WritePlan;
  columns: ImportColumnT[];
  year: ImportReportT['year'];
  mappingsToRemember: ColumnPlan[];
}

async function checkFile(db: Kysely<Database>, user: SessionUser, now: Date, parsed: ParsedFile, request: ImportRequest): Promise<Checked> {
  const indicators = withSynonyms(await indicatorsByCode(db));
  const read = parsed.layout === 'long' ? longFigures(parsed) : await wideFigures(db, parsed, indicators, request.mapping);
  const problems = read.problems;
  const add = (figure: FigureCells, field: ImportField, code: string, message: string, extra: Partial<Problem> = {}) => {
    const where = figure.at[field] ?? figure.at.value ?? { row: figure.row, column: null };
    problems.push({ row: where.row, column: where.column === null ? null : columnLetter(where.column), field: field === 'parkId' ? 'park' : field, code, message, ...extra });
  };
  const finish = (rows: ImportRowT[], summary: Omit<ImportReportT['summary'], 'problems'>, versions: Record<string, number>, plan: WritePlan): Checked => {
    // One problem per cell and kind: a wide row's unknown park is the same problem for each of its figures.
    const seen = new Set<string>();
    const unique = problems.filter((p) => {
      const k = `${p.row}:${p.column}:${p.code}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const colOrder = (c: string | null) => (c === null ? '' : c.padStart(3, ' '));
    unique.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colOrder(a.column).localeCompare(colOrder(b.column)));
    return {
      summary: { ...summary, problems: unique.length },
      problems: unique.map((p) => ({ sheet: parsed.sheet, grade: 'error' as const, ...p, cell: cellName(parsed.sheet, p.row, p.column) })),
      rows, versions, plan, columns: read.columns, year: read.year, mappingsToRemember: read.mappingsToRemember,
    };
  };
  const empty: WritePlan = { writes: [], problems: [] };

  // Without its park, indicator or year columns the rows cannot be read: say so once, not per row.
  if (problems.some((p) => p.code === 'missing_column')) return finish([], { new: 0, changed: 0, unchanged: 0, skipped: read.skipped }, {}, empty);

  const [parks, regions] = await Promise.all([
    db.selectFrom('parks').select(['id', 'name', 'aliases']).execute(),
    db.selectFrom('regions').select(['code', 'name', 'level']).where('level', 'in', ['province', 'city']).execute(),
  ]);
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const parksByName = new Map<string, number[]>();
  for (const p of parks) {
    const names = [p.name, ...(p.aliases ? p.aliases.split('；') : [])];
    for (const name of [...names, ...names.map((n) => n.replace(/[(（][^()（）]*[)）]$/, ''))]) {
      const n = parkKey(name);
      const ids = parksByName.get(n) ?? [];
      if (!ids.includes(p.id)) parksByName.set(n, [...ids, p.id]);
    }
  }
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const regionByName = new Map<string, { code: string; name: string; level: string }>();
  // Provinces first: 吉林 is a province before it is a city.
  for (const r of [...regions].sort((a, b) => (a.level === b.level ? 0 : a.level === 'province' ? -1 : 1))) {
    for (const name of [r.name, shortRegionName(r.name)]) {
      const n = normalizeText(name);
      if (n && !regionByName.has(n)) regionByName.set(n, r);
    }
  }
  const indicatorByText = new Map<string, Indicator>();
  for (const i of indicators.values()) {
    for (const label of [i.nameZh, i.code, ...(i.synonymsZh ?? [])]) {
      const n = normalizeText(label);
      if (!indicatorByText.has(n)) indicatorByText.set(n, i);
    }
  }

  // 1. Read each figure's cells.
  const read1: ReadRow[] = [];
  let skipped = read.skipped;
  for (const figure of read.figures) {
    const r = readFigure(figure, add, { parkById, parksByName, regionByName, regionByCode, indicatorByText, user });
    if (r === 'skipped') skipped++;
    else if (r) read1.push(r);
  }
  if (read1.length === 0 && !problems.some((p) => p.row !== parsed.headerRow)) {
    if (problems.length) return finish([], { new: 0, changed: 0, unchanged: 0, skipped }, {}, empty);
    throw invalid('empty_file', {
      zh: `“${request.fileName}”中没有填写任何数值`,
      en: `No figures filled in ${request.fileName}: ${skipped} ${parsed.layout === 'long' ? 'rows' : 'cells'} without a value`,
    });
  }

  // 2. Duplicates within the file: the first figure counts, the later ones are problems.
  const firstOf = new Map<string, ReadRow>();
  const unique = read1.filter((r) => {
    const k = key(subjectOf(r), r.indicator.code, r.year);
    const first = firstOf.get(k);
    if (first === undefined) {
      firstOf.set(k, r);
      return true;
    }
    if (parsed.layout === 'long') add(r.source, 'year', 'duplicate', `与第 ${first.row} 行的${r.regionCode ? '地区' : '园区'}、指标、年份相同 (duplicate of row ${first.row})`);
    else add(r.source, r.parkField, 'duplicate', `与第 ${first.row} 行是同一园区、同一年份, “${r.indicator.nameZh}”重复 (the same park and year as row ${first.row})`);
    return false;
  });

  // 3. The figures stored now: which rows are new, which change a figure, and which version each needs.
  const storedParkIds = [...new Set(unique.flatMap((r) => (r.parkId !== null ? [r.parkId] : [])))];
  const storedRegionKeys = [...new Set(unique.flatMap((r) => (r.regionCode !== null ? [`region:${r.regionCode}`] : [])))];
  const stored = unique.length
    ? await db.selectFrom('reported_values').select(['subject_key', 'indicator_code', 'year', 'value', 'version', 'status', 'note'])
      .where((eb) => eb.or([
        ...(storedParkIds.length ? [eb('park_id', 'in', storedParkIds)] : []),
        ...(storedRegionKeys.length ? [eb('subject_key', 'in', storedRegionKeys)] : []),
      ]))
      .where('indicator_code', 'in', [...new Set(unique.map((r) => r.indicator.code))])
      .where('year', 'in', [...new Set(unique.map((r) => r.year))])
      .execute()
    : [];
  // park:12 → 12, region:330000 stays: the subjects of the report's keys.
  const storedAt = new Map(stored.map((s) => [key(s.subject_key.startsWith('park:') ? Number(s.subject_key.slice(5)) : s.subject_key, s.indicator_code, s.year), s]));
  const converted = (r: ReadRow): number | null => {
    const unit = r.unit ?? r.indicator.unit;
    return isUnit(unit) && canConvert(unit, r.indicator.unit) ? convert(r.value, unit, r.indicator.unit) : null;
  };
  const sameAsStored = (r: ReadRow) => {
    const s = storedAt.get(key(subjectOf(r), r.indicator.code, r.year));
    const v = converted(r);
    return !!s && v !== null && nearlyEqual(v, s.value) && (!r.note || r.note === s.note);
  };
  const items: ValueInputT[] = unique.map((r) => {
    const k = key(subjectOf(r), r.indicator.code, r.year);
    const s = storedAt.get(k);
    // The same value as stored: nothing would be lost, so no version is needed.
    let version = s && sameAsStored(r) ? s.version : request.versions[k] ?? r.fileVersion;
    // A dry run shows what the commit would do with the versions it reports.
    if (version === undefined && s && request.dryRun) version = s.version;
    return {
      ...(r.regionCode !== null ? { regionCode: r.regionCode } : { parkId: r.parkId! }), indicator: r.indicator.code, year: r.year, value: r.value,
      ...(r.unit !== undefined ? { unit: r.unit } : {}), ...(r.note !== undefined ? { note: r.note } : {}),
      ...(version !== undefined ? { version } : {}), confirm: r.confirm,
    };
  });

  // 4. The write path's own checks: permission, units, negative, integer counts, jumps, versions.
  const plan = await planValueWrites(db, user, items, request.status, now, { confirmHint: 'import' });
  const seen = new Set(problems.map((p) => `${p.row}:${p.column}:${p.code}`));
  for (const p of plan.problems) {
    const r = unique[p.index]!;
    const cellKey = `${r.row}:${columnLetter(r.column)}:${p.code}`;
    if (seen.has(cellKey)) continue;
    seen.add(cellKey);
    const current = p.current ? { current: p.current } : {};
    switch (p.field) {
      case 'parkId':
      case 'regionCode':
        add(r.source, r.parkField, p.code, p.message, { messages: p.messages });
        break;
      case 'unit':
        add(r.source, r.unitField, p.code, p.message, { messages: p.messages });
        break;
      case 'version': {
        const fromFile = r.fileVersion !== undefined && request.versions[key(subjectOf(r), r.indicator.code, r.year)] === undefined;
        const message = p.code === 'version_required'
          ? `该数据已存在(第${p.current?.version}版, 值为 ${p.current?.value}, ${p.current?.enteredBy} 录入): 提交时须带上试导入报告中的版本号 (versions), 以免覆盖他人的修改 (the figure exists: send the versions from the dry run)`
          : `${p.message}; ${fromFile ? `文件“版本”列为第${r.fileVersion}版` : `提交的版本为第${items[p.index]!.version}版`}, 当前为第${p.current?.version}版`;
        add(r.source, fromFile && r.source.cells.version !== undefined ? 'version' : 'value', p.code, message, current);
        break;
      }
      case 'value':
        add(r.source, 'value', p.code, p.message, { messages: p.messages, ...graded(p) });
        break;
      default:
        add(r.source, (p.field in FIELD_HEADERS ? p.field : 'value') as ImportField, p.code, p.message, { ...current, messages: p.messages, ...graded(p) });
    }
  }

  // 5. The figures that pass, as they would be written.
  const cellsWithProblems = new Set(problems.map((p) => `${p.row}:${p.column}`));
  const rowsWithProblems = new Set(problems.map((p) => p.row));
  const hasProblem = (r: ReadRow) => (parsed.layout === 'long'
    ? rowsWithProblems.has(r.row)
    // A wide row's park problem spoils all its figures; a figure's own problem only its cell.
    : cellsWithProblems.has(`${r.row}:${columnLetter(r.column)}`) || [r.source.at.park, r.source.at.parkId, r.source.at.region, r.source.at.year].some((at) => at && cellsWithProblems.has(`${at.row}:${at.column === null ? null : columnLetter(at.column)}`)));
  const rows: ImportRowT[] = [];
  const versions: Record<string, number> = {};
  const counts = { new: 0, changed: 0, unchanged: 0 };
  const writeOf = new Map(plan.writes.map((w) => [w.index, w]));
  unique.forEach((r, index) => {
    const s = storedAt.get(key(subjectOf(r), r.indicator.code, r.year));
    const staleHere = plan.problems.some((p) => p.index === index && p.code === 'stale');
    const mayWrite = r.regionCode !== null ? canWriteRegion(user) : canWritePark(user, r.parkId!);
    if (s && !staleHere && mayWrite) versions[key(subjectOf(r), r.indicator.code, r.year)] = s.version;
    const w = writeOf.get(index);
    if (!w || hasProblem(r)) return;
    // Re-importing a stored value never takes it back from submitted or approved to draft.
    if (w.existing && sameAsStored(r) && STATUS_RANK[w.existing.status] >= STATUS_RANK[request.status]) {
      w.unchanged = true;
      w.value = w.existing.value;
    }
    const status = !w.existing ? 'new' : w.unchanged ? 'unchanged' : 'changed';
    counts[status]++;
    rows.push({
      row: r.row, column: columnLetter(r.column), parkId: r.parkId, parkName: r.parkName, regionCode: r.regionCode, indicator: r.indicator.code, indicatorName: r.indicator.nameZh, year: r.year,
      value: w.value, unit: r.indicator.unit, originalValue: r.value, originalUnit: r.unit ?? r.indicator.unit,
      status, oldValue: w.existing?.value ?? null, version: w.existing?.version ?? null,
    });
  });
  return finish(rows, { ...counts, skipped }, versions, plan);
}

/** 填报数据!D7, a whole row 填报数据!7:7 (a missing column: the header row), for people to read (unquoted). */
function cellName(sheet: string, row: number | null, column: string | null): string {
  if (row === null) return sheet;
  return column === null ? `${sheet}!${row}:${row}` : `${sheet}!${column}${row}`;
}

/**
 * A park's name as the import compares it: the official long forms and the short one are the same
 * park (宁波国家高新技术产业开发区 and 宁波国家高新区 are 宁波高新区), as are full-width and half-width
 * brackets. Parks are also found by their name without a remark in brackets (杭州高新区 for
 * 杭州高新区(滨江)), unless two parks share it.
 */
function parkKey(name: string): string {
  return normalizeText(name).replace(/(国家)?高新技术产业开发区|国家高新区/g, '高新区');
}

/** 浙江省 → 浙江, 杭州市 → 杭州, 广西壮族自治区 → 广西: how sheets often name regions. */
function shortRegionName(name: string): string {
  return name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/, '');
}

function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

interface Lookups {
  parkById: Map<number, { id: number; name: string; aliases: string | null }>;
  parksByName: Map<string, number[]>;
  regionByName: Map<string, { code: string; name: string; level: string }>;
  regionByCode: Map<string, { code: string; name: string; level: string }>;
  indicatorByText: Map<string, Indicator>;
  user: SessionUser;
}

type Add = (figure: FigureCells, field: ImportField, code: string, message: string, extra?: Partial<Problem>) => void;

/** One figure's cells, or its problems; 'skipped' for a row without a value. */
function readFigure(figure: FigureCells, add: Add, { parkById, parksByName, regionByName, regionByCode, indicatorByText, user }: Lookups): ReadRow | 'skipped' | null {
  const { row, cells } = figure;
  if (cellIsEmpty(cells.value)) return 'skipped';
  // A problem with the park, indicator, year or value stops the row here; the others (a park the user
  // may not write, the confirmation, the note, the version) still let it through to the write checks,
  // so that every problem of the row is reported.
  let ok = true;
  const fail = (field: ImportField, code: string, message: string, blocking = true, extra?: Partial<Problem>) => {
    add(figure, field, code, message, extra);
    if (blocking) ok = false;
  };
  const missing = (field: ImportField) => fail(field, 'missing', `缺少“${FIELD_HEADERS[field].zh}” (missing ${field})`);

  // Park: by its number when given (the name must then agree), else by name or alias. Or a region's
  // own total: its code (地区代码) instead of a park, never both.
  let park: { id: number; name: string } | undefined;
  let regionTotal: { code: string; name: string } | undefined;
  let parkField: 'park' | 'parkId' | 'region' = 'park';
  const idText = cellText(cells.parkId).trim();
  const nameText = cellText(cells.park).trim();
  const regionText = cellText(cells.region).trim().normalize('NFKC');
  if (regionText) {
    parkField = 'region';
    const found = regionByCode.get(regionText) ?? regionByName.get(normalizeText(regionText));
    if (idText || nameText) {
      const zh = `同一行填写了园区和地区代码“${regionText}”: 每行只能是一个园区的数据或一个地区的合计数据, 请删去其一`;
      fail('region', 'park_and_region', zh, true, { messages: { zh, en: `The row names a park and the region code ${regionText}: a row is a park's figure or a region's own total, not both` } });
    } else if (!found) {
      const zh = `地区代码“${regionText}”不存在: 应为省或市的六位行政区划代码, 如 330000(浙江省)、330100(杭州市)`;
      fail('region', 'unknown_region', zh, true, { messages: { zh, en: `Unknown region code ${regionText}: give a province's or city's six-digit code, such as 330000 (Zhejiang) or 330100 (Hangzhou)` } });
    } else {
      regionTotal = found;
      const zh = `无权填报“${found.name}”的合计数据: 地区数据由省级规划人员填报`;
      if (!canWriteRegion(user)) fail('region', 'forbidden_park', zh, false, { messages: { zh, en: `You may not write the totals of ${found.name}: planners enter a region's figures` } });
    }
  } else if (idText) {
    parkField = 'parkId';
    const id = Number(idText.normalize('NFKC'));
    if (!Number.isInteger(id) || id <= 0) fail('parkId', 'invalid_park_id', `园区编号“${idText}”不是有效的编号 (not a park number)`);
    else if (!parkById.has(id)) fail('parkId', 'unknown_park', `园区编号 ${id} 不存在 (unknown park)`);
    else {
      park = parkById.get(id)!;
      const named = nameText ? parksByName.get(parkKey(nameText)) : undefined;
      if (nameText && !named?.includes(id)) fail('park', 'park_mismatch', `园区“${nameText}”与园区编号 ${id}(${park.name})不一致 (the park's name and number disagree)`);
    }
  } else if (nameText) {
    const ids = parksByName.get(parkKey(nameText)) ?? [];
    const region = ids.length === 0 ? regionByName.get(normalizeText(nameText)) : undefined;
    if (region) {
      const level = region.level === 'province' ? '省' : '市';
      const zh = `“${nameText}”是地区(${level}, 代码 ${region.code})而不是园区: 地区自身的合计数据请在“地区代码”列填写其代码 ${region.code} 并留空园区名称; 如果是各园区的小计, 请删除此行`;
      fail('park', 'region_row', zh, true, { region, messages: { zh, en: `${nameText} is a region (code ${region.code}), not a park: give a region's own totals in a 地区代码 column with its code and no park name; if the row is the parks' subtotal, delete it` } });
    } else if (ids.length === 0) fail('park', 'unknown_park', `园区“${nameText}”不存在, 请核对名称或填写园区编号 (unknown park)`);
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
    fail(figure.at.unit?.row === row ? 'unit' : 'value', 'unit_conflict', `数值中的单位“${unitInValue}”与${figure.at.unit?.row === row ? '“单位”列' : '表头'}的“${unitCell}”不一致 (the unit in the value cell and the unit ${figure.at.unit?.row === row ? 'column' : 'in the header'} disagree)`);
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

  const subject = regionTotal ? { parkId: null, regionCode: regionTotal.code, parkName: regionTotal.name } : park ? { parkId: park.id, regionCode: null, parkName: park.name } : null;
  if (!ok || !subject || !indicator || typeof year !== 'number' || !('value' in value)) return null;
  return {
    row, column: figure.at.value?.column ?? 0, ...subject, parkField, indicator, year, value: value.value,
    unit: unitCell ?? unitInValue, unitField: unitCell ? 'unit' : 'value', note, confirm: confirm ?? false, fileVersion, source: figure,
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
      const hint = isNoDataMark(cell) ? '; 没有数据请留空 (leave it empty when there is no figure)' : '';
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
