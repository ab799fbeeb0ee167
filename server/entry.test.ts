// Data entry over real HTTP on SQLite and PostgreSQL: sign-in, roles, the write API with its checks
// and history, review, reporting rounds, tasks and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEntryT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`data entry on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let qiantang: Client & { userId: number };
    let viewer: Client;
    let parkId: Record<string, number>;

    const anonymous = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, body: await res.json() as any, headers: res.headers };
    };
    const dump = async () => {
      const h = database.open();
      try {
        return {
          values: await h.db.selectFrom('reported_values').selectAll().orderBy('id').execute(),
          revisions: await h.db.selectFrom('value_revisions').selectAll().orderBy('id').execute(),
        };
      } finally {
        await h.close();
      }
    };
    const progressOf = async (code: string, basis = 'approved') =>
      ((await admin.get<ProgressEntryT[]>(`/api/progress?basis=${basis}`)).find((p) => p.code === code))!;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
      parkId = Object.fromEntries(parks.map((p) => [p.name, p.id]));
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
      qiantang = await createUserAndSignIn(server.url, admin, { username: 'qiantang', role: 'park_manager', parkIds: [parkId['萧山临江高新区']!] });
      viewer = await createUserAndSignIn(server.url, admin, { username: 'viewer1', role: 'viewer' });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    describe('sign-in', () => {
      it('sets an HttpOnly, SameSite session cookie and stores only a hash of the password', async () => {
        const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }) });
        const cookie = res.headers.getSetCookie()[0]!;
        expect(cookie).toMatch(/^mz_session=[\w-]{40,};/);
        expect(cookie).toContain('HttpOnly');
        expect(cookie).toContain('SameSite=Lax');
        const h = database.open();
        try {
          const row = await h.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
          expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
          expect(row.password_hash).not.toContain(TEST_ADMIN_PASSWORD);
          // the session is kept as a hash of the cookie's token, so a copy of the database signs nobody in
          const token = cookie.split(';')[0]!.split('=')[1]!;
          expect(await h.db.selectFrom('sessions').select('id').where('id', '=', token).executeTakeFirst()).toBeUndefined();
        } finally {
          await h.close();
        }
      });

      it('tells who is signed in, and nobody without a session', async () => {
        const me = await qiantang.get('/api/auth/me');
        expect(me).toMatchObject({ username: 'qiantang', role: 'park_manager', parkIds: [parkId['萧山临江高新区']] });
        expect((await anonymous('GET', '/api/auth/me')).status).toBe(401);
      });

      it('refuses a wrong password, then slows down a guesser with 429 and Retry-After', async () => {
        const wrong = await anonymous('POST', '/api/auth/login', { username: 'viewer1', password: 'wrong-password' });
        expect(wrong.status).toBe(401);
        expect(wrong.body.error.message).toContain('用户名或密码错误');
        for (let i = 0; i < 4; i++) await anonymous('POST', '/api/auth/login', { username: 'viewer1', password: 'wrong-password' });
        const slowed = await anonymous('POST', '/api/auth/login', { username: 'viewer1', password: 'viewer1-password-123' });
        expect(slowed.status).toBe(429);
        expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      });

      it('signs out everywhere: every session of the user ends', async () => {
        const second = await signIn(server.url, 'planner1', 'planner1-password-123');
        expect((await second.request('POST', '/api/auth/logout', { everywhere: true })).body.signedOut).toBe(2);
        expect((await planner.request('GET', '/api/auth/me')).status).toBe(401);
        planner = await signIn(server.url, 'planner1', 'planner1-password-123');
      });

      it('refuses a write from a signed-in browser without the CSRF token', async () => {
        const res = await fetch(`${server.url}/api/values`, {
          method: 'PUT', headers: { cookie: qiantang.cookie, 'content-type': 'application/json' },
          body: JSON.stringify([{ parkId: parkId['萧山临江高新区'], indicator: 'gdp', year: 2022, value: 1 }]),
        });
        expect(res.status).toBe(403);
        expect((await res.json() as any).error.code).toBe('csrf');
      });
    });

    describe('users and parks', () => {
      it('lets only admins manage users', async () => {
        expect((await planner.request('POST', '/api/users', { username: 'x1', password: 'long-enough-pw', role: 'viewer' })).status).toBe(403);
        expect((await anonymous('GET', '/api/users')).status).toBe(401);
        const dup = await admin.request('POST', '/api/users', { username: 'viewer1', password: 'long-enough-pw', role: 'viewer' });
        expect(dup.status).toBe(409);
        const noPark = await admin.request('POST', '/api/users', { username: 'm2', password: 'long-enough-pw', role: 'park_manager', parkIds: [] });
        expect(noPark.status).toBe(400);
        expect(noPark.body.error.details[0].path).toBe('parkIds');
        const short = await admin.request('POST', '/api/users', { username: 'm3', password: 'short', role: 'viewer' });
        expect(short.status).toBe(400);
        expect(short.body.error.details[0].path).toBe('password');
      });

      it('lets admins and planners add and edit parks, with versions', async () => {
        expect((await qiantang.request('POST', '/api/parks', { name: '测试园区', level: 'provincial', provinceCode: '330000' })).status).toBe(403);
        const created = await planner.request('POST', '/api/parks', { name: '金华高新区(测试)', level: 'provincial', provinceCode: '330000', cityCode: '330700', approvedOn: '2012' });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({ name: '金华高新区(测试)', cityName: '金华市', approvalYear: 2012, version: 1 });
        const badCity = await planner.request('POST', '/api/parks', { name: '错城市', level: 'provincial', provinceCode: '330000', cityCode: '320200' });
        expect(badCity.status).toBe(400);
        expect(badCity.body.error.details[0].path).toBe('cityCode');
        const edited = await planner.request('PATCH', `/api/parks/${created.body.id}`, { version: 1, note: '示例备注' });
        expect(edited.body.version).toBe(2);
        const stale = await admin.request('PATCH', `/api/parks/${created.body.id}`, { version: 1, note: '覆盖' });
        expect(stale.status).toBe(409);
        expect((await admin.get(`/api/parks/${created.body.id}`)).note).toBe('示例备注');
      });
    });

    describe('writing figures', () => {
      const qt = () => parkId['萧山临江高新区']!;

      it('lets a park manager write their own park, as a draft with its history', async () => {
        const res = await qiantang.request('PUT', '/api/values', [{ parkId: qt(), indicator: 'gdp', year: 2022, value: 500000, unit: '万元', note: '统计快报' }]);
        expect(res.status).toBe(200);
        expect(res.body.written[0]).toMatchObject({ indicator: 'gdp', year: 2022, value: 50, status: 'draft', version: 1, changed: true });
        const history = await qiantang.get(`/api/values/${res.body.written[0].id}/history`);
        expect(history).toEqual([expect.objectContaining({ version: 1, oldValue: null, newValue: 50, newStatus: 'draft', changedBy: 'qiantang', note: '统计快报' })]);
      });

      it("refuses another park's figure with 403 and writes nothing of the batch", async () => {
        const before = await dump();
        const res = await qiantang.request('PUT', '/api/values', [
          { parkId: qt(), indicator: 'gdp', year: 2023, value: 55 },
          { parkId: parkId['宁波高新区'], indicator: 'gdp', year: 2023, value: 300 },
        ]);
        expect(res.status).toBe(403);
        expect(res.body.error.problems).toEqual([expect.objectContaining({ index: 1, field: 'parkId', code: 'forbidden_park' })]);
        expect(await dump()).toEqual(before);
      });

      it('refuses viewers and anonymous writers', async () => {
        expect((await viewer.request('PUT', '/api/values', [{ parkId: qt(), indicator: 'gdp', year: 2023, value: 1 }])).status).toBe(403);
        expect((await anonymous('PUT', '/api/values', [{ parkId: qt(), indicator: 'gdp', year: 2023, value: 1 }])).status).toBe(401);
      });

      it('refuses a stale edit with 409 and the current value, and keeps the stored one', async () => {
        const [current] = await planner.get(`/api/values?park=${qt()}&indicator=gdp&from=2022&to=2022`);
        const first = await planner.request('PUT', '/api/values', { values: [{ parkId: qt(), indicator: 'gdp', year: 2022, value: 60, version: current.version }], reason: '更正' });
        expect(first.status).toBe(200);
        const before = await dump();
        const stale = await qiantang.request('PUT', '/api/values', [{ parkId: qt(), indicator: 'gdp', year: 2022, value: 70, version: current.version }]);
        expect(stale.status).toBe(409);
        expect(stale.body.error.problems[0]).toMatchObject({ code: 'stale', current: { value: 60, version: 2, enteredBy: 'planner1' } });
        // When, in China Standard Time as the reader's clock says it, never an ISO time in UTC.
        expect(stale.body.error.problems[0].messages.zh).toMatch(/于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(北京时间\) 修改为 60/);
        const blind = await qiantang.request('PUT', '/api/values', [{ parkId: qt(), indicator: 'gdp', year: 2022, value: 70 }]);
        expect(blind.status).toBe(409);
        expect(blind.body.error.problems[0].code).toBe('version_required');
        expect(await dump()).toEqual(before);
        const history = await planner.get(`/api/values/${current.id}/history`);
        expect(history.map((h: any) => [h.oldValue, h.newValue, h.changedBy, h.reason])).toEqual([[null, 50, 'qiantang', null], [50, 60, 'planner1', '更正']]);
      });

      it('checks every figure and says which and why: unit, sign, whole numbers, duplicates, unknowns', async () => {
        const before = await dump();
        const res = await qiantang.request('PUT', '/api/values', [
          { parkId: qt(), indicator: 'land_area', year: 2022, value: -3 },
          { parkId: qt(), indicator: 'gdp', year: 2021, value: 1, unit: '公斤' },
          { parkId: qt(), indicator: 'hte_count', year: 2022, value: 802.5 },
          { parkId: qt(), indicator: 'no_such_thing', year: 2022, value: 1 },
          { parkId: qt(), indicator: 'rd_spending', year: 2022, value: 1 },
          { parkId: qt(), indicator: 'rd_spending', year: 2022, value: 2 },
          { parkId: qt(), indicator: 'gdp', year: 2099, value: 1 },
        ]);
        expect(res.status).toBe(422);
        expect(res.body.error.problems.map((p: any) => [p.index, p.field, p.code])).toEqual([
          [0, 'value', 'negative'], [1, 'unit', 'wrong_unit'], [2, 'value', 'not_integer'], [3, 'indicator', 'unknown_indicator'],
          [4, 'year', 'duplicate'], [6, 'year', 'future_year'],
        ]);
        expect(res.body.error.problems[0].message).toContain('不能为负数');
        expect(await dump()).toEqual(before);
      });

      it('flags a ×10 jump against the year before (万元 for 亿元) until confirmed with a note', async () => {
        const jump = { parkId: qt(), indicator: 'hte_count', year: 2022, value: 8020 };
        const refused = await qiantang.request('PUT', '/api/values', [jump]);
        expect(refused.status).toBe(422);
        expect(refused.body.error.problems[0]).toMatchObject({ code: 'implausible_jump', field: 'value' });
        expect(refused.body.error.problems[0].message).toContain('802');
        expect((await qiantang.request('PUT', '/api/values', [{ ...jump, confirm: true }])).status).toBe(422); // a note is needed too
        const ok = await qiantang.request('PUT', '/api/values', [{ ...jump, confirm: true, note: '口径调整: 含孵化企业' }]);
        expect(ok.status).toBe(200);
        // put it right again for the review test below
        const fixed = await qiantang.request('PUT', '/api/values', [{ ...jump, value: 905, version: ok.body.written[0].version }]);
        expect(fixed.status).toBe(200);
      });
    });

    describe('review, and what the dashboard counts', () => {
      it('moves the progress only once the planner approves (worked example B: 802 → 905 → on track)', async () => {
        const qt = parkId['萧山临江高新区']!;
        const [draft] = await qiantang.get(`/api/values?park=${qt}&indicator=hte_count&from=2022&to=2022`);
        expect(draft.status).toBe('draft');
        const submitted = await qiantang.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'hte_count', year: 2022, value: 905, version: draft.version }], status: 'submitted' });
        expect(submitted.body.written[0].status).toBe('submitted');

        expect((await progressOf('T10')).status).toBe('insufficient_data'); // approved figures only: just 2021
        const withSubmitted = await progressOf('T10', 'submitted');
        expect(withSubmitted.latestValue).toBe(905);
        // In December 2026 (2025's figures due) a 2022 figure is stale: example B's pace is the last known one.
        expect([withSubmitted.status, withSubmitted.statusReason, withSubmitted.lastKnownStatus]).toEqual(['insufficient_data', 'stale', 'on_track']);

        expect((await qiantang.request('POST', '/api/values/approve', { items: [{ id: draft.id, version: submitted.body.written[0].version }] })).status).toBe(403);
        const approved = await planner.request('POST', '/api/values/approve', { items: [{ id: draft.id, version: submitted.body.written[0].version }] });
        expect(approved.status).toBe(200);
        const t10 = await progressOf('T10');
        expect(t10.latestValue).toBe(905);
        expect(t10.requiredPace).toBe(99);
        expect(t10.observedPace).toBe(103);
        expect(t10.paceRatio).toBeCloseTo(1.0404, 4);
        expect(t10.progress).toBeCloseTo(0.5202, 4);
        expect([t10.status, t10.statusReason, t10.lastKnownStatus]).toEqual(['insufficient_data', 'stale', 'on_track']);
        expect(t10.missing?.years).toEqual([2023, 2024, 2025]);
      });

      it('keeps counting the approved figure while a change to it waits for review', async () => {
        const qt = parkId['萧山临江高新区']!;
        const [approved] = await qiantang.get(`/api/values?park=${qt}&indicator=hte_count&from=2022&to=2022`);
        // An approved figure is locked: a planner reopens it with a reason before it can change.
        const reopened = await planner.request('POST', `/api/values/${approved.id}/reopen`, { reason: '园区申请更正', version: approved.version });
        expect(reopened.status).toBe(200);
        expect((await progressOf('T10')).latestValue).toBe(905);
        const edit = await qiantang.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'hte_count', year: 2022, value: 950, version: reopened.body.version }], status: 'submitted' });
        expect(edit.status).toBe(200);
        expect((await progressOf('T10')).latestValue).toBe(905);
        expect((await progressOf('T10', 'submitted')).latestValue).toBe(950);
        const sentBack = await planner.request('POST', '/api/values/return', { items: [{ id: approved.id, version: edit.body.written[0].version }], comment: '请附统计局证明' });
        expect(sentBack.status).toBe(200);
        expect((await progressOf('T10')).latestValue).toBe(905);
        const returnWithoutComment = await planner.request('POST', '/api/values/return', { items: [{ id: approved.id, version: sentBack.body.written[0].version }] });
        expect(returnWithoutComment.status).toBe(400);
      });
    });

    describe('reporting rounds', () => {
      let roundId: number;

      it('lets planners open a round with a deadline', async () => {
        expect((await qiantang.request('POST', '/api/rounds', { year: 2025, provinceCode: '330000', deadline: '2026-03-31' })).status).toBe(403);
        const res = await planner.request('POST', '/api/rounds', { year: 2022, provinceCode: '330000', deadline: '2026-03-31', indicatorCodes: ['gdp', 'hte_count', 'land_area'] });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ year: 2022, provinceName: '浙江省', overdue: true });
        roundId = res.body.id;
        expect((await planner.request('POST', '/api/rounds', { year: 2022, provinceCode: '330000', deadline: '2026-04-30' })).status).toBe(409);
      });

      it('shows per park which figures are missing, draft, submitted or approved, and who is overdue', async () => {
        const board = await planner.get(`/api/rounds/${roundId}/board`);
        const qt = board.parks.find((p: any) => p.parkName === '萧山临江高新区');
        expect(qt.cells.gdp).toMatchObject({ state: 'draft', value: 60 });
        expect(qt.cells.hte_count).toMatchObject({ state: 'draft', value: 950, returned: true });
        expect(qt.cells.land_area.state).toBe('missing');
        expect(qt.counts).toEqual({ missing: 1, draft: 2, submitted: 0, city_approved: 0, approved: 0 });
        expect(qt.overdue).toBe(true);
        const ningbo = board.parks.find((p: any) => p.parkName === '宁波高新区');
        expect(ningbo.counts.missing).toBe(3);
        expect(board.totals.parksComplete).toBe(0);
      });

      it("gives a park manager their open tasks, and planners what waits for review", async () => {
        const mine = await qiantang.get('/api/tasks');
        expect(mine.map((t: any) => [t.kind, t.year, t.count])).toEqual([['fix_returned', 2022, 1], ['report', 2022, 2]]);
        const review = await planner.get('/api/tasks');
        expect(review.every((t: any) => t.kind === 'review' || t.kind === 'overdue')).toBe(true);
        // the 2022 round is past its deadline with parks not complete: the planner sees it too
        expect(review.find((t: any) => t.kind === 'overdue')).toMatchObject({ roundId, year: 2022, overdue: true });
      });
    });

    describe('the entry form', () => {
      it('lists what the park reports with last year beside it, the ratios it feeds and the targets', async () => {
        const qt = parkId['萧山临江高新区']!;
        const sheet = await qiantang.get(`/api/entry/${qt}/2022`);
        expect(sheet.canWrite).toBe(true);
        expect(sheet.round).toMatchObject({ deadline: '2026-03-31', overdue: true });
        const row = (code: string) => sheet.rows.find((r: any) => r.indicator.code === code);
        // the round's figures, then what the province's and the park's targets need
        expect(sheet.rows.map((r: any) => r.indicator.code)).toEqual(['gdp', 'hte_count', 'land_area', 'rd_spending', 'tax_revenue', 'industrial_va', 'low_efficiency_firms']);
        expect(row('hte_count')).toMatchObject({
          current: { value: 950, status: 'draft', reviewComment: '请附统计局证明' },
          lastYear: { year: 2021, value: 802 },
          targets: [{ code: 'T4' }, { code: 'T10' }],
        });
        expect(row('gdp').targets.map((t: any) => t.code)).toEqual(['T1']);
        expect(sheet.derived.map((d: any) => [d.indicator.code, d.numerator, d.denominator, d.factor, d.targets.map((t: any) => t.code)])).toEqual([
          ['rd_intensity', 'rd_spending', 'gdp', 100, ['T1']], ['tax_per_mu', 'tax_revenue', 'land_area', 10000, ['T2']],
        ]);
        expect((await qiantang.get(`/api/entry/${parkId['宁波高新区']}/2022`)).canWrite).toBe(false);
        expect((await anonymous('GET', `/api/entry/${qt}/2022`)).status).toBe(401);
      });
    });

    describe('audit log', () => {
      it('records who changed what, when and from where, for admins and planners only', async () => {
        expect((await qiantang.request('GET', '/api/audit')).status).toBe(403);
        const entries = await planner.get('/api/audit?limit=500');
        const actions = entries.map((e: any) => `${e.username} ${e.action}`);
        expect(actions).toContain('qiantang save_values');
        expect(actions).toContain('planner1 approve_values');
        expect(actions).toContain('planner1 return_values');
        expect(actions).toContain('admin create');
        expect(actions).toContain('viewer1 login_failed');
        const approve = entries.find((e: any) => e.action === 'approve_values');
        expect(approve.ip).toMatch(/127\.0\.0\.1/);
        expect(Date.parse(approve.at)).not.toBeNaN();
        const page = await planner.get(`/api/audit?limit=2&before=${entries[1].id}`);
        expect(page[0].id).toBeLessThan(entries[1].id);
      });
    });
  });
}
