// 我的待办 over real HTTP on SQLite and PostgreSQL: nothing waits unseen. A figure sent back is the park
// manager's task with the reviewer's comment from the moment it is returned, with no round open;
// submitted figures are the planners' tasks; a round past its deadline shows who is behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`my tasks on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let manager: Client;
    let viewer: Client;
    let parkId: number;
    /** The year after the park's latest count of high-tech enterprises, and that count (a plausible value). */
    let year: number;
    let figure: number;
    let valueId: number;
    let version: number;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
      parkId = parks.find((p) => p.name === '萧山临江高新区')!.id;
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner-t', role: 'planner' });
      manager = await createUserAndSignIn(server.url, admin, { username: 'manager-t', role: 'park_manager', parkIds: [parkId] });
      viewer = await createUserAndSignIn(server.url, admin, { username: 'viewer-t', role: 'viewer' });
      const history = await admin.get<{ year: number; value: number }[]>(`/api/values?park=${parkId}&indicator=hte_count`);
      const latest = history.reduce((a, b) => (b.year > a.year ? b : a));
      year = latest.year + 1;
      figure = latest.value;
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('gives nobody a task before anything waits', async () => {
      expect(await manager.get('/api/tasks')).toEqual([]);
      expect(await viewer.get('/api/tasks')).toEqual([]);
      expect((await planner.get('/api/tasks')).filter((t: any) => t.year === year)).toEqual([]);
    });

    it('gives planners and admins the submitted figures to review', async () => {
      const put = await manager.request('PUT', '/api/values', { values: [{ parkId, indicator: 'hte_count', year, value: figure }], status: 'submitted' });
      expect(put.status).toBe(200);
      valueId = put.body.written[0].id;
      version = put.body.written[0].version;
      for (const reviewer of [planner, admin]) {
        const review = (await reviewer.get('/api/tasks')).find((t: any) => t.kind === 'review' && t.year === year);
        expect(review).toMatchObject({ kind: 'review', year, count: 1, parkId: null, message: `${year}年有 1 项已提交的数据待审核` });
      }
      expect(await manager.get('/api/tasks')).toEqual([]);
    });

    it('puts a returned figure in the park manager’s tasks with the comment, with no round open', async () => {
      expect(await planner.get('/api/rounds')).toEqual([]);
      const sentBack = await planner.request('POST', '/api/values/return', { items: [{ id: valueId, version }], comment: '请按统计年鉴口径核对' });
      expect(sentBack.status).toBe(200);
      version = sentBack.body.written[0].version;

      const mine = await manager.get('/api/tasks');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        kind: 'fix_returned', year, parkId, parkName: '萧山临江高新区', roundId: null, deadline: null, overdue: false, count: 1,
        message: `萧山临江高新区 ${year}年有 1 项数据被退回 (国家高新技术企业数), 请修改后重新提交`,
        returned: [{ valueId, indicatorCode: 'hte_count', nameZh: '国家高新技术企业数', value: figure, comment: '请按统计年鉴口径核对', reviewedBy: 'planner-t' }],
      });
      const english = await manager.fetch('/api/tasks', { headers: { 'accept-language': 'en' } });
      expect(((await english.json()) as any[])[0].message).toBe(`萧山临江高新区: 1 figure of ${year} sent back (National high-tech enterprises); fix and submit again`);
      // the review list no longer holds it
      expect((await planner.get('/api/tasks')).find((t: any) => t.kind === 'review' && t.year === year)).toBeUndefined();
      // the form of that year shows the row with the comment
      const sheet = await manager.get(`/api/entry/${parkId}/${year}`);
      expect(sheet.rows.find((r: any) => r.indicator.code === 'hte_count').current).toMatchObject({ status: 'draft', reviewComment: '请按统计年鉴口径核对' });
    });

    it('ties the returned figure to a round once one opens, and counts what is still to report', async () => {
      const round = await planner.request('POST', '/api/rounds', { year, provinceCode: '330000', deadline: '2026-03-31', indicatorCodes: ['hte_count', 'land_area'] });
      expect(round.status).toBe(201);
      const mine = await manager.get('/api/tasks');
      expect(mine.map((t: any) => [t.kind, t.year, t.count, t.roundId, t.overdue])).toEqual([
        ['fix_returned', year, 1, round.body.id, true],
        ['report', year, 1, round.body.id, true],
      ]);
      const overdue = (await planner.get('/api/tasks')).find((t: any) => t.kind === 'overdue');
      const board = await planner.get(`/api/rounds/${round.body.id}/board`);
      expect(overdue).toMatchObject({ roundId: round.body.id, year, provinceName: '浙江省', deadline: '2026-03-31', overdue: true, count: board.totals.parksOverdue });
      expect(overdue.count).toBeGreaterThan(0);
      expect(await viewer.get('/api/tasks')).toEqual([]);
    });

    it('takes the task away once the figure is fixed', async () => {
      const fixed = await manager.request('PUT', '/api/values', { values: [{ parkId, indicator: 'hte_count', year, value: figure, version, note: '已按年鉴核对' }], status: 'submitted' });
      expect(fixed.status).toBe(200);
      const mine = await manager.get('/api/tasks');
      expect(mine.map((t: any) => t.kind)).toEqual(['report']);
      expect((await planner.get('/api/tasks')).find((t: any) => t.kind === 'review' && t.year === year)).toMatchObject({ count: 1 });
    });
  });
}
