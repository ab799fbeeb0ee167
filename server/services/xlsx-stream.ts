// Reading an .xlsx workbook as a stream of rows, with its cost bounded before and while it is read.
// exceljs loads a whole workbook into memory (a 195 KB file holding one 190 MB cell took 2 GB), so
// uploads are read here instead: yauzl opens the zip and refuses any part whose declared unpacked size
// is over the limit before inflating it (and stops inflating a part that lies about its size); sax
// parses each part as it inflates and hands over text in pieces, so a cell is refused as soon as it
// passes its limit, never held whole. Only the parts a reader needs are inflated: the workbook's list
// of sheets, their relationships, number formats, shared strings, and the one sheet being read.
import sax from 'sax';
import yauzl from 'yauzl';

/** A cell as the import sees it, whatever the file format. */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string }
  | { kind: 'no_result' };

/** One row of a sheet: its number as Excel shows it and its non-empty cells by 1-based column. */
export interface GridRow {
  row: number;
  cells: Map<number, Cell>;
}

export interface XlsxLimits {
  /** The largest unpacked size of one part that is read (a sheet, the shared strings). */
  maxPartBytes: number;
  /** The most characters one cell (or shared string) may hold. */
  maxCellChars: number;
  /** All parts together, read or not, as the zip declares them. */
  maxTotalBytes: number;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  state: SheetState;
  /** The sheet's part inside the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

/** What is wrong with a workbook, for the caller to word for its user (the file's name, the cell). */
export class WorkbookError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'part_too_large' | 'cell_too_large',
    readonly detail: { part?: string; declaredBytes?: number; sheet?: string; cell?: string } = {},
    message: string = reason,
  ) {
    super(message);
  }
}

/** A shared string over the cell limit: only its length is kept, and a cell that uses it is refused. */
interface TooLong {
  tooLong: number;
}

export interface XlsxWorkbook {
  /** Every sheet in the workbook's order, hidden ones included (the caller decides). */
  sheets: SheetInfo[];
  /**
   * Streams a sheet's rows in order to `onRow`; returning false stops reading (the rest is never
   * inflated). Rows without any cell are not passed on.
   */
  readRows(sheet: SheetInfo, onRow: (row: GridRow) => boolean | void): Promise<void>;
  close(): void;
}

// Built-in number formats (ECMA-376 §18.8.30): 9, 10 are percentages; 14–22 and 45–47 dates and times.
const BUILTIN_PERCENT = new Set([9, 10]);
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

