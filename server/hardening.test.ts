// What a stranger (or a slip) sends cannot stall the server or break its data (issue 15): bodies over
// their limit are refused as they arrive while the server keeps answering, sign-in tries are counted
// before a password is checked, figures must be finite once converted, and the last admin stays one.
// Over real HTTP against the real server process, on SQLite and on PostgreSQL.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { residentMegabytes, startServer, type RunningServer } from './testing/server-process.ts';
import { DEFAULT_BODY_BYTES } from './body-limits.ts';
import { FREE_TRIES } from './services/sign-in.ts';

const MB = 1024 * 1024;
const PARK = '萧山临江高新区';

interface BigAnswer {
  status: number;
  body: { error: { code: string; message: string } };
  ms: number;
}

/**
 * Sends `bytes` of body the way an attacker would: with a Content-Length up front, or chunked with
 * none. Stops sending once the server has answered; resolves with the answer and how long it took.
 */
function sendBigBody(url: string, method: string, headers: Record<string, string>, bytes: number, chunked: boolean): Promise<BigAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method, headers: chunked ? headers : { ...headers, 'content-length': String(bytes) } });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    // Changed by the response's callback while pump() runs between writes.
    const progress = { sent: 0, answered: false };
    req.on('response', (res) => {
      progress.answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString('utf8')), ms: performance.now() - started });
        req.destroy();
      });
    });
    req.on('error', (err) => {
      if (!progress.answered) reject(err);
    });
    const pump = () => {
      while (!progress.answered && progress.sent < bytes) {
        const n = Math.min(chunk.length, bytes - progress.sent);
        progress.sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          req.once('drain', pump);
          return;
        }
      }
      if (!progress.answered) req.end();
    };
    pump();
  });
}

