// Reading an uploaded .xlsx or .csv into rows of typed cells under a recognised header. No database
// here: what the cells mean (which park, which indicator) is decided in import.ts.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { isUnit, type Unit } from '../../shared/units.ts';
import { invalid, type Bilingual, type DomainError } from '../errors.ts';

/** Uploads larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Data rows in one file; larger reports should be split (the JSON API takes 5000 per request). */
export const MAX_ROWS = 20_000;
/** A zip that would unpack to more than this is refused before exceljs inflates it (zip bombs). */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** The header may sit below a title: it is looked for in this many rows. */
const HEADER_SEARCH_ROWS = 20;

export const DATA_SHEET = '填报数据';

export type ImportField = 'park' | 'parkId' | 'indicator' | 'year' | 'value' | 'unit' | 'note' | 'confirm' | 'version';

/** The header each field is written with in the template, and the texts accepted for it (compared without spaces, brackets, case). */
export const FIELD_HEADERS: Record<ImportField, { zh: string; accepted: string[] }> = {
  park: { zh: '园区', accepted: ['园区', '园区名称', '高新区', '高新区名称', '开发区', 'park', 'parkname', 'zone'] },
  parkId: { zh: '园区编号', accepted: ['园区编号', '园区id', '园区代码', 'parkid', 'parkno'] },
  indicator: { zh: '指标', accepted: ['指标', '指标名称', '指标代码', 'indicator', 'indicatorcode', 'indicatorname'] },
  year: { zh: '年份', accepted: ['年份', '年度', '年', '统计年份', 'year'] },
  value: { zh: '数值', accepted: ['数值', '填报值', '填报数值', '指标值', '数据', '值', 'value'] },
  unit: { zh: '单位', accepted: ['单位', '计量单位', 'unit'] },
  note: { zh: '备注', accepted: ['备注', '说明', '备注说明', 'note', 'notes', 'comment'] },
  confirm: { zh: '确认', accepted: ['确认', '确认无误', '确认跳变', 'confirm', 'confirmed'] },
  version: { zh: '版本', accepted: ['版本', '版本号', 'version'] },
};

/** A cell as the import sees it, whatever the file format. */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string }
  | { kind: 'no_result' };

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
}

export interface ParsedFile {
  kind: 'xlsx' | 'csv';
  sheet: string;
  headerRow: number;
  /** 1-based column of each recognised field. */
  columns: Partial<Record<ImportField, number>>;
  headerProblems: HeaderProblem[];
  rows: SheetRow[];
}

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

/** NFKC (full-width digits and letters, ％, （）), no spaces, lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
}

/** Which field a header cell names: 园区, park, 数值(万元) → value, 上年数值(参考) → none. */
export function fieldOfHeader(text: string): ImportField | null {
  // Bracketed remarks and required-field stars go; 上年数值 and other helper columns stay unknown.
  const t = normalizeText(text).replace(/\(.*?\)|\[.*?\]|【.*?】|\*/g, '').replace(/[_\-.:：]/g, '');
  if (!t) return null;
  for (const [field, { accepted }] of Object.entries(FIELD_HEADERS) as [ImportField, { accepted: string[] }][]) {
    if (accepted.includes(t)) return field;
  }
  return null;
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

export function parseImportFile(name: string, bytes: Uint8Array): Promise<ParsedFile> | ParsedFile {
  if (bytes.length === 0) throw fileError('empty_file', { zh: `文件“${name}”是空的`, en: `The file ${name} is empty` });
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return readXlsx(name, bytes);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw fileError('unsupported_file', {
      zh: '不支持 Excel 97-2003 (.xls) 或加密的工作簿: 请在 Excel 中“另存为” .xlsx 或 CSV 后再导入',
      en: 'Old .xls or encrypted workbooks are not supported: save the file as .xlsx or CSV',
    });
  }
  if (ext === 'xlsx' || ext === 'xlsm') throw fileError('corrupt_file', { zh: `“${name}”不是有效的 .xlsx 文件, 可能已损坏`, en: `${name} is not a valid .xlsx file` });
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

// --- xlsx ------------------------------------------------------------------------------------------

/** The total unpacked size the zip's central directory declares, or null when there is none to read. */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    total += size === 0xffffffff ? Infinity : size; // ZIP64: far too big for a report anyway
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return total;
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<ParsedFile> {
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw fileError('corrupt_file', { zh: `“${name}”不是有效的 .xlsx 文件, 可能已损坏`, en: `${name} is not a valid .xlsx file` });
  if (unpacked > MAX_UNZIPPED_BYTES) throw fileError('file_too_large', { zh: `“${name}”解压后过大, 请拆分后分批导入`, en: `The workbook unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB: split it` });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw fileError('corrupt_file', { zh: `无法读取“${name}”: 文件不是有效的 .xlsx 或已损坏`, en: `Cannot read the workbook ${name}` });
  }
  const sheets = workbook.worksheets.filter((s) => s.state !== 'veryHidden');
  if (sheets.length === 0) throw fileError('corrupt_file', { zh: `“${name}”中没有工作表`, en: `The workbook ${name} has no sheets` });
  // The template's sheet by name, else the first sheet with a header we recognise.
  const ordered = [...sheets.filter((s) => s.name.trim() === DATA_SHEET), ...sheets.filter((s) => s.name.trim() !== DATA_SHEET)];
  for (const sheet of ordered) {
    const grid = (rowNumber: number, column: number) => xlsxCell(sheet.getRow(rowNumber).getCell(column));
    const header = findHeader(Math.min(sheet.rowCount, HEADER_SEARCH_ROWS), sheet.columnCount, grid);
    if (!header) continue;
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber <= header.row) return;
      const cells: SheetRow['cells'] = {};
      for (const [field, column] of Object.entries(header.columns) as [ImportField, number][]) cells[field] = xlsxCell(row.getCell(column));
      if (Object.values(cells).some((c) => c.kind !== 'empty')) rows.push({ row: rowNumber, cells });
    });
    return finish('xlsx', sheet.name, header, rows);
  }
  throw noHeader(name);
}

