// The parks table as data: which indicator columns to show, one row per park with its figures and its
// status against each target, sorted and filtered. Pure, so sorting and defaults are pinned by tests.
import { STATUS_SEVERITY, type Status, type StatusReason } from '../../../shared/progress.ts';
import type { ParkFiguresT, ParkStatusMatrixT } from '../../../shared/schemas.ts';

export type ParkRow = ParkFiguresT['parks'][number] & {
  statuses: Record<number, { status: Status; held: boolean; statusReason: StatusReason | null; latestValue: number | null } | undefined>;
};

export type SortKey = 'name' | 'level' | 'city' | `ind:${string}` | `tgt:${number}`;

const LEVEL_ORDER = { national: 0, provincial: 1, other: 2 } as const;

/** Columns shown when the URL does not say: indicators with targets first, then key figures; at most six. */
export function defaultColumns(figures: ParkFiguresT, matrix: ParkStatusMatrixT | undefined): string[] {
  const available = new Set(figures.indicators.map((i) => i.code));
  const wanted = [
    'gdp', 'rd_intensity', 'tax_per_mu', 'hte_count',
    ...(matrix?.targets.map((t) => t.indicator.code) ?? []),
    'industrial_va', 'national_rank',
  ];
  return [...new Set(wanted.filter((c) => available.has(c)))].slice(0, 6);
}

export function parkRows(figures: ParkFiguresT, matrix: ParkStatusMatrixT | undefined): ParkRow[] {
  return figures.parks.map((p) => {
    const statuses: ParkRow['statuses'] = {};
    for (const c of matrix?.cells ?? []) if (c.parkId === p.id) statuses[c.targetId] = { status: c.status, held: c.held, statusReason: c.statusReason, latestValue: c.latestValue };
    return { ...p, statuses };
  });
}

export function filterRows(rows: readonly ParkRow[], query: string): ParkRow[] {
  const q = query.trim().toLowerCase();
  return q ? rows.filter((r) => r.name.toLowerCase().includes(q) || (r.cityName ?? '').includes(q)) : [...rows];
}

/** Sorts by a column; parks without a value go last either way, ties by name. */
export function sortRows(rows: readonly ParkRow[], key: SortKey, dir: 'asc' | 'desc'): ParkRow[] {
  const value = (r: ParkRow): number | string | null => {
    if (key === 'name') return r.name;
    if (key === 'level') return LEVEL_ORDER[r.level];
    if (key === 'city') return r.cityCode ?? null;
    if (key.startsWith('ind:')) return r.figures[key.slice(4)]?.value ?? null;
    const cell = r.statuses[Number(key.slice(4))];
    return cell ? STATUS_SEVERITY[cell.status] : null;
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name, 'zh');
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'string' ? va.localeCompare(String(vb), 'zh') : va - (vb as number);
    return c !== 0 ? sign * c : a.name.localeCompare(b.name, 'zh');
  });
}

/** The sort of the URL; by default the register's order of cities (GB/T 2260), then the park's name. */
export function parseSort(text: string | null): SortKey {
  if (text && (/^(name|level|city)$/.test(text) || /^ind:\w+$/.test(text) || /^tgt:\d+$/.test(text))) return text as SortKey;
  return 'city';
}
