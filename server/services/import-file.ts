// Reading an uploaded .xlsx or .csv into rows of typed cells under a recognised header, with what it
// may cost bounded: the upload's size, each sheet's unpacked size, each cell's length and the number
// of rows are refused as soon as they are passed, and an .xlsx is read as a stream (xlsx-stream.ts).
// Two layouts: the long template (one figure per row: 园区, 指标, 年份, 数值, …) and the wide statistics
// sheet (one row per park, one column per indicator, the unit in the header). No database here: what
// the cells and headers mean (which park, which indicator) is decided in import.ts.
import { parse as parseCsv } from 'csv-parse/sync';
import { normalizeText } from '../../shared/indicator-match.ts';
import { isUnit, type Unit } from '../../shared/units.ts';
import { DomainError, invalid, type Bilingual } from '../errors.ts';
import { openXlsx, WorkbookError, type Cell, type GridRow, type SheetInfo } from './xlsx-stream.ts';

export type { Cell, GridRow } from './xlsx-stream.ts';

/** Uploads larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Data rows in one file; larger reports should be split (the JSON API takes 5000 per request). */
export const MAX_ROWS = 20_000;
/** Characters in one cell: a note may hold 2000, nothing a report needs comes near this. */
export const MAX_CELL_CHARS = 5_000;
/**
 * The unpacked size of one part of a workbook that is read (a sheet, the shared strings). 20 000 rows
 * of the template take about 5 MB; a part declaring more is refused before it is inflated.
 */
export const MAX_PART_BYTES = 40 * 1024 * 1024;
/** All parts together, read or not: a zip declaring more is refused before anything is inflated. */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** The header may sit below a title: it is looked for in this many rows. */
const HEADER_SEARCH_ROWS = 20;

export const DATA_SHEET = '填报数据';

export type ImportField = 'park' | 'parkId' | 'region' | 'indicator' | 'year' | 'value' | 'unit' | 'note' | 'confirm' | 'version';
/** The columns of a wide sheet that are not indicators: who, when, and the row's note and confirmation. */
export type WideKeyField = 'park' | 'parkId' | 'region' | 'year' | 'note' | 'confirm';

/** The header each field is written with in the template, and the texts accepted for it (compared without spaces, brackets, case). */
export const FIELD_HEADERS: Record<ImportField, { zh: string; accepted: string[] }> = {
  park: { zh: '园区', accepted: ['园区', '园区名称', '高新区', '高新区名称', '开发区', '开发区名称', '园区(高新区)', '单位名称', 'park', 'parkname', 'zone'] },
  parkId: { zh: '园区编号', accepted: ['园区编号', '园区id', '园区代码', 'parkid', 'parkno'] },
  // A region's own total (the province's, a city's) instead of a park's figure: its code (or name).
  region: { zh: '地区代码', accepted: ['地区代码', '地区编码', '区域代码', '行政区划代码', 'regioncode'] },
  indicator: { zh: '指标', accepted: ['指标', '指标名称', '指标代码', 'indicator', 'indicatorcode', 'indicatorname'] },
  year: { zh: '年份', accepted: ['年份', '年度', '年', '统计年份', '统计年度', 'year'] },
  value: { zh: '数值', accepted: ['数值', '填报值', '填报数值', '指标值', '数据', '值', 'value'] },
  unit: { zh: '单位', accepted: ['单位', '计量单位', 'unit'] },
  note: { zh: '备注', accepted: ['备注', '说明', '备注说明', 'note', 'notes', 'comment'] },
  confirm: { zh: '确认', accepted: ['确认', '确认无误', '确认跳变', 'confirm', 'confirmed'] },
  version: { zh: '版本', accepted: ['版本', '版本号', 'version'] },
};

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: Partial<Record<ImportField, Cell>>;
}

export interface HeaderProblem {
  row: number;
  column: string | null;
  field: string;
  code: string;
  message: string;
  /** The same in Chinese and English, where written apart. */
  messages?: { zh: string; en: string };
}

interface ParsedBase {
  kind: 'xlsx' | 'csv';
  sheet: string;
  headerRow: number;
  headerProblems: HeaderProblem[];
  /** Data rows with any content under the header. */
  rowsRead: number;
}

