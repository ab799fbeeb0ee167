// A table of figures as every chart can also be read: columns with labels, rows of raw values. The
// screen shows each value formatted (7.31%, 2.5亿元); CSV and Excel get the number itself.
export type Cell = string | number | null;

export interface Column {
  label: string;
  /** Numbers are right-aligned, written as numbers in Excel, and formatted for the screen. */
  numeric?: boolean;
  /** How the screen shows a number of this column (units, 万/亿). */
  format?: (value: number) => string;
  /** Digits kept in exports (default 4). */
  digits?: number;
}

export interface TableData {
  columns: Column[];
  rows: Cell[][];
}

/** A number rounded for export: no binary noise (7.771483107 → 7.7715). */
export function exportNumber(value: number, digits = 4): number {
  return Number(value.toFixed(digits));
}

export function displayCell(column: Column, cell: Cell): string {
  if (cell === null || cell === '') return '—';
  if (typeof cell === 'number') return column.format ? column.format(cell) : String(exportNumber(cell, column.digits));
  return cell;
}

const CSV_INJECTION = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV with a byte-order mark (so Excel reads Chinese as UTF-8) and CRLF line ends. Text that
 * starts like a formula (=, +, -, @) is prefixed with an apostrophe so a spreadsheet never runs it.
 */
export function toCsv(table: TableData): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const cell = (column: Column | undefined, value: Cell): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(exportNumber(value, column?.digits));
    return quote(CSV_INJECTION.test(value) ? `'${value}` : value);
  };
  const lines = [
    table.columns.map((c) => cell(undefined, c.label)).join(','),
    ...table.rows.map((row) => row.map((v, i) => cell(table.columns[i], v)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A name safe for a downloaded file: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  const printable = [...name].map((ch) => (ch.charCodeAt(0) < 32 ? '_' : ch)).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120) || 'export';
}
