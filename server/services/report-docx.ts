// The Word document of the progress report, laid out as a Chinese government report (GB/T 9704
// conventions): A4 with the standard margins, a title in 小标宋, body text in 仿宋_GB2312 三号 on a
// fixed 28-point line, headings 一、(黑体) and (一)(楷体), tables in 五号, page numbers "— 1 —" at the
// foot. Fonts a reader's machine lacks are resolved through the font table: 仿宋_GB2312 falls back to
// 仿宋 (FangSong), 楷体_GB2312 to 楷体 (KaiTi), 方正小标宋简体 to 宋体 (SimSun), as Word and WPS read it.
// This module only lays out what report.ts decided: it computes nothing.
import {
  AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Footer, HeadingLevel, ImageRun, LineRuleType, Packer, PageNumber,
  Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type IRunOptions,
} from 'docx';
import type { ChartImage } from './report-charts.ts';

// --- what the document shows ------------------------------------------------------------------------

export interface ReportTable {
  head: string[];
  rows: string[][];
  /** Relative column widths (the page's type area is shared out by them). */
  widths: number[];
  /** Columns whose figures align right. */
  numeric?: number[];
}

export interface ReportFigure {
  image: ChartImage;
  caption: string;
}

/** A block under a target: a small heading (1. …), a line of text, a chart, a table. */
export interface ReportPart {
  heading?: string;
  paragraphs?: string[];
  figure?: ReportFigure | null;
  table?: ReportTable | null;
}

export interface TargetSection {
  heading: string;
  /** 目标编号, plan. */
  meta: string;
  quote: string | null;
  source: string | null;
  /** The badge's word (the notes the views put beside it are in the sentence, in the same words). */
  status: string;
  sentence: string;
  /** Key figures, two to a row; none when there is no figure yet. */
  facts: [string, string][] | null;
  figure: ReportFigure | null;
  parts: ReportPart[];
}

export interface ReportModel {
  title: string;
  /** 数据截至2025年, 2026年12月6日生成 */
  dateLine: string;
  /** 范围, 规划, 目标年份, 计入数据 */
  scopeLines: string[];
  overview: { paragraph: string; table: ReportTable };
  targets: TargetSection[];
  completeness: { paragraphs: string[]; table: ReportTable | null };
  sources: { paragraphs: string[]; table: ReportTable | null; policies: string[] };
  method: { heading: string; text: string }[];
}

// --- page, fonts, sizes ------------------------------------------------------------------------------

/** A4 and GB/T 9704's margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) };
/** The type area's width: 156 mm. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The type area's width in CSS pixels (96 per inch), the unit images are sized in. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

/** Chinese type sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 };

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const FONT = {
  body: { ...latin, eastAsia: '仿宋_GB2312' },
  title: { ...latin, eastAsia: '方正小标宋简体' },
  heiti: { ...latin, eastAsia: '黑体' },
  kaiti: { ...latin, eastAsia: '楷体_GB2312' },
  songti: { ...latin, eastAsia: '宋体' },
};

/**
 * The font table: each font the document names, with the one to use where it is missing (w:altName)
 * and its classification (PANOSE, GB2312 character set), which is how Word finds a substitute; WPS
 * maps the _GB2312 names to its own 仿宋 and 楷体 as well.
 */
const FONT_TABLE_ENTRIES: { name: string; altName?: string; panose: string; charset: string; family: string; pitch: string }[] = [
  { name: 'Times New Roman', panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '方正小标宋简体', altName: '宋体', panose: '02000000000000000000', charset: '86', family: 'auto', pitch: 'variable' },
  { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fontTableXml(): string {
  const fonts = FONT_TABLE_ENTRIES.map((f) => `<w:font w:name="${xmlEscape(f.name)}">${f.altName ? `<w:altName w:val="${xmlEscape(f.altName)}"/>` : ''}`
    + `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + `<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** Body lines: a fixed 28-point line (22 lines on the type area), first line indented two characters. */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT };
const TABLE_LINE = { line: 300, lineRule: LineRuleType.AUTO, before: 30, after: 30 };

// --- building blocks ----------------------------------------------------------------------------------

function body(text: string, options: { bold?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, bold: options.bold ?? false })],
    indent: options.indent === false ? undefined : { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_LINE,
  });
}

function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)], keepNext: true });
}

function heading2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)], keepNext: true });
}

function heading3(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)], keepNext: true });
}

const cellRun = (text: string, opts: IRunOptions = {}) => new TextRun({ text, size: SIZE.wuhao, ...opts });

function cell(text: string, width: number, opts: { header?: boolean; numeric?: boolean; keepNext?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80 },
    shading: opts.header ? { fill: 'EDEFF2' } : undefined,
    children: text.split('\n').map((line) => new Paragraph({
      children: [cellRun(line, { bold: opts.header ?? false })],
      alignment: opts.header ? AlignmentType.CENTER : opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: TABLE_LINE,
      keepNext: opts.keepNext ?? false,
    })),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '5B636E' };

/**
 * A table as wide as the type area, its columns shared out by their relative widths; the header
 * repeats on every page. A small one (`keepTogether`) stays on one page.
 */
