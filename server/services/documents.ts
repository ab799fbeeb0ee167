// Policy documents as planners receive them (红头文件 as .docx, or PDF): their text, paragraph by paragraph,
// as a planner would paste it, so that extraction reads an upload exactly as the pasted text. Nothing is
// stored. Reading, and extracting the targets of what was read, run in a worker thread
// (document-worker.mjs) that is stopped after TIME_LIMIT_MS and may use at most MEMORY_LIMIT_MB, so a
// hostile, broken or very long file cannot hold the server.
import { Worker } from 'node:worker_threads';
import mammoth from 'mammoth';
import type { ExtractionResult } from '../../shared/extract.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_PAGES = 200;
/** As for pasted text (ExtractBody). */
export const MAX_CHARACTERS = 200_000;
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const TIME_LIMIT_MS = 30_000;
const MEMORY_LIMIT_MB = 512;

export type DocumentFormat = 'docx' | 'pdf';

export interface DocumentText {
  text: string;
  format: DocumentFormat;
  /** PDF pages; null for Word, whose pages depend on the reader's layout. */
  pages: number | null;
}

export type DocumentProblem = 'unsupported_file' | 'old_word_file' | 'corrupt_file' | 'encrypted_file' | 'file_too_large' | 'too_many_pages' | 'text_too_long' | 'no_text' | 'too_slow';

/** Why a document cannot be read, in Chinese and English; `tooLarge` for limits on size, pages and length. */
export class DocumentError extends Error {
  constructor(readonly problem: DocumentProblem, message: string) {
    super(message);
    this.name = 'DocumentError';
  }

  get tooLarge(): boolean {
    return this.problem === 'file_too_large' || this.problem === 'too_many_pages' || this.problem === 'text_too_long';
  }
}

const MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/** An uploaded document's text and the candidate targets in it (shared/extract.ts, as for pasted text). */
export interface ReadDocument {
  document: DocumentText;
  extraction: ExtractionResult;
}

/** Reads an uploaded document and extracts its targets in a worker thread, within the time and memory limits. */
export async function readDocument(fileName: string, bytes: Uint8Array, options: { documentYear?: number | null; timeLimitMs?: number } = {}): Promise<ReadDocument> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new DocumentError('file_too_large', `文件超过 ${MB} MB (the file is larger than ${MB} MB)`);
  formatOf(fileName, bytes); // refuse what is not a document before starting a thread
  const worker = new Worker(new URL('./document-worker.mjs', import.meta.url), {
    workerData: { fileName, bytes, documentYear: options.documentYear ?? null },
    resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
  });
  const timeLimitMs = options.timeLimitMs ?? TIME_LIMIT_MS;
  return new Promise<ReadDocument>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new DocumentError('too_slow', `“${fileName}”在 ${timeLimitMs / 1000} 秒内未能读完, 请拆分文件或粘贴文字 (the document could not be read within ${timeLimitMs / 1000} s: split it or paste its text)`));
    }, timeLimitMs);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    worker.once('message', (m: ({ ok: true } & ReadDocument) | { ok: false; problem: DocumentProblem | null; message: string }) => settle(() => {
      if (m.ok) resolve({ document: m.document, extraction: m.extraction });
      else reject(m.problem ? new DocumentError(m.problem, m.message) : new Error(m.message));
    }));
    worker.once('error', (err) => settle(() => reject(/memory/i.test(err.message)
      ? new DocumentError('file_too_large', `“${fileName}”读取时所需内存过大, 请拆分文件 (the document needs too much memory to read: split it)`)
      : err)));
  });
}

/** Which kind of document the bytes are: by their first bytes, not the name, which the sender chose. */
export function formatOf(fileName: string, bytes: Uint8Array): DocumentFormat {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.readUInt32LE(0) === 0x04034b50) return 'docx';
  if (head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new DocumentError('old_word_file', `“${fileName}”是旧版 Word (.doc) 或 WPS 文件, 请另存为 .docx 或 PDF 后上传 (an old .doc file: save it as .docx or PDF)`);
  }
  throw new DocumentError('unsupported_file', `“${fileName}”不是 .docx 或 PDF 文件; 请上传 Word (.docx) 或带文字的 PDF, 或直接粘贴文字 (not a .docx or PDF file)`);
}

/** Reads the document in this thread (the worker's part; tests call it directly). */
export async function documentText(fileName: string, bytes: Uint8Array): Promise<DocumentText> {
  const format = formatOf(fileName, bytes);
  const read = format === 'docx' ? { text: await docxText(fileName, bytes), pages: null } : await pdfText(fileName, bytes);
  const text = tidy(read.text);
  if (text.length > MAX_CHARACTERS) {
    throw new DocumentError('text_too_long', `“${fileName}”有 ${text.length} 个字符, 一次最多 ${MAX_CHARACTERS} 个; 请拆分后分别提取 (at most ${MAX_CHARACTERS} characters at a time)`);
  }
  if (text.replace(/\s/g, '').length === 0) {
    throw new DocumentError('no_text', format === 'pdf'
      ? `未能从“${fileName}”中读出文字: 这可能是扫描件(图片)。请上传带文字层的 PDF 或 Word 文件, 或先做文字识别(OCR)再粘贴文字 (no text in this PDF: it is probably a scan; upload a PDF with text or a Word file, or paste the text after OCR)`
      : `“${fileName}”中没有文字 (the document has no text)`);
  }
  return { text, format, pages: read.pages };
}

