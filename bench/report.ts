// The benchmark's report: one table per concern, each figure with its floor, the ratio, and the
// target it is held to (met, or missed by how much and why). Plain text for the terminal and
// Markdown for BENCHMARKS.md from the same rows.
import type { DatabaseKind } from '../server/db/connection.ts';
import type { LoadResult } from './load.ts';
import type { WebSizes } from './web-size.ts';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  sqlite: string;
  postgres: string | null;
  commit: string;
  loadBefore: number;
  loadAfter: number;
}

export interface ImportResult {
  rows: number;
  seconds: number;
  files: number;
  slowestFile: number;
  /** Raw inserts of the same figures with a revision each (the floor). */
  floorSeconds: number;
  /** Raw inserts of the figures alone. */
  floorValuesOnlySeconds: number;
  error: string | null;
}

export interface ScenarioResult {
  kind: DatabaseKind;
  parks: number;
  values: number;
  targets: number;
  generateSeconds: number;
  breakdown: { targetId: number; province: string; parks: number };
  health: LoadResult;
  /** GET /api/progress uncompressed (Accept-Encoding: identity): the server's cost. */
  progress: LoadResult;
  /** The same as a browser asks for it (gzip, inflated by the client). */
  progressGzip: LoadResult;
  /** The same from a client that has the answer (If-None-Match → 304); null without an ETag. */
  revalidate: LoadResult | null;
  /** Every target computed again (the catalogue changed), one client. */
  cold: LoadResult;
  /** After a figure changes in the largest province: its targets computed again, one client. */
  afterWrite: LoadResult;
  /** After a planner changes one target through the API: only that target is computed again. */
  afterTargetChange: LoadResult;
  detail: LoadResult;
  import: ImportResult;
  /** The schema has the data versions (the progress cache can be made stale from outside). */
  cacheAware: boolean;
}

export interface BenchReport {
  machine: Machine;
  scenarios: ScenarioResult[];
  web: WebSizes | null;
  concurrency: number;
  scales: number[];
  failures: string[];
  notes: string[];
  seconds: number;
}

// --- the targets --------------------------------------------------------------------------------------

export const TARGETS = {
  overviewP95Ms: 100,
  importPerSecond: 50_000,
  initialJsGzipKb: 350,
} as const;

// --- formatting ----------------------------------------------------------------------------------------

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '—');
const ms = (n: number) => (!Number.isFinite(n) ? '—' : n >= 100 ? `${int(n)} ms` : `${n.toFixed(1)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (n: number) => (Number.isFinite(n) ? `×${n >= 10 ? n.toFixed(0) : n.toFixed(1)}` : '—');
const dbName = (k: DatabaseKind) => (k === 'sqlite' ? 'SQLite' : 'PostgreSQL');
const bytesText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : kb(n));

type Row = string[];
interface Table { title: string; head: Row; rows: Row[]; note?: string }

/** Columns of words, aligned left; the others hold figures, aligned right. */
const LEFT = new Set(['target', 'measure', 'page', 'path', 'verdict', '']);

function markdownTable(t: Table): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [
    `### ${t.title}`, '',
    `| ${t.head.map(esc).join(' | ')} |`,
    `|${t.head.map((h) => (LEFT.has(h) ? '---' : '---:')).join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ...(t.note ? ['', t.note] : []), '',
  ].join('\n');
}

function textTable(t: Table): string {
  // East Asian characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const plain = (s: string) => s.replace(/\*\*/g, '').replace(/`/g, '');
  const cells = [t.head, ...t.rows].map((r) => r.map(plain));
  const widths = t.head.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: Row) => r.map((c, i) => (LEFT.has(t.head[i]!) || i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  return [t.title, line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line), ''].join('\n');
}

/** "met (42 ms, 42% of the bound)" or "missed: ×3.2 the bound (+220 ms)". */
function verdict(value: number, bound: number, better: 'lower' | 'higher', unit: (n: number) => string): { met: boolean; text: string } {
  if (!Number.isFinite(value)) return { met: false, text: 'not measured' };
  if (better === 'lower') {
    return value < bound
      ? { met: true, text: `**met** (${Math.round((value / bound) * 100)}% of the bound)` }
      : { met: false, text: `**missed** by ${unit(value - bound)} (${times(value / bound)} the bound)` };
  }
  return value >= bound
    ? { met: true, text: `**met** (${times(value / bound)} the bound)` }
    : { met: false, text: `**missed** by ${unit(bound - value)} (${Math.round((value / bound) * 100)}% of the bound)` };
}

