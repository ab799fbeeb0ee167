// The import page's logic, pure: problems in sheet order with their cell, the rows by what would
// happen to them, and whether a dry run's report may be committed.
import type { ImportColumnT, ImportProblemT, ImportReportT, ImportRowT } from '../../../shared/schemas.ts';
import type { WordKey } from '../../lib/i18n.ts';

/** The cell as Excel names it: D5; a whole column (E) or row (5) when only one is known. */
export function cellRef(p: Pick<ImportProblemT, 'row' | 'column'>): string {
  return `${p.column ?? ''}${p.row ?? ''}` || '—';
}

/** Column letters in Excel's order: A … Z, AA … */
function columnIndex(letters: string | null): number {
  if (!letters) return -1;
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0);
}

/** Problems by sheet, then row, then column (header problems first). */
export function sortProblems(problems: readonly ImportProblemT[]): ImportProblemT[] {
  return [...problems].sort((a, b) =>
    a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0) || columnIndex(a.column) - columnIndex(b.column));
}

const FIELDS = ['park', 'region', 'indicator', 'year', 'value', 'unit', 'note', 'confirm', 'version', 'header'] as const;

export function fieldLabel(field: string): WordKey<'import'> | null {
  return (FIELDS as readonly string[]).includes(field) ? `field.${field as (typeof FIELDS)[number]}` : null;
}

/** How many rows would be (or were) new, changed or unchanged. */
export function rowCounts(rows: readonly ImportRowT[]): Record<ImportRowT['status'], number> {
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/** A dry run may be committed when it found no problem and has rows to write; the commit re-checks everything. */
export function canCommit(report: ImportReportT | null): boolean {
  return !!report && report.dryRun && report.problems.length === 0 && report.rows.length > 0;
}

/** Which file a report belongs to: a different file (or the same name changed on disk) needs a new dry run. */
export function fileKey(file: Pick<File, 'name' | 'size' | 'lastModified'> | null): string | null {
  return file ? `${file.name}:${file.size}:${file.lastModified}` : null;
}

/** The template's address for a year and one park, or a province's parks (planners), or all the user's parks. */
export function templateUrl(year: number, scope: { park?: number | null; province?: string | null }): string {
  const q = new URLSearchParams({ year: String(year) });
  if (scope.park) q.set('park', String(scope.park));
  else if (scope.province) q.set('province', scope.province);
  return `/api/import/template.xlsx?${q}`;
}

/** The parks and years a committed report wrote, for links to their entry forms. */
export function writtenForms(report: ImportReportT): { parkId: number; parkName: string; year: number }[] {
  const seen = new Map<string, { parkId: number; parkName: string; year: number }>();
  for (const r of report.rows) {
    if (r.parkId === null) continue; // a region's own total: no park form
    const key = `${r.parkId}:${r.year}`;
    if (!seen.has(key)) seen.set(key, { parkId: r.parkId, parkName: r.parkName, year: r.year });
  }
  return [...seen.values()];
}

/** The regions and years a committed report wrote totals for, for links to their forms. */
export function writtenRegionForms(report: ImportReportT): { regionCode: string; name: string; year: number }[] {
  const seen = new Map<string, { regionCode: string; name: string; year: number }>();
  for (const r of report.rows) {
    if (!r.regionCode) continue;
    const key = `${r.regionCode}:${r.year}`;
    if (!seen.has(key)) seen.set(key, { regionCode: r.regionCode, name: r.parkName, year: r.year });
  }
  return [...seen.values()];
}

/** What a wide sheet's column is mapped to in the report's choice: 'ignore' for `IGNORE`. */
export const IGNORE = 'ignore';

/** A statistics sheet's columns the planner may map: the indicator columns, those ignored, those not matched (unmatched first). */
export function mappableColumns(report: ImportReportT): ImportColumnT[] {
  const columns = (report.columns ?? []).filter((c) => c.role === 'indicator' || c.role === 'unmatched' || (c.role === 'ignored' && c.matchedBy !== 'auto'));
  return [...columns.filter((c) => c.role === 'unmatched'), ...columns.filter((c) => c.role !== 'unmatched')];
}

/** Columns with figures that the import could not match and the planner has not yet mapped or ignored. */
export function unmappedColumns(report: ImportReportT): ImportColumnT[] {
  return (report.columns ?? []).filter((c) => c.role === 'unmatched' && c.figures > 0);
}

/** The choice a column has now: its indicator, 'ignore', or '' (to be chosen). */
export function columnChoice(c: ImportColumnT): string {
  return c.indicator?.code ?? (c.role === 'ignored' ? IGNORE : '');
}