export async function openXlsx(bytes: Uint8Array, limits: XlsxLimits): Promise<XlsxWorkbook> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (err) {
    throw new WorkbookError('corrupt', {}, (err as Error).message);
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\/+/, ''), entry);
  } catch (err) {
    zip.close();
    throw new WorkbookError('corrupt', {}, (err as Error).message);
  }
  const declared = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxTotalBytes) {
    zip.close();
    throw new WorkbookError('part_too_large', { declaredBytes: declared });
  }

  /** Streams one part through sax; the declared size is checked before anything is inflated. */
  const parsePart = async (part: string, handlers: SaxHandlers): Promise<boolean> => {
    const entry = entries.get(part);
    if (!entry) return false;
    if (entry.uncompressedSize > limits.maxPartBytes) throw new WorkbookError('part_too_large', { part, declaredBytes: entry.uncompressedSize });
    if (entry.isEncrypted()) throw new WorkbookError('corrupt', { part }, 'encrypted entry');
    let stream: NodeJS.ReadableStream & { destroy(): void };
    try {
      stream = await zip.openReadStreamPromise(entry) as never;
    } catch (err) {
      throw new WorkbookError('corrupt', { part }, (err as Error).message);
    }
    const parser = sax.parser(true, { trim: false, normalize: false, position: true });
    let stopped = false;
    // sax's parser takes its handlers as properties (it is not an EventTarget).
    Object.assign(parser, {
      onopentag: (tag: sax.Tag) => handlers.open?.(tag.name, tag.attributes),
      onclosetag: (name: string) => {
        if (handlers.close?.(name) === false) stopped = true;
      },
      ontext: (text: string) => handlers.text?.(text),
      oncdata: (text: string) => handlers.text?.(text),
      onerror: (err: Error) => {
        throw new WorkbookError('corrupt', { part }, err.message);
      },
    });
    stream.setEncoding('utf8');
    // Errors thrown while sax runs come from the handlers (a cell over the limit, the caller's own
    // refusal) and go on as they are; errors of the stream mean a broken zip.
    let parsing = false;
    try {
      for await (const chunk of stream) {
        parsing = true;
        parser.write(chunk as string);
        parsing = false;
        if (stopped) break;
      }
      parsing = true;
      if (!stopped) parser.close();
    } catch (err) {
      if (parsing) throw err;
      // yauzl: "too many bytes in the stream" (a part bigger than it declared), a bad deflate stream.
      throw new WorkbookError('corrupt', { part }, (err as Error).message);
    } finally {
      stream.destroy();
    }
    return true;
  };

  try {
    const workbookPart = await officeDocumentPart(parsePart);
    const workbookDir = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
    const rels = await relationships(parsePart, `${workbookDir}_rels/${workbookPart.slice(workbookDir.length)}.rels`, workbookDir);
    const listed: { name: string; state: SheetState; rid: string }[] = [];
    let date1904 = false;
    const found = await parsePart(workbookPart, {
      open(name, attrs) {
        const local = localName(name);
        if (local === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
        if (local === 'sheet') {
          const rid = Object.entries(attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
          const state = attrs.state === 'hidden' || attrs.state === 'veryHidden' ? attrs.state : 'visible';
          listed.push({ name: attrs.name ?? '', state, rid });
        }
      },
    });
    if (!found) throw new WorkbookError('corrupt', { part: workbookPart }, 'no workbook part');
    const sheets = listed.flatMap((s) => {
      const rel = rels.byId.get(s.rid);
      return rel && entries.has(rel) ? [{ name: s.name, state: s.state, part: rel }] : [];
    });
    const styles = rels.byType.get('styles');
    const formats = styles ? await numberFormats(parsePart, styles) : [];
    const sharedPart = rels.byType.get('sharedStrings');
    let shared: (string | TooLong)[] | null = null;

    return {
      sheets,
      async readRows(sheet, onRow) {
        shared ??= sharedPart ? await sharedStrings(parsePart, sharedPart, limits.maxCellChars) : [];
        const strings = shared;
        await readSheet(parsePart, sheet, strings, formats, date1904, limits.maxCellChars, onRow);
      },
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}

interface SaxHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  /** Returning false stops the part's parsing after this tag. */
  close?(name: string): boolean | void;
  text?(text: string): void;
}

type ParsePart = (part: string, handlers: SaxHandlers) => Promise<boolean>;

/** x:sheetData and sheetData alike: some writers prefix the spreadsheet namespace. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

async function officeDocumentPart(parsePart: ParsePart): Promise<string> {
  let target = 'xl/workbook.xml';
  await parsePart('_rels/.rels', {
    open(name, attrs) {
      if (localName(name) === 'Relationship' && attrs.Type?.endsWith('/officeDocument') && attrs.Target) target = attrs.Target.replace(/^\/+/, '');
    },
  });
  return target;
}

async function relationships(parsePart: ParsePart, part: string, baseDir: string) {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  await parsePart(part, {
    open(name, attrs) {
      if (localName(name) !== 'Relationship' || !attrs.Target || attrs.TargetMode === 'External') return;
      const target = resolvePath(baseDir, attrs.Target);
      if (attrs.Id) byId.set(attrs.Id, target);
      const type = attrs.Type?.slice(attrs.Type.lastIndexOf('/') + 1);
      if (type) byType.set(type, target);
    },
  });
  return { byId, byType };
}

function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** For each cell style (the `s` of a cell), whether its number format is a percentage or a date. */
async function numberFormats(parsePart: ParsePart, part: string): Promise<('percent' | 'date' | null)[]> {
  const custom = new Map<number, string>();
  const styles: ('percent' | 'date' | null)[] = [];
  let inCellXfs = false;
  const kindOf = (id: number): 'percent' | 'date' | null => {
    if (BUILTIN_PERCENT.has(id)) return 'percent';
    if (BUILTIN_DATE.has(id)) return 'date';
    const code = custom.get(id);
    if (!code) return null;
    // Quoted text and [colours] do not count: "0.0%" is a percentage, "yyyy-mm-dd" a date.
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    if (bare.includes('%')) return 'percent';
    return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare) ? 'date' : null;
  };
  await parsePart(part, {
    open(name, attrs) {
      const local = localName(name);
      if (local === 'numFmt' && attrs.numFmtId) custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (local === 'cellXfs') inCellXfs = true;
      else if (local === 'xf' && inCellXfs) styles.push(kindOf(Number(attrs.numFmtId ?? 0)));
    },
    close(name) {
      if (localName(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/**
 * The shared string table. Phonetic runs (<rPh>, the kana over Japanese text) are not part of the
 * text. A string over the cell limit is kept as its length only: refused if a read cell uses it.
 */
async function sharedStrings(parsePart: ParsePart, part: string, maxChars: number): Promise<(string | TooLong)[]> {
  const out: (string | TooLong)[] = [];
  let text: string[] | null = null;
  let length = 0;
  let inT = false;
  let inPhonetic = false;
  await parsePart(part, {
    open(name) {
      const local = localName(name);
      if (local === 'si') {
        text = [];
        length = 0;
      } else if (local === 't') inT = true;
      else if (local === 'rPh') inPhonetic = true;
    },
    text(t) {
      if (!inT || inPhonetic || !text) return;
      length += t.length;
      if (length <= maxChars) text.push(t);
    },
    close(name) {
      const local = localName(name);
      if (local === 't') inT = false;
      else if (local === 'rPh') inPhonetic = false;
      else if (local === 'si' && text) {
        out.push(length > maxChars ? { tooLong: length } : text.join(''));
        text = null;
      }
    },
  });
  return out;
}

/** "AB12" → column 28. */
function columnOfRef(ref: string): number {
  let column = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

function columnName(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's day number as a date (the 1900 system counts a 29 February 1900 that never was). */
function excelDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86_400_000));
}

async function readSheet(
  parsePart: ParsePart, sheet: SheetInfo, shared: (string | TooLong)[], formats: ('percent' | 'date' | null)[], date1904: boolean,
  maxChars: number, onRow: (row: GridRow) => boolean | void,
): Promise<void> {
  let rowNumber = 0;
  let cells = new Map<number, Cell>();
  let column = 0;
  let type = 'n';
  let style = 0;
  let hasFormula = false;
  let value: string[] | null = null; // the text of <v>, or of <is><t> for inline strings
  let valueLength = 0;
  let collecting = false;
  let inPhonetic = false;
  let done = false; // the caller has seen enough; the rest of the current chunk is passed over
  const where = () => ({ sheet: sheet.name, cell: `${columnName(column)}${rowNumber}` });

  const cellOf = (): Cell => {
    const text = value === null ? null : value.join('');
    if (text === null || (text === '' && type !== 'inlineStr' && type !== 'str')) return hasFormula ? { kind: 'no_result' } : { kind: 'empty' };
    switch (type) {
      case 's': {
        const s = shared[Number(text)];
        if (s === undefined) return { kind: 'empty' };
        if (typeof s !== 'string') throw new WorkbookError('cell_too_large', where());
        return textCell(s);
      }
      case 'inlineStr':
      case 'str':
        return textCell(text);
      case 'b':
        return { kind: 'bool', value: text === '1' || text === 'true' };
      case 'e':
        return { kind: 'error', value: text };
      case 'd': {
        const d = new Date(text);
        return Number.isNaN(d.getTime()) ? { kind: 'text', value: text } : { kind: 'date', value: d };
      }
      default: {
        const n = Number(text);
        if (!Number.isFinite(n)) return { kind: 'error', value: text };
        const format = formats[style] ?? null;
        if (format === 'date') return { kind: 'date', value: excelDate(n, date1904) };
        return { kind: 'number', value: n, percentFormat: format === 'percent' };
      }
    }
  };

  await parsePart(sheet.part, {
    open(name, attrs) {
      switch (localName(name)) {
        case 'row':
          rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
          cells = new Map();
          column = 0;
          break;
        case 'c':
          column = attrs.r ? columnOfRef(attrs.r) : column + 1;
          type = attrs.t ?? 'n';
          style = attrs.s ? Number(attrs.s) : 0;
          hasFormula = false;
          value = null;
          valueLength = 0;
          break;
        case 'f':
          hasFormula = true;
          break;
        case 'v':
          value = [];
          collecting = true;
          break;
        case 'is':
          value = [];
          break;
        case 't':
          if (value !== null && type === 'inlineStr') collecting = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    text(t) {
      if (done || !collecting || inPhonetic || value === null) return;
      valueLength += t.length;
      if (valueLength > maxChars) throw new WorkbookError('cell_too_large', where());
      value.push(t);
    },
    close(name) {
      switch (localName(name)) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          if (done) break;
          const cell = cellOf();
          if (cell.kind !== 'empty') cells.set(column, cell);
          break;
        }
        case 'row':
          if (done || cells.size === 0) break;
          if (onRow({ row: rowNumber, cells }) === false) {
            done = true;
            return false;
          }
          break;
      }
    },
  });
}

function textCell(text: string): Cell {
  const t = text.trim();
  return t ? { kind: 'text', value: t } : { kind: 'empty' };
}
