// Reading the Word report the way a test needs to: the .docx opened as the zip it is (its text in
// reading order, paragraph by paragraph with its style, and its pictures), and turned into PDF pages
// with LibreOffice and poppler to look at them as a reader would.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);

export interface DocxParagraph {
  /** The paragraph style (Title, Heading1, Heading2, Heading3), or null for body text and table cells. */
  style: string | null;
  text: string;
}

export interface OpenedDocx {
  files: Record<string, Uint8Array>;
  xml(name: string): string;
  paragraphs: DocxParagraph[];
  /** The pictures the document holds (word/media/…). */
  media: { name: string; bytes: Uint8Array }[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const files: Record<string, Uint8Array> = {};
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) files[name] = await file.async('uint8array');
  }
  const xml = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${name} is not in the .docx (it has ${Object.keys(files).join(', ')})`);
    return new TextDecoder().decode(file);
  };
  const document = xml('word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1]!;
    const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null;
    const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join('');
    return { style, text };
  });
  const media = Object.entries(files).filter(([name]) => name.startsWith('word/media/')).map(([name, b]) => ({ name, bytes: b }));
  return { files, xml, paragraphs, media };
}

/** LibreOffice's converter; tests that need it are skipped without it (and fail in CI: scripts/test.mjs). */
export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
export const PDFTOPPM = '/usr/bin/pdftoppm';
export const PDFINFO = '/usr/bin/pdfinfo';
export const canConvertToPdf = () => existsSync(SOFFICE) && existsSync(PDFTOPPM) && existsSync(PDFINFO);

export interface PdfPages {
  pdf: string;
  pages: number;
  /** One grey image per page (PGM), for the tests to look at. */
  images: { file: string; width: number; height: number; pixels: Uint8Array }[];
  dispose(): void;
}

/**
 * The .docx as LibreOffice prints it, then each page as a grey image. LibreOffice runs with a profile
 * of its own, so conversions running at the same time (other tests, other engineers) never share one.
 */
export async function docxToPdfPages(bytes: Uint8Array, options: { dpi?: number; keepPngIn?: string } = {}): Promise<PdfPages> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mubiao-report-pdf-'));
  const docx = path.join(dir, 'report.docx');
  writeFileSync(docx, bytes);
  await run(SOFFICE, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000 });
  const pdf = path.join(dir, 'report.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF (in ${dir}: ${readdirSync(dir).join(', ')})`);
  const info = (await run(PDFINFO, [pdf])).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  await run(PDFTOPPM, ['-r', String(options.dpi ?? 40), '-gray', pdf, path.join(dir, 'page')], { timeout: 120_000 });
  const images = readdirSync(dir).filter((f) => /^page-\d+\.pgm$/.test(f)).sort().map((f) => ({ file: path.join(dir, f), ...readPgm(readFileSync(path.join(dir, f))) }));
  if (options.keepPngIn) await run(PDFTOPPM, ['-r', '60', '-png', pdf, path.join(options.keepPngIn, 'report-page')], { timeout: 120_000 });
  return { pdf, pages, images, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A binary PGM (P5, 8 bits) as poppler writes it. */
function readPgm(b: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(b.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [all, w, h] = header;
  return { width: Number(w), height: Number(h), pixels: b.subarray(all.length) };
}

/** The share of a page's pixels that are ink (darker than light grey). */
export function inkShare(image: { pixels: Uint8Array }): number {
  let dark = 0;
  for (const p of image.pixels) if (p < 160) dark++;
  return dark / image.pixels.length;
}
