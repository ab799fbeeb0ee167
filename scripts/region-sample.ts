// The sample of a province's own totals (示例数据): the long template's rows with a 地区代码 and no park,
// the totals share targets divide by (规上工业增加值, 国家高新技术企业数) for Zhejiang and two of its cities,
// their source in 备注. Synthetic figures, for the README and the tests:
//   node --import tsx scripts/region-sample.ts   → samples/2024年浙江省合计数据-示例数据.xlsx
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REGION_SAMPLE_FILE = path.join(here, '../samples/2024年浙江省合计数据-示例数据.xlsx');

/**
 * [地区代码, 指标, 数值, 单位, 备注]: synthetic, labelled so in the note. The province's count of high-tech
 * enterprises for 2024 is not among them: the seed holds the published 4.75万家, approved and so locked.
 */
export const REGION_SAMPLE_ROWS: [string, string, number, string, string][] = [
  ['330000', '规上工业增加值', 240_000_000, '万元', '示例数据(虚构): 浙江省统计公报 2024'],
  ['330100', '规上工业增加值', 5_200, '亿元', '示例数据(虚构): 杭州市统计公报 2024'],
  ['330200', '规上工业增加值', 5_000, '亿元', '示例数据(虚构): 宁波市统计公报 2024'],
];

export async function buildRegionSample(options: { year?: number } = {}): Promise<Uint8Array> {
  const year = options.year ?? 2024;
  const wb = new ExcelJS.Workbook();
  wb.creator = '目标追踪 示例数据';
  const ws = wb.addWorksheet('填报数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '园区', width: 12 }, { header: '地区代码', width: 10 }, { header: '指标', width: 22 }, { header: '年份', width: 8 },
    { header: '数值', width: 14 }, { header: '单位', width: 8 }, { header: '备注', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [code, indicator, value, unit, note] of REGION_SAMPLE_ROWS) ws.addRow([null, code, indicator, year, value, unit, note]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(REGION_SAMPLE_FILE, await buildRegionSample());
  console.log(`written: ${path.relative(process.cwd(), REGION_SAMPLE_FILE)}`);
}
