// The progress report's address and file name, pure (the button: web/lib/ui/ReportButton.tsx).
import { apiQuery, type Filters } from './filters.ts';

export interface ReportFilters {
  /** The report covers one province: without it the button is disabled and says why. */
  province: string | null;
  plan?: string | undefined;
  targetYear?: number | undefined;
  basis: Filters['basis'];
}

/** The path of the report for these filters (the API's names: province, plan, targetYear, basis). */
export function reportPath(filters: ReportFilters & { province: string }): string {
  return `/api/reports/progress.docx${apiQuery({ province: filters.province, plan: filters.plan, horizon: filters.targetYear, basis: filters.basis })}`;
}

/** The file name the server gives (Content-Disposition's filename*, else filename). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // a malformed name: fall back to the plain one
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** The province a target's report covers: its region's (GB/T 2260: the first two digits), else the filter's; null when neither. */
export function reportProvince(regionCode: string | null, filtered: string | null): string | null {
  if (regionCode && /^\d{6}$/.test(regionCode)) return `${regionCode.slice(0, 2)}0000`;
  return filtered && /^\d{6}$/.test(filtered) ? filtered : null;
}
