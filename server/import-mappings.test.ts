// The statistics-sheet headers planners mapped, over real HTTP on SQLite and PostgreSQL: listed by
// GET /api/import/mappings once an import with `mapping` commits, forgotten by a planner with
// DELETE /api/import/mappings?header= (park managers 403; an unknown header 404), after which the next
// file asks again.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMappingT, ImportReportT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

async function wide(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`remembered column mappings on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let manager: Client;

    const upload = async (client: Client, bytes: Uint8Array, opts: { dryRun?: boolean; mapping?: Record<string, string> } = {}) => {
      const form = new FormData();
      form.set('file', new File([bytes as BlobPart], 'tech.xlsx'));
      if (opts.mapping) form.set('mapping', JSON.stringify(opts.mapping));
      const res = await client.fetch(`/api/import${opts.dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form });
      return { status: res.status, body: await res.json() as ImportReportT };
    };

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner_mappings', role: 'planner' });
      manager = await createUserAndSignIn(server.url, admin, { username: 'manager_mappings', role: 'park_manager', parkIds: [parks[0]!.id] });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('lists what a committed import remembered, and forgets it on a planner’s word', async () => {
      const file = await wide([['2019年 科技企业统计'], ['园区名称', '科技型企业数量（家）'], ['绍兴高新区', 1400]]);
      expect(await admin.get('/api/import/mappings')).toEqual([]);
      const done = await upload(planner, file, { mapping: { '科技型企业数量（家）': 'tech_sme_national' } });
      expect(done.status, JSON.stringify(done.body).slice(0, 1000)).toBe(200);

      const listed = await manager.get<ColumnMappingT[]>('/api/import/mappings');
      expect(listed).toEqual([{
        header: '科技型企业数量（家）', headerKey: '科技型企业数量', indicator: { code: 'tech_sme_national', nameZh: '国家科技型中小企业数', unit: '家' },
        mappedBy: 'planner_mappings', mappedAt: expect.any(String),
      }]);

      expect((await manager.request('DELETE', `/api/import/mappings?header=${encodeURIComponent('科技型企业数量')}`)).status).toBe(403);
      expect((await planner.request('DELETE', `/api/import/mappings?header=${encodeURIComponent('从未见过的表头')}`)).status).toBe(404);
      const forgot = await planner.request('DELETE', `/api/import/mappings?header=${encodeURIComponent('科技型企业数量（家）')}`);
      expect(forgot.status).toBe(200);
      expect(await admin.get('/api/import/mappings')).toEqual([]);
      const audit = await admin.get<{ action: string }[]>('/api/audit?action=forget_column_mapping');
      expect(audit.map((a) => a.action)).toEqual(['forget_column_mapping']);

      const again = await upload(planner, file, { dryRun: true });
      expect(again.body.columns!.find((c) => c.column === 'B')).toMatchObject({ role: 'unmatched', matchedBy: null });
    });
  });
}