/** The long template: one figure per row. */
export interface LongFile extends ParsedBase {
  layout: 'long';
  /** 1-based column of each recognised field. */
  columns: Partial<Record<ImportField, number>>;
  rows: SheetRow[];
}

/** A statistics sheet: one row per park, one column per indicator. */
export interface WideFile extends ParsedBase {
  layout: 'wide';
  /** 1-based column of the park, its number, the year, the row's note and confirmation. */
  keys: Partial<Record<WideKeyField, number>>;
  /** Every column with a header: the keys (field set), and the indicator columns to be matched (field null). */
  headers: { column: number; text: string; field: WideKeyField | null }[];
  /** The year a title above the header (or the sheet's name) gives: "2024年浙江省高新区主要指标". */
  titleYear: { year: number; row: number | null; column: number | null } | null;
  rows: GridRow[];
}

export type ParsedFile = LongFile | WideFile;

const fileError = (code: string, messages: Bilingual) => invalid(code, messages);

export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Which field a header cell names: 园区, park, 数值(万元) → value, 上年数值(参考) → none. */
export function fieldOfHeader(text: string): ImportField | null {
  // Bracketed remarks and required-field stars go; 上年数值 and other helper columns stay unknown.
  const t = normalizeText(text).replace(/\(.*?\)|\[.*?\]|【.*?】|\*/g, '').replace(/[_\-.:：]/g, '');
  if (!t) return null;
  for (const [field, { accepted }] of Object.entries(FIELD_HEADERS) as [ImportField, { accepted: string[] }][]) {
    if (accepted.includes(t)) return field;
  }
  // 园区(高新区) and the like: the whole text, brackets included.
  const whole = normalizeText(text);
  return FIELD_HEADERS.park.accepted.includes(whole) ? 'park' : null;
}

const UNIT_ALIASES: Record<string, Unit> = {
  平方千米: '平方公里', km2: '平方公里', 'km^2': '平方公里', 'sqkm': '平方公里',
  ha: '公顷', hm2: '公顷', mu: '亩', yuan: '元', 人民币元: '元',
  万平米: '万平方米', 户: '家',
};

/** The unit a cell names, tolerant of width, spaces and a few spellings (平方千米, km², ha); else the text as is. */
export function normalizeUnit(text: string): string {
  const t = normalizeText(text);
  return UNIT_ALIASES[t] ?? (isUnit(t) ? t : text.trim());
}

/**
 * A statistics sheet's column header split into its name and the unit in brackets at its end, in
 * full-width or half-width brackets: "R&D经费内部支出（万元）" → R&D经费内部支出 in 万元. A bracket that
 * names no unit we know ("研发人员(人)", "出口额(万美元)") is kept as `unitText`, and the figures
 * under it cannot be converted.
 */
export function splitHeader(text: string): { name: string; unit: Unit | null; unitText: string | null } {
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const m = /^(.*?)\s*[([【]\s*(?:单位\s*[:：]?\s*)?([^()[\]【】]*?)\s*[)\]】]$/.exec(t);
  if (!m || !m[1] || !m[2]) return { name: t, unit: null, unitText: null };
  const unit = normalizeUnit(m[2]);
  return isUnit(unit) ? { name: m[1], unit, unitText: null } : { name: m[1], unit: null, unitText: m[2] };
}

/**
 * A number written as text: 1234.5, "1,234.5", full-width digits, and a unit right after it
 * ("12.5亿元", "7.3%"). Anything else (abc, 约12, 12-15, —) is not a number.
 */
export function parseNumberText(input: string): { value: number; unit: Unit | null } | null {
  const t = input.normalize('NFKC').replace(/[\s\u00a0]+/g, '').replace(/[\u2212\u2013]/g, '-');
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?|[+-]?\.\d+)(.*)$/i.exec(t);
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  if (!m[2]) return { value, unit: null };
  const unit = normalizeUnit(m[2]);
  return isUnit(unit) ? { value, unit } : null;
}

const NO_DATA_MARKS = new Set(['-', '—', '——', '/', '无', 'n/a', 'na', '空']);

/** — or 无 where a figure would be: statistics sheets mark a figure they do not have so. */
export function isNoDataMark(cell: Cell | undefined): boolean {
  return cell?.kind === 'text' && NO_DATA_MARKS.has(normalizeText(cell.value));
}

