// `npm run bench`: the product at national size, on SQLite and on PostgreSQL, each figure against a
// floor measured in the same run. Writes BENCHMARKS.md (with the date and the machine) and prints it.
//
//   npm run bench                                   300, 1 000 and 3 000 parks on both databases + the web build
//   npm run bench -- --scales 300,3000 --databases sqlite --no-web --quick
//   npm run bench -- --out /tmp/b.md                write the report elsewhere
//
// For each database and scale: a fresh database in the benchmark's own temp dir (a throw-away
// PostgreSQL cluster for PostgreSQL, as `npm test` starts one), filled with the synthetic 示例数据 set
// (bench/synthetic.ts), the real server started on it (node server/main.ts, SEED=0), then
//   - GET /api/health (the floor), GET /api/progress (every target over all parks) and
//     GET /api/targets/:id/progress (one aggregate's per-park breakdown) under 20 concurrent clients;
//   - GET /api/progress with its cache made stale before every request (a write elsewhere bumps the
//     data version), single client: what a request costs when it has to compute;
//   - the import of one more year for every park (40 figures each) through POST /api/import in files
//     of 500 parks (20 000 rows, the import's limit), against raw prepared inserts of the same rows
//     and their revisions in one transaction (the floor).
// Everything it starts (servers, the cluster, vite) is stopped at the end, on failure and on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseKind } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { bumpDataVersion } from '../server/services/data-version.ts';
import { signIn } from '../server/testing/client.ts';
import { REPO_ROOT, startServer, type RunningServer } from '../server/testing/server-process.ts';
import { findPostgresBin, startCluster, stopCluster } from '../scripts/pg-cluster.mjs'; // plain ESM, shared with scripts/test.mjs
import { runLoad, type LoadOptions, type LoadResult } from './load.ts';
import { formatReport, type BenchReport, type ImportResult, type ScenarioResult, type Machine } from './report.ts';
import { generate, importFigures, postgresWriter, sqliteWriter, type SyntheticSet, type SynthPark } from './synthetic.ts';
import { measureWebBuild, type WebSizes } from './web-size.ts';

const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '300,1000,3000' },
    databases: { type: 'string', default: 'sqlite,postgres' },
    'no-web': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(REPO_ROOT, 'BENCHMARKS.md') },
    concurrency: { type: 'string', default: '20' },
  },
});
const SCALES = args.scales.split(',').map(Number).filter((n) => n > 0);
const DATABASES = args.databases.split(',') as DatabaseKind[];
const CONCURRENCY = Number(args.concurrency);
const ADMIN_PASSWORD = 'bench-admin-password';
const PARKS_PER_FILE = 500; // × 40 indicators = 20 000 rows, the import's limit per file
/** The data set ends two years back, so the import's year (last year) is never in the future. */
const LAST_YEAR = new Date().getUTCFullYear() - 2;
const IDENTITY = { 'accept-encoding': 'identity' };

const log = (msg: string) => process.stdout.write(`[bench] ${msg}\n`);

// --- clean-up: everything started is stopped, whatever happens ------------------------------------

