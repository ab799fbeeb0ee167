// Downloads: a chart as PNG, a table as CSV or Excel (.xlsx). Excel is written in the browser by
// exceljs, loaded only when someone asks for it, so it never weighs on the first page load.
import { safeFileName, toCsv, exportNumber, type TableData } from './table.ts';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A data: URL (as ECharts' getDataURL gives) as a Blob, without fetch (the CSP allows no data: connections). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body = ''] = dataUrl.split(',', 2);
  const mime = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

export function downloadCsv(table: TableData, fileName: string): void {
  downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

export async function xlsxBuffer(table: TableData, sheetName: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '目标追踪';
  const sheet = workbook.addWorksheet(safeFileName(sheetName).slice(0, 31) || 'Sheet1');
  sheet.addRow(table.columns.map((c) => c.label)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((v, i) => (typeof v === 'number' ? exportNumber(v, table.columns[i]?.digits) : v ?? null)));
  }
  sheet.columns.forEach((column, i) => {
    const texts = [table.columns[i]?.label ?? '', ...table.rows.map((r) => String(r[i] ?? ''))];
    column.width = Math.min(48, Math.max(8, ...texts.map((t) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0) + 2)));
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function downloadXlsx(table: TableData, fileName: string): Promise<void> {
  const buffer = await xlsxBuffer(table, fileName);
  downloadBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${fileName}.xlsx`);
}

export function downloadPng(dataUrl: string, fileName: string): void {
  downloadBlob(dataUrlToBlob(dataUrl), `${fileName}.png`);
}