/** Rows of a statistics sheet that add up the others (合计, 全省合计, 小计): never a park's figures. */
export function isTotalRowLabel(text: string): boolean {
  return /^(合计|总计|小计|汇总|全省|全市|全国|合计数)$|(合计|总计|小计)$/.test(normalizeText(text));
}

export function cellIsEmpty(cell: Cell | undefined): boolean {
  return !cell || cell.kind === 'empty';
}

/** The cell as text, for names, codes, notes. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text': return cell.value;
    case 'number': return String(cell.value);
    case 'bool': return cell.value ? '是' : '否';
    case 'date': return cell.value.toISOString().slice(0, 10);
    case 'error': return cell.value;
    default: return '';
  }
}

// --- detecting the format -----------------------------------------------------------------------

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

export async function parseImportFile(name: string, bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.length === 0) throw fileError('empty_file', { zh: `文件“${name}”是空的`, en: `The file ${name} is empty` });
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return readXlsx(name, bytes);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw fileError('unsupported_file', {
      zh: '不支持 Excel 97-2003 (.xls) 或加密的工作簿: 请在 Excel 中“另存为” .xlsx 或 CSV 后再导入',
      en: 'Old .xls or encrypted workbooks are not supported: save the file as .xlsx or CSV',
    });
  }
  if (ext === 'xlsx' || ext === 'xlsm') throw corrupt(name);
  if (!['csv', 'txt', 'tsv', ''].includes(ext) || looksBinary(bytes)) {
    throw fileError('unsupported_file', { zh: `不支持的文件类型“${name}”: 只能导入 .xlsx 或 .csv 文件`, en: `Only .xlsx and .csv files can be imported, not ${name}` });
  }
  return readCsv(name, bytes);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return false; // UTF-16 text
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

const corrupt = (name: string) => fileError('corrupt_file', { zh: `“${name}”不是有效的 .xlsx 文件, 可能已损坏`, en: `${name} is not a valid .xlsx file` });

const tooManyRows = () => fileError('too_many_rows', { zh: `文件超过 ${MAX_ROWS} 行数据, 一次最多导入 ${MAX_ROWS} 行, 请拆分后分批导入`, en: `More than ${MAX_ROWS} rows: split the file` });

const cellTooLarge = (sheet: string, cell: string) =>
  fileError('cell_too_large', {
    zh: `${sheet}!${cell} 单元格内容超过 ${MAX_CELL_CHARS} 个字符, 不像是填报数据, 文件未导入`,
    en: `The cell ${sheet}!${cell} holds more than ${MAX_CELL_CHARS} characters: not a figure; the file was not imported`,
  });

// --- xlsx ------------------------------------------------------------------------------------------

async function readXlsx(name: string, bytes: Uint8Array): Promise<ParsedFile> {
  let workbook;
  try {
    workbook = await openXlsx(bytes, { maxPartBytes: MAX_PART_BYTES, maxCellChars: MAX_CELL_CHARS, maxTotalBytes: MAX_UNZIPPED_BYTES });
  } catch (err) {
    throw workbookRefusal(name, err);
  }
  try {
    // Hidden and very hidden sheets are never read: what is imported is what the planner sees.
    const visible = workbook.sheets.filter((s) => s.state === 'visible');
    if (visible.length === 0) throw fileError('corrupt_file', { zh: `“${name}”中没有可见的工作表`, en: `The workbook ${name} has no visible sheet` });
    // The template's sheet by name, else the first sheet with a header we recognise.
    const ordered: SheetInfo[] = [...visible.filter((s) => s.name.trim() === DATA_SHEET), ...visible.filter((s) => s.name.trim() !== DATA_SHEET)];
    for (const sheet of ordered) {
      const reader = new SheetReader('xlsx', sheet.name);
      try {
        await workbook.readRows(sheet, (row) => reader.push(row));
      } catch (err) {
        throw workbookRefusal(name, err);
      }
      const parsed = reader.result();
      if (parsed) return parsed;
    }
    throw noHeader(name);
  } finally {
    workbook.close();
  }
}

function workbookRefusal(name: string, err: unknown): unknown {
  if (!(err instanceof WorkbookError)) return err;
  switch (err.reason) {
    case 'part_too_large': {
      const mb = Math.ceil((err.detail.declaredBytes ?? 0) / 1024 / 1024);
      return new DomainError('too_large', 'file_too_large', {
        zh: `“${name}”解压后过大(${err.detail.part ?? '工作簿'} 约 ${mb} MB), 请拆分后分批导入`,
        en: `The workbook unpacks to too much (${mb} MB in ${err.detail.part ?? 'one part'}): split it`,
      });
    }
    case 'cell_too_large':
      return cellTooLarge(err.detail.sheet ?? '', err.detail.cell ?? '');
    default:
      return fileError('corrupt_file', { zh: `无法读取“${name}”: 文件不是有效的 .xlsx 或已损坏`, en: `Cannot read the workbook ${name}` });
  }
}

// --- csv -------------------------------------------------------------------------------------------

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (what Excel in China saves CSV as). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Comma, tab (Excel's "Unicode text") or semicolon: whichever the first lines have most of outside quotes. */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 200).filter((l) => l.trim()).slice(0, HEADER_SEARCH_ROWS);
  const unquoted = lines.join('\n').replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

