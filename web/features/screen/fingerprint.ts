// Change detection for the refresh: a chart is updated only when what it draws changed, and with
// notMerge only when the option's shape (its series, axes, grids) changed. Pure.

/** JSON with object keys sorted, so equal data give equal text whatever order the API used. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function' || v === undefined) return undefined;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  }) ?? 'undefined';
}

/** A short fingerprint of data (FNV-1a over the stable JSON, with its length). */
export function fingerprint(value: unknown): string {
  const text = stableJson(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * The shape of an ECharts option: which series (by id and type, with or without a mark line) and how
 * many of each component. Same shape: setOption merges by series id; another shape: notMerge.
 */
export function optionShape(option: Record<string, unknown>): string {
  const series = asList(option.series).map((s) => {
    const x = (s ?? {}) as Record<string, unknown>;
    return `${String(x.id ?? x.name ?? '?')}/${String(x.type ?? '?')}${x.markLine ? '+ml' : ''}`;
  });
  const components = ['grid', 'xAxis', 'yAxis', 'geo', 'visualMap', 'legend', 'polar'].map((k) => `${k}${asList(option[k]).length}`);
  return [...series, ...components].join('|');
}
