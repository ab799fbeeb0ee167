// Several server instances on one PostgreSQL database, as a national deployment runs them behind a
// reverse proxy: nothing a user relies on lives in one process's memory. A figure written through
// one instance is seen through the other at once (its progress cache included); a session, the
// sign-in throttle and a revoked screen link hold on both. And the same data gives the same answers,
// byte for byte, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEntryT, ReportedValueT } from '../shared/schemas.ts';
import { createUserAndSignIn, sessionClient, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase, type TestDatabaseKind } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';
import { FREE_TRIES } from './services/sign-in.ts';

const sqliteKind = TEST_DATABASES.find((k) => k.kind === 'sqlite')!;
const postgresKind = TEST_DATABASES.find((k) => k.kind === 'postgres')!;
const PARK = '萧山临江高新区'; // T10: ≥ 1000 national high-tech enterprises by 2023, 802 in 2021

const json = async <T = any>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json() as T };
};
const signInTry = (server: RunningServer, username: string, password: string) => fetch(`${server.url}/api/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
});
const csvUpload = (rows: string[][], name = 'import.csv') => {
  const form = new FormData();
  form.append('file', new Blob([rows.map((r) => r.join(',')).join('\r\n')], { type: 'text/csv' }), name);
  form.append('status', 'submitted');
  return form;
};

describe.skipIf(postgresKind.skipReason !== null)('two server instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let adminA: Client;
  let parkId: number;
  const t10 = async (server: RunningServer, basis = 'approved') =>
    (await json<ProgressEntryT[]>(`${server.url}/api/progress?basis=${basis}`)).body.find((p) => p.code === 'T10')!;

  beforeAll(async () => {
    database = await postgresKind.create();
    const env = { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD };
    // Both start at once on the empty database, as a deployment brings its instances up: one migrates
    // and seeds it while the other waits, then finds it ready.
    [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    adminA = await signIn(a.url, 'admin', TEST_ADMIN_PASSWORD);
    parkId = (await adminA.get<{ id: number; name: string }[]>('/api/parks')).find((p) => p.name === PARK)!.id;
  });
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await database?.drop();
  });

  it('runs two processes on one database, set up once although they started together', async () => {
    expect((await json(`${a.url}/api/health`)).body).toEqual({ status: 'ok', database: 'postgres' });
    expect((await json(`${b.url}/api/health`)).body).toEqual({ status: 'ok', database: 'postgres' });
    expect(a.port).not.toBe(b.port);
    // Set up once: one seed, one admin.
    expect([a, b].filter((s) => s.output().includes('seeded the empty database'))).toHaveLength(1);
    expect([a, b].filter((s) => s.output().includes('已创建管理员账号'))).toHaveLength(1);
    expect((await adminA.get<unknown[]>('/api/targets')).length).toBe(15);
  });

  it('shows a figure written through A on B at once: values, and progress computed (and cached) on B', async () => {
    // B has computed (and may have cached) the progress before the write.
    const before = await t10(b);
    expect([before.latestYear, before.latestValue]).toEqual([2021, 802]);
    expect((await t10(b, 'submitted')).latestYear).toBe(2021);

    const manager = await createUserAndSignIn(a.url, adminA, { username: 'qt-manager', role: 'park_manager', parkIds: [parkId] });
    const put = await manager.request('PUT', '/api/values', { values: [{ parkId, indicator: 'hte_count', year: 2022, value: 905 }], status: 'submitted', reason: '2022年报' });
    expect(put.status).toBe(200);
    const [written] = put.body.written as { id: number; version: number }[];

    const onB = (await json<ReportedValueT[]>(`${b.url}/api/values?park=${parkId}&indicator=hte_count`)).body;
    expect(onB.map((v) => [v.year, v.value, v.status, v.enteredBy])).toEqual([[2021, 802, 'approved', expect.any(String)], [2022, 905, 'submitted', 'qt-manager']]);
    // Submitted figures count on the submitted basis at once, on the approved basis only once approved.
    expect((await t10(b, 'submitted')).latestValue).toBe(905);
    expect((await t10(b)).latestValue).toBe(802);

    expect((await adminA.request('POST', '/api/values/approve', { items: [{ id: written!.id, version: written!.version }] })).status).toBe(200);
    const after = await t10(b);
    expect([after.latestYear, after.latestValue]).toEqual([2022, 905]);
    const detail = (await json(`${b.url}/api/targets/${after.id}/progress`)).body;
    expect(detail.series.map((p: { year: number; value: number }) => [p.year, p.value])).toEqual([[2021, 802], [2022, 905]]);
  });

  it('shows a figure imported through A on B at once', async () => {
    const res = await adminA.fetch('/api/import', { method: 'POST', body: csvUpload([['园区编号', '指标', '年份', '数值'], [String(parkId), 'smart_factories', '2023', '19']]) });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { committed: boolean }).committed).toBe(true);
    const onB = (await json<ReportedValueT[]>(`${b.url}/api/values?park=${parkId}&indicator=smart_factories`)).body;
    expect(onB.map((v) => [v.year, v.value, v.status])).toEqual([[2021, 14, 'approved'], [2023, 19, 'submitted']]);
  });

  it('gives the same ETag on both instances, and a new one on both once A writes a figure that counts', async () => {
    const etagOn = async (url: string, ifNoneMatch?: string) => {
      const res = await fetch(`${url}/api/progress?basis=submitted`, ifNoneMatch ? { headers: { 'if-none-match': ifNoneMatch } } : {});
      await res.arrayBuffer();
      return { status: res.status, etag: res.headers.get('etag') };
    };
    const first = await etagOn(a.url);
    expect(await etagOn(b.url)).toEqual(first);
    expect((await etagOn(b.url, first.etag!)).status).toBe(304);

    const res = await adminA.fetch('/api/import', { method: 'POST', body: csvUpload([['园区编号', '指标', '年份', '数值'], [String(parkId), 'hte_count', '2023', '950']]) });
    expect(res.status, await res.clone().text()).toBe(200);
    // B's copy is stale at once: its answer for the old ETag is the new data, not a 304.
    const afterOnB = await etagOn(b.url, first.etag!);
    expect(afterOnB.status).toBe(200);
    expect(afterOnB.etag).not.toBe(first.etag);
    expect((await etagOn(a.url, afterOnB.etag!)).status).toBe(304);
  });

  it('accepts a session made on A on B (same cookie, same CSRF token), and ends it on both when signed out on B', async () => {
    const onA = await signIn(a.url, 'admin', TEST_ADMIN_PASSWORD);
    const onB = sessionClient(b.url, onA.cookie, onA.csrfToken);
    const me = await onB.get<{ username: string; csrfToken: string }>('/api/auth/me');
    expect([me.username, me.csrfToken]).toEqual(['admin', onA.csrfToken]);
    // A write on B with A's session and token.
    const made = await onB.request('POST', '/api/users', { username: 'made-on-b', role: 'viewer', password: 'viewer-password-1', parkIds: [] });
    expect(made.status).toBe(201);
    // The CSRF token is the session's, wherever it is checked.
    expect((await sessionClient(b.url, onA.cookie, 'wrong').request('POST', '/api/users', { username: 'x-b', role: 'viewer', password: 'viewer-password-1', parkIds: [] })).status).toBe(403);

    expect((await onB.request('POST', '/api/auth/logout', {})).status).toBe(200);
    expect((await onA.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('counts sign-in tries on both instances before checking a password: 30 at once across A and B (29 wrong, 1 right) check at most 5', async () => {
    await createUserAndSignIn(a.url, adminA, { username: 'guessed', role: 'viewer' });
    // Half to each instance, all at once, the last with the right password.
    const tries = await Promise.all(Array.from({ length: 30 }, (_, i) => signInTry(i % 2 ? b : a, 'guessed', i === 29 ? 'guessed-password-123' : `wrong-password-${i}`)));
    const statuses = tries.map((r) => r.status);
    const checked = statuses.filter((s) => s !== 429);
    expect(checked.length).toBeLessThanOrEqual(FREE_TRIES.account);
    expect(checked.every((s) => s === 401 || s === 200)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - FREE_TRIES.account);
    const waited = tries.find((r) => r.status === 429)!;
    expect(Number(waited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await waited.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    // What the audit log saw: as many failed checks as answers that were not told to wait.
    const failures = await adminA.get<unknown[]>('/api/audit?action=login_failed&user=guessed');
    expect(failures.length).toBe(statuses.filter((s) => s === 401).length);
  });

  it('slows down sign-in on B after failed sign-ins on A: even the right password waits', async () => {
    await createUserAndSignIn(a.url, adminA, { username: 'guessed-too', role: 'viewer' });
    const tries = await Promise.all(Array.from({ length: 10 }, (_, i) => signInTry(a, 'guessed-too', `wrong-password-${i}`)));
    expect(tries.filter((r) => r.status === 401)).toHaveLength(FREE_TRIES.account);
    const onB = await signInTry(b, 'guessed-too', 'guessed-too-password-123');
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('refuses on B a screen link revoked on A', async () => {
    const made = await adminA.request('POST', '/api/screens', { label: '大厅' });
    expect(made.status).toBe(201);
    const read = (server: RunningServer) => fetch(`${server.url}/api/screen/config`, { headers: { 'x-screen-token': made.body.token } });
    expect((await read(b)).status).toBe(200);
    expect((await adminA.request('DELETE', `/api/screens/${made.body.id}`)).status).toBe(200);
    const refused = await read(b);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('screen_revoked');
  });
});

// --- the same answers on SQLite and on PostgreSQL ----------------------------------------------------

/** Timestamps of when something was entered or done legitimately differ between two runs; nothing else may. */
const TIMESTAMP = /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"/g;
const normalise = (text: string) => text.replace(TIMESTAMP, '"<timestamp>"');

interface Instance { kind: TestDatabaseKind; database: TestDatabase; server: RunningServer; admin: Client }

/** The same writes through the API on either database: a new park, figures as draft, submitted and approved, an import. */
async function writeTheSame(i: Instance): Promise<void> {
  const { admin } = i;
  const ok = (r: { status: number; body: unknown }, status = 200) => expect(r.status, JSON.stringify(r.body)).toBe(status);
  const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
  const park = (name: string) => parks.find((p) => p.name === name)!.id;
  const created = await admin.request('POST', '/api/parks', { name: '测试·嘉兴某高新区', level: 'provincial', provinceCode: '330000', cityCode: '330400', approvedOn: '2012-05' });
  ok(created, 201);
  const newPark = created.body.id as number;
  const submitted = await admin.request('PUT', '/api/values', {
    status: 'submitted', reason: '年报',
    values: [
      { parkId: park(PARK), indicator: 'hte_count', year: 2022, value: 905 },
      { parkId: park(PARK), indicator: 'hte_count', year: 2023, value: 1012 },
      { parkId: newPark, indicator: 'gdp', year: 2023, value: 123.45 },
      { parkId: newPark, indicator: 'rd_spending', year: 2023, value: 4.94 },
      { parkId: newPark, indicator: 'tax_revenue', year: 2023, value: 31_400, unit: '万元' },
      { parkId: newPark, indicator: 'land_area', year: 2023, value: 8.2, unit: '平方公里' },
    ],
  });
  ok(submitted);
  const written = submitted.body.written as { id: number; version: number; indicator: string }[];
  ok(await admin.request('POST', '/api/values/approve', { items: written.filter((w) => w.indicator !== 'land_area').map(({ id, version }) => ({ id, version })), comment: '核实' }));
  ok(await admin.request('PUT', '/api/values', [{ parkId: newPark, indicator: 'digitalization_rate', year: 2023, value: 71.5, note: '草稿' }]));
  const res = await admin.fetch('/api/import', {
    method: 'POST',
    body: csvUpload([['园区编号', '指标', '年份', '数值'], [String(newPark), 'gdp', '2022', '110.2'], [String(newPark), 'rd_spending', '2022', '4.1'], [String(park('宁波高新区')), 'smart_factories', '2023', '19']]),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe.skipIf(postgresKind.skipReason !== null)('the same data on SQLite and on PostgreSQL', () => {
  const instances: Instance[] = [];
  const answer = async (i: Instance, path: string) => {
    const res = await fetch(i.server.url + path);
    const text = await res.text();
    expect(res.status, `${i.kind.kind} ${path}: ${text.slice(0, 300)}`).toBe(200);
    return normalise(text);
  };
  /** Compares every answer; returns how many were compared. */
  const expectSame = async (paths: string[]) => {
    for (const path of paths) {
      const [onSqlite, onPostgres] = await Promise.all(instances.map((i) => answer(i, path)));
      // Compared as text: the same bytes, not just equal values.
      if (onSqlite !== onPostgres) expect(JSON.parse(onPostgres!), `GET ${path} differs between SQLite and PostgreSQL`).toEqual(JSON.parse(onSqlite!));
      expect(onPostgres, `GET ${path}: the same values but not the same bytes`).toBe(onSqlite);
    }
    return paths.length;
  };

  beforeAll(async () => {
    for (const kind of [sqliteKind, postgresKind]) {
      const database = await kind.create();
      const server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      instances.push({ kind, database, server, admin: await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD) });
    }
    for (const i of instances) await writeTheSame(i);
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.server.dispose();
      await i.database.drop();
    }
  });

  it('answers GET /api/progress, /api/values and /api/parks with the same bytes', async () => {
    expect(await expectSame(['/api/progress', '/api/progress?basis=submitted', '/api/values', '/api/values?status=submitted', '/api/parks'])).toBe(5);
  });

  it('answers GET /api/targets/:id/progress with the same bytes for every target, on both bases', async () => {
    const targets = JSON.parse(await answer(instances[0]!, '/api/targets')) as { id: number }[];
    expect(targets.length).toBeGreaterThan(10);
    expect(await expectSame(targets.flatMap((t) => [`/api/targets/${t.id}/progress`, `/api/targets/${t.id}/progress?basis=submitted`]))).toBe(2 * targets.length);
  });

  it('answers the other reads with the same bytes too', async () => {
    const parks = JSON.parse(await answer(instances[0]!, '/api/parks')) as { id: number }[];
    expect(await expectSame([
      '/api/regions?level=province', '/api/indicators', '/api/plans', '/api/targets',
      ...parks.map((p) => `/api/parks/${p.id}`),
      '/api/dashboard/overview', '/api/dashboard/park-status', '/api/dashboard/figures?province=330000',
      '/api/dashboard/cities?province=330000&indicator=gdp', '/api/dashboard/compare?indicator=rd_intensity&provinces=330000,320000',
    ])).toBe(9 + parks.length);
  });
});