const started = {
  dir: mkdtempSync(path.join(os.tmpdir(), 'mubiao-bench-')),
  servers: new Set<RunningServer>(),
  cluster: null as null | { dir: string; pgCtl: string },
  vitePid: null as number | null,
};
function cleanupNow(): void {
  for (const s of started.servers) void s.kill('SIGKILL'); // the signal goes out synchronously
  started.servers.clear();
  if (started.vitePid) {
    try { process.kill(started.vitePid, 'SIGKILL'); } catch { /* gone */ }
    started.vitePid = null;
  }
  if (started.cluster) {
    stopCluster(started.cluster);
    started.cluster = null;
  }
  rmSync(started.dir, { recursive: true, force: true });
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n[bench] ${signal}: stopping everything it started\n`);
    cleanupNow();
    process.exit(code);
  });
}
process.on('exit', cleanupNow);

// --- the machine --------------------------------------------------------------------------------------

function machine(pgVersion: string | null): Machine {
  const sqlite = new SqliteDatabase(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ' (with uncommitted changes)';
  } catch { /* not a git checkout */ }
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model.trim() ?? '?',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    sqlite: sqliteVersion,
    postgres: pgVersion,
    commit,
    loadBefore: os.loadavg()[0]!,
    loadAfter: NaN,
  };
}

// --- one database at one scale ------------------------------------------------------------------------

interface Target {
  kind: DatabaseKind;
  /** Environment for the server process. */
  env: Record<string, string>;
  /** The database for the benchmark's own connection (bumps, floor). */
  databaseUrl: string;
}

async function prepareDatabase(kind: DatabaseKind, scale: number, adminUrl: string | null): Promise<{ target: Target; set: SyntheticSet & { parkList: SynthPark[] } }> {
  if (kind === 'sqlite') {
    const dataDir = path.join(started.dir, `sqlite-${scale}`);
    const file = path.join(dataDir, 'mubiao.db');
    const handle = openDatabase({ databaseUrl: `sqlite:${file}`, dataDir });
    await migrateToLatest(handle.db);
    await handle.close();
    const set = await generate(sqliteWriter(file), scale, LAST_YEAR);
    return { target: { kind, env: { DATABASE_URL: `sqlite:${file}`, DATA_DIR: dataDir }, databaseUrl: `sqlite:${file}` }, set };
  }
  const name = `bench_${scale}`;
  const admin = new pg.Client({ connectionString: adminUrl! });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  const dataDir = path.join(started.dir, `pg-${scale}`);
  const handle = openDatabase({ databaseUrl: url.toString(), dataDir });
  await migrateToLatest(handle.db);
  await handle.close();
  const set = await generate(await postgresWriter(url.toString()), scale, LAST_YEAR);
  return { target: { kind, env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir }, databaseUrl: url.toString() }, set };
}

const loadOptions = (heavy: boolean): LoadOptions => {
  const f = args.quick ? 0.5 : 1;
  return heavy
    ? { concurrency: CONCURRENCY, maxRequests: 2000, maxSeconds: 8 * f, minRequests: CONCURRENCY * 2, hardSeconds: 40 * f }
    : { concurrency: CONCURRENCY, maxRequests: 5000, maxSeconds: 4 * f, minRequests: 200, hardSeconds: 20 * f };
};

/**
 * Makes the servers' cached progress stale from outside, as a write does: `all` as a change to the
 * targets or the register does (everything is computed again), `figuresOf` as a park reporting in
 * one province does (that province's targets are). Through the product's own bumpDataVersion.
 */
async function bumper(target: Target): Promise<{ all: () => Promise<void>; figuresOf: (province: string) => Promise<void>; close: () => Promise<void>; has: boolean }> {
  const handle = openDatabase({ databaseUrl: target.databaseUrl, dataDir: started.dir });
  let has = true;
  try {
    await sql`select version from province_data_versions limit 1`.execute(handle.db);
  } catch {
    has = false;
  }
  return {
    has,
    all: async () => {
      if (has) await bumpDataVersion(handle.db, { kind: 'catalogue' });
    },
    figuresOf: async (province) => {
      if (has) await bumpDataVersion(handle.db, { kind: 'province', provinces: [province] });
    },
    close: () => handle.close(),
  };
}

/** A planner changing one target through the API, a little each time (its tolerance), as the `before` of a measurement. */
async function targetEditor(url: string, targetId: number): Promise<() => Promise<void>> {
  const admin = await signIn(url, 'admin', ADMIN_PASSWORD);
  let step = 0;
  return async () => {
    const { version } = await admin.get<{ version: number }>(`/api/targets/${targetId}`);
    const res = await admin.request('PATCH', `/api/targets/${targetId}`, { version, tolerance: 0.05 + (++step % 2) * 0.01, reason: 'bench' });
    if (res.status !== 200) throw new Error(`PATCH /api/targets/${targetId}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  };
}

async function coldLatency(url: string, bump: () => Promise<void>, n: number): Promise<LoadResult> {
  return runLoad(url, { concurrency: 1, maxRequests: n, maxSeconds: 0, minRequests: n, hardSeconds: 120, warmup: 0, before: bump });
}

/**
 * Raw prepared inserts of the import's rows, one transaction, committed, then removed again: once the
 * figures alone, once the figures with a revision each (what the import has to write too).
 */
