// A region's own totals (the province's, a city's) over real HTTP on SQLite and PostgreSQL: written
// through PUT /api/values with `regionCode` (planners and admins; a park manager is refused), and
// through the import's 地区代码 column; the same versions, history, review and audit as a park's
// figures; listed by GET /api/values?region=; and the share targets T3 and T4 (zones' share of the
// province's above-scale industrial value added and of its high-tech enterprises) get a value once the
// zones' figures and the province's totals for 2024 are approved.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReportT, ProgressEntryT, ReportedValueT } from '../shared/schemas.ts';
import { REGION_SAMPLE_FILE, REGION_SAMPLE_ROWS } from '../scripts/region-sample.ts';
import type { Database } from './db/schema.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报数据');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ZHEJIANG = '330000';
const HANGZHOU = '330100';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`region figures on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let manager: Client;
    let parks: { id: number; name: string; level: string; provinceCode: string }[];

    const withDb = async <T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> => {
      const h = database.open();
      try {
        return await fn(h.db);
      } finally {
        await h.close();
      }
    };
    const dump = () => withDb(async (db) => ({
      values: await db.selectFrom('reported_values').selectAll().orderBy('id').execute(),
      revisions: await db.selectFrom('value_revisions').selectAll().orderBy('id').execute(),
    }));
    const upload = async (client: Client, name: string, bytes: Uint8Array, opts: { dryRun?: boolean; status?: string; versions?: Record<string, number> } = {}) => {
      const form = new FormData();
      form.set('file', new File([bytes as BlobPart], name));
      if (opts.status) form.set('status', opts.status);
      if (opts.versions) form.set('versions', JSON.stringify(opts.versions));
      const res = await client.fetch(`/api/import${opts.dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const progressOf = async (code: string) => (await admin.get<ProgressEntryT[]>('/api/progress?province=330000')).find((p) => p.code === code)!;
    const approveAll = async (filter: string) => {
      const submitted = await planner.get<ReportedValueT[]>(`/api/values?status=submitted&${filter}`);
      const res = await planner.request('POST', '/api/values/approve', { items: submitted.map((v) => ({ id: v.id, version: v.version })) });
      expect(res.status, JSON.stringify(res.body).slice(0, 1000)).toBe(200);
      return submitted.length;
    };

    beforeAll(async () => {
      database = await kind.create();
      // The reporting year is 2025: 2024's figures are due.
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, TODAY: '2025-06-30' } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      parks = await admin.get('/api/parks');
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner_regions', role: 'planner' });
      manager = await createUserAndSignIn(server.url, admin, { username: 'manager_regions', role: 'park_manager', parkIds: [parks.find((p) => p.provinceCode === ZHEJIANG)!.id] });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('writes a city’s own total through PUT /api/values with regionCode: versions, history, review, audit, and GET /api/values?region=', async () => {
      const put = await planner.request('PUT', '/api/values', {
        values: [{ regionCode: HANGZHOU, indicator: 'industrial_va', year: 2023, value: 50_000_000, unit: '万元', note: '杭州市统计公报 2023' }],
        status: 'submitted',
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body.written).toEqual([expect.objectContaining({ parkId: null, regionCode: HANGZHOU, indicator: 'industrial_va', year: 2023, value: 5000, status: 'submitted', version: 1, changed: true })]);

      const listed = await admin.get<ReportedValueT[]>(`/api/values?region=${HANGZHOU}&indicator=industrial_va`);
      expect(listed).toEqual([expect.objectContaining({
        subject: { kind: 'region', parkId: null, parkName: null, regionCode: HANGZHOU, regionName: '杭州市' },
        year: 2023, value: 5000, unit: '亿元', status: 'submitted', note: '杭州市统计公报 2023', enteredBy: 'planner_regions', version: 1,
      })]);
      const id = listed[0]!.id;

      // A change needs the version seen, as for a park's figure.
      const noVersion = await planner.request('PUT', '/api/values', [{ regionCode: HANGZHOU, indicator: 'industrial_va', year: 2023, value: 5100 }]);
      expect(noVersion.status).toBe(409);
      expect(noVersion.body.error.problems[0]).toMatchObject({ index: 0, field: 'version', code: 'version_required' });
      const changed = await planner.request('PUT', '/api/values', { values: [{ regionCode: HANGZHOU, indicator: 'industrial_va', year: 2023, value: 5100, version: 1, note: '杭州市统计公报 2023 (修订)' }], status: 'submitted', reason: '公报修订' });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.written[0]).toMatchObject({ regionCode: HANGZHOU, value: 5100, version: 2 });

      const review = await admin.request('POST', '/api/values/approve', { items: [{ id, version: 2 }] });
      expect(review.status).toBe(200);
      expect(review.body.written[0]).toMatchObject({ id, parkId: null, regionCode: HANGZHOU, status: 'approved', version: 3 });

      const history = await admin.get(`/api/values/${id}/history`);
      expect(history.map((h: { version: number; newValue: number; newStatus: string; note: string | null; reason: string | null; changedBy: string }) =>
        [h.version, h.newValue, h.newStatus, h.note, h.changedBy])).toEqual([
        [1, 5000, 'submitted', '杭州市统计公报 2023', 'planner_regions'],
        [2, 5100, 'submitted', '杭州市统计公报 2023 (修订)', 'planner_regions'],
        [3, 5100, 'approved', '杭州市统计公报 2023 (修订)', 'admin'],
      ]);
      const audit = await withDb((db) => db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'in', ['submit_values', 'approve_values']).orderBy('id').execute());
      expect(audit.map((a) => a.action)).toEqual(['submit_values', 'submit_values', 'approve_values']);
      expect(JSON.parse(audit[0]!.detail!).values).toEqual([expect.objectContaining({ id, regionCode: HANGZHOU, indicator: 'industrial_va', year: 2023 })]);
    });

    it('refuses an item with both a park and a region, or neither, with 400 in both languages', async () => {
      const before = await dump();
      const parkId = parks[0]!.id;
      const both = await planner.request('PUT', '/api/values', [{ parkId, regionCode: ZHEJIANG, indicator: 'gdp', year: 2023, value: 1 }]);
      expect(both.status).toBe(400);
      expect(both.body.error.details).toEqual([{ path: '0.regionCode', message: '园区 (parkId) 与地区 (regionCode) 只能填一个', messages: { zh: '园区 (parkId) 与地区 (regionCode) 只能填一个', en: 'give parkId or regionCode, not both' } }]);
      expect(both.body.error.messages.zh).toContain('parkId 或 regionCode');
      const neither = await planner.fetch('/api/values', { method: 'PUT', body: JSON.stringify({ values: [{ indicator: 'gdp', year: 2023, value: 1 }] }), headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
      expect(neither.status).toBe(400);
      const body = await neither.json() as { error: { message: string; details: { path: string }[] } };
      expect(body.error.message).toBe('1 item must name exactly one of parkId (a park) and regionCode (a region)');
      expect(body.error.details.map((d) => d.path)).toEqual(['0.parkId']);
      const unknown = await planner.request('PUT', '/api/values', [{ regionCode: '339999', indicator: 'gdp', year: 2023, value: 1 }]);
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.problems[0]).toMatchObject({ field: 'regionCode', code: 'unknown_region' });
      expect(await dump()).toEqual(before);
    });

    it('refuses a park manager a region’s figures (403), through the API and the import, and writes nothing', async () => {
      const before = await dump();
      const put = await manager.request('PUT', '/api/values', [{ regionCode: ZHEJIANG, indicator: 'hte_count', year: 2024, value: 44000 }]);
      expect(put.status).toBe(403);
      expect(put.body.error.problems[0]).toMatchObject({ index: 0, field: 'regionCode', code: 'forbidden_park' });
      const file = await xlsx([['园区', '地区代码', '指标', '年份', '数值', '单位', '备注'], [null, ZHEJIANG, '国家高新技术企业数', 2024, 44000, '家', '浙江省统计公报 2024']]);
      const dry = await upload(manager, '省合计.xlsx', file, { dryRun: true });
      expect(dry.status).toBe(200);
      expect((dry.body as ImportReportT).problems.map((p) => [p.cell, p.code])).toEqual([['填报数据!B2', 'forbidden_park']]);
      const commit = await upload(manager, '省合计.xlsx', file);
      expect(commit.status).toBe(403);
      expect(await dump()).toEqual(before);
    });

    it('names a row with both a park and a region code, and an unknown region code, by their cells', async () => {
      const file = await xlsx([
        ['园区', '地区代码', '指标', '年份', '数值'],
        [parks[0]!.name, ZHEJIANG, 'gdp', 2024, 1],
        [null, '339999', 'gdp', 2024, 1],
      ]);
      const dry = await upload(planner, '混合.xlsx', file, { dryRun: true });
      expect(dry.status).toBe(200);
      expect((dry.body as ImportReportT).problems.map((p) => [p.cell, p.code])).toEqual([['填报数据!B2', 'park_and_region'], ['填报数据!B3', 'unknown_region']]);
    });

    it('gives planners the 地区代码 column and the province’s rows in the template; park managers neither', async () => {
      const load = async (res: Response) => {
        expect(res.status).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        return wb.getWorksheet('填报数据')!;
      };
      const sheet = await load(await planner.fetch(`/api/import/template.xlsx?province=${ZHEJIANG}&year=2024`));
      expect(sheet.getRow(1).getCell(11).value).toBe('地区代码');
      const regionRows: unknown[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 1 && row.getCell(11).value !== null) regionRows.push([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value, row.getCell(11).value]);
      });
      expect(regionRows).toEqual(expect.arrayContaining([[null, '规上工业增加值', 2024, ZHEJIANG], [null, '国家高新技术企业数', 2024, ZHEJIANG]]));
      const managerSheet = await load(await manager.fetch('/api/import/template.xlsx?year=2024'));
      expect(managerSheet.getRow(1).getCell(11).value).toBe(null);
    });

    it('reads a city’s totals from a statistics sheet with a 地区代码 column (units in the header), next to a park’s row', async () => {
      const file = await xlsx([
        ['2022年 杭州市主要统计指标（示例数据）'],
        ['地区代码', '地区', '高新区名称', '规模以上工业增加值（万元）', '高新技术企业数（家）'],
        [HANGZHOU, '杭州市', null, 52_000_000, 16000],
        [null, null, '绍兴高新区', 3_000_000, null],
      ]);
      const dry = await upload(planner, '杭州2023.xlsx', file, { dryRun: true });
      expect(dry.status, JSON.stringify(dry.body).slice(0, 1500)).toBe(200);
      const report = dry.body as ImportReportT;
      expect(report.layout).toBe('wide');
      expect(report.columns!.map((c) => [c.column, c.role])).toEqual([['A', 'region'], ['B', 'ignored'], ['C', 'park'], ['D', 'indicator'], ['E', 'indicator']]);
      expect(report.problems).toEqual([]);
      expect(report.rows.filter((r) => r.regionCode !== null).map((r) => [r.row, r.column, r.regionCode, r.indicator, r.value, r.status])).toEqual([
        [3, 'D', HANGZHOU, 'industrial_va', 5200, 'new'],
        [3, 'E', HANGZHOU, 'hte_count', 16000, 'new'],
      ]);
      expect(report.rows.filter((r) => r.regionCode === null).map((r) => [r.row, r.parkName, r.indicator, r.value])).toEqual([[4, '绍兴高新区', 'industrial_va', 300]]);
    });

    it('reads the shipped sample of region totals (示例数据): every row a region’s, converted, with its source', async () => {
      const dry = await upload(planner, '2024年浙江省合计数据-示例数据.xlsx', new Uint8Array(readFileSync(REGION_SAMPLE_FILE)), { dryRun: true });
      expect(dry.status, JSON.stringify(dry.body).slice(0, 1500)).toBe(200);
      const report = dry.body as ImportReportT;
      expect(report.problems).toEqual([]);
      expect(report.rows.map((r) => [r.regionCode, r.parkId, r.originalValue, r.originalUnit, r.year])).toEqual(REGION_SAMPLE_ROWS.map(([code, , value, unit]) => [code, null, value, unit, 2024]));
    });

    it('T3 and T4 get a value once the zones’ 2024 figures and the province’s 2024 totals are imported and approved', async () => {
      const zones = parks.filter((p) => p.provinceCode === ZHEJIANG && (p.level === 'national' || p.level === 'provincial'));
      expect(zones.length).toBeGreaterThanOrEqual(8);
      const [t3Before, t4Before] = [await progressOf('T3'), await progressOf('T4')];
      expect(t3Before.latestYear).not.toBe(2024);
      expect(t4Before.latestYear).not.toBe(2024);

      // The zones' figures: 200亿元 of industrial value added and 600 high-tech enterprises each.
      const zoneRows = zones.flatMap((z) => [[z.name, null, '规上工业增加值', 2024, 200, '亿元', null], [z.name, null, '国家高新技术企业数', 2024, 600, '家', null]]);
      const zonesFile = await xlsx([['园区', '地区代码', '指标', '年份', '数值', '单位', '备注'], ...zoneRows]);
      const zonesImport = await upload(planner, '高新区2024.xlsx', zonesFile, { status: 'submitted' });
      expect(zonesImport.status, JSON.stringify(zonesImport.body).slice(0, 2000)).toBe(200);
      expect(zonesImport.body.summary.new).toBe(zones.length * 2);

      // The province's own totals, from its statistics bulletin, in 万元 for the value added.
      const totalsFile = await xlsx([
        ['园区', '地区代码', '指标', '年份', '数值', '单位', '备注'],
        [null, ZHEJIANG, '规上工业增加值', 2024, 240_000_000, '万元', '浙江省统计公报 2024'],
        [null, ZHEJIANG, '国家高新技术企业数', 2024, 44000, '家', '浙江省统计公报 2024'],
      ]);
      // The seed's count is approved, so locked: the planner reopens it, with a reason, before the bulletin replaces it.
      const [seeded] = await planner.get<ReportedValueT[]>(`/api/values?region=${ZHEJIANG}&indicator=hte_count&from=2024&to=2024`);
      const reopened = await planner.request('POST', `/api/values/${seeded!.id}/reopen`, { reason: '以统计公报数据替换' });
      expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
      const dry = await upload(planner, '浙江省2024.xlsx', totalsFile, { dryRun: true, status: 'submitted' });
      expect(dry.status, JSON.stringify(dry.body).slice(0, 2000)).toBe(200);
      expect((dry.body as ImportReportT).rows.map((r) => [r.row, r.parkId, r.regionCode, r.parkName, r.indicator, r.value, r.status])).toEqual([
        [2, null, ZHEJIANG, '浙江省', 'industrial_va', 24000, 'new'],
        // The seed has the province's 2024 count from the 2024 conference: the bulletin's changes it.
        [3, null, ZHEJIANG, '浙江省', 'hte_count', 44000, 'changed'],
      ]);
      expect(Object.keys(dry.body.versions)).toEqual([`region:${ZHEJIANG}:hte_count:2024`]);
      const withoutVersions = await upload(planner, '浙江省2024.xlsx', totalsFile, { status: 'submitted' });
      expect(withoutVersions.status).toBe(409);
      const totals = await upload(planner, '浙江省2024.xlsx', totalsFile, { status: 'submitted', versions: dry.body.versions });
      expect(totals.status, JSON.stringify(totals.body).slice(0, 2000)).toBe(200);
      expect(totals.body.committed).toBe(true);

      // Submitted is not yet approved: the share targets do not count them.
      expect((await progressOf('T3')).latestYear).not.toBe(2024);
      expect(await approveAll('from=2024&to=2024')).toBe(zones.length * 2 + 2);

      const province = await admin.get<ReportedValueT[]>(`/api/values?region=${ZHEJIANG}&from=2024&to=2024`);
      expect(province.filter((v) => ['hte_count', 'industrial_va'].includes(v.indicator.code)).map((v) => [v.subject.kind, v.indicator.code, v.value, v.status, v.note])).toEqual([
        ['region', 'hte_count', 44000, 'approved', '浙江省统计公报 2024'],
        ['region', 'industrial_va', 24000, 'approved', '浙江省统计公报 2024'],
      ]);
      // The province's form: the totals with their source, and the share targets they feed.
      const form = await planner.get(`/api/entry/regions/${ZHEJIANG}/2024`);
      expect(form).toMatchObject({ region: { code: ZHEJIANG, name: '浙江省', level: 'province' }, year: 2024, canWrite: true });
      const va = form.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'industrial_va');
      expect(va).toMatchObject({ current: { value: 24000, status: 'approved', note: '浙江省统计公报 2024' }, targets: [{ code: 'T3' }] });
      expect((await manager.get(`/api/entry/regions/${ZHEJIANG}/2024`)).canWrite).toBe(false);
      expect((await planner.request('GET', '/api/entry/regions/330106/2024')).status).toBe(404); // a county: no totals of its own here
      const t3 = await progressOf('T3');
      const t4 = await progressOf('T4');
      expect(t3).toMatchObject({ latestYear: 2024, aggregate: { year: 2024, denominator: 24000, numerator: zones.length * 200 } });
      expect(t3.latestValue).toBeCloseTo((zones.length * 200 / 24000) * 100, 6);
      expect(t4).toMatchObject({ latestYear: 2024, aggregate: { year: 2024, denominator: 44000, numerator: zones.length * 600 } });
      expect(t4.latestValue).toBeCloseTo((zones.length * 600 / 44000) * 100, 6);
      // The province's total keeps its source, for the target page's table.
      const detail = await admin.get<{ series: { year: number; denominator?: number; denominatorSource?: string }[] }>(`/api/targets/${t3.id}/progress`);
      expect(detail.series.find((p) => p.year === 2024)).toMatchObject({ denominator: 24000, denominatorSource: '浙江省统计公报 2024' });
    });
  });
}
