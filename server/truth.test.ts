// Truth in every state (PROGRESS.md, rules 1–7), on the published seed as a new user meets it in
// December 2026: a park manager of 宁波 enters 2025's figures, a planner approves them, and the
// province's targets must not turn 已达成 or 未达成 on one park of eight; a five-year-old rank decides
// nothing; a rank already inside the goal is held; coverage since the opinions reads limited.
// Every view's answer (list, detail, dashboard overview, park matrix) says the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParkStatusMatrixT, ProgressDetailT, ProgressEntryT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`truthful statuses on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let progress: ProgressEntryT[];
    let parks: { id: number; name: string; level: string; approvalYear: number | null }[];
    const byCode = (code: string) => {
      const entry = progress.find((p) => p.code === code);
      if (!entry) throw new Error(`no progress entry ${code}`);
      return entry;
    };

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      parks = await admin.get('/api/parks?province=330000');
      const ningbo = parks.find((p) => p.name === '宁波高新区')!.id;
      const manager = await createUserAndSignIn(server.url, admin, { username: 'ningbo', role: 'park_manager', parkIds: [ningbo] });
      // 2025: R&D 24.5亿 over GDP 320.6亿 = 7.64% (inside 约8%'s tolerance); tax 18亿 over 12 000 亩 = 15万元/亩.
      const written = await manager.request('PUT', '/api/values', {
        status: 'submitted',
        values: [
          { parkId: ningbo, indicator: 'gdp', year: 2025, value: 320.6, unit: '亿元' },
          { parkId: ningbo, indicator: 'rd_spending', year: 2025, value: 24.5, unit: '亿元' },
          { parkId: ningbo, indicator: 'tax_revenue', year: 2025, value: 18, unit: '亿元' },
          { parkId: ningbo, indicator: 'land_area', year: 2025, value: 12000, unit: '亩' },
        ],
      });
      if (written.status !== 200) throw new Error(`writing 宁波's figures: ${written.status} ${JSON.stringify(written.body)}`);
      const approved = await admin.request('POST', '/api/values/approve', {
        items: written.body.written.map((w: { id: number; version: number }) => ({ id: w.id, version: w.version })),
      });
      if (approved.status !== 200) throw new Error(`approving them: ${approved.status} ${JSON.stringify(approved.body)}`);
      progress = await admin.get('/api/progress');
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('does not call the province’s R&D target achieved on one park of eight (rule 3)', () => {
      const t1 = byCode('T1');
      // T1 is over the zones of provincial level or above that exist in 2025: the 8 national zones of the seed.
      const expected = parks.filter((p) => p.level !== 'other' && (p.approvalYear === null || p.approvalYear <= 2025)).length;
      expect(expected).toBe(8);
      expect(t1.status).toBe('insufficient_data');
      expect(t1.statusReason).toBe('incomplete');
      expect(t1.provisionalLatest).toEqual({ year: 2025, value: expect.closeTo((24.5 / 320.6) * 100, 10), parksIncluded: 1, parksExpected: expected });
      expect(t1.attained).toBeNull();
      // What would resolve it: the other parks' R&D spending and GDP.
      expect(t1.missing?.indicators).toEqual(['rd_spending', 'gdp']);
      expect(t1.missing?.parksTotal).toBe(expected - 1);
      const named = t1.missing!.parks.map((p) => p.name);
      expect(named).toContain('温州高新区');
      expect(named).not.toContain('宁波高新区');
      expect(t1.missing?.years).toContain(2025);
    });

    it('does not call the tax-per-mu target missed on one park either', () => {
      const t2 = byCode('T2');
      expect(t2.status).toBe('insufficient_data');
      expect(t2.statusReason).toBe('incomplete');
      expect(t2.provisionalLatest).toMatchObject({ year: 2025, value: 15, parksIncluded: 1 });
    });

    it('reads 宁波’s 2021 rank as stale, keeping the last known pace as context (rule 4)', () => {
      const t = byCode('T7.2');
      expect([t.status, t.statusReason, t.lastKnownStatus]).toEqual(['insufficient_data', 'stale', 'needs_acceleration']);
      expect(t.latestYear).toBe(2021);
      expect(t.missing).toMatchObject({ indicators: ['national_rank'], years: [2022, 2023, 2024, 2025], parks: [{ name: '宁波高新区' }] });
      expect(t.projected).toBeNull();
    });

    it('holds 杭州’s rank: 3rd at the baseline, 5th now, inside the top 10, no percentage (rule 2)', () => {
      const t = byCode('T7.1');
      expect(t.held).toBe(true);
      expect(t.status).toBe('achieved');
      expect(t.progress).toBeNull();
      expect(t.gap).toBe(0);
      expect(t.direction).toBe('down');
    });

    it('reads coverage since the 2021 opinions as limited, with the four cities still uncovered (example I)', () => {
      const t5 = byCode('T5');
      expect([t5.baselineYear, t5.baselineValue]).toEqual([2021, 7]);
      expect(t5.status).toBe('limited');
      expect(t5.paceRatio).toBe(0);
      expect(t5.coverage?.uncovered.map((r) => r.name)).toEqual(['金华市', '舟山市', '台州市', '丽水市']);
    });

    it('gives every insufficient target its reason, and no other target one (rule 7)', () => {
      for (const e of progress) {
        if (e.status === 'insufficient_data') {
          expect(e.statusReason, e.code).not.toBeNull();
          expect(e.missing, e.code).not.toBeNull();
        } else {
          expect([e.statusReason, e.missing], e.code).toEqual([null, null]);
        }
      }
      expect(byCode('T6').statusReason).toBe('no_region_set');
    });

    it('says the same in the detail, the dashboard overview and the parks matrix', async () => {
      const fields = ['status', 'statusReason', 'held', 'progress', 'gap', 'shortOfExact', 'provisionalLatest', 'missing', 'latestYear', 'latestValue'] as const;
      const pick = (e: Partial<ProgressEntryT>) => Object.fromEntries(fields.map((f) => [f, e[f]]));
      const overview = await admin.get<ProgressEntryT[]>('/api/dashboard/overview');
      for (const code of ['T1', 'T2', 'T5', 'T7.1', 'T7.2']) {
        const entry = byCode(code);
        const detail = await admin.get<ProgressDetailT>(`/api/targets/${entry.id}/progress`);
        expect(pick(detail), code).toEqual(pick(entry));
        expect(pick(overview.find((o) => o.id === entry.id)!), code).toEqual(pick(entry));
      }
      const matrix = await admin.get<ParkStatusMatrixT>('/api/dashboard/park-status?province=330000');
      const cell = (code: string, park: string) => matrix.cells.find((c) => c.targetId === byCode(code).id && c.parkId === parks.find((p) => p.name === park)!.id);
      expect(cell('T7.1', '杭州高新区(滨江)')).toMatchObject({ status: 'achieved', held: true, progress: null });
      expect(cell('T7.2', '宁波高新区')).toMatchObject({ status: 'insufficient_data', statusReason: 'stale' });
      // 杭州's target is not 宁波's.
      expect(cell('T7.1', '宁波高新区')).toBeUndefined();
    });

    it('recomputes what a changed target or park says, and nothing is stale afterwards', async () => {
      const before = await admin.get<ProgressEntryT[]>('/api/progress');
      const t71 = before.find((e) => e.code === 'T7.1')!;
      const { version } = await admin.get<{ version: number }>(`/api/targets/${t71.id}`);
      // Top 4 instead of top 10: 杭州 (5th) no longer attains, and its baseline (3rd) still did.
      const patched = await admin.request('PATCH', `/api/targets/${t71.id}`, { version, targetValue: 4, reason: '测试: 更高的目标' });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      const after = await admin.get<ProgressEntryT[]>('/api/progress');
      expect(after.find((e) => e.id === t71.id)).toMatchObject({ targetValue: 4, held: true, status: 'regressing', gap: -1 });
      // The other targets are the same answers as before.
      expect(after.filter((e) => e.id !== t71.id)).toEqual(before.filter((e) => e.id !== t71.id));

      // A park renamed: the targets of its province name it anew.
      const wenzhou = parks.find((p) => p.name === '温州高新区')!;
      const park = await admin.get<{ version: number }>(`/api/parks/${wenzhou.id}`);
      const renamed = await admin.request('PATCH', `/api/parks/${wenzhou.id}`, { version: park.version, name: '温州高新区(更名测试)' });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      const t1 = (await admin.get<ProgressEntryT[]>('/api/progress')).find((e) => e.code === 'T1')!;
      expect(t1.missing!.parks.map((p) => p.name)).toContain('温州高新区(更名测试)');
    });
  });
}