async function importFloor(target: Target, rows: ReturnType<typeof importRows>, year: number): Promise<{ values: number; withRevisions: number }> {
  const at = new Date().toISOString();
  if (target.kind === 'sqlite') {
    const db = new SqliteDatabase(target.databaseUrl.slice('sqlite:'.length));
    // The server's own settings (server/db/connection.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    try {
      const adminId = (db.prepare(`select id from users where username = 'admin'`).get() as { id: number }).id;
      const insertValue = db.prepare(`insert into reported_values (subject_key, park_id, region_code, indicator_code, year, value, status, note, source_code, entered_by, entered_by_name, entered_at, updated_at)
        values (?, ?, null, ?, ?, ?, 'draft', null, null, ?, 'admin', ?, ?)`);
      const insertRevision = db.prepare(`insert into value_revisions (value_id, version, old_value, new_value, old_status, new_status, note, source_code, reason, changed_by, changed_by_name, changed_at)
        values (?, 1, null, ?, null, 'draft', null, null, null, ?, 'admin', ?)`);
      const remove = db.transaction(() => {
        db.prepare('delete from value_revisions where value_id in (select id from reported_values where year = ?)').run(year);
        db.prepare('delete from reported_values where year = ?').run(year);
      });
      const timed = (withRevisions: boolean) => {
        const t0 = performance.now();
        db.transaction(() => {
          for (const r of rows) {
            const id = insertValue.run(`park:${r.parkId}`, r.parkId, r.indicator, r.year, r.value, adminId, at, at).lastInsertRowid;
            if (withRevisions) insertRevision.run(id, r.value, adminId, at);
          }
        })();
        const seconds = (performance.now() - t0) / 1000;
        remove();
        return seconds;
      };
      return { values: timed(false), withRevisions: timed(true) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    const adminId = (await client.query<{ id: number }>(`select id from users where username = 'admin'`)).rows[0]!.id;
    const timed = async (withRevisions: boolean) => {
      const t0 = performance.now();
      await client.query('begin');
      for (let i = 0; i < rows.length; i += 5000) {
        const batch = rows.slice(i, i + 5000);
        const inserted = await client.query<{ id: number; park_id: number; indicator_code: string }>(
          `insert into reported_values (subject_key, park_id, region_code, indicator_code, year, value, status, note, source_code, entered_by, entered_by_name, entered_at, updated_at)
           select s, p, null, i, y, v, 'draft', null, null, $6, 'admin', $7, $7 from unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::float8[]) as t(s, p, i, y, v)
           returning id, park_id, indicator_code`,
          [batch.map((r) => `park:${r.parkId}`), batch.map((r) => r.parkId), batch.map((r) => r.indicator), batch.map((r) => r.year), batch.map((r) => r.value), adminId, at],
        );
        if (!withRevisions) continue;
        const valueOf = new Map(batch.map((r) => [`${r.parkId}:${r.indicator}`, r.value]));
        await client.query(
          `insert into value_revisions (value_id, version, old_value, new_value, old_status, new_status, note, source_code, reason, changed_by, changed_by_name, changed_at)
           select id, 1, null, v, null, 'draft', null, null, null, $3, 'admin', $4 from unnest($1::int[], $2::float8[]) as t(id, v)`,
          [inserted.rows.map((r) => r.id), inserted.rows.map((r) => valueOf.get(`${r.park_id}:${r.indicator_code}`)!), adminId, at],
        );
      }
      await client.query('commit');
      const seconds = (performance.now() - t0) / 1000;
      await client.query('delete from value_revisions where value_id in (select id from reported_values where year = $1)', [year]);
      await client.query('delete from reported_values where year = $1', [year]);
      return seconds;
    };
    return { values: await timed(false), withRevisions: await timed(true) };
  } finally {
    await client.end();
  }
}

function importRows(set: SyntheticSet, parks: SynthPark[]) {
  return [...importFigures(set, parks)];
}

/** The year's figures of every park through the real import: multipart CSV uploads of 500 parks each, committed. */
async function importThroughApi(server: RunningServer, rows: ReturnType<typeof importRows>): Promise<{ seconds: number; files: number; error: string | null; slowestFile: number }> {
  let admin: Awaited<ReturnType<typeof signIn>>;
  try {
    admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    const alive = await fetch(`${server.url}/api/health`).then((r) => `health ${r.status}`, (e: unknown) => `health: ${String(e)}`);
    return { seconds: 0, files: 0, slowestFile: 0, error: `sign-in: ${String(err)}${cause ? ` (${String(cause)})` : ''}; ${alive}` };
  }
  const perFile = PARKS_PER_FILE * 40;
  let seconds = 0;
  let slowestFile = 0;
  let files = 0;
  for (let i = 0; i < rows.length; i += perFile) {
    const chunk = rows.slice(i, i + perFile);
    const csv = `园区编号,指标,年份,数值\n${chunk.map((r) => `${r.parkId},${r.indicator},${r.year},${r.value}`).join('\n')}\n`;
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), `示例数据-${files + 1}.csv`);
    form.append('reason', '基准测试 (benchmark)');
    const t0 = performance.now();
    let res: Response;
    try {
      res = await admin.fetch('/api/import', { method: 'POST', body: form });
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      return { seconds, files, slowestFile, error: `file ${files + 1}: ${String(err)}${cause ? ` (${String(cause)})` : ''} after ${((performance.now() - t0) / 1000).toFixed(1)} s` };
    }
    const body = await res.json() as { committed?: boolean; summary?: { new: number }; error?: { message: string; report?: { problems: unknown[] } } };
    const took = (performance.now() - t0) / 1000;
    seconds += took;
    slowestFile = Math.max(slowestFile, took);
    files++;
    if (res.status !== 200 || !body.committed || body.summary?.new !== chunk.length) {
      return { seconds, files, slowestFile, error: `file ${files}: ${res.status} ${JSON.stringify(body.error ?? body.summary).slice(0, 400)} ${JSON.stringify(body.error?.report?.problems?.slice(0, 3) ?? '')}` };
    }
  }
  return { seconds, files, slowestFile, error: null };
}

