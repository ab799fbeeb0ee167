// The Excel/CSV import over real HTTP, against the real server process, on a SQLite file and on
// PostgreSQL: the template, the dry run's problems with their cells, all-or-nothing commits, units,
// versions, progress computed by hand after an import, speed, and a server killed mid-import.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReportT, ProgressDetailT } from '../shared/schemas.ts';
import type { Database } from './db/schema.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

/**
 * Synthetic figures of one park in proportion, so that they pass the plausibility checks: R&D spending
 * about 3% of GDP, tax per mu about 100万元/亩, above-scale industry under GDP.
 */
const PLAUSIBLE_SCALE: Record<string, number> = {
  gdp: 10, rd_spending: 0.3, tax_revenue: 1, land_area: 100, industrial_va: 3, digital_core_va: 2,
  hte_count: 1, tech_sme_national: 1, tech_sme_provincial: 1, above_scale_firms: 1,
};

const HEADER = ['园区', '指标', '年份', '数值', '单位', '备注', '确认'];
type Row = unknown[];

/** A workbook with one data sheet: optional title rows, the header, the rows. */
async function xlsx(rows: Row[], options: { sheet?: string; header?: string[]; before?: Row[]; style?: (ws: ExcelJS.Worksheet) => void } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheet ?? '填报数据');
  for (const r of options.before ?? []) ws.addRow(r);
  ws.addRow(options.header ?? HEADER);
  for (const r of rows) ws.addRow(r);
  options.style?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const csv = (rows: Row[], header = HEADER) => [header, ...rows].map((r) => r.map((c) => {
  const s = c === null || c === undefined ? '' : String(c);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}).join(',')).join('\r\n');

