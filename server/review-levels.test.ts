// Review by level and locks (issue 13) over real HTTP on SQLite and PostgreSQL: a province switched to
// two levels, a park's figure from submission through the city's and the province's approval into the
// overview, a city reviewer kept to its own cities, approved figures and closed rounds locked until a
// planner reopens them with a reason, all in the history and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEntryT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

const ZHEJIANG = '330000';
const HANGZHOU = '330100';
const NINGBO = '330200';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`review by level on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let manager: Client;
    let hangzhou: Client;
    let ningbo: Client;
    let qt: number;
    let figure: { id: number; version: number };
    let roundId: number;

    const progressOf = async (code: string, basis = 'approved') =>
      ((await admin.get<ProgressEntryT[]>(`/api/progress?basis=${basis}`)).find((p) => p.code === code))!;
    const stored = async (id: number) => (await manager.get<any[]>(`/api/values?park=${qt}`)).find((v) => v.id === id);

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
      qt = parks.find((p) => p.name === '萧山临江高新区')!.id;
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
      manager = await createUserAndSignIn(server.url, admin, { username: 'qiantang', role: 'park_manager', parkIds: [qt] });
      hangzhou = await createUserAndSignIn(server.url, admin, { username: 'hz-review', role: 'city_reviewer', cityCodes: [HANGZHOU] });
      ningbo = await createUserAndSignIn(server.url, admin, { username: 'nb-review', role: 'city_reviewer', cityCodes: [NINGBO] });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('creates city reviewers bound to cities, and refuses one without a city', async () => {
      expect(await hangzhou.get('/api/auth/me')).toMatchObject({ username: 'hz-review', role: 'city_reviewer', cityCodes: [HANGZHOU], parkIds: [] });
      const none = await admin.request('POST', '/api/users', { username: 'no-city', password: 'no-city-password-1', role: 'city_reviewer' });
      expect(none.status).toBe(400);
      expect(none.body.error.messages.zh).toBe('市级审核员至少要绑定一个城市');
      const notACity = await admin.request('POST', '/api/users', { username: 'bad-city', password: 'bad-city-password-1', role: 'city_reviewer', cityCodes: [ZHEJIANG] });
      expect(notACity.status).toBe(400);
    });

    it('keeps one level by default; planners switch a province to two levels, others may not', async () => {
      const before = await admin.get<any[]>('/api/regions?level=province');
      expect(before.find((r) => r.code === ZHEJIANG).reviewLevels).toBe(1);
      expect((await manager.request('PATCH', `/api/regions/${ZHEJIANG}`, { reviewLevels: 2 })).status).toBe(403);
      expect((await hangzhou.request('PATCH', `/api/regions/${ZHEJIANG}`, { reviewLevels: 2 })).status).toBe(403);
      expect((await planner.request('PATCH', `/api/regions/${HANGZHOU}`, { reviewLevels: 2 })).status).toBe(400);
      expect((await planner.request('PATCH', `/api/regions/${ZHEJIANG}`, { reviewLevels: 3 })).status).toBe(400);
      const set = await planner.request('PATCH', `/api/regions/${ZHEJIANG}`, { reviewLevels: 2 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ code: ZHEJIANG, reviewLevels: 2 });
      const after = await admin.get<any[]>('/api/regions?level=province');
      expect(after.find((r) => r.code === ZHEJIANG).reviewLevels).toBe(2);
    });

    it('counts a submitted figure only with basis=submitted, and keeps it out of the overview after the city approves', async () => {
      expect((await progressOf('T10')).latestValue).toBe(802); // approved figures only: 2021
      const submitted = await manager.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'hte_count', year: 2022, value: 905 }], status: 'submitted' });
      expect(submitted.status).toBe(200);
      figure = { id: submitted.body.written[0].id, version: submitted.body.written[0].version };
      expect((await progressOf('T10')).latestValue).toBe(802);
      expect((await progressOf('T10', 'submitted')).latestValue).toBe(905);

      // each level's list: the Hangzhou reviewer sees it, Ningbo's does not, the planners not yet
      const ids = async (client: Client) => (await client.get<any[]>('/api/values/to-review')).map((v) => v.id);
      expect(await ids(hangzhou)).toEqual([figure.id]);
      expect(await ids(ningbo)).toEqual([]);
      expect(await ids(planner)).not.toContain(figure.id);
      expect((await manager.request('GET', '/api/values/to-review')).status).toBe(403);
      const tasks = async (client: Client) => (await client.get<any[]>('/api/tasks')).map((t) => [t.kind, t.year, t.count]);
      expect(await tasks(hangzhou)).toEqual([['review', 2022, 1]]);
      expect(await tasks(ningbo)).toEqual([]);
      expect(await tasks(planner)).toEqual([]);

      // the province may not skip the city in a two-level province
      const early = await planner.request('POST', '/api/values/approve', { items: [figure] });
      expect(early.status).toBe(422);
      expect(early.body.error.messages.zh).toContain('尚未经市级审核通过');

      const byCity = await hangzhou.request('POST', '/api/values/approve', { items: [figure] });
      expect(byCity.status).toBe(200);
      expect(byCity.body.written[0].status).toBe('city_approved');
      figure.version = byCity.body.written[0].version;
      expect(await ids(hangzhou)).toEqual([]);
      expect(await ids(planner)).toContain(figure.id);
      expect(await tasks(hangzhou)).toEqual([]);
      expect(await tasks(planner)).toEqual([['review', 2022, 1]]);
      expect((await progressOf('T10')).latestValue).toBe(802);
      expect((await progressOf('T10', 'submitted')).latestValue).toBe(905);
    });

    it("refuses a city reviewer another city's park with 403, changing nothing", async () => {
      const other = await manager.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'gdp', year: 2022, value: 60 }], status: 'submitted' });
      expect(other.status).toBe(200);
      const gdp = other.body.written[0];
      const refused = await ningbo.request('POST', '/api/values/approve', { items: [{ id: gdp.id, version: gdp.version }] });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden_city');
      expect(refused.body.error.messages.zh).toContain('萧山临江高新区');
      expect((await ningbo.request('POST', '/api/values/return', { items: [{ id: gdp.id, version: gdp.version }], comment: '不是本市的' })).status).toBe(403);
      expect((await stored(gdp.id)).status).toBe('submitted');
      // park managers and viewers review nothing
      expect((await manager.request('POST', '/api/values/approve', { items: [{ id: gdp.id, version: gdp.version }] })).status).toBe(403);
    });

    it('shows each level on the completeness board', async () => {
      const opened = await planner.request('POST', '/api/rounds', { year: 2022, provinceCode: ZHEJIANG, deadline: '2026-03-31', indicatorCodes: ['gdp', 'hte_count', 'land_area'] });
      expect(opened.status).toBe(201);
      roundId = opened.body.id;
      const board = await planner.get(`/api/rounds/${roundId}/board`);
      expect(board.reviewLevels).toBe(2);
      const park = board.parks.find((p: any) => p.parkId === qt);
      expect(park.cells.hte_count).toMatchObject({ state: 'city_approved', value: 905 });
      expect(park.cells.gdp.state).toBe('submitted');
      expect(park.counts).toEqual({ missing: 1, draft: 0, submitted: 1, city_approved: 1, approved: 0 });
      expect(board.totals.city_approved).toBe(1);
    });

    it('enters the overview only after the province approves what the city approved', async () => {
      const approved = await planner.request('POST', '/api/values/approve', { items: [figure] });
      expect(approved.status).toBe(200);
      expect(approved.body.written[0].status).toBe('approved');
      figure.version = approved.body.written[0].version;
      expect((await progressOf('T10')).latestValue).toBe(905);
      const board = await planner.get(`/api/rounds/${roundId}/board`);
      expect(board.parks.find((p: any) => p.parkId === qt).cells.hte_count.state).toBe('approved');
      const sheet = await manager.get(`/api/entry/${qt}/2022`);
      expect(sheet.rows.find((r: any) => r.indicator.code === 'hte_count').current).toMatchObject({ status: 'approved', locked: 'approved' });
      expect(sheet.rows.find((r: any) => r.indicator.code === 'gdp').current.locked).toBeNull();
    });

    it('locks an approved figure: PUT is refused until a planner reopens it with a reason', async () => {
      const edit = { values: [{ parkId: qt, indicator: 'hte_count', year: 2022, value: 950, version: figure.version }], status: 'submitted' };
      const refused = await manager.request('PUT', '/api/values', edit);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('locked');
      expect(refused.body.error.messages.zh).toContain('已审核通过');
      expect(refused.body.error.messages.zh).toContain('重新开放');
      expect(refused.body.error.messages.en).toContain('reopen');
      expect((await planner.request('PUT', '/api/values', edit)).status).toBe(409);
      // the same value again is no change, and leaves it approved
      const same = await manager.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'hte_count', year: 2022, value: 905, version: figure.version }], status: 'submitted' });
      expect(same.status).toBe(200);
      expect(same.body.written[0]).toMatchObject({ changed: false, version: figure.version });
      expect((await stored(figure.id)).status).toBe('approved');
      // the import is held to the same lock, naming the cell; the same value again passes unchanged
      const importCsv = async (value: number) => {
        const form = new FormData();
        form.set('file', new File([`园区编号,指标,年份,数值,版本\n${qt},hte_count,2022,${value},${figure.version}\n`], 'figures.csv'));
        form.set('status', 'submitted');
        const res = await manager.fetch('/api/import', { method: 'POST', body: form, headers: { origin: server.url } });
        return { status: res.status, body: await res.json() as any };
      };
      const imported = await importCsv(960);
      expect(imported.status).toBe(422);
      expect(imported.body.error.report.problems.map((p: any) => [p.code, p.cell])).toEqual([['locked', 'figures!D2']]);
      const again = await importCsv(905);
      expect(again.status).toBe(200);
      expect((await stored(figure.id)).status).toBe('approved');

      expect((await manager.request('POST', `/api/values/${figure.id}/reopen`, { reason: '统计局更正' })).status).toBe(403);
      expect((await hangzhou.request('POST', `/api/values/${figure.id}/reopen`, { reason: '统计局更正' })).status).toBe(403);
      expect((await planner.request('POST', `/api/values/${figure.id}/reopen`, { reason: ' ' })).status).toBe(400);
      const reopened = await planner.request('POST', `/api/values/${figure.id}/reopen`, { reason: '统计局更正了2022年数据', version: figure.version });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ id: figure.id, status: 'draft', version: figure.version + 1 });
      expect((await planner.request('POST', `/api/values/${figure.id}/reopen`, { reason: '再次' })).status).toBe(409);

      const changed = await manager.request('PUT', '/api/values', { ...edit, values: [{ ...edit.values[0], version: reopened.body.version }] });
      expect(changed.status).toBe(200);
      // the approved value keeps counting until the change is approved at both levels
      expect((await progressOf('T10')).latestValue).toBe(905);
      expect((await progressOf('T10', 'submitted')).latestValue).toBe(950);
    });

    it('locks the figures of a closed round, with a message naming the lock, until one is reopened', async () => {
      expect((await manager.request('POST', `/api/rounds/${roundId}/close`, { reason: '截止' })).status).toBe(403);
      const closed = await planner.request('POST', `/api/rounds/${roundId}/close`, { reason: '2022年填报结束' });
      expect(closed.status).toBe(200);
      expect(closed.body.closedAt).not.toBeNull();
      expect(closed.body.closeReason).toBe('2022年填报结束');
      expect((await planner.request('POST', `/api/rounds/${roundId}/close`, {})).status).toBe(409);

      const gdp = (await manager.get<any[]>(`/api/values?park=${qt}&indicator=gdp&from=2022&to=2022`))[0];
      const refused = await manager.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'gdp', year: 2022, value: 65, version: gdp.version }] });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('locked');
      expect(refused.body.error.messages.zh).toContain('已关闭的2022年填报轮次');
      expect(refused.body.error.messages.zh).toContain('重新开放');
      expect((await stored(gdp.id)).value).toBe(60);
      const sheet = await manager.get(`/api/entry/${qt}/2022`);
      expect(sheet.round.closedAt).toBe(closed.body.closedAt);
      expect(sheet.rows.find((r: any) => r.indicator.code === 'gdp').current.locked).toBe('round_closed');

      const reopened = await planner.request('POST', `/api/values/${gdp.id}/reopen`, { reason: '园区补报更正' });
      expect(reopened.status).toBe(200);
      expect(reopened.body.status).toBe('submitted'); // not approved: only unlocked
      const changed = await manager.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'gdp', year: 2022, value: 65, version: reopened.body.version }], status: 'submitted' });
      expect(changed.status).toBe(200);
    });

    it('keeps every step in the history and the audit log', async () => {
      const history = await planner.get<any[]>(`/api/values/${figure.id}/history`);
      expect(history.map((h) => [h.oldStatus, h.newStatus, h.changedBy])).toEqual([
        [null, 'submitted', 'qiantang'],
        ['submitted', 'city_approved', 'hz-review'],
        ['city_approved', 'approved', 'planner1'],
        ['approved', 'draft', 'planner1'],
        ['draft', 'submitted', 'qiantang'],
      ]);
      expect(history[3].reason).toContain('统计局更正了2022年数据');
      const entries = await planner.get<any[]>('/api/audit?limit=500');
      const actions = entries.map((e) => `${e.username} ${e.action}`);
      expect(actions).toEqual(expect.arrayContaining([
        'planner1 set_review_levels', 'hz-review city_approve_values', 'planner1 approve_values', 'planner1 reopen_value', 'planner1 close_round',
      ]));
      const reopen = entries.find((e) => e.action === 'reopen_value' && e.entityId === String(figure.id));
      expect(reopen.detail).toMatchObject({ reason: '统计局更正了2022年数据', lock: 'approved', fromStatus: 'approved', toStatus: 'draft' });
      const roundReopen = entries.find((e) => e.action === 'reopen_value' && e.entityId !== String(figure.id));
      expect(roundReopen.detail).toMatchObject({ reason: '园区补报更正', lock: 'round_closed', roundYear: 2022 });
    });

    it('lets planners approve directly again once the province is back to one level', async () => {
      const [current] = await manager.get<any[]>(`/api/values?park=${qt}&indicator=hte_count&from=2022&to=2022`);
      expect(current.status).toBe('submitted');
      expect((await planner.request('PATCH', `/api/regions/${ZHEJIANG}`, { reviewLevels: 1 })).status).toBe(200);
      const cityNow = await hangzhou.request('POST', '/api/values/approve', { items: [{ id: current.id, version: current.version }] });
      expect(cityNow.status).toBe(422);
      const approved = await planner.request('POST', '/api/values/approve', { items: [{ id: current.id, version: current.version }] });
      expect(approved.status).toBe(200);
      expect((await progressOf('T10')).latestValue).toBe(950);
    });
  });
}