async function scenario(kind: DatabaseKind, scale: number, adminUrl: string | null): Promise<ScenarioResult> {
  log(`${kind}, ${scale} parks: generating ${scale} × 40 × 15 figures …`);
  const { target, set } = await prepareDatabase(kind, scale, adminUrl);
  log(`  ${set.values.toLocaleString('en')} figures, ${set.targets.length} targets in ${set.seconds.toFixed(1)} s`);

  const server = await startServer({ env: { ...target.env, SEED: '0', DEMO: '0', ADMIN_PASSWORD, READ_ACCESS: 'public', TRUST_PROXY: '0' } });
  started.servers.add(server);
  const cache = await bumper(target);
  try {
    const url = server.url;
    log('  GET /api/health under load (the floor) …');
    const health = await runLoad(`${url}/api/health`, loadOptions(false));
    // Uncompressed: what the server costs, without the client's inflating (which would run on the
    // same two cores); then as a browser asks (gzip), and as a browser that has it asks again (304).
    log(`  GET /api/progress under load (uncompressed, gzip, If-None-Match) …`);
    const progress = await runLoad(`${url}/api/progress`, { ...loadOptions(true), headers: IDENTITY });
    const progressGzip = await runLoad(`${url}/api/progress`, loadOptions(true));
    const etag = await fetch(`${url}/api/progress`, { headers: IDENTITY }).then(async (res) => { await res.arrayBuffer(); return res.headers.get('etag'); });
    const revalidate = etag ? await runLoad(`${url}/api/progress`, { ...loadOptions(false), headers: { 'if-none-match': etag } }) : null;
    log(`  GET /api/progress, cache stale before each request …`);
    const cold = await coldLatency(`${url}/api/progress`, cache.all, 3);
    log(`  GET /api/progress after a figure changes in ${set.largestProvince.name} …`);
    const afterWrite = await coldLatency(`${url}/api/progress`, () => cache.figuresOf(set.largestProvince.code), 5);
    log(`  GET /api/progress after a planner changes one target (PATCH /api/targets/${set.breakdownTargetId}) …`);
    const afterTargetChange = await coldLatency(`${url}/api/progress`, await targetEditor(url, set.breakdownTargetId), 5);
    const detailUrl = `${url}/api/targets/${set.breakdownTargetId}/progress`;
    log(`  GET /api/targets/${set.breakdownTargetId}/progress (${set.largestProvince.name}, ${set.largestProvince.parks} parks) under load …`);
    const detail = await runLoad(detailUrl, { ...loadOptions(true), headers: IDENTITY });

    const rows = importRows(set, set.parkList);
    log(`  import floor: ${rows.length.toLocaleString('en')} raw inserts + revisions in one transaction …`);
    const floor = await importFloor(target, rows, set.lastYear + 1);
    await cache.all(); // the floor wrote behind the server's back
    // The floor held this event loop (better-sqlite3 is synchronous) while the server closed idle
    // keep-alive connections: let their close events arrive before fetch picks one for the next request.
    await new Promise((r) => setTimeout(r, 1000));
    log(`  import through POST /api/import, ${Math.ceil(rows.length / (PARKS_PER_FILE * 40))} file(s) …`);
    const imported = await importThroughApi(server, rows);
    const importResult: ImportResult = {
      rows: rows.length, seconds: imported.seconds, files: imported.files, slowestFile: imported.slowestFile,
      floorSeconds: floor.withRevisions, floorValuesOnlySeconds: floor.values, error: imported.error,
    };
    if (imported.error) log(`  import FAILED: ${imported.error}`);

    return {
      kind, parks: scale, values: set.values, generateSeconds: set.seconds, targets: set.targets.length,
      breakdown: { targetId: set.breakdownTargetId, province: set.largestProvince.name, parks: set.largestProvince.parks },
      health, progress, progressGzip, revalidate, cold, afterWrite, afterTargetChange, detail, import: importResult, cacheAware: cache.has,
    };
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- server output (last 3000 characters) ---\n${server.output().slice(-3000)}`, { cause: err });
  } finally {
    await cache.close();
    await server.stop();
    started.servers.delete(server);
    if (kind === 'sqlite') rmSync(path.dirname(target.databaseUrl.slice('sqlite:'.length)), { recursive: true, force: true });
  }
}

// --- main -------------------------------------------------------------------------------------------

async function main() {
  const t0 = performance.now();
  let adminUrl: string | null = null;
  let pgVersion: string | null = null;
  let pgNote: string | null = null;
  if (DATABASES.includes('postgres')) {
    const bins = findPostgresBin();
    if (!bins) {
      pgNote = 'PostgreSQL is not installed here (apt-get install -y postgresql): its rows are missing.';
    } else {
      // A production-like cluster: fsync on; room for the bulk load's WAL; buffers for a 2-core box.
      const cluster = await startCluster(bins, {
        prefix: 'bench-pg-',
        settings: ['max_connections=100', 'shared_buffers=256MB', 'max_wal_size=4GB', 'work_mem=16MB'],
        onDir: (c) => { started.cluster = c; },
      });
      if ('url' in cluster) {
        adminUrl = cluster.url;
        const c = new pg.Client({ connectionString: adminUrl! });
        await c.connect();
        pgVersion = (await c.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
        await c.end();
        log(`PostgreSQL ${pgVersion} on ${cluster.url}`);
      } else {
        pgNote = `the throw-away PostgreSQL cluster did not start: ${cluster.error.split('\n')[0]}`;
      }
    }
    if (pgNote) log(`WARNING: ${pgNote}`);
  }
  const m = machine(pgVersion);

  let web: WebSizes | null = null;
  if (!args['no-web']) {
    log('web build (vite build into a temp dir) …');
    web = await measureWebBuild(REPO_ROOT, path.join(started.dir, 'web'), (pid) => { started.vitePid = pid; });
    if (web.error) log(`WARNING: ${web.error.split('\n')[0]}`);
  }

  const scenarios: ScenarioResult[] = [];
  const failures: string[] = [];
  for (const kind of DATABASES) {
    if (kind === 'postgres' && !adminUrl) continue;
    for (const scale of SCALES) {
      try {
        scenarios.push(await scenario(kind, scale, adminUrl));
      } catch (err) {
        const message = `${kind}, ${scale} parks: ${err instanceof Error ? err.stack ?? err.message : String(err)}`;
        failures.push(message);
        log(`FAILED ${message}`);
      }
    }
  }

  m.loadAfter = os.loadavg()[0]!;
  const report: BenchReport = { machine: m, scenarios, web, concurrency: CONCURRENCY, failures, notes: pgNote ? [pgNote] : [], seconds: (performance.now() - t0) / 1000, scales: SCALES };
  const { text, markdown } = formatReport(report);
  process.stdout.write(`\n${text}\n`);
  writeFileSync(args.out, markdown);
  log(`wrote ${path.relative(process.cwd(), args.out) || args.out} (${((performance.now() - t0) / 1000).toFixed(0)} s in all)`);
  if (failures.length) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`[bench] ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
}).finally(() => {
  cleanupNow();
});
