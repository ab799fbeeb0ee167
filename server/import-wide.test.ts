// Statistics sheets (one row per park, one column per indicator, the unit in the header) through
// POST /api/import, over real HTTP against the real server, on a SQLite file and on PostgreSQL: the
// shipped sample (示例数据) with bracketed units in 万元, 千元, 个 and 平方公里, a park by its alias and by
// its official long name, an unknown column (listed; with a mapping it imports, and the mapping is
// remembered), a bad cell (named, nothing written), rows naming a region, the year in a column.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWideSample } from '../scripts/wide-sample.ts';
import type { ImportColumnT, ImportReportT } from '../shared/schemas.ts';
import type { Database } from './db/schema.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

type Row = unknown[];

async function wideXlsx(sheet: string, rows: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`wide statistics sheets on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let parkId: Record<string, number>;

    const upload = async (client: Client, file: { name: string; bytes: Uint8Array | string }, opts: { dryRun?: boolean; mapping?: Record<string, string>; versions?: Record<string, number> } = {}) => {
      const form = new FormData();
      form.set('file', new File([file.bytes as BlobPart], file.name));
      if (opts.mapping) form.set('mapping', JSON.stringify(opts.mapping));
      if (opts.versions) form.set('versions', JSON.stringify(opts.versions));
      const res = await client.fetch(`/api/import${opts.dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form, headers: { origin: server.url } });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
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
      mappings: await db.selectFrom('import_column_mappings').selectAll().orderBy('header_key').execute(),
    }));
    const column = (report: ImportReportT, letter: string) => report.columns!.find((c) => c.column === letter)!;
    const brief = (c: ImportColumnT) => [c.column, c.role, c.indicator?.code ?? null, c.matchedBy, c.unit];

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner_wide', role: 'planner' });
      parkId = Object.fromEntries((await admin.get<{ id: number; name: string }[]>('/api/parks')).map((p) => [p.name, p.id]));
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('reads the sample: each column matched by name or synonym with its unit, parks by alias and long name, 合计 skipped, the unknown column listed', async () => {
      const before = await dump();
      const { status, body } = await upload(planner, { name: '2023年浙江省高新区主要指标-示例数据.xlsx', bytes: await buildWideSample({ year: 2023 }) }, { dryRun: true });
      expect(status, JSON.stringify(body).slice(0, 2000)).toBe(200);
      const report = body as ImportReportT;
      expect(report).toMatchObject({ layout: 'wide', sheet: '主要指标（示例数据）', year: { value: 2023, cell: 'A1' }, rowsRead: 9 });
      expect(report.columns!.map(brief)).toEqual([
        ['A', 'ignored', null, 'auto', null], // 序号
        ['B', 'park', null, null, null],
        ['C', 'ignored', null, 'auto', null], // 所在市
        ['D', 'indicator', 'operating_revenue', 'name', '亿元'],
        ['E', 'indicator', 'industrial_output', 'name', '亿元'],
        ['F', 'indicator', 'industrial_va', 'synonym', '亿元'], // 规模以上工业增加值
        ['G', 'indicator', 'rd_spending', 'synonym', '万元'], // R&D经费内部支出
        ['H', 'indicator', 'tax_revenue', 'synonym', '千元'], // 上缴税费
        ['I', 'indicator', 'hte_count', 'synonym', '个'], // 高新技术企业数
        ['J', 'indicator', 'land_area', 'synonym', '平方公里'], // 园区面积
        ['K', 'unmatched', null, null, null], // 从业人员(人)
      ]);
      expect(column(report, 'K')).toMatchObject({ header: '从业人员（人）', name: '从业人员', unitText: '人', figures: 7 });
      expect(report.problems.map((p) => [p.cell, p.code])).toEqual([['主要指标（示例数据）!K3', 'unknown_column']]);
      expect(report.problems[0]!.message).toContain('从业人员');
      // 8 parks × 7 indicators, none written yet; 滨江's figures converted to each indicator's unit by hand:
      expect(report.summary).toMatchObject({ new: 56, changed: 0, problems: 1 });
      const binjiang = Object.fromEntries(report.rows.filter((r) => r.parkName === '杭州高新区(滨江)').map((r) => [r.indicator, [r.value, r.unit, r.column, r.row]]));
      expect(binjiang).toEqual({
        operating_revenue: [8120.5, '亿元', 'D', 4],
        industrial_output: [2980.3, '亿元', 'E', 4],
        industrial_va: [812.6, '亿元', 'F', 4],
        rd_spending: [245.68, '亿元', 'G', 4], //     2 456 800 万元
        tax_revenue: [523.46, '亿元', 'H', 4], //     52 346 000 千元
        hte_count: [3120, '家', 'I', 4], //           3120 个
        land_area: [109_500, '亩', 'J', 4], //        73 平方公里 × 1500
      });
      expect(new Set(report.rows.map((r) => r.parkName))).toEqual(new Set([
        '杭州高新区(滨江)', '宁波高新区', '萧山临江高新区', '绍兴高新区', '温州高新区', '衢州高新区', '湖州莫干山高新区', '嘉兴秀洲高新区',
      ])); // 宁波国家高新技术产业开发区 and 杭州钱塘高新区 (an alias) found, 合计 (row 12) not a park
      expect(report.rows.every((r) => r.year === 2023 && r.row >= 4 && r.row <= 11)).toBe(true);
      expect(await dump()).toEqual(before);
    });

    it('is refused whole while a column is unmatched; with the column ignored it lands, and the choice is remembered', async () => {
      const bytes = await buildWideSample({ year: 2023 });
      const before = await dump();
      const refused = await upload(planner, { name: 'sample.xlsx', bytes });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details).toEqual([{ path: '主要指标（示例数据）!K3', message: expect.stringContaining('从业人员') }]);
      expect(await dump()).toEqual(before);

      const committed = await upload(planner, { name: 'sample.xlsx', bytes }, { mapping: { '从业人员（人）': 'ignore' } });
      expect(committed.status, JSON.stringify(committed.body).slice(0, 2000)).toBe(200);
      expect(committed.body).toMatchObject({ committed: true, summary: { new: 56, problems: 0 } });
      expect(column(committed.body, 'K')).toMatchObject({ role: 'ignored', matchedBy: 'mapping' });
      const after = await dump();
      expect(after.values).toHaveLength(before.values.length + 56);
      const stored = (name: string, indicator: string) => after.values.find((v) => v.park_id === parkId[name] && v.indicator_code === indicator && v.year === 2023)!;
      expect(stored('萧山临江高新区', 'rd_spending').value).toBeCloseTo(81.23, 10); // 812 300 万元, the row named by its alias
      expect(stored('宁波高新区', 'tax_revenue').value).toBeCloseTo(186.5, 10); // 18 650 000 千元
      expect(stored('衢州高新区', 'land_area').value).toBe(62_250); // 41.5 平方公里
      expect(after.mappings).toEqual([expect.objectContaining({ header_key: '从业人员', header_text: '从业人员（人）', indicator_code: null, mapped_by_name: 'planner_wide' })]);

      // The next file with that header: ignored from memory, and the report says so.
      const next = await upload(planner, { name: 'sample-2022.xlsx', bytes: await buildWideSample({ year: 2022 }) }, { dryRun: true });
      expect(next.status).toBe(200);
      expect(column(next.body, 'K')).toMatchObject({ role: 'ignored', matchedBy: 'remembered' });
      expect(next.body.problems).toEqual([]);
    });

    it('maps an unknown column to an indicator the planner chose, suggests likely ones, and converts its unit', async () => {
      const rows: Row[] = [
        ['2016年 测试园区科技企业统计'],
        ['园区名称', '地区生产总值(亿元)', '科技型企业数量（家）', '技术合同交易金额（千元）'],
        ['绍兴高新区', 1185.26, 1400, 2_500_000],
        ['温州高新区', 980, 1210, 1_800_000],
      ];
      const file = { name: 'tech.xlsx', bytes: await wideXlsx('Sheet1', rows) };
      const dry = await upload(planner, file, { dryRun: true });
      expect(dry.status).toBe(200);
      const c = column(dry.body, 'C');
      expect(c).toMatchObject({ role: 'unmatched', name: '科技型企业数量', unit: '家' });
      // Only indicators counted in 家 (or 个) are suggested for a column in 家.
      expect(c.suggestions.map((s: { code: string }) => s.code)).toContain('tech_sme_national');
      expect(c.suggestions.every((s: { unit: string }) => ['家', '个'].includes(s.unit))).toBe(true);
      expect(column(dry.body, 'D')).toMatchObject({ role: 'unmatched', unit: '千元' });
      expect(dry.body.problems.map((p: { cell: string; code: string }) => [p.cell, p.code])).toEqual([['Sheet1!C2', 'unknown_column'], ['Sheet1!D2', 'unknown_column']]);

      const mapping = { '科技型企业数量': 'tech_sme_national', '技术合同交易金额（千元）': 'tech_contract_turnover' };
      const done = await upload(planner, file, { mapping });
      expect(done.status, JSON.stringify(done.body).slice(0, 1500)).toBe(200);
      expect(done.body.summary).toMatchObject({ new: 6, problems: 0 });
      const turnover = done.body.rows.find((r: { parkName: string; indicator: string }) => r.parkName === '绍兴高新区' && r.indicator === 'tech_contract_turnover');
      expect(turnover).toMatchObject({ value: 25, unit: '亿元', originalValue: 2_500_000, originalUnit: '千元', year: 2016, column: 'D' });
      const again = await upload(planner, { name: 'tech2.xlsx', bytes: await wideXlsx('Sheet1', [['2015年'], ...rows.slice(1)]) }, { dryRun: true });
      expect([column(again.body, 'C'), column(again.body, 'D')].map((x) => [x.role, x.indicator?.code, x.matchedBy]))
        .toEqual([['indicator', 'tech_sme_national', 'remembered'], ['indicator', 'tech_contract_turnover', 'remembered']]);
    });

    it('names a bad cell by its sheet, row and column and writes nothing; a region’s row is reported as that region', async () => {
      const rows: Row[] = [
        ['2020年度高新区指标'],
        ['序号', '高新区', '营业收入(亿元)', '高新技术企业数(家)', '园区面积(亩)'],
        [1, '温州国家高新技术产业开发区', 1000, 450, 30000],
        [2, '衢州高新区', 'abc', 180.5, -5],
        [3, '浙江省', 50000, 42400, 900000],
        [4, '杭州市', 20000, 15000, 200000],
        [5, '不存在的高新区', 1, 1, 1],
      ];
      const before = await dump();
      const file = { name: '坏单元格.xlsx', bytes: await wideXlsx('填报数据', rows) };
      const dry = await upload(planner, file, { dryRun: true });
      expect(dry.status).toBe(200);
      expect((dry.body as ImportReportT).problems.map((p) => [p.cell, p.code])).toEqual([
        ['填报数据!C4', 'not_a_number'], ['填报数据!D4', 'not_integer'], ['填报数据!E4', 'negative'],
        ['填报数据!B5', 'region_row'], ['填报数据!B6', 'region_row'], ['填报数据!B7', 'unknown_park'],
      ]);
      const regions = dry.body.problems.filter((p: { code: string }) => p.code === 'region_row').map((p: { region: unknown }) => p.region);
      expect(regions).toEqual([{ code: '330000', name: '浙江省', level: 'province' }, { code: '330100', name: '杭州市', level: 'city' }]);
      expect(dry.body.rows.map((r: { parkName: string }) => r.parkName)).toEqual(['温州高新区', '温州高新区', '温州高新区']);
      const commit = await upload(planner, file);
      expect(commit.status).toBe(422);
      expect(commit.body.error.details.map((d: { path: string }) => d.path)).toContain('填报数据!E4');
      expect(await dump()).toEqual(before);
    });

    it('takes the year from a 年份 column, one row per park and year (国家高新区 the same park), from CSV as well', async () => {
      const text = ['高新区名称,年份,地区生产总值（亿元）,R&D经费内部支出（万元）', '湖州莫干山高新区,2018,400,100000', '湖州莫干山国家高新区,2019,440,120000', '合计,,840,220000'].join('\r\n');
      const res = await upload(planner, { name: '湖州.csv', bytes: text });
      expect(res.status, JSON.stringify(res.body).slice(0, 1500)).toBe(200);
      expect(res.body).toMatchObject({ layout: 'wide', year: null, summary: { new: 4, skipped: 1 } }); // the 合计 row
      expect(res.body.rows.map((r: { year: number; indicator: string; value: number }) => [r.year, r.indicator, r.value]))
        .toEqual([[2018, 'gdp', 400], [2018, 'rd_spending', 10], [2019, 'gdp', 440], [2019, 'rd_spending', 12]]);
    });

    it('asks for a year when neither the title nor a column gives one', async () => {
      const res = await upload(planner, { name: 'noyear.csv', bytes: '园区,地区生产总值(亿元)\r\n温州高新区,1000' }, { dryRun: true });
      expect(res.status).toBe(200);
      expect(res.body.problems).toEqual([expect.objectContaining({ code: 'missing_column', row: 1, column: null, cell: 'noyear!1:1' })]);
      expect(res.body.problems[0].message).toContain('年份');
    });
  });
}
