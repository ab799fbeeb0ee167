// A planner in Chromium. A statistics sheet (one row per park, one column per indicator): uploaded,
// the dry run lists the column it cannot match (科技型企业数量（家）), the planner maps it to an indicator
// in the page's 表头对应 (the file is checked again, nothing written), commits, and the figures are
// stored; the next file with that header is read the same way without asking. A province's own totals:
// entered with their source in the province's form (数据填报 → 省、市合计数据), shown in the figure's
// history. Screenshots in test-results/.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from '../server/testing/client.ts';
import { startServer, type RunningServer } from '../server/testing/server-process.ts';
import { buildWeb, done, launchBrowser, openPage, shoot, signInAs, VIEWPORTS } from './support.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LONG = 120_000;
const TODAY = '2025-06-30';

async function wide(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('a planner in the browser: a statistics sheet’s unknown column, a province’s totals', () => {
  let tmp: string;
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let admin: Client;
  let parkId: Record<string, number>;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-mapping-'));
    dataDir = path.join(tmp, 'data');
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ dataDir, env: { WEB_ROOT: path.join(tmp, 'web'), DATABASE_URL: '', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, TODAY } });
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    parkId = Object.fromEntries((await admin.get<{ id: number; name: string }[]>('/api/parks')).map((p) => [p.name, p.id]));
    await createUserAndSignIn(server.url, admin, { username: 'planner_map', role: 'planner' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function stored() {
    const h = openDatabase({ databaseUrl: undefined, dataDir });
    try {
      return {
        values: await h.db.selectFrom('reported_values').select(['park_id', 'indicator_code', 'year', 'value', 'status']).where('year', '=', 2024).where('indicator_code', 'in', ['gdp', 'tech_sme_national']).orderBy('park_id').orderBy('indicator_code').execute(),
        mappings: await h.db.selectFrom('import_column_mappings').select(['header_key', 'indicator_code', 'mapped_by_name']).execute(),
      };
    } finally {
      await h.close();
    }
  }

  it('lists the unknown column, lets the planner map it, commits, and the figures are stored; the next file remembers', async () => {
    const t = await openPage(browser, `${server.url}/login`, VIEWPORTS.laptop, { today: TODAY });
    const { page } = t;
    await signInAs(page, server.url, 'planner_map', 'planner_map-password-123');
    await page.goto(`${server.url}/import`);
    await page.locator('[data-import-file]').waitFor();

    const before = await stored();
    await page.setInputFiles('[data-import-file]', {
      name: '2024年科技企业统计-示例数据.xlsx', mimeType: XLSX, buffer: await wide([
        ['2024年 高新区科技企业统计（示例数据）'],
        ['高新区名称', '地区生产总值（亿元）', '科技型企业数量（家）'],
        ['绍兴高新区', 1185.5, 1400],
        ['温州高新区', 980, 1210],
      ]),
    });
    await page.click('[data-dry-run]');
    await page.locator('[data-column-mapping]').waitFor();
    // The column it could not match comes first, marked, and blocks the import.
    expect(await page.locator('[data-map-row]').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-map-row')} ${tr.getAttribute('data-map-role')}`)))
      .toEqual(['C unmatched', 'B indicator']);
    expect(await page.locator('[data-problems-table] tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-cell')} ${tr.getAttribute('data-problem')}`)))
      .toEqual(['C2 unknown_column']);
    expect(await page.locator('[data-commit]').isDisabled()).toBe(true);
    expect(await page.locator('[data-import-blocked]').innerText()).toContain('表头对应');
    // The indicators its unit fits are suggested first.
    expect(await page.locator('[data-map-column="C"] optgroup').first().locator('option').allInnerTexts()).toContain('国家科技型中小企业数 (家)');
    await shoot(page, 'import-mapping-unmatched');

    // Mapped: checked again (nothing written), no problem left, four figures to write.
    await page.selectOption('[data-map-column="C"]', 'tech_sme_national');
    await page.locator('[data-map-row="C"][data-map-role="indicator"]').waitFor();
    await expect.poll(() => page.locator('[data-import-summary] [data-problem-count]').getAttribute('data-problem-count')).toBe('0');
    expect(await page.locator('[data-rows-table] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-status')))).toEqual(['new', 'new', 'new', 'new']);
    expect(await page.locator('[data-map-row="C"]').innerText()).toContain('本次选择');
    expect(await stored()).toEqual(before);
    await shoot(page, 'import-mapping-mapped');

    await page.click('[data-commit]');
    await page.locator('[data-import-report="committed"]').waitFor();
    expect(await page.locator('[data-import-report="committed"]').innerText()).toContain('新增 4 项');
    expect(await page.locator('[data-import-report="committed"]').innerText()).toContain('已记住 1 个表头的对应');
    const after = await stored();
    expect(after.values.filter((v) => v.indicator_code === 'tech_sme_national').map((v) => [v.park_id, v.value, v.status]))
      .toEqual([[parkId['绍兴高新区'], 1400, 'draft'], [parkId['温州高新区'], 1210, 'draft']].sort((a, b) => Number(a[0]) - Number(b[0])));
    expect(after.mappings).toEqual([{ header_key: '科技型企业数量', indicator_code: 'tech_sme_national', mapped_by_name: 'planner_map' }]);
    // The figures appear where figures are read.
    const listed = await admin.get<{ value: number; subject: { parkName: string } }[]>(`/api/values?park=${parkId['绍兴高新区']}&indicator=tech_sme_national`);
    expect(listed.map((v) => [v.subject.parkName, v.value])).toEqual([['绍兴高新区', 1400]]);

    // The next file with that header: matched from memory, nothing to ask.
    await page.setInputFiles('[data-import-file]', {
      name: '2024年科技企业统计-补充.xlsx', mimeType: XLSX, buffer: await wide([
        ['2024年 高新区科技企业统计（示例数据）'],
        ['高新区名称', '科技型企业数量（家）'],
        ['衢州高新区', 300],
      ]),
    });
    await page.click('[data-dry-run]');
    await page.locator('[data-map-row="B"][data-map-role="indicator"]').waitFor();
    expect(await page.locator('[data-map-row="B"]').innerText()).toContain('沿用此前的选择');
    expect(await page.locator('[data-import-summary] [data-problem-count]').getAttribute('data-problem-count')).toBe('0');

    // The remembered choice is listed, and can be forgotten: the next check asks again.
    await page.click('[data-remembered-mappings] summary');
    expect(await page.locator('[data-remembered="科技型企业数量"]').innerText()).toContain('国家科技型中小企业数');
    await page.click('[data-forget-mapping="科技型企业数量"]');
    await page.locator('[data-remembered-mappings]').waitFor({ state: 'detached' });
    expect((await stored()).mappings).toEqual([]);
    await page.click('[data-dry-run]');
    await page.locator('[data-map-row="B"][data-map-role="unmatched"]').waitFor();
    await done(t);
  }, LONG);

  it('enters the province’s 2024 totals with their source in its form; the history shows the source', async () => {
    const t = await openPage(browser, `${server.url}/login`, VIEWPORTS.laptop, { today: TODAY });
    const { page } = t;
    await signInAs(page, server.url, 'planner_map', 'planner_map-password-123');
    await page.goto(`${server.url}/entry?year=2024&province=330000`);
    await page.locator('[data-region-pick]').waitFor();
    await expect.poll(() => page.locator('[data-pick-region] option').allInnerTexts()).toContain('浙江省 · 杭州市');
    await page.click('[data-open-region]');
    await page.waitForURL('**/entry/region/330000/2024');
    await page.locator('[data-region-row="industrial_va"]').waitFor();
    expect(await page.locator('[data-region-row]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-region-row'))))
      .toEqual(expect.arrayContaining(['industrial_va', 'hte_count', 'gdp']));
    expect(await page.locator('[data-region-row="industrial_va"]').innerText()).toContain('T3');
    // The seed's 2024 count (4.75万家) is approved, so locked: read-only, with the planner's way to reopen it.
    const hte = page.locator('[data-region-row="hte_count"]');
    expect(await hte.locator('[data-locked="approved"]').count()).toBe(1);
    expect(await hte.locator('[data-region-value="hte_count"]').getAttribute('readonly')).not.toBeNull();
    expect(await hte.locator('[data-reopen]').count()).toBe(1);

    await page.fill('[data-region-value="industrial_va"]', '240000000');
    await page.selectOption('[data-region-unit="industrial_va"]', '万元');
    await page.fill('[data-region-source="industrial_va"]', '浙江省统计公报 2024');
    await page.click('[data-region-submit]');
    await page.locator('[data-entry-outcome="submitted"]').waitFor();
    await expect.poll(() => page.locator('[data-region-row="industrial_va"] [data-region-current]').innerText()).toBe('24,000亿元');
    const listed = await admin.get<{ value: number; status: string; note: string | null; subject: { kind: string; regionCode: string } }[]>('/api/values?region=330000&indicator=industrial_va&from=2024&to=2024');
    expect(listed.map((v) => [v.subject.kind, v.subject.regionCode, v.value, v.status, v.note])).toEqual([['region', '330000', 24000, 'submitted', '浙江省统计公报 2024']]);
    await shoot(page, 'region-entry');

    // Only the source corrected: the same value, a new version with the new source.
    await page.fill('[data-region-source="industrial_va"]', '浙江省统计公报 2024 (修订版)');
    await page.click('[data-region-submit]');
    await expect.poll(async () => (await admin.get<{ note: string | null; version: number }[]>('/api/values?region=330000&indicator=industrial_va&from=2024&to=2024')).map((v) => [v.note, v.version]))
      .toEqual([['浙江省统计公报 2024 (修订版)', 2]]);

    await page.click('[data-region-history="industrial_va"]');
    await page.locator('[data-history-dialog] [data-revision="1"]').waitFor();
    expect(await page.locator('[data-history-dialog] [data-revision="1"]').innerText()).toContain('浙江省统计公报 2024');
    await page.keyboard.press('Escape');

    // The zones' 2024 figures, then everything approved: T3's table shows the province's total and its source.
    const parks = await admin.get<{ id: number; level: string; provinceCode: string }[]>('/api/parks?province=330000');
    const zones = parks.filter((p) => p.level === 'national' || p.level === 'provincial');
    const put = await admin.request('PUT', '/api/values', { values: zones.map((z) => ({ parkId: z.id, indicator: 'industrial_va', year: 2024, value: 200 })), status: 'submitted' });
    expect(put.status).toBe(200);
    const submitted = await admin.get<{ id: number; version: number }[]>('/api/values?status=submitted&indicator=industrial_va&from=2024&to=2024');
    expect((await admin.request('POST', '/api/values/approve', { items: submitted.map((v) => ({ id: v.id, version: v.version })) })).status).toBe(200);
    const t3 = (await admin.get<{ id: number; code: string }[]>('/api/targets')).find((x) => x.code === 'T3')!;
    await page.goto(`${server.url}/targets/${t3.id}`);
    const panel = page.locator('[data-testid="target-chart"]');
    await panel.waitFor();
    await panel.getByRole('button', { name: '表格' }).click();
    const row2024 = panel.locator('table tbody tr', { hasText: '浙江省统计公报 2024' });
    await row2024.waitFor();
    expect(await row2024.innerText()).toMatch(/^2024/);
    expect(await panel.locator('table thead').innerText()).toContain('全省合计的来源');
    await done(t);
  }, LONG);
});