async function docxText(fileName: string, bytes: Uint8Array): Promise<string> {
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw new DocumentError('corrupt_file', `“${fileName}”不是有效的 .docx 文件, 可能已损坏 (not a valid .docx file)`);
  if (unpacked > MAX_UNZIPPED_BYTES) throw new DocumentError('file_too_large', `“${fileName}”解压后过大 (the document unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB)`);
  try {
    // Paragraphs come separated by an empty line: one line per paragraph, as pasted.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value.split(/\n\n/).join('\n');
  } catch {
    throw new DocumentError('corrupt_file', `无法读取“${fileName}”: 不是有效的 Word 文档或已损坏 (cannot read the Word document)`);
  }
}

/** The total unpacked size a ZIP's central directory declares, or null when there is none. */
function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    total += size === 0xffffffff ? Infinity : size;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return total;
}

/** Where pdf.js finds Adobe's CMaps (PDFs that name STSong-Light without embedding it) and the 14 standard fonts. */
const PDFJS = new URL('../../node_modules/pdfjs-dist/', import.meta.url);

async function pdfText(fileName: string, bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), cMapUrl: new URL('cmaps/', PDFJS).pathname, cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', PDFJS).pathname, isEvalSupported: false, useSystemFonts: false, verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (err) {
    if ((err as { name?: string }).name === 'PasswordException') throw new DocumentError('encrypted_file', `“${fileName}”有密码保护, 请解除后上传 (the PDF is password-protected)`);
    throw new DocumentError('corrupt_file', `无法读取“${fileName}”: 不是有效的 PDF 或已损坏 (cannot read the PDF)`);
  }
  try {
    if (pdf.numPages > MAX_PAGES) throw new DocumentError('too_many_pages', `“${fileName}”有 ${pdf.numPages} 页, 一次最多 ${MAX_PAGES} 页; 请拆分后分别提取 (at most ${MAX_PAGES} pages at a time)`);
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items.flatMap((i) => ('str' in i ? [{ str: i.str, transform: i.transform as number[], width: i.width, height: i.height }] : []))));
      page.cleanup();
    }
    return { text: paragraphsOf(pages), pages: pdf.numPages };
  } finally {
    await task.destroy();
  }
}

interface PdfItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PdfLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** The page's text pieces put together into lines, top to bottom, each with where it starts and ends. */
function linesOf(items: PdfItem[]): PdfLine[] {
  const pieces = items.filter((i) => i.str.length > 0).map((i) => ({
    str: i.str, x: i.transform[4]!, y: i.transform[5]!, width: i.width, size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height || 10,
  })).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: (PdfLine & { pieces: typeof pieces })[] = [];
  for (const piece of pieces) {
    const line = lines.find((l) => Math.abs(l.y - piece.y) < l.size * 0.5);
    if (line) line.pieces.push(piece);
    else lines.push({ text: '', left: 0, right: 0, y: piece.y, size: piece.size, pieces: [piece] });
  }
  for (const line of lines) {
    line.pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of line.pieces) {
      // a visible gap between two Latin words or numbers is a space; between Chinese characters it is layout
      if (text && p.x - end > line.size * 0.3 && !CJK.test(text.at(-1)!) && !CJK.test(p.str[0]!)) text += ' ';
      text += p.str;
      end = Math.max(end, p.x + p.width);
    }
    line.text = text.trim();
    line.left = line.pieces[0]!.x;
    line.right = end;
  }
  return lines.filter((l) => l.text && !PAGE_NUMBER.test(l.text)).sort((a, b) => b.y - a.y);
}

/** — 3 —, - 3 -, 第3页 共12页: page numbers are not the document's words. */
const PAGE_NUMBER = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
/** A line that starts a new item or heading: 一、 （一） 1. 第一章 ——. */
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十]+[章节条部分]|——|附件)/;
const ENDS_SENTENCE = /[。！？：；!?:;]$/;

/**
 * Lines back into paragraphs: a line that runs to the right margin goes on in the next one unless that one
 * is indented (首行缩进) or starts an item; a short line ends its paragraph. "Runs to the margin" allows three
 * characters short of it: typesetting keeps punctuation off the start of a line (避头尾) by breaking early.
 */
function paragraphsOf(pages: PdfLine[][]): string {
  const all = pages.flatMap((lines) => {
    const left = Math.min(...lines.map((l) => l.left));
    const right = Math.max(...lines.map((l) => l.right));
    return lines.map((l) => ({ ...l, full: l.right >= right - l.size * 3, indented: l.left >= left + l.size * 1.2 }));
  });
  let out = '';
  all.forEach((line, i) => {
    const before = all[i - 1];
    const goesOn = before && before.full && !line.indented && !(STARTS_ITEM.test(line.text) && ENDS_SENTENCE.test(before.text));
    out += i === 0 ? line.text : goesOn ? joiner(before.text, line.text) + line.text : `\n${line.text}`;
  });
  return out;
}

/** Wrapped English words keep a space between them; Chinese and numbers broken at the margin run on. */
const joiner = (a: string, b: string) => (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? ' ' : '');

/** One paragraph a line, no spaces inside Chinese text (justified PDFs and Word spacing), no trailing blanks. */
function tidy(text: string): string {
  return text.replace(/\r\n?/g, '\n')
    .replace(/(?<=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])[ \t\u00a0]+(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])/g, '')
    .split('\n').map((l) => l.replace(/[ \t\u00a0\u3000]+$/, '')).filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n').trim();
}