/** GB18030 bytes of a text, from the platform's own decoder run backwards over the two-byte range. */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no two-byte GB18030 code for ${ch}`);
  }
  return new Uint8Array(out);
}

interface Upload {
  status: number;
  body: any;
}

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`Excel import on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let qiantang: Client;
    let hubeiA: Client;
    let viewer: Client;
    let parkId: Record<string, number>;

    const upload = async (client: Client | null, file: { name: string; bytes: Uint8Array | string }, opts: { dryRun?: boolean; versions?: Record<string, number>; status?: string; reason?: string } = {}): Promise<Upload> => {
      const form = new FormData();
      form.set('file', new File([file.bytes as BlobPart], file.name));
      if (opts.versions) form.set('versions', JSON.stringify(opts.versions));
      if (opts.status) form.set('status', opts.status);
      if (opts.reason) form.set('reason', opts.reason);
      const path = `/api/import${opts.dryRun ? '?dryRun=1' : ''}`;
      // Same-origin, as the browser sends it: the server checks the Origin of form posts.
      const init = { method: 'POST', body: form, headers: { origin: server.url } };
      const res = client ? await client.fetch(path, init) : await fetch(server.url + path, init);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const dryRun = (client: Client, file: { name: string; bytes: Uint8Array | string }) => upload(client, file, { dryRun: true });
    const withDb = async <T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> => {
      const h = database.open();
      try {
        return await fn(h.db);
      } finally {
        await h.close();
      }
    };
    /** Every row of the tables an import writes, in order. */
    const dump = () => withDb(async (db) => ({
      values: await db.selectFrom('reported_values').selectAll().orderBy('id').execute(),
      revisions: await db.selectFrom('value_revisions').selectAll().orderBy('id').execute(),
      audit: await db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
    }));
    const figure = (park: string, indicator: string, year: number) => withDb((db) => db.selectFrom('reported_values').selectAll()
      .where('park_id', '=', parkId[park]!).where('indicator_code', '=', indicator).where('year', '=', year).executeTakeFirst());
    const problemsOf = (report: ImportReportT) => report.problems.map((p) => `${p.column}${p.row} ${p.field} ${p.code}`);

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      // Parks of a province without seeded ones (湖北), for the figures these tests write.
      for (const [name, level, cityCode] of [['湖北示例高新区甲', 'national', '420100'], ['湖北示例高新区乙', 'provincial', '420500'], ['湖北示例高新区丙', 'provincial', '420600']] as const) {
        const created = await admin.request('POST', '/api/parks', { name, level, provinceCode: '420000', cityCode });
        if (created.status !== 201) throw new Error(`creating ${name}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      parkId = Object.fromEntries((await admin.get<{ id: number; name: string }[]>('/api/parks')).map((p) => [p.name, p.id]));
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
      qiantang = await createUserAndSignIn(server.url, admin, { username: 'qiantang', role: 'park_manager', parkIds: [parkId['萧山临江高新区']!] });
      hubeiA = await createUserAndSignIn(server.url, admin, { username: 'hubei_a', role: 'park_manager', parkIds: [parkId['湖北示例高新区甲']!] });
      viewer = await createUserAndSignIn(server.url, admin, { username: 'viewer1', role: 'viewer' });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    describe('the template', () => {
      const load = async (res: Response) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        return wb;
      };
      const dataRows = (wb: ExcelJS.Workbook) => {
        const rows: unknown[][] = [];
        wb.getWorksheet('填报数据')!.eachRow((row, n) => {
          if (n > 1 && row.getCell(1).value !== null) rows.push((row.values as unknown[]).slice(1));
        });
        return rows;
      };

      it('downloads as a valid workbook with the manager’s park, the figures it reports, and the rules explained', async () => {
        const res = await qiantang.fetch('/api/import/template.xlsx?year=2022');
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('填报模板-2022.xlsx')}`);
        const wb = await load(res);
        expect(wb.worksheets.map((s) => s.name)).toEqual(['填报数据', '说明', '指标']);
        const sheet = wb.getWorksheet('填报数据')!;
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['园区', '园区编号', '指标', '年份', '数值', '单位', '备注', '确认', '参考(此前最近数值)', '版本(勿改)']);
        const rows = dataRows(wb);
        expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['萧山临江高新区']));
        expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([parkId['萧山临江高新区']]));
        const names = rows.map((r) => r[2]);
        // the yearly six, and what the park's targets need (T10 high-tech firms, T11 low-efficiency firms, T1–T4 parts)
        for (const n of ['地区生产总值', 'R&D经费支出', '税收收入', '土地面积', '规上工业增加值', '国家高新技术企业数', '亩均税收5万元以下低效工业用地企业数']) expect(names).toContain(n);
        expect(names).not.toContain('设区市国家高新区覆盖数'); // coverage is computed, never reported
        expect(rows.every((r) => r[3] === 2022)).toBe(true);
        const hte = rows.find((r) => r[2] === '国家高新技术企业数')!;
        expect(hte[5]).toBe('家');
        expect(hte[8]).toBe('2021年: 802家'); // the last approved figure, for reference
        expect(sheet.getCell('F2').dataValidation?.type).toBe('list');
        const help = wb.getWorksheet('说明')!;
        const text = (help.getSheetValues() as unknown[][]).flat().join('\n');
        for (const phrase of ['1 亿元 = 10,000 万元', '1 平方公里 = 100 公顷 = 1,500 亩', '5 倍', '整个文件都不写入', '版本']) expect(text).toContain(phrase);
        const catalogue = wb.getWorksheet('指标')!;
        expect((catalogue.getRow(1).values as unknown[]).slice(1)).toEqual(['代码', '名称', '英文名称', '标准单位', '可用单位', '类型', '说明']);
        const gdp = (catalogue.getSheetValues() as unknown[][]).find((r) => r?.[1] === 'gdp')!;
        expect(gdp.slice(1, 6)).toEqual(['gdp', '地区生产总值', 'GDP', '亿元', '元、千元、万元、亿元']);
      });

      it('gives planners every park, one park when asked, and refuses viewers, strangers and other parks', async () => {
        const all = dataRows(await load(await planner.fetch('/api/import/template.xlsx')));
        expect(new Set(all.map((r) => r[0])).size).toBe(Object.keys(parkId).length);
        expect(all.every((r) => r[3] === 2025)).toBe(true); // last calendar year by default
        const one = dataRows(await load(await planner.fetch(`/api/import/template.xlsx?park=${parkId['湖北示例高新区甲']}&year=2024`)));
        expect(new Set(one.map((r) => r[0]))).toEqual(new Set(['湖北示例高新区甲']));
        expect((await qiantang.fetch(`/api/import/template.xlsx?park=${parkId['宁波高新区']}`)).status).toBe(403);
        expect((await viewer.fetch('/api/import/template.xlsx')).status).toBe(403);
        expect((await fetch(`${server.url}/api/import/template.xlsx`)).status).toBe(401);
        expect((await planner.fetch('/api/import/template.xlsx?park=999999')).status).toBe(404);
      });

      it('reads back as it was downloaded: fill two values and the dry run finds them, the empty rows skipped', async () => {
        const res = await hubeiA.fetch('/api/import/template.xlsx?year=2020');
        const wb = await load(res);
        const sheet = wb.getWorksheet('填报数据')!;
        let filled = 0;
        sheet.eachRow((row, n) => {
          if (n === 1) return;
          if (row.getCell(3).value === '地区生产总值') row.getCell(5).value = 800;
          if (row.getCell(3).value === '国家高新技术企业数') row.getCell(5).value = 120;
          if (row.getCell(1).value !== null) filled++;
        });
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        const { status, body } = await dryRun(hubeiA, { name: 'template.xlsx', bytes });
        expect(status, JSON.stringify(body)).toBe(200);
        expect(body.problems).toEqual([]);
        expect(body.sheet).toBe('填报数据');
        expect(body.rows.map((r: any) => [r.indicator, r.value, r.status])).toEqual([['gdp', 800, 'new'], ['hte_count', 120, 'new']]);
        expect(body.summary).toEqual({ new: 2, changed: 0, unchanged: 0, skipped: filled - 2, problems: 0 });
      });
    });

    describe('a half-wrong file', () => {
      const rows: Row[] = [
        ['萧山临江高新区', '地区生产总值', 2024, 500, '亿元'], //          2: fine
        ['不存在的高新区', '地区生产总值', 2024, 1, '亿元'], //            3: unknown park
        ['萧山临江高新区', '幸福指数', 2024, 1, ''], //                  4: unknown indicator
        ['萧山临江高新区', '税收收入', 2024, 'abc', '亿元'], //            5: not a number
        ['萧山临江高新区', '规上工业增加值', 2024, 10, '公斤'], //         6: wrong unit
        ['萧山临江高新区', '土地面积', 2024, -100, '亩'], //              7: negative area
        ['萧山临江高新区', 'gdp', 2024, 500, '亿元'], //                  8: duplicate of row 2
        ['宁波高新区', '地区生产总值', 2024, 300, '亿元'], //              9: another park
        ['萧山临江高新区', '国家高新技术企业数', 2022, 8020, '家'], //     10: ×10 against 802 in 2021
      ];
      const expected = [
        'A3 park unknown_park', 'B4 indicator unknown_indicator', 'D5 value not_a_number', 'E6 unit wrong_unit',
        'D7 value negative', 'C8 year duplicate', 'A9 park forbidden_park', 'D10 value implausible_jump',
      ];

      it('gets every problem with its row and column in the dry run, and nothing is written', async () => {
        const before = await dump();
        const { status, body } = await dryRun(qiantang, { name: '半错.xlsx', bytes: await xlsx(rows) });
        expect(status, JSON.stringify(body)).toBe(200);
        const report = body as ImportReportT;
        expect(problemsOf(report)).toEqual(expected);
        expect(report.problems.every((p) => p.sheet === '填报数据' && /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
        expect(report.problems.find((p) => p.code === 'duplicate')!.message).toContain('第 2 行');
        expect(report.problems.find((p) => p.code === 'implausible_jump')!.message).toContain('确认');
        expect(report.rows.map((r) => r.row)).toEqual([2]);
        expect(report.summary).toMatchObject({ new: 1, problems: 8 });
        expect(report).toMatchObject({ dryRun: true, committed: false, fileName: '半错.xlsx', rowsRead: 9 });
        expect(await dump()).toEqual(before);
      });

      it('is refused whole on commit: 403 for the other park, 422 without it, the database unchanged row for row', async () => {
        const before = await dump();
        const forbidden = await upload(qiantang, { name: '半错.xlsx', bytes: await xlsx(rows) });
        expect(forbidden.status).toBe(403);
        expect(forbidden.body.error.code).toBe('forbidden');
        expect(problemsOf(forbidden.body.error.report)).toEqual(expected);
        const invalid = await upload(qiantang, { name: '半错.csv', bytes: csv(rows.filter((r) => r[0] !== '宁波高新区')) });
        expect(invalid.status).toBe(422);
        expect(invalid.body.error.message).toContain('未写入任何数据');
        expect(problemsOf(invalid.body.error.report)).toEqual(expected.filter((p) => !p.includes('forbidden')).map((p) => p.replace(/^D10/, 'D9')));
        expect(await dump()).toEqual(before);
      });

      it('confirms a jump with 是 and a note; 是 without a note points at the note', async () => {
        const jump = (confirm: string, note: string) => xlsx([['萧山临江高新区', '国家高新技术企业数', 2022, 8020, '家', note, confirm]]);
        expect(problemsOf((await dryRun(qiantang, { name: 'a.xlsx', bytes: await jump('是', '') })).body)).toEqual(['F2 note implausible_jump']);
        const ok = await dryRun(qiantang, { name: 'b.xlsx', bytes: await jump('是', '口径调整: 含新并入园区') });
        expect(ok.body.problems).toEqual([]);
        expect(problemsOf((await dryRun(qiantang, { name: 'c.xlsx', bytes: await jump('也许', '') })).body)).toEqual(['D2 value implausible_jump', 'G2 confirm invalid_confirm']);
      });

      it('refuses viewers (403), strangers (401) and a form posted from another site (403), as JSON errors', async () => {
        const file = { name: 'x.csv', bytes: csv([['萧山临江高新区', 'gdp', 2024, 1, '亿元']]) };
        expect((await upload(viewer, file, { dryRun: true })).status).toBe(403);
        expect((await upload(null, file, { dryRun: true })).status).toBe(401);
        const form = new FormData();
        form.set('file', new File([file.bytes], file.name));
        const crossSite = await qiantang.fetch('/api/import', { method: 'POST', body: form, headers: { origin: 'https://evil.example' } });
        expect(crossSite.status).toBe(403);
        expect((await crossSite.json()).error.code).toBe('forbidden_origin');
      });
    });

    describe('files that cannot be read', () => {
      it('answers 400 in Chinese for an empty, headerless, corrupt or foreign file, 413 over 10 MB, and writes nothing', async () => {
        const before = await dump();
        const cases: [string, Uint8Array | string, number, string][] = [
          ['empty.csv', '', 400, 'empty_file'],
          ['blank.csv', '\uFEFF\r\n\r\n', 400, 'empty_file'],
          ['noheader.csv', 'a,b,c\r\n1,2,3\r\n', 400, 'no_header'],
          ['noheader.xlsx', await xlsx([[1, 2, 3]], { header: ['甲', '乙', '丙'] }), 400, 'no_header'],
          ['broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 400, 'corrupt_file'],
          ['renamed.xlsx', 'this is not a workbook', 400, 'corrupt_file'],
          ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 400, 'unsupported_file'],
          ['picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 400, 'unsupported_file'],
          ['untouched.csv', csv([['萧山临江高新区', 'gdp', 2024, '', '亿元']]), 400, 'empty_file'],
          ['huge.csv', `${HEADER.join(',')}\r\n${'x'.repeat(11 * 1024 * 1024)}`, 413, 'file_too_large'],
        ];
        for (const [name, bytes, status, code] of cases) {
          for (const dry of [true, false]) {
            const res = await upload(qiantang, { name, bytes }, { dryRun: dry });
            expect([name, res.status, res.body?.error?.code], JSON.stringify(res.body)).toEqual([name, status, code]);
            expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
          }
        }
        const noFile = await qiantang.fetch('/api/import?dryRun=1', { method: 'POST', body: new FormData(), headers: { origin: server.url } });
        expect(noFile.status).toBe(400);
        expect(await dump()).toEqual(before);
      });

      it('lists a missing column once, with the header row, instead of a problem per row', async () => {
        const { status, body } = await dryRun(qiantang, { name: 'noyear.csv', bytes: csv([['萧山临江高新区', 'gdp', 1, '亿元']], ['园区', '指标', '数值', '单位']) });
        expect(status).toBe(200);
        expect(body.problems).toEqual([expect.objectContaining({ row: 1, column: null, field: 'header', code: 'missing_column' })]);
        expect(body.problems[0].message).toContain('年份');
      });
    });

    describe('a good file', () => {
      it('lands whole, converted to each indicator’s unit, with a revision per figure and one audit entry naming the file', async () => {
        const before = await dump();
        const bytes = await xlsx([
          ['湖北示例高新区甲', '地区生产总值', 2021, 500000, '万元'], //          50 亿元
          ['湖北示例高新区甲', '土地面积', 2021, 2, '平方公里'], //                3000 亩
          ['湖北示例高新区甲', 'R&D经费支出', 2021, '１２.５亿元', null], //     full-width digits, unit in the cell
          ['湖北示例高新区甲', 'tax_revenue', 2021, '1,234.5', '万元'], //        0.12345 亿元
          ['湖北示例高新区甲', '规上工业增加值', 2021, { formula: '2*3', result: 6 }, '亿元'], // a formula's result
          ['湖北示例高新区甲', '国家高新技术企业数', 2021, 42, '家', '含新认定企业'],
          ['湖北示例高新区甲', '规上企业数字化覆盖率', 2021, 0.45, '%'], //      a cell formatted as 45%
          [],
          ['湖北示例高新区甲', '土地面积', 2020, 180, '公顷'], //                  2700 亩
        ], { before: [['2021年度园区数据'], []], style: (ws) => { ws.getCell('D10').numFmt = '0%'; } });
        const { status, body } = await upload(hubeiA, { name: '湖北甲2021.xlsx', bytes }, { status: 'submitted', reason: '年报' });
        expect(status, JSON.stringify(body)).toBe(200);
        const report = body as ImportReportT;
        expect(report).toMatchObject({ dryRun: false, committed: true, status: 'submitted', rowsRead: 8, summary: { new: 8, changed: 0, unchanged: 0, problems: 0 } });
        const stored = Object.fromEntries(report.rows.map((r) => [`${r.indicator}:${r.year}`, [r.value, r.unit, r.originalValue, r.originalUnit, r.row]]));
        expect(stored).toEqual({
          'gdp:2021': [50, '亿元', 500000, '万元', 4],
          'land_area:2021': [3000, '亩', 2, '平方公里', 5],
          'rd_spending:2021': [12.5, '亿元', 12.5, '亿元', 6],
          'tax_revenue:2021': [0.12345, '亿元', 1234.5, '万元', 7],
          'industrial_va:2021': [6, '亿元', 6, '亿元', 8],
          'hte_count:2021': [42, '家', 42, '家', 9],
          'digitalization_rate:2021': [45, '%', 45, '%', 10],
          'land_area:2020': [2700, '亩', 180, '公顷', 12],
        });
        const after = await dump();
        const newValues = after.values.slice(before.values.length);
        expect(newValues).toHaveLength(8);
        expect(newValues.every((v) => v.status === 'submitted' && v.entered_by_name === 'hubei_a' && v.version === 1)).toBe(true);
        expect(Object.fromEntries(newValues.map((v) => [`${v.indicator_code}:${v.year}`, v.value]))).toMatchObject({ 'gdp:2021': 50, 'land_area:2021': 3000 });
        expect(newValues.find((v) => v.indicator_code === 'hte_count')!.note).toBe('含新认定企业');
        const revisions = after.revisions.slice(before.revisions.length);
        expect(revisions.map((r) => r.value_id).sort()).toEqual(newValues.map((v) => v.id).sort());
        expect(revisions.every((r) => r.reason === '年报' && r.version === 1 && r.old_value === null)).toBe(true);
        const audit = after.audit.slice(before.audit.length);
        expect(audit).toHaveLength(1);
        expect(audit[0]!.action).toBe('submit_values');
        expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ via: 'import', file: '湖北甲2021.xlsx', sheet: '填报数据', count: 8 });
        expect(report.rows.every((r) => r.version === 1)).toBe(true);
      });

      it('reads CSV in UTF-8 with a BOM and in GB18030 as Excel in China saves it, with English headers too', async () => {
        const utf8 = `\uFEFF${csv([['湖北示例高新区甲', '地区生产总值', 2019, '400,000', '万元']])}`;
        const a = await dryRun(hubeiA, { name: 'utf8.csv', bytes: utf8 });
        expect(a.body.rows.map((r: any) => [r.parkName, r.indicator, r.value])).toEqual([['湖北示例高新区甲', 'gdp', 40]]);
        expect(a.body.sheet).toBe('utf8');

        const gbk = gb18030(csv([['湖北示例高新区甲', '土地面积', 2019, 3, '平方公里', '含代管区']]));
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow(/not valid/); // really not UTF-8
        const b = await dryRun(hubeiA, { name: 'gbk.csv', bytes: gbk });
        expect(b.status, JSON.stringify(b.body)).toBe(200);
        expect(b.body.rows.map((r: any) => [r.parkName, r.indicator, r.value, r.unit])).toEqual([['湖北示例高新区甲', 'land_area', 4500, '亩']]);

        const english = csv([[String(parkId['湖北示例高新区甲']), 'hte_count', 2019, 40]], ['Park ID', 'Indicator', 'Year', 'Value']);
        const c = await dryRun(hubeiA, { name: 'en.csv', bytes: english });
        expect(c.body.rows.map((r: any) => [r.parkName, r.indicator, r.value])).toEqual([['湖北示例高新区甲', 'hte_count', 40]]);
      });
    });

    describe('versions', () => {
      const change = (gdp: number, hte: number) => xlsx([
        ['湖北示例高新区甲', '地区生产总值', 2021, gdp, '亿元'],
        ['湖北示例高新区甲', '国家高新技术企业数', 2021, hte, '家'],
        ['湖北示例高新区甲', '土地面积', 2021, 3000, '亩'], // as stored: unchanged, needs no version
      ]);

      it('changes existing figures only with the dry run’s versions: 409 without, 409 when stale, 200 with them', async () => {
        const before = await dump();
        const without = await upload(hubeiA, { name: 'v.xlsx', bytes: await change(60, 44) });
        expect(without.status).toBe(409);
        expect(problemsOf(without.body.error.report)).toEqual(['D2 value version_required', 'D3 value version_required']);
        expect(without.body.error.report.problems[0].current).toMatchObject({ value: 50, version: 1 });
        expect(await dump()).toEqual(before);

        const dry = (await dryRun(hubeiA, { name: 'v.xlsx', bytes: await change(60, 44) })).body as ImportReportT;
        expect(dry.problems).toEqual([]);
        expect(dry.rows.map((r) => [r.indicator, r.status, r.oldValue, r.version])).toEqual([['gdp', 'changed', 50, 1], ['hte_count', 'changed', 42, 1], ['land_area', 'unchanged', 3000, 1]]);
        const key = (indicator: string) => `${parkId['湖北示例高新区甲']}:${indicator}:2021`;
        expect(dry.versions).toEqual({ [key('gdp')]: 1, [key('hte_count')]: 1, [key('land_area')]: 1 });

        // Meanwhile a planner corrects the firms count.
        const put = await planner.request('PUT', '/api/values', [{ parkId: parkId['湖北示例高新区甲'], indicator: 'hte_count', year: 2021, value: 43, version: 1 }]);
        expect(put.status, JSON.stringify(put.body)).toBe(200);
        const mid = await dump();
        const stale = await upload(hubeiA, { name: 'v.xlsx', bytes: await change(60, 44) }, { versions: dry.versions });
        expect(stale.status).toBe(409);
        expect(problemsOf(stale.body.error.report)).toEqual(['D3 value stale']);
        expect(stale.body.error.report.problems[0].current).toMatchObject({ value: 43, version: 2, enteredBy: 'planner1' });
        expect(await dump()).toEqual(mid);

        const again = (await dryRun(hubeiA, { name: 'v.xlsx', bytes: await change(60, 44) })).body as ImportReportT;
        const ok = await upload(hubeiA, { name: 'v.xlsx', bytes: await change(60, 44) }, { versions: again.versions });
        expect(ok.status, JSON.stringify(ok.body)).toBe(200);
        expect(ok.body.summary).toMatchObject({ new: 0, changed: 2, unchanged: 1 });
        expect(ok.body.rows.map((r: any) => [r.indicator, r.value, r.version])).toEqual([['gdp', 60, 2], ['hte_count', 44, 3], ['land_area', 3000, 1]]);
        expect((await figure('湖北示例高新区甲', 'gdp', 2021))!.value).toBe(60);
      });

      it('uses the template’s version column: an edit made after the download is caught, not overwritten', async () => {
        const res = await hubeiA.fetch('/api/import/template.xlsx?year=2021');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        const sheet = wb.getWorksheet('填报数据')!;
        let gdpRow = 0;
        sheet.eachRow((row, n) => {
          if (row.getCell(3).value === '地区生产总值') {
            gdpRow = n;
            expect([row.getCell(5).value, row.getCell(10).value]).toEqual([60, 2]);
            row.getCell(5).value = 65;
          }
        });
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        // Before anyone else writes, the file's own version is enough: no versions field needed.
        expect((await dryRun(hubeiA, { name: 't.xlsx', bytes })).body.problems).toEqual([]);
        const put = await planner.request('PUT', '/api/values', { values: [{ parkId: parkId['湖北示例高新区甲'], indicator: 'gdp', year: 2021, value: 62, version: 2 }], status: 'submitted' });
        expect(put.status).toBe(200);
        const dry = (await dryRun(hubeiA, { name: 't.xlsx', bytes })).body as ImportReportT;
        expect(problemsOf(dry)).toEqual([`J${gdpRow} version stale`]);
        expect(dry.problems[0]!.message).toContain('第2版');
        expect((await upload(hubeiA, { name: 't.xlsx', bytes }, { versions: dry.versions })).status).toBe(409);
        expect((await figure('湖北示例高新区甲', 'gdp', 2021))!.value).toBe(62);
      });

      it('re-importing figures as they are stored changes nothing, and never takes an approved figure back to draft', async () => {
        const gdp = (await figure('湖北示例高新区甲', 'gdp', 2021))!;
        const approve = await planner.request('POST', '/api/values/approve', { items: [{ id: gdp.id, version: gdp.version }] });
        expect(approve.status, JSON.stringify(approve.body)).toBe(200);
        const before = await dump();
        const same = await upload(hubeiA, { name: 'same.csv', bytes: csv([['湖北示例高新区甲', '地区生产总值', 2021, 620000, '万元']]) });
        expect(same.status, JSON.stringify(same.body)).toBe(200);
        expect(same.body).toMatchObject({ committed: true, summary: { unchanged: 1, changed: 0, new: 0 } });
        expect(await dump()).toEqual(before);
        expect((await figure('湖北示例高新区甲', 'gdp', 2021))!.status).toBe('approved');
      });
    });

    describe('progress after an import', () => {
      let rdTarget: number;
      let taxTarget: number;

      // A province of its own (江西), so no figure of another test enters the sums.
      beforeAll(async () => {
        // 丙 became a provincial zone in 2025: not expected to report 2022 or 2024, so those years are complete with 甲 and 乙.
        for (const [name, level, cityCode, approvedOn] of [['江西示例高新区甲', 'national', '360100', null], ['江西示例高新区乙', 'provincial', '360200', null], ['江西示例高新区丙', 'provincial', '360300', '2025-01']] as const) {
          const created = await admin.request('POST', '/api/parks', { name, level, provinceCode: '360000', cityCode, approvedOn });
          if (created.status !== 201) throw new Error(`creating ${name}: ${created.status} ${JSON.stringify(created.body)}`);
          parkId[name] = created.body.id;
        }
        ({ rdTarget, taxTarget } = await withDb((db) => addTargets(db, '360000', '江西')));
      });

      it('matches the ratio of sums worked out by hand, on submitted figures and again once approved', async () => {
        // 甲 and 乙 report both parts in 2022 and 2024 (in mixed units); 丙 reports only its GDP in 2024.
        const file = await xlsx([
          ['江西示例高新区甲', '地区生产总值', 2022, 1000, '亿元'],
          ['江西示例高新区甲', 'R&D经费支出', 2022, 50, '亿元'],
          ['江西示例高新区乙', '地区生产总值', 2022, 4_000_000, '万元'], //         400 亿元
          ['江西示例高新区乙', 'R&D经费支出', 2022, '20亿元', null],
          ['江西示例高新区甲', '地区生产总值', 2024, 1200, '亿元'],
          ['江西示例高新区甲', 'R&D经费支出', 2024, 72, '亿元'],
          ['江西示例高新区乙', '地区生产总值', 2024, 50_000_000_000, '元'], //     500 亿元
          ['江西示例高新区乙', 'R&D经费支出', 2024, 280_000, '万元'], //           28 亿元
          ['江西示例高新区丙', '地区生产总值', 2024, 300, '亿元'],
          ['江西示例高新区甲', '税收收入', 2022, 24, '亿元'],
          ['江西示例高新区乙', '税收收入', 2022, 6000, '万元'], //                 0.6 亿元
          ['江西示例高新区甲', '税收收入', 2024, 30, '亿元'],
          ['江西示例高新区乙', '税收收入', 2024, 8000, '万元'], //                 0.8 亿元
          ['江西示例高新区甲', '土地面积', 2022, 2, '平方公里'], //                3000 亩
          ['江西示例高新区乙', '土地面积', 2022, 600, '公顷'], //                  9000 亩
          ['江西示例高新区甲', '土地面积', 2024, 2, '平方公里'],
          ['江西示例高新区乙', '土地面积', 2024, 600, '公顷'],
        ]);
        const { status, body } = await upload(planner, { name: '江西2022-2024.xlsx', bytes: file }, { status: 'submitted' });
        expect(status, JSON.stringify(body)).toBe(200);
        expect(body.summary.new).toBe(17);

        const check = async (basis: string) => {
          const rd = await planner.get<ProgressDetailT>(`/api/targets/${rdTarget}/progress?basis=${basis}`);
          // 2022: Σ R&D 50 + 20 = 70 over Σ GDP 1000 + 400 = 1400 → 5%; 2024: 72 + 28 = 100 over 1200 + 500 = 1700 (丙 has no R&D)
          expect(rd.series.map((p) => [p.year, p.numerator, p.denominator, p.parksIncluded])).toEqual([[2022, 70, 1400, 2], [2024, 100, 1700, 2]]);
          expect(rd.baselineValue).toBeCloseTo(5, 10);
          expect(rd.latestValue).toBeCloseTo(100 / 17, 10); // 5.882%
          expect(rd.progress).toBeCloseTo((100 / 17 - 5) / 3, 10); // 0.294
          expect(rd.elapsed).toBeCloseTo(2 / 5, 10);
          expect(rd.requiredPace).toBeCloseTo(3 / 5, 10);
          expect(rd.observedPace).toBeCloseTo((100 / 17 - 5) / 2, 10);
          expect(rd.paceRatio).toBeCloseTo(((100 / 17 - 5) / 2) / 0.6, 10); // 0.735
          expect(rd.status).toBe('needs_acceleration');
          expect(rd.gap).toBeCloseTo(8 - 100 / 17, 10);
          expect(rd.aggregate).toMatchObject({ parksIncluded: 2, parksExpected: 2, provisional: false, extraNeededUnit: '亿元' });
          expect(rd.aggregate!.extraNeeded).toBeCloseTo(0.08 * 1700 - 100, 10); // 36亿元 more R&D at today's GDP
          expect(rd.aggregate!.excluded).toEqual([expect.objectContaining({ parkName: '江西示例高新区丙', year: 2024, reason: 'missing_numerator' })]);
          // 0.08 × 1200 − 72 = 24; 0.08 × 500 − 28 = 12; 丙 is listed with its GDP but without a need
          expect(rd.breakdown.map((b) => [b.parkName, b.denominator, b.need === null ? null : Number(b.need.toFixed(9))]))
            .toEqual([['江西示例高新区甲', 1200, 24], ['江西示例高新区乙', 500, 12], ['江西示例高新区丙', 300, null]]);

          const tax = await planner.get<ProgressDetailT>(`/api/targets/${taxTarget}/progress?basis=${basis}`);
          // Σ tax / Σ mu × 10000: 2022 (24 + 0.6) / 12000 → 20.5万元/亩; 2024 (30 + 0.8) / 12000 → 25.667
          expect(tax.series.map((p) => [p.year, Number(p.value.toFixed(9))])).toEqual([[2022, 20.5], [2024, Number((30.8e4 / 12000).toFixed(9))]]);
          expect(tax.gap).toBeCloseTo(40 - 30.8e4 / 12000, 10);
        };
        await check('submitted');
        const approved = await planner.get<ProgressDetailT>(`/api/targets/${rdTarget}/progress`);
        expect(approved.latestValue).toBeNull(); // nothing approved yet

        const ids = await withDb((db) => db.selectFrom('reported_values').select(['id', 'version'])
          .where('park_id', 'in', [parkId['江西示例高新区甲']!, parkId['江西示例高新区乙']!, parkId['江西示例高新区丙']!]).where('year', 'in', [2022, 2024]).execute());
        const res = await planner.request('POST', '/api/values/approve', { items: ids });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        await check('approved');
      });
    });

    describe('speed', () => {
      it('dry-runs and commits 5,000 rows in seconds', async () => {
        const parks = await withDb((db) => addParks(db, '410000', '河南测速园区', 50));
        const indicators = ['gdp', 'rd_spending', 'tax_revenue', 'land_area', 'industrial_va', 'digital_core_va', 'hte_count', 'tech_sme_national', 'tech_sme_provincial', 'above_scale_firms'];
        const rows: Row[] = [];
        for (const [p, name] of parks.entries()) {
          for (const [i, code] of indicators.entries()) {
            for (let year = 2015; year <= 2024; year++) rows.push([name, code, year, Math.round((100 + p + i) * PLAUSIBLE_SCALE[code]! * 1.06 ** (year - 2015)), '']);
          }
        }
        expect(rows).toHaveLength(5000);
        const bytes = await xlsx(rows);
        const before = (await dump()).values.length;

        let t = performance.now();
        const dry = await upload(planner, { name: 'big.xlsx', bytes }, { dryRun: true });
        const dryMs = performance.now() - t;
        expect(dry.status, JSON.stringify(dry.body).slice(0, 500)).toBe(200);
        expect(dry.body.summary).toMatchObject({ new: 5000, problems: 0 });

        t = performance.now();
        const commit = await upload(planner, { name: 'big.xlsx', bytes });
        const commitMs = performance.now() - t;
        expect(commit.status).toBe(200);
        console.log(`[import ${kind.kind}] 5000 rows (${(bytes.length / 1024).toFixed(0)} KB xlsx): dry run ${dryMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms`);
        expect((await dump()).values.length).toBe(before + 5000);
        expect(dryMs).toBeLessThan(20_000);
        expect(commitMs).toBeLessThan(20_000);
      }, 120_000);
    });

    it('is described in the OpenAPI document, which stays valid', async () => {
      const doc = await (await fetch(`${server.url}/api/openapi.json`)).json() as { paths: Record<string, any> };
      expect(doc.paths['/api/import']?.post?.requestBody?.content?.['multipart/form-data']?.schema?.properties?.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(Object.keys(doc.paths['/api/import/template.xlsx']?.get?.responses?.['200']?.content ?? {})).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    });
  });

  describe.skipIf(kind.skipReason !== null)(`an import killed mid-way on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('leaves the database as it was, or with the whole file, never part of it', async () => {
      const counts = async () => {
        const h = database.open();
        try {
          const n = async (table: 'reported_values' | 'value_revisions') => Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
          return { values: await n('reported_values'), revisions: await n('value_revisions') };
        } finally {
          await h.close();
        }
      };
      const indicators = ['gdp', 'rd_spending', 'tax_revenue', 'land_area', 'industrial_va', 'digital_core_va', 'hte_count', 'tech_sme_national', 'tech_sme_provincial', 'above_scale_firms'];
      const outcomes: string[] = [];
      let transactionMs = 0;
      // First an import left to finish, to time its transaction; then kills right after BEGIN and at a
      // quarter, half and three quarters of that time; last one a while after it must have committed.
      for (const [attempt, when] of (['calibrate', 0, 0.25, 0.5, 0.75, 'after'] as const).entries()) {
        const names = await (async () => {
          const h = database.open();
          try {
            return await addParks(h.db, '430000', `湖南中断测试${attempt}号园区`, 50);
          } finally {
            await h.close();
          }
        })();
        const rows: Row[] = [];
        for (const [p, name] of names.entries()) {
          for (const [i, code] of indicators.entries()) {
            for (let year = 2005; year <= 2024; year++) rows.push([name, code, year, Math.round((100 + p + i) * PLAUSIBLE_SCALE[code]! * 1.05 ** (year - 2005)), '']);
          }
        }
        const bytes = await xlsx(rows);
        const before = await counts();
        const admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
        const form = new FormData();
        form.set('file', new File([bytes as BlobPart], 'kill.xlsx'));
        const running = server;
        const logFrom = running.output().length;
        const log = () => running.output().slice(logFrom);
        const inFlight = admin.fetch('/api/import', { method: 'POST', body: form, headers: { origin: server.url } }).then((r) => r.status, () => 'connection lost');
        let killedAfter = 'not killed';
        if (when === 'calibrate') {
          expect(await inFlight).toBe(200);
          transactionMs = Number(/导入完成[^\n]*?, (\d+) ms/.exec(log())?.[1]);
          expect(transactionMs).toBeGreaterThan(0);
        } else {
          // Polls the server's log for a line: a condition, however slow the machine.
          const logged = async (line: string) => {
            const deadline = Date.now() + 120_000;
            while (!log().includes(line) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
            expect(log()).toContain(line);
          };
          await logged('导入写入中'); // the transaction has begun
          const begun = Date.now();
          if (when === 'after') await logged('导入完成'); // committed: the kill comes after it
          else if (when > 0) {
            // Deliberately a moment inside the transaction (a share of its calibrated length): on a slow
            // machine it lands earlier in it, and every outcome but a part of the file passes.
            await new Promise((r) => setTimeout(r, Math.round(transactionMs * when)));
          }
          await server.kill('SIGKILL');
          killedAfter = when === 'after' ? `killed after COMMIT (${Date.now() - begun} ms after BEGIN)` : `killed ${Date.now() - begun} ms after BEGIN`;
          server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
        }
        const committed = log().includes('导入完成');
        const answer = await inFlight;
        const after = await counts();
        const outcome = after.values === before.values && after.revisions === before.revisions ? 'nothing'
          : after.values === before.values + rows.length && after.revisions === before.revisions + rows.length ? 'all' : 'PART';
        outcomes.push(`${killedAfter}: ${outcome} written (committed in the log: ${committed}; the client got: ${answer})`);
        expect(outcome, outcomes.join('\n')).not.toBe('PART');
        // (Killed between COMMIT and the log line, a file can be whole without the line: never the reverse.)
        if (committed) expect(outcome).toBe('all');
      }
      console.log(`[import ${kind.kind}] imports of 10000 rows, transaction ${transactionMs} ms when left alone:\n  ${outcomes.join('\n  ')}`);
      // The kill right after BEGIN was rolled back; the late one found the file committed whole.
      expect(outcomes[1]).toContain(': nothing written');
      expect(outcomes.at(-1)).toContain(': all written');
    }, 300_000);
  });
}

/** Parks inserted directly (the register is not under test here), named with a number each. */
async function addParks(db: Kysely<Database>, provinceCode: string, prefix: string, n: number): Promise<string[]> {
  const now = new Date().toISOString();
  const names = Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  await db.insertInto('parks').values(names.map((name) => ({
    name, level: 'provincial' as const, province_code: provinceCode, city_code: null, county_code: null, aliases: null,
    approved_on: null, approval_year: null, source_code: null, note: null, created_at: now, updated_at: now,
  }))).execute();
  return names;
}

/** R&D intensity about 8% and tax per mu at least 40万元/亩 by 2027, over a province's zones of provincial level and above. */
async function addTargets(db: Kysely<Database>, provinceCode: string, provinceName: string): Promise<{ rdTarget: number; taxTarget: number }> {
  const now = new Date().toISOString();
  const plan = (await db.insertInto('plans').values({ code: `TEST-${provinceCode}`, title: `${provinceName}示例规划`, issuer: null, document_number: null, issued_on: null, region_code: provinceCode, source_code: null, url: null, note: null, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()).id;
  const target = (code: string, indicator: string, comparator: string, value: number, unit: string) => ({
    code, plan_id: plan, indicator_code: indicator, scope: 'province_aggregate' as const, park_id: null, region_code: provinceCode, park_level: 'provincial' as const,
    subject_label: `${provinceName} 高新区`, region_set_label: null, comparator, target_value: value, tolerance: 0.05, unit, target_year: 2027,
    baseline_year: null, baseline_value: null, quote: null, quote_location: null, note: null, supersedes_id: null, created_at: now, updated_at: now,
  });
  const rdTarget = (await db.insertInto('targets').values(target(`${provinceCode}-1`, 'rd_intensity', 'about', 8, '%')).returning('id').executeTakeFirstOrThrow()).id;
  const taxTarget = (await db.insertInto('targets').values(target(`${provinceCode}-2`, 'tax_per_mu', 'at_least', 40, '万元/亩')).returning('id').executeTakeFirstOrThrow()).id;
  return { rdTarget, taxTarget };
}