function readCsv(name: string, bytes: Uint8Array): ParsedFile {
  const text = decodeText(bytes);
  if (!text.trim()) throw fileError('empty_file', { zh: `文件“${name}”是空的`, en: `The file ${name} is empty` });
  // Excel shows a CSV file as one sheet named after the file.
  const sheet = name.replace(/\.[^.]+$/, '') || name;
  const reader = new SheetReader('csv', sheet);
  // Each record goes to the reader as it is parsed and is not kept by the parser: a file over the row
  // limit stops being parsed at the limit (the reader throws, and so does the parse).
  let rowNumber = 0;
  let stopped = false;
  try {
    parseCsv(text, {
      delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true,
      on_record: (record: string[]) => {
        rowNumber++;
        if (stopped) return null;
        const cells = new Map<number, Cell>();
        record.forEach((raw, i) => {
          const value = raw.trim();
          if (value.length > MAX_CELL_CHARS) throw cellTooLarge(sheet, `${columnLetter(i + 1)}${rowNumber}`);
          if (value) cells.set(i + 1, { kind: 'text', value });
        });
        if (cells.size > 0 && !reader.push({ row: rowNumber, cells })) stopped = true;
        return null;
      },
    });
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw fileError('corrupt_file', { zh: `CSV 文件格式有误, 无法读取: ${(err as Error).message}`, en: `Cannot parse the CSV: ${(err as Error).message}` });
  }
  const parsed = reader.result();
  if (!parsed) throw noHeader(name);
  return parsed;
}

// --- the header --------------------------------------------------------------------------------------

type Header =
  | { layout: 'long'; row: number; columns: Partial<Record<ImportField, number>>; problems: HeaderProblem[] }
  | { layout: 'wide'; row: number; keys: Partial<Record<WideKeyField, number>>; headers: WideFile['headers']; problems: HeaderProblem[] };

const WIDE_KEYS = new Set<ImportField>(['park', 'parkId', 'region', 'year', 'note', 'confirm']);

/**
 * What a row says as a header, if anything. Long: 数值 and at least two of 园区/园区编号, 指标, 年份.
 * Wide: a park column (name or number), no 数值 column, and at least one other column with a header
 * (the indicators, matched to the catalogue later).
 */