const importRate = (i: ImportResult) => (i.error ? NaN : i.rows / i.seconds);
const floorRate = (i: ImportResult) => i.rows / i.floorSeconds;

export function formatReport(r: BenchReport): { text: string; markdown: string } {
  const m = r.machine;
  const tables: Table[] = [];
  const largest = Math.max(...r.scales);
  const smallest = Math.min(...r.scales);
  const at = (kind: DatabaseKind, parks: number) => r.scenarios.find((s) => s.kind === kind && s.parks === parks);

  // Targets
  const targetRows: Row[] = [];
  const misses: string[] = [];
  const sqliteTop = at('sqlite', largest);
  if (sqliteTop) {
    const v = verdict(sqliteTop.progress.p95, TARGETS.overviewP95Ms, 'lower', ms);
    targetRows.push([`Overview (GET /api/progress, uncompressed) p95 at ${int(largest)} parks, SQLite, ${r.concurrency} clients`, `< ${TARGETS.overviewP95Ms} ms`, ms(sqliteTop.progress.p95), v.text]);
    if (!v.met) misses.push('overview');
  }
  for (const kind of ['sqlite', 'postgres'] as const) {
    const s = at(kind, largest);
    if (!s) continue;
    const v = verdict(importRate(s.import), TARGETS.importPerSecond, 'higher', (n) => `${int(n)}/s`);
    targetRows.push([`Import through POST /api/import at ${int(largest)} parks, ${dbName(kind)}`, `≥ ${int(TARGETS.importPerSecond)} values/s`, s.import.error ? 'failed' : `${int(importRate(s.import))} values/s`, v.text]);
    if (!v.met) misses.push(`import-${kind}`);
  }
  const pgTop = at('postgres', largest);
  if (pgTop) {
    const v = verdict(pgTop.progress.p95, TARGETS.overviewP95Ms, 'lower', ms);
    targetRows.push([`(orientation) the same overview on PostgreSQL`, `< ${TARGETS.overviewP95Ms} ms`, ms(pgTop.progress.p95), v.text]);
  }
  const initial = r.web?.pages.find((p) => p.kind === 'initial');
  if (initial) {
    const v = verdict(initial.js.gzip / 1024, TARGETS.initialJsGzipKb, 'lower', (n) => `${n.toFixed(1)} KB`);
    targetRows.push(['Initial JavaScript of the overview page, gzip', `< ${TARGETS.initialJsGzipKb} KB`, kb(initial.js.gzip), v.text]);
    if (!v.met) misses.push('web');
  }
  tables.push({ title: 'Targets (on a 2-core machine)', head: ['target', 'bound', 'measured', 'verdict'], rows: targetRows });

  // Per database and scale
  for (const kind of ['sqlite', 'postgres'] as const) {
    const rows: Row[] = [];
    for (const s of r.scenarios.filter((x) => x.kind === kind)) {
      const p = `${int(s.parks)}`;
      rows.push([p, `generate ${int(s.values)} figures, ${s.targets} targets (setup, not a product path)`, `${s.generateSeconds.toFixed(1)} s (${int(s.values / s.generateSeconds)}/s)`, '', '']);
      rows.push([p, `GET /api/health, ${r.concurrency} clients (the floor of the reads; ${int(s.health.rps)} answers/s): p50 / p95`, `${ms(s.health.p50)} / ${ms(s.health.p95)}`, '', '']);
      rows.push([p, `GET /api/progress (${s.targets} targets, ${bytesText(s.progress.bytes)}; ${s.progress.rps.toFixed(1)} answers/s), ${r.concurrency} clients: p50 / p95`,
        `${ms(s.progress.p50)} / ${ms(s.progress.p95)}`, `${ms(s.health.p50)} / ${ms(s.health.p95)}`, `${times(s.progress.p50 / s.health.p50)} / ${times(s.progress.p95 / s.health.p95)}`]);
      rows.push([p, `… the same as a browser asks (gzip, ${bytesText(s.progressGzip.wireBytes)} on the wire, inflated by the client on the same cores; ${s.progressGzip.rps.toFixed(1)} answers/s): p50 / p95`,
        `${ms(s.progressGzip.p50)} / ${ms(s.progressGzip.p95)}`, `${ms(s.health.p50)} / ${ms(s.health.p95)}`, `${times(s.progressGzip.p50 / s.health.p50)} / ${times(s.progressGzip.p95 / s.health.p95)}`]);
      if (s.revalidate) {
        rows.push([p, `… asked again by a client that has it (If-None-Match → 304; ${int(s.revalidate.rps)} answers/s): p50 / p95`,
          `${ms(s.revalidate.p50)} / ${ms(s.revalidate.p95)}`, `${ms(s.health.p50)} / ${ms(s.health.p95)}`, `${times(s.revalidate.p50 / s.health.p50)} / ${times(s.revalidate.p95 / s.health.p95)}`]);
      }
      rows.push([p, `GET /api/progress computed afresh (every target: the catalogue's version bumped before each), 1 client: median / max of ${s.cold.requests}`,
        s.cacheAware ? `${ms(s.cold.p50)} / ${ms(s.cold.max)}` : 'no data versions in the schema', '', '']);
      rows.push([p, `GET /api/progress after a figure changes in ${s.breakdown.province} (its targets computed again), 1 client: median / max of ${s.afterWrite.requests}`,
        s.cacheAware ? `${ms(s.afterWrite.p50)} / ${ms(s.afterWrite.max)}` : 'no data versions in the schema', '', '']);
      rows.push([p, `GET /api/progress after a target changes (PATCH through the API; that target computed again), 1 client: median / max of ${s.afterTargetChange.requests}`,
        s.cacheAware ? `${ms(s.afterTargetChange.p50)} / ${ms(s.afterTargetChange.max)}` : 'no data versions in the schema', '', '']);
      rows.push([p, `GET /api/targets/:id/progress (${s.breakdown.province}, ${s.breakdown.parks} parks; ${bytesText(s.detail.bytes)}; ${s.detail.rps.toFixed(1)} answers/s), ${r.concurrency} clients: p50 / p95`,
        `${ms(s.detail.p50)} / ${ms(s.detail.p95)}`, `${ms(s.health.p50)} / ${ms(s.health.p95)}`, `${times(s.detail.p50 / s.health.p50)} / ${times(s.detail.p95 / s.health.p95)}`]);
      rows.push([p, `import ${int(s.import.rows)} figures (${s.import.files} file${s.import.files === 1 ? '' : 's'} of ≤ 20 000 rows), values/s`,
        s.import.error ? `failed: ${s.import.error.slice(0, 120)}` : `${int(importRate(s.import))}/s (${s.import.seconds.toFixed(1)} s)`,
        `${int(floorRate(s.import))}/s (${s.import.floorSeconds.toFixed(2)} s); figures alone ${int(s.import.rows / s.import.floorValuesOnlySeconds)}/s`, times(s.import.seconds / s.import.floorSeconds)]);
      const loads = [s.health, s.progress, s.progressGzip, ...(s.revalidate ? [s.revalidate] : []), s.detail, s.cold, s.afterWrite, s.afterTargetChange];
      const errors = loads.reduce((n, l) => n + l.errors, 0);
      if (errors) rows.push([p, 'failed requests', String(errors), '', loads.find((l) => l.firstError)?.firstError?.slice(0, 120) ?? '']);
    }
    if (rows.length) tables.push({ title: `${dbName(kind)}${kind === 'postgres' && m.postgres ? ` ${m.postgres}` : ` ${m.sqlite}`}`, head: ['parks', 'measure', 'result', 'floor', 'ratio'], rows });
  }

  // Growth
  if (r.scales.length > 1) {
    const rows: Row[] = [];
    const scaled = r.scales.slice().sort((a, b) => a - b);
    for (const kind of ['sqlite', 'postgres'] as const) {
      const series: [string, (s: ScenarioResult) => number, (n: number) => string][] = [
        ['GET /api/progress p95 (cached, under load)', (s) => s.progress.p95, ms],
        ['GET /api/progress, gzip, p95 (cached, under load)', (s) => s.progressGzip.p95, ms],
        ['GET /api/progress computed afresh (median)', (s) => (s.cacheAware ? s.cold.p50 : NaN), ms],
        ['GET /api/progress after a figure changes in one province (median)', (s) => (s.cacheAware ? s.afterWrite.p50 : NaN), ms],
        ['GET /api/progress after a target changes (median)', (s) => (s.cacheAware ? s.afterTargetChange.p50 : NaN), ms],
        ['GET /api/targets/:id/progress p95', (s) => s.detail.p95, ms],
        ['import of one year, every park (total time)', (s) => (s.import.error ? NaN : s.import.seconds), (n) => `${n.toFixed(1)} s`],
        ['import, values/s', (s) => importRate(s.import), (n) => `${int(n)}/s`],
      ];
      for (const [label, get, fmt] of series) {
        const values = scaled.map((p) => { const s = at(kind, p); return s ? get(s) : NaN; });
        if (values.every((v) => !Number.isFinite(v))) continue;
        const first = values[0]!;
        const last = values.at(-1)!;
        rows.push([`${dbName(kind)}: ${label}`, ...values.map(fmt), times(last / first)]);
      }
    }
    tables.push({
      title: `Growth from ${int(smallest)} to ${int(largest)} parks (×${int(largest / smallest)} the parks)`,
      head: ['measure', ...scaled.map((p) => `${int(p)} parks`), `×${int(largest / smallest)} parks gives`],
      rows,
      note: `Linear growth is ×${int(largest / smallest)} in time (×1 in values/s); less is better than linear. The breakdown's province grows with the parks (${scaled.map((p) => at('sqlite', p)?.breakdown.parks ?? at('postgres', p)?.breakdown.parks).filter(Boolean).join(' → ')} parks).`,
    });
  }

  // Web
  if (r.web) {
    if (r.web.error) {
      tables.push({ title: 'Web build', head: ['', ''], rows: [['vite build', r.web.error.split('\n')[0]!]] });
    } else {
      tables.push({
        title: `Web build (vite build, ${r.web.seconds.toFixed(0)} s): what each page loads`,
        head: ['page', 'path', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip', 'chunks'],
        rows: r.web.pages.map((p) => [p.kind === 'initial' ? `**${p.page}**` : p.kind === 'page' ? `+ ${p.page}` : `+ ${p.page}`, p.path, kb(p.js.raw), p.kind === 'initial' ? `**${kb(p.js.gzip)}**` : kb(p.js.gzip), kb(p.css.raw), kb(p.css.gzip), String(p.chunks)]),
        note: 'The first row is what opening the product loads (the overview is the entry page). Each "+" row is what visiting that page adds on top (its chunk and the shared chunks it needs that the first load did not bring, e.g. ECharts); a chunk is counted at the first page that needs it in this list only if the first load lacks it, so shared chunks appear on every page that needs them. "On demand" chunks load on an action (exceljs on "Excel").',
      });
    }
  }

  // Why targets are missed
  const why: string[] = [];
  if (misses.includes('overview')) why.push(WHY.overview(sqliteTop!));
  for (const kind of ['sqlite', 'postgres'] as const) if (misses.includes(`import-${kind}`)) why.push(WHY.import(at(kind, largest)!));
  if (misses.includes('web')) why.push(WHY.web);

  const busy = Math.max(m.loadBefore, m.loadAfter) > m.cores * 0.5;
  const header = [
    `# Benchmarks`, '',
    `Written by \`npm run bench\` (bench/run.ts) on ${m.date.slice(0, 10)} at ${m.date.slice(11, 16)} UTC, in ${Math.round(r.seconds)} s. Commit ${m.commit}.`, '',
    `**Machine**: ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB memory, ${m.os}; Node ${m.node}; SQLite ${m.sqlite} (better-sqlite3)${m.postgres ? `; PostgreSQL ${m.postgres}` : ''}.`,
    `Load average (1 min) ${m.loadBefore.toFixed(2)} before, ${m.loadAfter.toFixed(2)} after.${busy ? ` **The machine was busy with other work during this run** (load above half the cores): the latencies and rates are worse than on an idle machine, the ratios against the floors (measured under the same conditions) less so.` : ''}`, '',
    `**Data**: the synthetic 示例数据 set of bench/synthetic.ts, generated deterministically into fresh databases in a temp dir (never ./data): every province of China (GB/T 2260) with parks named 示例园区0001… (6% national, 10% other, the rest provincial; 江苏, 广东, 浙江, 山东 largest), ${40} indicators (the catalogue's 39 reported ones and one planner-defined), 15 years each (${int(Math.max(...r.scenarios.map((s) => s.values), 0))} figures at ${int(largest)} parks), and 11 targets per province: ratio-of-sums, sum and share aggregates, city coverage, every national and every provincial zone of a class, and single parks (341 in all).`,
    `**Method**: the real server (node server/main.ts) on each database; ${r.concurrency} concurrent clients over keep-alive loopback connections (Node's fetch), each sending its next request when the last answer is read in full; 8 s or 2 000 requests per endpoint (at least ${r.concurrency * 2}; GET /api/health 4 s or 5 000, at least 200), after a warm-up of ${r.concurrency}. Latency is send → last byte. GET /api/progress and the breakdown are asked for uncompressed (Accept-Encoding: identity), which measures the server rather than the client's inflating on the same two cores; the overview is then also measured as a browser asks for it (gzip), and as a browser that has it asks again (If-None-Match, answered 304). The floor of every endpoint is GET /api/health (one query) under the same load; the floor of the import is raw prepared inserts of the same rows and their revisions in one transaction (SQLite: better-sqlite3 statements; PostgreSQL: batched multi-row inserts through unnest), on the same database, committed. PostgreSQL runs in a throw-away cluster with fsync on, shared_buffers 256 MB.`,
    ...r.notes.map((n) => `**Note**: ${n}`),
    ...r.failures.map((f) => `**FAILED**: ${f.split('\n')[0]}`),
    '',
  ].join('\n');
  const markdown = [header, ...tables.map(markdownTable), ...(why.length ? ['## Why the missed targets are missed', '', ...why.map((w) => `- ${w}`), ''] : [])].join('\n');
  const text = [...tables.map(textTable), ...(why.length ? ['Why the missed targets are missed:', ...why.map((w) => `- ${w.replace(/\*\*/g, '')}`)] : [])].join('\n');
  return { text, markdown };
}

const WHY = {
  overview: (s: ScenarioResult) => {
    const perAnswer = 1000 / s.progress.rps;
    return `**Overview p95 at ${int(s.parks)} parks on SQLite (${ms(s.progress.p95)})**: the answer is the progress of all ${s.targets} targets, ${bytesText(s.progress.bytes)} of JSON, served prepared from the cache (keyed by the data version). `
      + `It takes about ${ms(perAnswer)} of the machine per answer (${s.progress.rps.toFixed(1)} answers a second under this load) to move those bytes through a socket to a client on the same two cores; with every client's request in flight each waits for those before it, so p95 ≈ clients × time per answer. `
      + `The bare endpoint under the same load has p95 ${ms(s.health.p95)} (the floor of this machine and load). `
      + (s.cacheAware ? `Computing every target afresh takes ${ms(s.cold.p50)} (median, one client); after a figure changes in one province, ${ms(s.afterWrite.p50)}; after a target changes, ${ms(s.afterTargetChange.p50)}. ` : '');
  },
  import: (s: ScenarioResult) => {
    const rate = importRate(s.import);
    const floor = floorRate(s.import);
    return `**Import on ${dbName(s.kind)} (${int(rate)} values/s)**: `
      + (floor < TARGETS.importPerSecond ? `even the floor — raw prepared inserts of the same figures with a revision each, nothing checked — reaches only ${int(floor)} values/s on this machine (${int(s.import.rows / s.import.floorValuesOnlySeconds)}/s for the figures alone), below the bound; ` : `the floor reaches ${int(floor)} values/s; `)
      + `the import path is ${times(s.import.seconds / s.import.floorSeconds)} the floor. Per file of 20 000 rows it receives the upload, parses the CSV into typed cells, resolves parks and indicators, loads the stored figures of those parks for the year and the years around, checks every row (units, ranges, the ×5 jump, versions), `
      + 'writes the figures (multi-row INSERT … RETURNING through Kysely), their revisions and an audit entry in one transaction — this part is close to the floor — and answers with the report of every row (several MB of JSON for 20 000 rows).';
  },
  web: 'The initial JavaScript exceeds the bound: see the largest chunks of the first load above.',
};