function table(t: ReportTable, options: { keepTogether?: boolean } = {}): Table {
  const total = t.widths.reduce((s, w) => s + w, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const numeric = new Set(t.numeric ?? []);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h, i) => cell(h, widths[i]!, { header: true, keepNext: options.keepTogether ?? false })) }),
      ...t.rows.map((r, row) => new TableRow({
        cantSplit: true,
        children: r.map((c, i) => cell(c, widths[i]!, { numeric: numeric.has(i), keepNext: (options.keepTogether ?? false) && row < t.rows.length - 1 })),
      })),
    ],
  });
}

/** A chart as wide as the type area, its caption under it (楷体, centred). */
function figure(f: ReportFigure): Paragraph[] {
  const width = Math.min(TEXT_WIDTH_PX, f.image.width);
  const height = Math.round((f.image.height / f.image.width) * width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // A single line as tall as the picture: the body's fixed 28-point line would crop it to a strip.
      spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: f.image.png, transformation: { width, height }, altText: { name: f.caption, description: f.caption, title: f.caption } })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 60, after: 160, line: 360, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text: f.caption, font: FONT.kaiti, size: SIZE.xiaosi })],
    }),
  ];
}

/** A little air after a table, before the next line of text. */
const spacer = () => new Paragraph({ spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [] });

// --- the document --------------------------------------------------------------------------------------

function targetBlocks(t: TargetSection): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading2(t.heading)];
  out.push(new Paragraph({ children: [new TextRun({ text: t.meta, font: FONT.kaiti })], indent: { firstLine: 640 }, spacing: BODY_LINE }));
  if (t.quote) out.push(body(`政策原文: “${t.quote}”${t.source ? ` (${t.source})` : ''}`));
  out.push(body(`状态: ${t.status}`, { bold: true }));
  out.push(body(t.sentence));
  if (t.facts) out.push(table({ head: ['项目', '数值', '项目', '数值'], rows: pairsToRows(t.facts), widths: [2, 4, 2, 4] }, { keepTogether: true }), spacer());
  if (t.figure) out.push(...figure(t.figure));
  for (const part of t.parts) {
    if (part.heading) out.push(heading3(part.heading));
    for (const p of part.paragraphs ?? []) out.push(body(p));
    if (part.figure) out.push(...figure(part.figure));
    if (part.table) out.push(table(part.table), spacer());
  }
  return out;
}

/** Label–value pairs two to a row. */
function pairsToRows(facts: [string, string][]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < facts.length; i += 2) rows.push([...facts[i]!, ...(facts[i + 1] ?? ['', ''])]);
  return rows;
}

export function reportDocument(m: ReportModel): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(m.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 560, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: `(${m.dateLine})`, font: FONT.kaiti })] }),
    ...m.scopeLines.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 400, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: line, font: FONT.kaiti, size: SIZE.xiaosi })] })),
    spacer(),

    heading1('一、总体情况'),
    body(m.overview.paragraph),
    table(m.overview.table), spacer(),

    heading1('二、各目标进展'),
    ...m.targets.flatMap(targetBlocks),

    heading1('三、数据说明'),
    heading2('(一) 数据完整性'),
    ...m.completeness.paragraphs.map((p) => body(p)),
    ...(m.completeness.table ? [table(m.completeness.table), spacer()] : []),
    heading2('(二) 数据来源'),
    ...m.sources.paragraphs.map((p) => body(p)),
    ...(m.sources.table ? [table(m.sources.table), spacer()] : []),
    ...m.sources.policies.map((p) => body(p)),
    // The method on a page of its own, in 小四 so that it fits one.
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun('(三) 方法说明')], keepNext: true }),
    ...m.method.map((p) => new Paragraph({
      indent: { firstLine: 480 }, alignment: AlignmentType.JUSTIFIED, spacing: { line: 380, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: `${p.heading}。`, bold: true, size: SIZE.xiaosi }), new TextRun({ text: p.text, size: SIZE.xiaosi })],
    })),
  ];

  return new Document({
    creator: '目标追踪',
    title: m.title,
    description: m.dateLine,
    styles: {
      default: {
        document: { run: { font: FONT.body, size: SIZE.sanhao, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: BODY_LINE } },
        title: { run: { font: FONT.title, size: SIZE.erhao, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240, line: 720, lineRule: LineRuleType.EXACT } } },
        heading1: { run: { font: FONT.heiti, size: SIZE.sanhao, bold: false, color: '000000' }, paragraph: { indent: { firstLine: 640 }, spacing: { before: 120, after: 0, ...BODY_LINE }, keepNext: true } },
        heading2: { run: { font: FONT.kaiti, size: SIZE.sanhao, bold: false, italics: false, color: '000000' }, paragraph: { indent: { firstLine: 640 }, spacing: { before: 120, after: 0, ...BODY_LINE }, keepNext: true } },
        heading3: { run: { font: FONT.body, size: SIZE.sanhao, bold: true, color: '000000' }, paragraph: { indent: { firstLine: 640 }, spacing: { before: 0, after: 0, ...BODY_LINE }, keepNext: true } },
      },
    },
    sections: [{
      properties: {
        page: {
          size: PAGE,
          margin: { ...MARGIN, footer: convertMillimetersToTwip(25), header: convertMillimetersToTwip(20) },
          pageNumbers: { start: 1 },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ font: FONT.songti, size: SIZE.sihao, children: ['— ', PageNumber.CURRENT, ' —'] })],
          })],
        }),
      },
      children,
    }],
  });
}

/** The .docx bytes, with the font table that names each font's fallback. */
export function writeReportDocx(m: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(m), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
