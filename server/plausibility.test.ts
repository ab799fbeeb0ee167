// The plausibility checks over real HTTP on SQLite and PostgreSQL: what a park manager types through
// the API (PUT /api/values), the form's live check (POST /api/values/check) and the import
// (POST /api/import) are refused or need a confirmation with a note, the likely slip named; nothing is
// written until then.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndicator } from '../shared/indicators.ts';
import { checkFigure, relatedIndicators } from '../shared/plausibility.ts';
import type { ImportReportT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

type Cell = string | number | null;

async function xlsx(rows: Cell[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报数据');
  ws.addRow(['园区', '指标', '年份', '数值', '单位', '备注', '确认']);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`plausibility checks on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let ningbo: Client;
    let nb: number;

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
    const upload = async (bytes: Uint8Array, dryRun: boolean) => {
      const form = new FormData();
      form.set('file', new File([bytes as BlobPart], 'checks.xlsx'));
      const res = await ningbo.fetch(`/api/import${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form });
      return { status: res.status, body: await res.json() as any };
    };
    const summary = (problems: any[]) => problems.map((p) => `${p.index} ${p.field} ${p.grade} ${p.code}`);

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      const admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
      nb = parks.find((p) => p.name === '宁波高新区')!.id;
      ningbo = await createUserAndSignIn(server.url, admin, { username: 'ningbo', role: 'park_manager', parkIds: [nb] });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('finds no error in the seed’s published figures (and says which it would question)', async () => {
      const h = database.open();
      const rows = await h.db.selectFrom('reported_values').select(['park_id', 'indicator_code', 'year', 'value']).where('park_id', 'is not', null).execute()
        .finally(() => h.close());
      expect(rows.length).toBeGreaterThan(10);
      const at = (park: number, code: string, year: number) => rows.find((r) => r.park_id === park && r.indicator_code === code && r.year === year)?.value;
      const findings = rows.flatMap((r) => {
        const indicator = findIndicator(r.indicator_code)!;
        const sameYear = Object.fromEntries(relatedIndicators(r.indicator_code).flatMap((code) => {
          const v = at(r.park_id!, code, r.year);
          return v === undefined ? [] : [[code, v]];
        }));
        const history = rows.filter((o) => o.park_id === r.park_id && o.indicator_code === r.indicator_code && o.year !== r.year).map((o) => ({ year: o.year, value: o.value }));
        return checkFigure({ indicator, value: r.value, year: r.year, history, sameYear }).map((p) => `${p.grade} ${r.indicator_code} ${r.year} ${p.code}`);
      });
      expect(findings.filter((f) => f.startsWith('error'))).toEqual([]);
      expect(findings).toEqual([]);
    });

    it('refuses GDP of 3 200 000 亿元 for a park whose last figure (2020) is four years old, naming the slip and that year', async () => {
      const before = await dump();
      const gdp = { parkId: nb, indicator: 'gdp', year: 2024, value: 3_200_000, unit: '亿元' };
      const res = await ningbo.request('PUT', '/api/values', [gdp]);
      expect(res.status).toBe(422);
      const [impossible, jump] = res.body.error.problems;
      expect(impossible).toMatchObject({ index: 0, field: 'value', code: 'impossible_value', grade: 'error', suggestion: { value: 320, unit: '亿元' } });
      expect(impossible.message).toContain('万元与亿元混淆');
      expect(jump).toMatchObject({ code: 'implausible_jump', grade: 'warning', against: { year: 2020, value: 289.4 } });
      expect(jump.message).toContain('与2020年的 289.4亿元相比');
      // An error is not confirmed away.
      expect((await ningbo.request('PUT', '/api/values', [{ ...gdp, confirm: true, note: '确认无误' }])).status).toBe(422);
      expect(await dump()).toEqual(before);
      // The suggested value passes.
      const fixed = await ningbo.request('PUT', '/api/values', [{ ...gdp, value: impossible.suggestion.value }]);
      expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
      expect(fixed.body.written[0]).toMatchObject({ indicator: 'gdp', year: 2024, value: 320 });
    });

    it('answers the live check with the same problems, in the request’s language, and writes nothing', async () => {
      const before = await dump();
      const body = [{ parkId: nb, indicator: 'land_area', year: 2021, value: 1e308, unit: '平方公里' }];
      const zh = await ningbo.request('POST', '/api/values/check', body);
      expect(zh.status).toBe(200);
      expect(summary(zh.body.problems)).toEqual(['0 value error not_finite']);
      expect(zh.body.problems[0].message).toContain('超出可存储的范围');
      const en = await ningbo.fetch('/api/values/check', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
      expect((await en.json() as any).problems[0].message).toBe('Land area: the value is too large to store once converted to 亩');
      const fine = await ningbo.request('POST', '/api/values/check', { values: [{ parkId: nb, indicator: 'land_area', year: 2021, value: 12, unit: '平方公里' }], status: 'submitted' });
      expect(fine.body).toEqual({ problems: [] });
      expect(await dump()).toEqual(before);
      expect((await ningbo.request('PUT', '/api/values', body)).status).toBe(422);
      expect(await dump()).toEqual(before);
    });

    it('refuses R&D spending above GDP of the same year, in the batch or stored', async () => {
      const before = await dump();
      const res = await ningbo.request('PUT', '/api/values', [
        { parkId: nb, indicator: 'gdp', year: 2023, value: 300 },
        { parkId: nb, indicator: 'rd_spending', year: 2023, value: 350 },
      ]);
      expect(res.status).toBe(422);
      expect(summary(res.body.error.problems)).toEqual(['0 value error part_exceeds_whole', '1 value error part_exceeds_whole']);
      expect(res.body.error.problems[1].message).toBe('“R&D经费支出” 350亿元超过了同年“地区生产总值” 300亿元, 部分不能大于整体');
      expect(await dump()).toEqual(before);
      // Against the stored GDP of 2024 (320亿元): R&D typed in 万元 as 亿元.
      const stored = await ningbo.request('POST', '/api/values/check', [{ parkId: nb, indicator: 'rd_spending', year: 2024, value: 21_000 }]);
      expect(stored.body.problems.find((p: any) => p.code === 'part_exceeds_whole')).toMatchObject({ grade: 'error', suggestion: { value: 2.1, unit: '亿元' } });
    });

    it('asks to confirm tax per mu of 5 000 万元/亩 with a note, keeps the note in the history; refuses it reported directly', async () => {
      const before = await dump();
      const items = [
        { parkId: nb, indicator: 'tax_revenue', year: 2022, value: 100 },
        { parkId: nb, indicator: 'land_area', year: 2022, value: 200 },
      ];
      const refused = await ningbo.request('PUT', '/api/values', items);
      expect(refused.status).toBe(422);
      expect(summary(refused.body.error.problems)).toEqual(['0 value warning unusual_ratio', '1 value warning unusual_ratio']);
      expect(refused.body.error.problems[1].suggestion).toEqual({ value: 300_000, unit: '亩' });
      expect(refused.body.error.problems[1].message).toContain('亩均税收”为 5,000万元/亩');
      expect(refused.body.error.problems[1].message).toContain('亩与平方公里混淆');
      // Confirmed without a note: the note is what is missing.
      const noNote = await ningbo.request('PUT', '/api/values', items.map((i) => ({ ...i, confirm: true })));
      expect(summary(noNote.body.error.problems)).toEqual(['0 note warning unusual_ratio', '1 note warning unusual_ratio']);
      expect(await dump()).toEqual(before);

      const note = '园区托管区块只计入核心区面积, 已与统计局核对';
      const ok = await ningbo.request('PUT', '/api/values', items.map((i) => ({ ...i, confirm: true, note })));
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const history = await ningbo.get(`/api/values/${ok.body.written[1].id}/history`);
      expect(history).toEqual([expect.objectContaining({ newValue: 200, note })]);

      const direct = await ningbo.request('PUT', '/api/values', [{ parkId: nb, indicator: 'tax_per_mu', year: 2021, value: 5000, confirm: true, note }]);
      expect(direct.status).toBe(422);
      expect(direct.body.error.problems[0]).toMatchObject({ code: 'impossible_value', grade: 'error' });
      expect(direct.body.error.problems[0].message).toContain('土地面积的亩与平方公里混淆');
    });

    it('gives the import’s problems their grade and suggestion, writes nothing, and takes a confirmed warning with a note', async () => {
      const rows: Cell[][] = [
        ['宁波高新区', '地区生产总值', 2025, 3_200_000, '亿元', null, null],
        ['宁波高新区', 'R&D经费支出', 2019, 400, '亿元', null, null],
        ['宁波高新区', '地区生产总值', 2019, 280, '亿元', null, null],
        ['宁波高新区', '土地面积', 2018, 1e308, '平方公里', null, null],
        ['宁波高新区', '新型研发机构数', 2019, 800, '家', null, null],
      ];
      const before = await dump();
      const dry = (await upload(await xlsx(rows), true)).body as ImportReportT;
      expect(dry.problems.map((p) => `${p.cell} ${p.grade} ${p.code}`)).toEqual([
        '填报数据!D2 error impossible_value', '填报数据!D2 warning implausible_jump',
        '填报数据!D3 error part_exceeds_whole', '填报数据!D4 error part_exceeds_whole',
        '填报数据!D5 error not_finite', '填报数据!D6 warning unusual_value',
      ]);
      expect(dry.problems[0]!.suggestion).toEqual({ value: 320, unit: '亿元' });
      expect(dry.problems[5]!.message).toContain('在“确认”列填“是”');
      const commit = await upload(await xlsx(rows), false);
      expect(commit.status).toBe(422);
      expect(await dump()).toEqual(before);

      // The warning confirmed with 是 and a note goes in; 是 without a note points at the note.
      const unnoted = (await upload(await xlsx([['宁波高新区', '新型研发机构数', 2019, 800, '家', null, '是']]), true)).body as ImportReportT;
      expect(unnoted.problems.map((p) => `${p.cell} ${p.grade} ${p.code}`)).toEqual(['填报数据!F2 warning unusual_value']);
      const confirmed = await upload(await xlsx([['宁波高新区', '新型研发机构数', 2019, 800, '家', '含全部注册企业, 已核对', '是']]), false);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body.summary).toMatchObject({ new: 1, problems: 0 });
    });
  });
}