/** exceljs' cell value, with formulas replaced by their results and % formats remembered. */
function xlsxCell(cell: ExcelJS.Cell): Cell {
  return fromXlsxValue(cell.value, /%/.test(cell.numFmt ?? ''));
}

function fromXlsxValue(value: unknown, percentFormat: boolean): Cell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, percentFormat } : { kind: 'error', value: String(value) };
  if (typeof value === 'string') return value.trim() ? { kind: 'text', value: value.trim() } : { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return { kind: 'date', value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? { kind: 'no_result' } : fromXlsxValue(v.result, percentFormat);
    if ('error' in v) return { kind: 'error', value: String(v.error) };
    if (Array.isArray(v.richText)) return fromXlsxValue((v.richText as { text: string }[]).map((r) => r.text).join(''), percentFormat);
    if ('text' in v) return fromXlsxValue(v.text, percentFormat);
  }
  return { kind: 'text', value: String(value) };
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
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (err) {
    throw fileError('corrupt_file', { zh: `CSV 文件格式有误, 无法读取: ${(err as Error).message}`, en: `Cannot parse the CSV: ${(err as Error).message}` });
  }
  const cell = (rowNumber: number, column: number): Cell => {
    const raw = records[rowNumber - 1]?.[column - 1]?.trim() ?? '';
    return raw ? { kind: 'text', value: raw } : { kind: 'empty' };
  };
  const width = Math.max(0, ...records.slice(0, HEADER_SEARCH_ROWS).map((r) => r.length));
  const header = findHeader(Math.min(records.length, HEADER_SEARCH_ROWS), width, cell);
  if (!header) throw noHeader(name);
  const rows: SheetRow[] = [];
  for (let r = header.row + 1; r <= records.length; r++) {
    const cells: SheetRow['cells'] = {};
    for (const [field, column] of Object.entries(header.columns) as [ImportField, number][]) cells[field] = cell(r, column);
    if (Object.values(cells).some((c) => c.kind !== 'empty')) rows.push({ row: r, cells });
  }
  // Excel shows a CSV file as one sheet named after the file.
  return finish('csv', name.replace(/\.[^.]+$/, '') || name, header, rows);
}

// --- the header --------------------------------------------------------------------------------------

interface Header {
  row: number;
  columns: Partial<Record<ImportField, number>>;
  problems: HeaderProblem[];
}

/** The first row naming 数值 and at least two of 园区/园区编号, 指标, 年份. */
function findHeader(rowCount: number, columnCount: number, cellAt: (row: number, column: number) => Cell): Header | null {
  for (let r = 1; r <= rowCount; r++) {
    const columns: Partial<Record<ImportField, number>> = {};
    const problems: HeaderProblem[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const field = fieldOfHeader(cellText(cellAt(r, c)));
      if (!field) continue;
      if (columns[field] !== undefined) {
        problems.push({ row: r, column: columnLetter(c), field: 'header', code: 'duplicate_column', message: `“${FIELD_HEADERS[field].zh}”列重复出现 (第 ${columnLetter(columns[field]!)} 列已是该列), 此列被忽略 (duplicate column, ignored)` });
        continue;
      }
      columns[field] = c;
    }
    const keys = [columns.park ?? columns.parkId, columns.indicator, columns.year].filter((k) => k !== undefined).length;
    if (columns.value !== undefined && keys >= 2) {
      const missing: [ImportField, boolean][] = [['park', columns.park === undefined && columns.parkId === undefined], ['indicator', columns.indicator === undefined], ['year', columns.year === undefined]];
      for (const [field, isMissing] of missing) {
        if (isMissing) problems.push({ row: r, column: null, field: 'header', code: 'missing_column', message: `缺少“${FIELD_HEADERS[field].zh}”列 (missing column: ${field})` });
      }
      return { row: r, columns, problems };
    }
  }
  return null;
}

function noHeader(name: string): DomainError {
  return fileError('no_header', {
    zh: `“${name}”中没有找到表头: 需要一行同时写有“园区”(或“园区编号”)、“指标”、“年份”、“数值”列, 请使用导入模板`,
    en: `${name} has no header row with the columns 园区 (or 园区编号), 指标, 年份 and 数值: use the template`,
  });
}

function finish(kind: 'xlsx' | 'csv', sheet: string, header: Header, rows: SheetRow[]): ParsedFile {
  if (rows.length > MAX_ROWS) throw fileError('too_many_rows', { zh: `文件有 ${rows.length} 行数据, 一次最多导入 ${MAX_ROWS} 行, 请拆分后分批导入`, en: `The file has ${rows.length} rows: at most ${MAX_ROWS} per file, split it` });
  return { kind, sheet, headerRow: header.row, columns: header.columns, headerProblems: header.problems, rows };
}
