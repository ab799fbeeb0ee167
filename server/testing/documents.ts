// Word and PDF files of a text, made while the tests run (nothing binary is committed): what a planner
// uploads instead of pasting. Paragraphs are the text's lines.
//   docxOf(text)               a .docx through the `docx` package (paragraphs, 仿宋 as Word writes it)
//   pdfOf(text)                a PDF with an embedded subset of a CJK font and a ToUnicode map, as
//                              Word, WPS and LibreOffice export (pdfkit; needs fonts-wqy-microhei)
//   plainPdfOf(text)           a PDF written by hand with Adobe's STSong-Light and the UniGB-UCS2-H
//                              CMap, no font embedded (older exports): the reader needs pdf.js's CMaps
//   scannedPdfOf()             a page with a picture and no text, as a scanner makes
// PDF lines wrap at a fixed width and paragraphs start indented by two characters, as 公文 are set.
import { existsSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFKit from 'pdfkit';

const paragraphsOf = (text: string) => text.split('\n');

export async function docxOf(text: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{
      children: paragraphsOf(text).map((line) => new Paragraph({ children: [new TextRun({ text: line, font: { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312' }, size: 32 })] })),
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
export const hasCjkFont = () => existsSync(CJK_FONT);

/** A PDF as office software exports it: embedded font subset, text wrapped to the page, paragraphs indented. */
export function pdfOf(text: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({ size: 'A4', margins: { top: 72, bottom: 72, left: 80, right: 80 }, info: { Title: 'test', CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.registerFont('cjk', CJK_FONT, 'WenQuanYiMicroHei');
    doc.font('cjk').fontSize(14);
    for (const line of paragraphsOf(text)) {
      // 首行缩进两字: the paragraph's first line starts two characters in
      doc.text(line || ' ', { indent: 28, lineGap: 6, align: 'left' });
    }
    doc.end();
  });
}

const LINE_CHARS = 30;
const LINES_PER_PAGE = 36;

/** Text wrapped at a fixed count of characters, the first line of each paragraph two characters in. */
function wrapped(text: string): { indent: boolean; chars: string }[] {
  const lines: { indent: boolean; chars: string }[] = [];
  for (const paragraph of paragraphsOf(text)) {
    const chars = [...paragraph];
    let first = true;
    do {
      const room = first ? LINE_CHARS - 2 : LINE_CHARS;
      lines.push({ indent: first, chars: chars.splice(0, room).join('') });
      first = false;
    } while (chars.length);
  }
  return lines;
}

const hex = (s: string) => [...s].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');

/** A PDF written by hand: objects, a cross-reference table, text in UCS-2 through a predefined CMap. */
export function plainPdfOf(text: string): Uint8Array {
  const lines = wrapped(text);
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) {
    const ops = lines.slice(i, i + LINES_PER_PAGE).map((line, n) =>
      `BT /F1 14 Tf ${line.indent ? 100 : 72} ${770 - n * 20} Td <${hex(line.chars)}> Tj ET`);
    pages.push(ops.join('\n'));
  }
  return writePdf(pages, '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
}

/** A scan: one page that only draws a picture (a grey box stands for it), no text at all. */
export function scannedPdfOf(): Uint8Array {
  return writePdf(['q 0.8 g 72 72 451 698 re f Q'], '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
}

function writePdf(pageContents: string[], font: string): Uint8Array {
  const objects: string[] = [];
  const pageIds = pageContents.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = font;
  objects[4] = '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>';
  // Not embedded: the reader substitutes a font it has (and pdf.js maps the codes through Adobe's CMaps).
  objects[5] = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  pageContents.forEach((content, i) => {
    objects[pageIds[i]!] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