describe.skipIf(TEST_DATABASES[0]!.skipReason !== null)('request bodies over their limit', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: Client;

  beforeAll(async () => {
    database = await TEST_DATABASES[0]!.create();
    server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.dispose();
    await database?.drop();
  });

  for (const chunked of [false, true]) {
    it(`refuses 50 MB bodies ${chunked ? 'sent chunked, while reading them' : 'with their Content-Length, before reading them'}: sign-in, figures and a document upload, with 413, while health answers and memory stays flat`, async () => {
      // Warm up, then the baseline: what the server holds when idle.
      for (let i = 0; i < 3; i++) await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      const before = residentMegabytes(server.pid);
      let peak = before;
      const sampler = setInterval(() => { peak = Math.max(peak, residentMegabytes(server.pid)); }, 10);

      const healthTimes: number[] = [];
      const healthStatuses: number[] = [];
      const uploads = new AbortController();
      const probeHealth = async () => {
        while (!uploads.signal.aborted) {
          const started = performance.now();
          const res = await fetch(`${server.url}/api/health`);
          await res.arrayBuffer();
          healthStatuses.push(res.status);
          healthTimes.push(performance.now() - started);
        }
      };
      const probing = probeHealth();
      const json = { 'content-type': 'application/json' };
      const signedIn = { ...json, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
      const answers = await Promise.all([
        sendBigBody(`${server.url}/api/auth/login`, 'POST', json, 50 * MB, chunked),
        sendBigBody(`${server.url}/api/values`, 'PUT', signedIn, 50 * MB, chunked),
        sendBigBody(`${server.url}/api/extract-targets`, 'POST', { ...signedIn, 'content-type': 'multipart/form-data; boundary=x' }, 50 * MB, chunked),
      ]);
      uploads.abort();
      await probing;
      clearInterval(sampler);

      expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
        [413, 'payload_too_large'], [413, 'payload_too_large'], [413, 'file_too_large'],
      ]);
      expect(answers[0]!.body.error.message).toContain('请求体超过 4 KB');
      for (const a of answers) expect(a.ms).toBeLessThan(5000);
      expect(healthStatuses.length).toBeGreaterThan(0);
      expect(healthStatuses.every((s) => s === 200)).toBe(true);
      expect(Math.max(...healthTimes)).toBeLessThan(2000);
      // Three bodies of 50 MB arrived; the server held at most the largest limit (10 MB) of one.
      expect(peak - before).toBeLessThan(80);
      console.log(`50 MB bodies, ${chunked ? 'chunked' : 'with Content-Length'}: refused in ${answers.map((a) => Math.round(a.ms)).join(' / ')} ms; RSS ${Math.round(before)} → peak ${Math.round(peak)} MB; health ${healthTimes.length}× max ${Math.round(Math.max(...healthTimes))} ms`);
    });
  }

  it('still takes a body within its limit: a batch of 5 000 figures', async () => {
    const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
    const parkId = parks.find((p) => p.name === PARK)!.id;
    // 5 000 items of the largest usual shape, notes included, fit under the figures' limit.
    const body = JSON.stringify({ status: 'draft', values: Array.from({ length: 5000 }, (_, i) => ({ parkId, indicator: 'smart_factories', year: 1980 + (i % 40), value: i, unit: '家', note: '据园区统计年报填报, 已核对', confirm: true })) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(DEFAULT_BODY_BYTES * 10);
    const res = await admin.fetch('/api/values', { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
    // Refused for what it says (duplicates in the batch), not for its size.
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_values');
  });
});

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`hardening on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let parkId: number;
    const signInTry = (username: string, password: string) => fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      parkId = (await admin.get<{ id: number; name: string }[]>('/api/parks')).find((p) => p.name === PARK)!.id;
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('checks at most the free number of passwords when 30 sign-ins arrive at once (29 wrong, 1 right); the rest wait with 429', async () => {
      await createUserAndSignIn(server.url, admin, { username: 'target-of-guessing', role: 'viewer' });
      const tries = await Promise.all(Array.from({ length: 30 }, (_, i) => signInTry('target-of-guessing', i === 29 ? 'target-of-guessing-password-123' : `wrong-${i}`)));
      const statuses = tries.map((r) => r.status);
      const checked = statuses.filter((s) => s !== 429);
      expect(checked.length).toBeLessThanOrEqual(FREE_TRIES.account);
      expect(checked.every((s) => s === 401 || s === 200)).toBe(true);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - FREE_TRIES.account);
      for (const r of tries.filter((t) => t.status === 429)) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
      }
      // Every password that was checked and failed is in the audit log; nothing else was checked.
      const failed = await admin.get<unknown[]>('/api/audit?action=login_failed&user=target-of-guessing');
      expect(failed.length).toBe(statuses.filter((s) => s === 401).length);
    });

    it('refuses a figure that overflows once converted (1e308 平方公里 is Infinity 亩), through the API, the import and a target, naming the field', async () => {
      const before = await admin.get<{ value: number }[]>(`/api/values?park=${parkId}&indicator=land_area`);
      const put = await admin.request('PUT', '/api/values', [{ parkId, indicator: 'land_area', year: 2023, value: 1e308, unit: '平方公里' }]);
      expect(put.status).toBe(422);
      expect(put.body.error.problems).toEqual([expect.objectContaining({ index: 0, field: 'value', code: 'not_finite' })]);
      expect(put.body.error.details[0].path).toBe('0.value');

      const form = new FormData();
      form.append('file', new Blob([`园区编号,指标,年份,数值,单位\r\n${parkId},land_area,2023,1e308,平方公里\r\n`], { type: 'text/csv' }), 'overflow.csv');
      const imported = await admin.fetch('/api/import', { method: 'POST', body: form });
      expect(imported.status).toBe(422);
      const report = ((await imported.json()) as { error: { report: { problems: { code: string; column: string; row: number }[] } } }).error.report;
      expect(report.problems.map((p) => [p.code, p.column, p.row])).toEqual([['not_finite', 'D', 2]]);

      const plan = await admin.request('POST', '/api/plans', { title: '溢出测试规划' });
      expect(plan.status).toBe(201);
      const target = await admin.request('POST', '/api/targets', {
        planId: plan.body.id, targets: [{ indicator: 'land_area', scope: 'park', parkId, comparator: 'at_least', targetValue: 1e308, unit: '平方公里', targetYear: 2027 }],
      });
      expect(target.status).toBe(422);
      expect(target.body.error.problems).toEqual([expect.objectContaining({ index: 0, field: 'targetValue', code: 'not_finite' })]);

      // Nothing was written, and the park reads whole: every value a number.
      expect(await admin.get(`/api/values?park=${parkId}&indicator=land_area`)).toEqual(before);
      const park = await admin.get<{ latest: { value: unknown }[] }>(`/api/parks/${parkId}`);
      expect(park.latest.every((v) => typeof v.value === 'number')).toBe(true);
    });

    it('keeps an active admin: the last one can neither lose the role nor be disabled (409, in both languages)', async () => {
      const users = await admin.get<{ id: number; username: string }[]>('/api/users');
      const adminId = users.find((u) => u.username === 'admin')!.id;
      for (const change of [{ role: 'planner' }, { disabled: true }]) {
        const refused = await admin.request('PATCH', `/api/users/${adminId}`, change);
        expect(refused.status).toBe(409);
        expect(refused.body.error.code).toBe('last_admin');
        expect(refused.body.error.messages.zh).toContain('最后一个可用的管理员');
        expect(refused.body.error.messages.en).toContain('last active admin');
      }
      expect((await admin.get<{ role: string; disabled: boolean }[]>('/api/users')).find((u) => u.role === 'admin' && !u.disabled)).toBeDefined();

      // With a second admin the first may step down; the second is then the last.
      const second = await createUserAndSignIn(server.url, admin, { username: 'second-admin', role: 'admin' });
      expect((await admin.request('PATCH', `/api/users/${adminId}`, { role: 'planner' })).status).toBe(200);
      expect((await second.request('PATCH', `/api/users/${second.userId}`, { disabled: true })).status).toBe(409);
      expect((await second.request('PATCH', `/api/users/${adminId}`, { role: 'admin' })).status).toBe(200);
    });

    it('lets only one of two admins demoting each other at once succeed', async () => {
      const users = await admin.get<{ id: number; username: string; role: string; disabled: boolean }[]>('/api/users');
      const activeAdmins = users.filter((u) => u.role === 'admin' && !u.disabled);
      expect(activeAdmins.map((u) => u.username).sort()).toEqual(['admin', 'second-admin']);
      const second = await signIn(server.url, 'second-admin', 'second-admin-password-123');
      const [adminId, secondId] = ['admin', 'second-admin'].map((name) => users.find((u) => u.username === name)!.id);
      const results = await Promise.all([
        admin.request('PATCH', `/api/users/${secondId}`, { role: 'viewer' }),
        second.request('PATCH', `/api/users/${adminId}`, { role: 'viewer' }),
      ]);
      // One wins; the other is refused: as the last admin (409), or, demoted a moment before, as no admin at all (403).
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect([403, 409]).toContain(statuses.find((s) => s !== 200));
      const winner = statuses[0] === 200 ? admin : second;
      const left = (await winner.get<{ role: string; disabled: boolean }[]>('/api/users')).filter((u) => u.role === 'admin' && !u.disabled);
      expect(left).toHaveLength(1);
    });
  });
}