function headerOf(row: GridRow): Header | null {
  const fields: Partial<Record<ImportField, number>> = {};
  const others: { column: number; text: string }[] = [];
  const duplicates: HeaderProblem[] = [];
  for (const [column, cell] of [...row.cells].sort((a, b) => a[0] - b[0])) {
    const text = cellText(cell).trim();
    if (!text) continue;
    const field = fieldOfHeader(text);
    if (!field) {
      others.push({ column, text });
      continue;
    }
    if (fields[field] !== undefined) {
      duplicates.push({ row: row.row, column: columnLetter(column), field: 'header', code: 'duplicate_column', message: `“${FIELD_HEADERS[field].zh}”列重复出现 (第 ${columnLetter(fields[field]!)} 列已是该列), 此列被忽略 (duplicate column, ignored)` });
      continue;
    }
    fields[field] = column;
  }
  const keys = [fields.park ?? fields.parkId ?? fields.region, fields.indicator, fields.year].filter((k) => k !== undefined).length;
  if (fields.value !== undefined && keys >= 2) {
    const problems = [...duplicates];
    const missing: [ImportField, boolean][] = [['park', fields.park === undefined && fields.parkId === undefined && fields.region === undefined], ['indicator', fields.indicator === undefined], ['year', fields.year === undefined]];
    for (const [field, isMissing] of missing) {
      if (isMissing) problems.push({ row: row.row, column: null, field: 'header', code: 'missing_column', message: `缺少“${FIELD_HEADERS[field].zh}”列 (missing column: ${field})` });
    }
    return { layout: 'long', row: row.row, columns: fields, problems };
  }
  // A 地区代码 column: rows that are a region's own totals (the province's statistics, one column per indicator).
  if (fields.value === undefined && (fields.park !== undefined || fields.parkId !== undefined || fields.region !== undefined)) {
    const wideKeys: Partial<Record<WideKeyField, number>> = {};
    const headers: WideFile['headers'] = others.map((o) => ({ ...o, field: null }));
    for (const [field, column] of Object.entries(fields) as [ImportField, number][]) {
      const text = cellText(row.cells.get(column)).trim();
      if (WIDE_KEYS.has(field)) wideKeys[field as WideKeyField] = column;
      headers.push({ column, text, field: WIDE_KEYS.has(field) ? field as WideKeyField : null });
    }
    if (!headers.some((h) => h.field === null)) return null;
    headers.sort((a, b) => a.column - b.column);
    return { layout: 'wide', row: row.row, keys: wideKeys, headers, problems: duplicates };
  }
  return null;
}

/** "2024年浙江省高新区主要指标", "2023年度": a year in a title. */
export function yearInTitle(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/**
 * Takes a sheet's rows in order: finds the header in the first rows, then keeps the data rows,
 * refusing the sheet as soon as it has more than MAX_ROWS of them. `push` answers false once it
 * has seen enough (no header in the first rows: the next sheet is tried).
 */
class SheetReader {
  private readonly before: GridRow[] = [];
  private header: Header | null = null;
  private readonly rows: GridRow[] = [];

  constructor(private readonly kind: 'xlsx' | 'csv', private readonly sheet: string) {}

  push(row: GridRow): boolean {
    if (!this.header) {
      if (row.row > HEADER_SEARCH_ROWS) return false;
      this.header = headerOf(row);
      if (!this.header) this.before.push(row);
      return true;
    }
    const columns = this.header.layout === 'long' ? Object.values(this.header.columns) : this.header.headers.map((h) => h.column);
    if (!columns.some((c) => row.cells.has(c))) return true;
    if (this.rows.length >= MAX_ROWS) throw tooManyRows();
    this.rows.push(row);
    return true;
  }

  result(): ParsedFile | null {
    const header = this.header;
    if (!header) return null;
    const base = { kind: this.kind, sheet: this.sheet, headerRow: header.row, headerProblems: header.problems, rowsRead: this.rows.length };
    if (header.layout === 'long') {
      const rows = this.rows.map((r) => {
        const cells: SheetRow['cells'] = {};
        for (const [field, column] of Object.entries(header.columns) as [ImportField, number][]) cells[field] = r.cells.get(column) ?? { kind: 'empty' };
        return { row: r.row, cells };
      });
      return { ...base, layout: 'long', columns: header.columns, rows };
    }
    return { ...base, layout: 'wide', keys: header.keys, headers: header.headers, titleYear: this.titleYear(), rows: this.rows };
  }

  private titleYear(): WideFile['titleYear'] {
    for (const r of this.before) {
      for (const [column, cell] of r.cells) {
        const year = cell.kind === 'text' ? yearInTitle(cell.value) : null;
        if (year) return { year, row: r.row, column };
      }
    }
    const year = yearInTitle(this.sheet);
    return year ? { year, row: null, column: null } : null;
  }
}

function noHeader(name: string): DomainError {
  return fileError('no_header', {
    zh: `“${name}”中没有找到表头: 需要一行同时写有“园区”(或“园区编号”)、“指标”、“年份”、“数值”列(逐条填报), 或“园区”列加各指标列(统计报表), 请使用导入模板`,
    en: `${name} has no header row: 园区, 指标, 年份 and 数值 (one figure per row), or 园区 and one column per indicator (a statistics sheet); use the template`,
  });
}
