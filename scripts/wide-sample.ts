// The sample statistics sheet (示例数据): the zones of Zhejiang as rows, one column per indicator with
// its unit in the header, the year in the title, a 合计 row of formulas — the way planners receive
// torch-survey results. Built from wide-sample.csv (synthetic figures) for the README and the tests:
//   npm run sample:wide   → samples/2024年浙江省高新区主要指标-示例数据.xlsx
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WIDE_SAMPLE_FILE = path.join(here, '../samples/2024年浙江省高新区主要指标-示例数据.xlsx');

/** The source: comment lines (#), then a header and one row per zone. */
export function wideSampleTable(): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path.join(here, 'wide-sample.csv'), 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const [header, ...rows] = lines.map((l) => l.split(','));
  return { header: header!, rows };
}

/** The workbook; `year` changes the title (tests use years of their own). */
export async function buildWideSample(options: { year?: number } = {}): Promise<Uint8Array> {
  const year = options.year ?? 2024;
  const { header, rows } = wideSampleTable();
  const wb = new ExcelJS.Workbook();
  wb.creator = '目标追踪 示例数据';
  const ws = wb.addWorksheet('主要指标（示例数据）', { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = header.length + 1; // 序号 first
  ws.addRow([`${year}年浙江省高新区主要经济指标（示例数据）`]);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow(['示例数据: 数字为虚构, 仅用于演示统计报表的导入, 不是统计结果。']);
  ws.mergeCells(2, 1, 2, width);
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF996600' } };
  const head = ws.addRow(['序号', ...header]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.height = 36;
  rows.forEach((r, i) => ws.addRow([i + 1, r[0], r[1], ...r.slice(2).map((v) => (v === '—' ? v : Number(v)))]));
  // 合计: formulas with their results saved, as Excel leaves them (the import skips this row).
  const first = 4;
  const last = first + rows.length - 1;
  const total = ws.addRow(['', '合计', '']);
  for (let c = 4; c <= width; c++) {
    const letter = ws.getColumn(c).letter;
    const sum = rows.reduce((s, r) => s + (Number(r[c - 2]) || 0), 0);
    total.getCell(c).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: Number(sum.toFixed(6)) };
  }
  total.font = { bold: true };
  ws.getColumn(2).width = 26;
  for (let c = 3; c <= width; c++) ws.getColumn(c).width = 14;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(WIDE_SAMPLE_FILE, await buildWideSample());
  console.log(`written: ${path.relative(process.cwd(), WIDE_SAMPLE_FILE)}`);
}
