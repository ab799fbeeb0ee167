// What a Chinese reader must not meet in the Chinese interface (issue 12, “The interface speaks Chinese
// to Chinese users”): English words and fragments, indicator codes (rd_spending), source codes
// (ZJ-2021-OPINIONS), “(seed)”, large numbers without thousands separators or 万/亿, counts and ranks
// with decimals. Pure, so the rules themselves have unit tests (chinese-text.test.ts).

/** Latin words a Chinese page may show: names and file formats (R&D, GDP, Word, Excel …), units. */
const ALLOWED_WORDS = new Set(['R&D', 'GDP', 'PDF', 'Word', 'Excel', 'CSV', 'PNG', 'xlsx', 'csv', 'docx', 'UTF-8', 'GBK', 'MB', 'KB', 'km']);

export interface TextProblem { rule: 'latin' | 'big-number' | 'decimal-count'; fragment: string; line: string }

/**
 * The problems of a page's text, line by line. `names`: user names and other proper names the page may
 * show as typed (admin, planner1), and their initials (an account's avatar). The language switch names
 * English on purpose, in English.
 */
export function chineseTextProblems(text: string, names: readonly string[] = []): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/切换到英文 \(switch to English\)/g, '').replace(/^English$/, '').trim();
    if (!line) continue;
    for (const m of line.matchAll(/[A-Za-z][A-Za-z0-9&_-]*/g)) {
      const word = m[0];
      if (ALLOWED_WORDS.has(word) || names.includes(word) || names.some((n) => n[0]!.toUpperCase() === word.toUpperCase())) continue;
      // A target's code as planners number them (T1, T7.2, D5) is its name in the policy's list.
      if (/^[A-Z]\d+$/.test(word) || (/^[A-Z]$/.test(word) && /^\d/.test(line.slice(m.index + 1)))) continue;
      // A spreadsheet's column (D) or cell (D3), in a table cell of its own, as the sheet names it.
      if (/^[A-Z]{1,2}\d*$/.test(word) && /(^|\t)$/.test(line.slice(0, m.index)) && /^(\t|$)/.test(line.slice(m.index + word.length))) continue;
      problems.push({ rule: 'latin', fragment: word, line });
    }
    // 5 or more digits in a row, not a part of a grouped or decimal number, a date, a time or an address.
    for (const m of line.matchAll(/(?<![\d,.:/-])\d{5,}(?![\d,.:/-])/g)) problems.push({ rule: 'big-number', fragment: m[0], line });
    // A count or a rank is whole; a yearly rate of them (每年提升 0.7名) and percentage points are not counts.
    for (const m of line.matchAll(/(?<![\d.])\d+\.\d+ ?(家|个|名)(?!百分点)/g)) {
      if (/每年[^，,。;；]{0,6}$/.test(line.slice(0, m.index))) continue;
      problems.push({ rule: 'decimal-count', fragment: m[0], line });
    }
  }
  return problems;
}
