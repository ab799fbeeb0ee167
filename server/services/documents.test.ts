// The document reader: a .docx and PDFs made from a text (fixtures made here, nothing binary committed)
// give that text back line for line; what cannot be read gets its reason in Chinese and English.
import { describe, expect, it } from 'vitest';
import { docxOf, hasCjkFont, pdfOf, plainPdfOf, scannedPdfOf } from '../testing/documents.ts';
import { DocumentError, documentText, MAX_PAGES, readDocument } from './documents.ts';

const TEXT = [
  '某省高新区高质量发展三年行动计划（2024—2026年）',
  '一、主要目标',
  '到2026年，全省高新区营业收入突破3万亿元，高新技术企业数量达到2.5万家以上、力争达到3万家，研发经费投入强度提高0.8个百分点，达到4.2%；单位工业增加值能耗控制在0.4吨标准煤/万元以内。',
  '（一）“十四五”期间，规上工业增加值年均增长8%左右。',
  '（二）由2023年的32万元/亩提高到45万元/亩。',
  'R&D intensity of the zones reaches 4.2% by 2026 (as the English summary says).',
].join('\n');

async function refusal(work: Promise<unknown>): Promise<DocumentError> {
  const err = await work.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DocumentError);
  return err as DocumentError;
}

describe('reading documents', () => {
  it('gives back the text of a .docx paragraph by paragraph', async () => {
    const read = await documentText('plan.docx', await docxOf(TEXT));
    expect(read).toEqual({ text: TEXT, format: 'docx', pages: null });
  });

  it.skipIf(!hasCjkFont())('joins the lines a PDF wraps back into paragraphs (embedded font, as Word exports)', async () => {
    const read = await documentText('plan.pdf', await pdfOf(TEXT));
    expect(read).toEqual({ text: TEXT, format: 'pdf', pages: 1 });
  });

  it('reads a PDF whose Chinese font is not embedded (STSong through Adobe’s CMaps), over pages', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${TEXT.split('\n')[2]}`).join('\n');
    const read = await documentText('long.pdf', plainPdfOf(long));
    expect(read.text).toBe(long);
    expect(read.pages).toBe(4); // 30 paragraphs of 4 lines at 36 lines a page
  });

  it('says a scan has no text, and what to do', async () => {
    const err = await refusal(documentText('scan.pdf', scannedPdfOf()));
    expect(err.problem).toBe('no_text');
    expect(err.message).toBe('未能从“scan.pdf”中读出文字: 这可能是扫描件(图片)。请上传带文字层的 PDF 或 Word 文件, 或先做文字识别(OCR)再粘贴文字 (no text in this PDF: it is probably a scan; upload a PDF with text or a Word file, or paste the text after OCR)');
  });

  it('refuses what is not a .docx or PDF by its bytes, whatever its name', async () => {
    const oldWord = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(documentText('plan.doc', oldWord))).problem).toBe('old_word_file');
    expect((await refusal(documentText('plan.docx', new TextEncoder().encode('到2025年，研发投入强度达到3%。')))).message).toContain('不是 .docx 或 PDF 文件');
    const brokenPdf = new TextEncoder().encode('%PDF-1.4\nnot really a pdf');
    expect((await refusal(documentText('broken.pdf', brokenPdf))).problem).toBe('corrupt_file');
    const docx = await docxOf(TEXT);
    expect((await refusal(documentText('cut.docx', docx.subarray(0, docx.length - 40)))).problem).toBe('corrupt_file');
  });

  it(`refuses more than ${MAX_PAGES} pages`, async () => {
    const pages = Array.from({ length: (MAX_PAGES + 1) * 36 }, (_, i) => `第${i}行`).join('\n');
    const err = await refusal(documentText('thick.pdf', plainPdfOf(pages)));
    expect([err.problem, err.tooLarge]).toEqual(['too_many_pages', true]);
    expect(err.message).toContain(`一次最多 ${MAX_PAGES} 页`);
  });

  it('reads and extracts in a worker thread, and stops it when the time is up', async () => {
    const bytes = await docxOf(TEXT);
    const { document, extraction } = await readDocument('plan.docx', bytes, { documentYear: 2024 });
    expect(document.text).toBe(TEXT);
    expect(extraction.candidates.map((c) => [c.value, c.targetYear])).toEqual([
      [30000, 2026], [25000, 2026], [30000, 2026], [0.8, 2026], [4.2, 2026], [0.4, 2026], [8, 2025], [45, 2026],
    ]);
    const err = await refusal(readDocument('plan.docx', bytes, { timeLimitMs: 1 }));
    expect(err.problem).toBe('too_slow');
    expect(err.message).toContain('秒内未能读完');
  });
});
