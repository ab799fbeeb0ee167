// Reading cells of an uploaded file: numbers as people write them, headers in Chinese or English,
// units by other names, text encodings, column letters, and zips that would unpack too far.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../http.ts';
import { withPart, workbookParts, zipParts } from '../testing/zip.ts';
import {
  columnLetter, decodeText, fieldOfHeader, isTotalRowLabel, normalizeUnit, parseImportFile, parseNumberText, splitHeader, yearInTitle, type LongFile, type WideFile,
} from './import-file.ts';

describe('reading an uploaded file', () => {
  it('reads numbers with separators, full-width digits and a unit after them, and nothing else', () => {
    expect(parseNumberText('1,234.5')).toEqual({ value: 1234.5, unit: null });
    expect(parseNumberText('１２３４．５')).toEqual({ value: 1234.5, unit: null });
    expect(parseNumberText(' 12.5 亿元 ')).toEqual({ value: 12.5, unit: '亿元' });
    expect(parseNumberText('7.3％')).toEqual({ value: 7.3, unit: '%' });
    expect(parseNumberText('2平方千米')).toEqual({ value: 2, unit: '平方公里' });
    expect(parseNumberText('−5')).toEqual({ value: -5, unit: null });
    expect(parseNumberText('.5')).toEqual({ value: 0.5, unit: null });
    for (const text of ['abc', '约12', '12-15', '—', '1,2', '12abc', '5000万', '', '12.5亿元元']) expect(parseNumberText(text), text).toBeNull();
  });

  it('knows the columns by their Chinese or English names, with remarks in brackets, and ignores helper columns', () => {
    expect(fieldOfHeader(' 园 区 ')).toBe('park');
    expect(fieldOfHeader('园区编号')).toBe('parkId');
    expect(fieldOfHeader('Park ID')).toBe('parkId');
    expect(fieldOfHeader('数值(万元)')).toBe('value');
    expect(fieldOfHeader('*年份')).toBe('year');
    expect(fieldOfHeader('版本(勿改)')).toBe('version');
    expect(fieldOfHeader('INDICATOR')).toBe('indicator');
    expect(fieldOfHeader('参考(此前最近数值)')).toBeNull();
    expect(fieldOfHeader('上年数值')).toBeNull();
  });

  it('names units the way the catalogue does', () => {
    expect(normalizeUnit('km²')).toBe('平方公里');
    expect(normalizeUnit('ha')).toBe('公顷');
    expect(normalizeUnit(' 万元 ')).toBe('万元');
    expect(normalizeUnit('公斤')).toBe('公斤');
  });

  it('decodes UTF-8 with or without BOM, UTF-16 with BOM, and GB18030 otherwise', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('园区')]))).toBe('园区');
    expect(decodeText(new TextEncoder().encode('园区'))).toBe('园区');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xed, 0x56, 0x3a, 0x53]))).toBe('园区');
    expect(decodeText(new Uint8Array([0xd4, 0xb0, 0xc7, 0xf8]))).toBe('园区'); // GB18030
  });

  it('writes column letters as Excel does', () => {
    expect([1, 5, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('finds the header below a title and reads tab-separated text', async () => {
    const parsed = await parseImportFile('report.txt', new TextEncoder().encode('2024年填报\n\n指标\t园区\t年份\t数值\ngdp\t宁波高新区\t2024\t12\n\n'));
    expect(parsed).toMatchObject({ kind: 'csv', sheet: 'report', headerRow: 3, columns: { indicator: 1, park: 2, year: 3, value: 4 } });
    expect(parsed.rows).toEqual([{ row: 4, cells: { indicator: { kind: 'text', value: 'gdp' }, park: { kind: 'text', value: '宁波高新区' }, year: { kind: 'text', value: '2024' }, value: { kind: 'text', value: '12' } } }]);
  });

  it('takes a formula’s saved result and a percentage cell as it is shown', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('其他');
    ws.addRow(['园区', '指标', '年份', '数值']);
    ws.addRow(['甲', 'gdp', 2024, { formula: '1+1', result: 2 }]);
    ws.addRow(['甲', 'gdp', 2023, { formula: '1+1' }]);
    ws.addRow(['甲', 'gdp', 2022, 0.25]);
    ws.getCell('D4').numFmt = '0%';
    const parsed = await parseImportFile('a.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())) as LongFile;
    expect(parsed.sheet).toBe('其他');
    expect(parsed.rows.map((r) => r.cells.value)).toEqual([
      { kind: 'number', value: 2, percentFormat: false }, { kind: 'no_result' }, { kind: 'number', value: 0.25, percentFormat: true },
    ]);
  });

  it('refuses a zip that would unpack to more than 200 MB before inflating it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填报数据').addRow(['园区', '指标', '年份', '数值']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    // Claim 300 MB for the first entry of the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = bytes.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    view.setUint32(view.getUint32(eocd + 16, true) + 24, 300 * 1024 * 1024, true);
    const refusal = await Promise.resolve().then(() => parseImportFile('bomb.xlsx', bytes)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe('file_too_large');
    expect((refusal as ApiError).status).toBe(413);
  });

  it('refuses a workbook whose part holds more than it declares, before inflating much of it', async () => {
    const parts = await workbookParts((wb) => {
      wb.addWorksheet('填报数据').addRow(['园区', '指标', '年份', '数值']);
    });
    const sheet = [...parts.keys()].find((n) => n.startsWith('xl/worksheets/sheet'))!;
    // 100 MB of XML that claims to be 2 KB: the reader stops at the claim, it does not inflate 100 MB.
    const bytes = zipParts(withPart(parts, sheet, `<worksheet><sheetData>${'<row/>'.repeat(100 * 1024 * 1024 / 6)}</sheetData></worksheet>`, 2048));
    const started = performance.now();
    const refusal = await parseImportFile('liar.xlsx', bytes).catch((e: unknown) => e);
    expect((refusal as ApiError).code).toBe('corrupt_file');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('splits a header into its name and the unit in full-width or half-width brackets', () => {
    expect(splitHeader('R&D经费内部支出（万元）')).toEqual({ name: 'R&D经费内部支出', unit: '万元', unitText: null });
    expect(splitHeader('上缴税费 (单位:千元)')).toEqual({ name: '上缴税费', unit: '千元', unitText: null });
    expect(splitHeader('高新技术企业数【个】')).toEqual({ name: '高新技术企业数', unit: '个', unitText: null });
    expect(splitHeader('园区面积(平方千米)')).toEqual({ name: '园区面积', unit: '平方公里', unitText: null });
    expect(splitHeader('研发人员(人)')).toEqual({ name: '研发人员', unit: null, unitText: '人' });
    expect(splitHeader('营业收入')).toEqual({ name: '营业收入', unit: null, unitText: null });
  });

  it('finds the year in a title, and knows a 合计 row from a park', () => {
    expect(yearInTitle('2024年浙江省高新区主要指标')).toBe(2024);
    expect(yearInTitle('浙江省高新区２０２３年度统计')).toBe(2023);
    expect(yearInTitle('主要指标（示例数据）')).toBeNull();
    for (const label of ['合计', '全省合计', ' 总 计 ', '小计']) expect(isTotalRowLabel(label), label).toBe(true);
    for (const label of ['杭州高新区(滨江)', '浙江省', '合计高新区']) expect(isTotalRowLabel(label), label).toBe(false);
  });

  it('tells a wide statistics sheet from the long template by its header, the year from the title', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('报表');
    ws.addRow(['2024年浙江省高新区主要指标']);
    ws.addRow(['序号', '高新区名称', '营业收入(亿元)', '备注']);
    ws.addRow([1, '宁波高新区', 3510.2, '快报数']);
    ws.addRow([]);
    ws.addRow([2, '温州高新区', 1180.3]);
    const parsed = await parseImportFile('wide.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())) as WideFile;
    expect(parsed).toMatchObject({ layout: 'wide', sheet: '报表', headerRow: 2, keys: { park: 2, note: 4 }, titleYear: { year: 2024, row: 1, column: 1 }, rowsRead: 2 });
    expect(parsed.headers).toEqual([
      { column: 1, text: '序号', field: null }, { column: 2, text: '高新区名称', field: 'park' },
      { column: 3, text: '营业收入(亿元)', field: null }, { column: 4, text: '备注', field: 'note' },
    ]);
    expect(parsed.rows.map((r) => [r.row, r.cells.get(3)])).toEqual([[3, { kind: 'number', value: 3510.2, percentFormat: false }], [5, { kind: 'number', value: 1180.3, percentFormat: false }]]);
  });
});
