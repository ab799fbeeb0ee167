import { describe, expect, it } from 'vitest';
import { displayCell, safeFileName, toCsv } from './table.ts';

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, quoted text and rounded numbers', () => {
    const csv = toCsv({
      columns: [{ label: '园区' }, { label: '比重 (%)', numeric: true }],
      rows: [['甲, "乙"', 7.771483107], ['丙', null]],
    });
    expect(csv).toBe('\uFEFF园区,比重 (%)\r\n"甲, ""乙""",7.7715\r\n丙,\r\n');
  });

  it('keeps spreadsheets from running text that looks like a formula', () => {
    expect(toCsv({ columns: [{ label: 'x' }], rows: [['=HYPERLINK("http://x")'], ['-1+1'], ['@SUM(A1)']] }).split('\r\n').slice(1, 4))
      .toEqual(['"\'=HYPERLINK(""http://x"")"', "'-1+1", "'@SUM(A1)"]);
  });
});

describe('displayCell and safeFileName', () => {
  it('formats numbers for the screen and marks missing ones', () => {
    expect(displayCell({ label: 'x', numeric: true, format: (v) => `${v}%` }, 7.3)).toBe('7.3%');
    expect(displayCell({ label: 'x' }, null)).toBe('—');
  });

  it('makes names safe for a download', () => {
    expect(safeFileName('D5-R&D/GDP: <比重>')).toBe('D5-R&D_GDP_ _比重_');
    expect(safeFileName('\u0001')).toBe('_');
    expect(safeFileName('   ')).toBe('export');
  });
});
