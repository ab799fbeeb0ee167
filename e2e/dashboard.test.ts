// The planner's dashboard in Chromium, on the generated example province (`DEMO=1`, as `npm run demo`
// starts it): every view renders without console errors, the numbers on screen equal the API's, the
// click path overview → target → park works, the language switches, filters live in the URL, charts
// read as tables and export, the print layout makes A4 pages, phones get no sideways scrolling, and a
// park named with HTML markup stays text everywhere — ECharts tooltips included — and runs nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CityFiguresT, OverviewEntryT, ParkDashboardT, ParkFiguresT, ParkStatusMatrixT, ProgressDetailT, ProgressEntryT,
} from '../shared/schemas.ts';
import { openDatabase } from '../server/db/connection.ts';
import { startServer, type RunningServer } from '../server/testing/server-process.ts';
import {
  buildWeb, chartsDrawn, closePage, done, expectGoal, expectShown, getJson, launchBrowser, openPage, overflowsHorizontally, resize, shows,
  screenshot, SCREENSHOTS, VIEWPORTS, type TrackedPage,
} from './support.ts';

const XSS_NAME = '<img src=x onerror=alert(1)>';

/** The status words of the product (README), in Chinese and English. */
const STATUS_ZH = {
  achieved: '已达成', on_track: '按期推进', needs_acceleration: '需加快', limited: '进展有限', regressing: '退步', missed: '未达成', insufficient_data: '数据不足',
} as const;
const STATUS_EN = {
  achieved: 'Achieved', on_track: 'On track', needs_acceleration: 'Needs acceleration', limited: 'Limited progress', regressing: 'Regressing', missed: 'Missed',
  insufficient_data: 'Insufficient data',
} as const;

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('the dashboard in the browser (example province)', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;
  let xssParkId: number;
  const api = <T,>(p: string) => getJson<T>(server.url + p);
  const open = (p: string, viewport: { width: number; height: number } = VIEWPORTS.laptop, options: Parameters<typeof openPage>[3] = {}) =>
    openPage(browser, server.url + p, viewport, options);

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-dash-'));
    const dataDir = path.join(tmp, 'data');
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ dataDir, env: { WEB_ROOT: path.join(tmp, 'web'), DEMO: '1', DATABASE_URL: '' } });
    xssParkId = await addMarkupPark(dataDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows every target of the province as a card with the API’s status and numbers, and a 示例数据 banner', async () => {
    const entries = await api<OverviewEntryT[]>('/api/dashboard/overview?province=330000');
    const t = await open('/');
    const { page } = t;
    await page.locator('[data-target-code]').first().waitFor();
    await expect.poll(() => page.locator('[data-target-code]').count()).toBe(entries.length);
    expect(await page.locator('[data-demo-banner]').innerText()).toContain('示例数据');
    for (const e of entries) {
      const card = page.locator(`[data-target-code="${e.code}"]`);
      expect(await card.getAttribute('data-status'), e.code).toBe(e.status);
      expect(await card.locator('[data-status-badge]').first().innerText(), e.code).toContain(STATUS_ZH[e.status]);
      // The latest figure is the API's, in its unit; a target without one says so.
      const latest = await card.locator('[data-latest]').allInnerTexts();
      expect(latest.length, e.code).toBe(e.latestValue === null ? 0 : 1);
      for (const text of latest) expectShown(text, e.latestValue!, e.unit);
      expect(await card.innerText(), e.code).toContain(e.latestValue === null ? '暂无数据' : '最新');
      expectGoal(await card.locator('[data-goal]').innerText(), e);
      // The source on hover.
      expect(await card.locator('[data-source]').getAttribute('title'), e.code).toContain(e.source!.title);
    }
    // A class target ("every national zone") says how its parks stand, from the API's summary.
    const d9 = entries.find((e) => e.code === 'D9')!;
    const { byStatus, parks } = d9.parkClass!;
    const notes = await page.locator('[data-target-code="D9"]').getByTestId('card-notes').getByRole('listitem').allInnerTexts();
    expect(notes[0]).toBe(`${byStatus.achieved + byStatus.on_track}/${parks} 个园区已达成或按期推进`);
    // The summary counts each status.
    for (const status of Object.keys(STATUS_ZH) as (keyof typeof STATUS_ZH)[]) {
      const count = entries.filter((e) => e.status === status).length;
      expect(await page.locator(`[data-summary-status="${status}"]`).getByTestId('summary-count').innerText(), status).toBe(String(count));
    }
    await screenshot(page, 'dashboard-overview-1366x768');
    await resize(page, VIEWPORTS.desktop);
    await screenshot(page, 'dashboard-overview-1920x1080');
    await done(t);
  });

  it('clicks through overview → target → park, with the numbers of the API on each', async () => {
    const entries = await api<OverviewEntryT[]>('/api/dashboard/overview?province=330000');
    const d9 = entries.find((e) => e.code === 'D9')!;
    const t = await open('/?province=330000');
    const { page } = t;
    await page.locator('[data-target-code="D9"] a').click();
    await page.waitForURL(`**/targets/${d9.id}**`);
    const detail = await api<ProgressDetailT>(`/api/targets/${d9.id}/progress`);
    await page.locator(`[data-target-detail="D9"]`).waitFor();
    expectShown(await page.locator('[data-kpi="latest"]').getByTestId('kpi-value').innerText(), detail.latestValue!, detail.unit);
    expectGoal(await page.locator('[data-kpi="goal"]').getByTestId('kpi-value').innerText(), detail);
    await chartsDrawn(page, 1);
    // The class target lists each park with its own status: follow one.
    const park = detail.parks![0]!;
    await page.getByTestId('class-parks').getByRole('link', { name: park.parkName, exact: true }).click();
    await page.waitForURL(`**/parks/${park.parkId}**`);
    await page.locator(`[data-park-page="${park.parkId}"]`).waitFor();
    expect(await page.locator('[data-park-name]').innerText()).toBe(park.parkName);
    const row = page.locator('[data-park-target="D9"]');
    expect(await row.getAttribute('data-status')).toBe(park.status);
    await done(t);
  });

  it('reads the progress method’s outputs in plain words on a target page, and ranks parks by what they would need', async () => {
    const entries = await api<OverviewEntryT[]>('/api/dashboard/overview?province=330000');
    const d5 = entries.find((e) => e.code === 'D5')!;
    const detail = await api<ProgressDetailT>(`/api/targets/${d5.id}/progress`);
    const t = await open(`/targets/${d5.id}`);
    const { page } = t;
    await page.locator('[data-reading="projection"]').waitFor();
    const projection = await page.locator('[data-reading="projection"]').innerText();
    expect(projection).toContain(`${detail.targetYear}年预计达到 `);
    expectShown(projection.split('预计达到')[1]!, detail.projected!, '%');
    expect(await page.locator('[data-reading="needed"]').innerText()).toContain('需每年提高');
    expectShown(await page.locator('[data-reading="extra"]').innerText(), detail.aggregate!.extraNeeded!, '亿元');
    expect(await page.locator('[data-included]').getAttribute('data-included')).toBe(`${detail.aggregate!.parksIncluded}/${detail.aggregate!.parksExpected}`);
    await chartsDrawn(page, 2);
    // The breakdown as a table: one row per park with a need.
    const panel = page.locator('[data-testid="breakdown"]');
    await panel.getByRole('button', { name: '表格' }).click();
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(detail.breakdown.filter((b) => b.need !== null).length);
    await screenshot(page, 'dashboard-target-1366x768');
    await resize(page, VIEWPORTS.desktop);
    await screenshot(page, 'dashboard-target-1920x1080');
    await done(t);
  });

  it('exports a chart as PNG and its table as CSV and Excel', async () => {
    const entries = await api<OverviewEntryT[]>('/api/dashboard/overview?province=330000');
    const d5 = entries.find((e) => e.code === 'D5')!;
    const detail = await api<ProgressDetailT>(`/api/targets/${d5.id}/progress`);
    const t = await open(`/targets/${d5.id}`, VIEWPORTS.laptop, { acceptDownloads: true });
    const { page } = t;
    const panel = page.locator('[data-testid="target-chart"]');
    await chartsDrawn(page, 1);
    const download = async (kind: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), panel.locator(`[data-export="${kind}"]`).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const png = await download('png');
    expect(png.name).toMatch(/^D5-.*\.png$/);
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const csv = await download('csv');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // a BOM, so Excel reads the Chinese
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('年份,实际值 (%),按期路径 (%),按当前速度预测 (%),目标 (%)');
    const last = detail.series.at(-1)!;
    expect(lines.find((l) => l.startsWith(`${last.year},`))).toContain(String(Number(last.value.toFixed(4))));

    const xlsx = await download('xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('实际值 (%)');
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === String(last.year))!;
    expect(row.getCell(2).value).toBeCloseTo(last.value, 4);
    await done(t);
  });

  it('lists every park with its latest figures and statuses, sorts, filters, and keeps the filters in the URL', async () => {
    const figures = await api<ParkFiguresT>('/api/dashboard/figures?province=330000');
    const matrix = await api<ParkStatusMatrixT>('/api/dashboard/park-status?province=330000');
    const t = await open('/parks');
    const { page } = t;
    const rows = page.locator('[data-parks-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(figures.parks.length);
    // Numbers equal the API's.
    const sample = figures.parks.find((p) => p.figures.rd_intensity && p.name.startsWith('示例·宁波'))!;
    const sampleRow = page.locator(`[data-park-id="${sample.id}"]`);
    expectShown(await sampleRow.locator('[data-figure="rd_intensity"]').innerText(), sample.figures.rd_intensity!.value, '%');
    // The statuses come with their own request: wait until D5's column is there, then read the park's cell.
    const d5 = matrix.targets.find((x) => x.code === 'D5')!;
    const cell = matrix.cells.find((c) => c.parkId === sample.id && c.targetId === d5.id)!;
    const statusInTable = async () => {
      const column = await page.locator('[data-parks-table] thead th').evaluateAll((ths, code) => ths.findIndex((th) => th.textContent?.startsWith(code)), 'D5');
      return column < 0 ? null : sampleRow.locator('td, th').nth(column).getAttribute('data-cell-status');
    };
    await expect.poll(statusInTable).toBe(cell.status);
    // Sorting by R&D intensity, highest first.
    await page.locator('[data-sort="ind:rd_intensity"]').click();
    await page.locator('[data-sort="ind:rd_intensity"]').click();
    const top = [...figures.parks].filter((p) => p.figures.rd_intensity).sort((a, b) => b.figures.rd_intensity!.value - a.figures.rd_intensity!.value)[0]!;
    await expect.poll(() => rows.first().getAttribute('data-park-id')).toBe(String(top.id));
    // Filtering by city: the URL carries it, and the same URL opens the same view.
    await page.locator('#f-city').selectOption('330200');
    await page.waitForURL(/city=330200/);
    const ningbo = figures.parks.filter((p) => p.cityCode === '330200');
    await expect.poll(() => rows.count()).toBe(ningbo.length);
    const url = page.url();
    expect(url).toMatch(/sort=ind%3Ard_intensity|sort=ind:rd_intensity/);
    const again = await openPage(browser, url);
    await expect.poll(() => again.page.locator('[data-parks-table] tbody tr').count()).toBe(ningbo.length);
    await expect.poll(() => again.page.locator('#f-city').inputValue()).toBe('330200');
    await done(again);
    await page.locator('#f-city').selectOption('');
    await expect.poll(() => rows.count()).toBe(figures.parks.length);
    await screenshot(page, 'dashboard-parks-1366x768');
    await resize(page, VIEWPORTS.desktop);
    await screenshot(page, 'dashboard-parks-1920x1080');
    await done(t);
  });

  it('ranks the parks on an indicator with the target line, and reads the ranking as a table', async () => {
    const figures = await api<ParkFiguresT>('/api/dashboard/figures?province=330000');
    const t = await open('/parks?tab=ranking&indicator=tax_per_mu');
    const { page } = t;
    await chartsDrawn(page, 1);
    const panel = page.locator('[data-testid="ranking"]');
    await expect.poll(() => panel.getByTestId('chart-subtitle').innerText()).toContain('D1');
    await panel.getByRole('button', { name: '表格' }).click();
    const withFigure = figures.parks.filter((p) => p.figures.tax_per_mu);
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(withFigure.length);
    const best = [...withFigure].sort((a, b) => b.figures.tax_per_mu!.value - a.figures.tax_per_mu!.value)[0]!;
    const first = await panel.locator('tbody tr').first().innerText();
    expect(first).toContain(best.name);
    expectShown(first, best.figures.tax_per_mu!.value, '万元/亩');
    await done(t);
  });

  it('shows a park over the years, each figure with its source and who entered it', async () => {
    const figures = await api<ParkFiguresT>('/api/dashboard/figures?province=330000');
    const park = figures.parks.find((p) => p.name === '示例·宁波某高新区01')!;
    const data = await api<ParkDashboardT>(`/api/dashboard/parks/${park.id}`);
    const t = await open(`/parks/${park.id}`);
    const { page } = t;
    await page.locator('[data-park-name]').waitFor();
    await chartsDrawn(page, data.indicators.length);
    const rank = data.indicators.find((i) => i.indicator.code === 'national_rank')!;
    const panel = page.locator('[data-testid="indicator-national_rank"]');
    expectShown(await panel.getByTestId('chart-subtitle').innerText(), rank.series.at(-1)!.value, '名');
    expect(await panel.locator('[data-park-target="D10"]').getAttribute('data-status')).toBe(rank.targets.find((x) => x.code === 'D10')!.progress.status);
    await panel.getByRole('button', { name: '表格' }).click();
    const rows = panel.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(rank.figures.length);
    const text = await rows.last().innerText();
    expect(text).toContain(rank.figures.at(-1)!.source!.title);
    expect(text).toContain(rank.figures.at(-1)!.enteredBy);
    await screenshot(page, 'dashboard-park-1366x768');
    await resize(page, VIEWPORTS.desktop);
    await screenshot(page, 'dashboard-park-1920x1080');
    await done(t);
  });

  it('maps coverage with the uncovered cities named beside it, and an indicator by city', async () => {
    const progress = await api<ProgressEntryT[]>('/api/progress?province=330000');
    const d8 = progress.find((p) => p.code === 'D8')!;
    const t = await open(`/map?show=coverage:${d8.id}`);
    const { page } = t;
    await chartsDrawn(page, 1);
    const names = await page.locator('[data-uncovered-city]').allInnerTexts();
    expect(names.map((n) => n.replace('✖', '').trim())).toEqual(d8.coverage!.uncovered.map((r) => r.name));
    expect(names.length).toBe(3);
    await screenshot(page, 'dashboard-map-1366x768');
    await resize(page, VIEWPORTS.desktop);
    await screenshot(page, 'dashboard-map-1920x1080');

    const cities = await api<CityFiguresT>('/api/dashboard/cities?province=330000&indicator=rd_intensity');
    await page.locator('#map-show').selectOption('ind:rd_intensity');
    await page.waitForURL(/show=ind%3Ard_intensity|show=ind:rd_intensity/);
    expect(cities.cities.length).toBe(11); // Zhejiang's cities
    for (const c of cities.cities) {
      const shown = page.locator(`[data-city="${c.name}"]`).getByTestId('city-value');
      // Once the map shows the indicator, each city's value is the API's.
      await expect.poll(async () => shows(await shown.innerText(), c.value!, '%'), { message: c.name }).toBe(true);
    }
    await done(t);
  });

  it('shows the whole province as a heatmap of parks × targets, readable as a table', async () => {
    const matrix = await api<ParkStatusMatrixT>('/api/dashboard/park-status?province=330000');
    const t = await open('/heatmap');
    const { page } = t;
    await chartsDrawn(page, 1);
    await screenshot(page, 'dashboard-heatmap-1366x768');
    await resize(page, VIEWPORTS.desktop);
    await screenshot(page, 'dashboard-heatmap-1920x1080');
    const panel = page.locator('[data-testid="heatmap"]');
    await panel.getByRole('button', { name: '表格' }).click();
    const parks = new Set(matrix.cells.map((c) => c.parkId));
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(parks.size);
    const cell = matrix.cells.find((c) => c.status === 'regressing')!;
    const park = matrix.parks.find((p) => p.id === cell.parkId)!;
    const target = matrix.targets.find((x) => x.id === cell.targetId)!;
    const header = await panel.locator('thead th').allInnerTexts();
    const row = panel.locator('tbody tr', { hasText: park.name });
    expect(await row.locator('th, td').nth(header.findIndex((h) => h.startsWith(target.code))).innerText()).toBe(STATUS_ZH.regressing);
    await done(t);
  });

  it('sets provinces side by side on one indicator', async () => {
    const cmp = await api<{ series: { label: string; points: { year: number; value: number }[] }[] }>('/api/dashboard/compare?indicator=rd_intensity&provinces=330000,320000');
    const t = await open('/compare?indicator=rd_intensity');
    const { page } = t;
    await chartsDrawn(page, 1);
    await screenshot(page, 'dashboard-compare-1366x768');
    await resize(page, VIEWPORTS.desktop);
    await screenshot(page, 'dashboard-compare-1920x1080');
    const panel = page.locator('[data-testid="compare"]');
    await panel.getByRole('button', { name: '表格' }).click();
    const last = panel.locator('tbody tr').last();
    const zj = cmp.series[0]!.points.at(-1)!;
    expectShown(await last.innerText(), zj.value, '%');
    await done(t);
  });

  it('switches to English and back, remembers the choice, and asks the API in the language shown', async () => {
    const entries = await api<OverviewEntryT[]>('/api/dashboard/overview?province=330000');
    const t = await open('/');
    const { page } = t;
    // The API writes its messages in the interface's language: every request says which.
    const languages: string[] = [];
    page.on('request', (req) => { if (new URL(req.url()).pathname.startsWith('/api/')) languages.push(req.headers()['accept-language'] ?? ''); });
    await page.locator('[data-target-code]').first().waitFor();
    await page.reload();
    await page.locator('[data-target-code]').first().waitFor();
    expect(languages.length).toBeGreaterThan(0);
    expect(new Set(languages)).toEqual(new Set(['zh-CN']));
    languages.length = 0;
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.getByTestId('app-nav').innerText()).toContain('Overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const e = entries[0]!;
    expect(await page.locator(`[data-target-code="${e.code}"] [data-status-badge]`).first().innerText()).toContain(STATUS_EN[e.status]);
    expect(await page.locator(`[data-target-code="${e.code}"]`).getByRole('heading').innerText()).toBe(e.indicator.nameEn);
    await screenshot(page, 'dashboard-overview-en-1366x768');
    // A page not seen yet comes in English too (its English words are fetched with it).
    await page.getByTestId('app-nav').getByRole('link', { name: 'Parks', exact: true }).click();
    await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 2 }).first().innerText()).toBe('Parks');
    await page.reload();
    await expect.poll(() => page.getByTestId('app-nav').innerText()).toContain('Overview');
    expect(languages.length).toBeGreaterThan(0);
    expect(new Set(languages)).toEqual(new Set(['en']));
    await page.getByRole('button', { name: /中文/ }).click();
    await expect.poll(() => page.getByTestId('app-nav').innerText()).toContain('总览');
    await done(t);
  });

  it('fits a 375 px phone on every view without sideways scrolling', async () => {
    const entries = await api<OverviewEntryT[]>('/api/dashboard/overview?province=330000');
    for (const [name, url] of [['overview', '/'], ['target', `/targets/${entries.find((e) => e.code === 'D5')!.id}`], ['parks', '/parks'], ['map', '/map'], ['heatmap', '/heatmap'], ['compare', '/compare']] as const) {
      const t = await open(url, VIEWPORTS.phone);
      await t.page.getByRole('main').getByRole('heading', { level: 2 }).first().waitFor();
      if (name !== 'overview' && name !== 'parks') await chartsDrawn(t.page, 1);
      else await t.page.locator(name === 'overview' ? '[data-target-code]' : '[data-parks-table]').first().waitFor();
      expect(await overflowsHorizontally(t.page), name).toBe(false);
      await screenshot(t.page, `dashboard-${name}-375`);
      await done(t);
    }
  });

  it('prints the overview and a target as A4 pages', async () => {
    const entries = await api<OverviewEntryT[]>('/api/dashboard/overview?province=330000');
    for (const [name, url] of [['overview', '/'], ['target', `/targets/${entries.find((e) => e.code === 'D5')!.id}`]] as const) {
      const t = await open(url);
      await t.page.locator(name === 'overview' ? '[data-target-code]' : '[data-chart] canvas').first().waitFor();
      if (name === 'target') await chartsDrawn(t.page, 2);
      await t.page.emulateMedia({ media: 'print' });
      expect(await t.page.getByTestId('app-nav').isVisible()).toBe(false);
      expect(await t.page.locator('[data-demo-banner]').isVisible()).toBe(true);
      const pdf = await t.page.pdf({ path: path.join(SCREENSHOTS, `dashboard-${name}-a4.pdf`), preferCSSPageSize: true, printBackground: true });
      const text = pdf.toString('latin1');
      const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages, name).toBeGreaterThanOrEqual(1);
      expect(pages, name).toBeLessThanOrEqual(6);
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 84[12]\.\d+\s*\]/); // A4: 595 × 842 pt
      await done(t);
    }
  });

  it('designs the loading error, the empty state, and an unknown page', async () => {
    const t = await open('/?province=330000&plan=DEMO-JS-2023');
    const { page } = t;
    await page.locator('[data-query-state="empty"]').waitFor();
    expect(await page.locator('[data-query-state="empty"]').innerText()).toContain('没有符合条件的目标');
    await done(t);

    const failing = await openPage(browser, 'about:blank');
    let calls = 0;
    // A 4xx, so react-query does not retry it on its own; the retry button does.
    await failing.page.route('**/api/dashboard/park-status*', (route) => (calls++ === 0
      ? route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: '服务暂不可用 <i>稍后</i>' } }) })
      : route.continue()));
    await failing.page.goto(`${server.url}/heatmap`);
    const error = failing.page.locator('[data-query-state="error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('服务暂不可用 <i>稍后</i>');
    await error.getByRole('button', { name: '重试' }).click();
    await chartsDrawn(failing.page, 1);
    expect(failing.dialogs).toEqual([]);
    await closePage(failing);

    const missing = await open('/no/such/page');
    await missing.page.locator('[data-query-state="empty"]').waitFor();
    expect(await missing.page.locator('[data-query-state="empty"]').innerText()).toContain('页面不存在');
    await done(missing);
  });

  it('shows a park named with HTML markup as text on every view, tooltips included, and runs nothing', async () => {
    const check = async (t: TrackedPage) => {
      expect(await t.page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
      expect(await t.page.evaluate(() => (window as unknown as { xssRan?: boolean }).xssRan ?? false)).toBe(false);
    };
    // Parks table and park page.
    const parks = await open('/parks?q=img');
    await parks.page.locator('[data-park-link]').first().waitFor();
    expect(await parks.page.locator('[data-park-link]').first().innerText()).toBe(XSS_NAME);
    await check(parks);
    await parks.page.locator('[data-park-link]').first().click();
    await parks.page.waitForURL(`**/parks/${xssParkId}**`);
    await parks.page.locator('[data-park-name]').waitFor();
    expect(await parks.page.locator('[data-park-name]').innerText()).toBe(XSS_NAME);
    expect(await parks.page.title()).toContain(XSS_NAME);
    await chartsDrawn(parks.page, 1);
    await check(parks);
    await done(parks);

    // An ECharts tooltip: the ranking of an indicator only this park reports has one bar; hover it.
    const ranking = await open('/parks?tab=ranking&indicator=smart_factories');
    await chartsDrawn(ranking.page, 1);
    const box = (await ranking.page.locator('[data-testid="ranking"] [data-chart]').boundingBox())!;
    const tooltip = ranking.page.locator('[data-testid="ranking"] [data-chart] > div').filter({ hasText: XSS_NAME });
    // Sweep down the middle of the bar's row until ECharts shows its tooltip (shown: the tooltip's box
    // stays in the DOM, hidden, once the mouse has left the bar).
    for (let y = box.y + box.height * 0.2; y < box.y + box.height * 0.8 && !(await tooltip.first().isVisible()); y += 4) {
      await ranking.page.mouse.move(box.x + box.width * 0.5, y);
    }
    await tooltip.first().waitFor({ timeout: 5000 });
    expect(await tooltip.first().innerHTML()).toContain('&lt;img src=x onerror=alert(1)&gt;');
    await screenshot(ranking.page, 'dashboard-markup-tooltip-1366x768');
    await check(ranking);
    await done(ranking);

    // The heatmap (its tooltip, its table), the target breakdown and the map.
    for (const url of ['/heatmap', `/map?show=ind:rd_intensity`]) {
      const t = await open(url);
      await chartsDrawn(t.page, 1);
      await check(t);
      await done(t);
    }
    const heat = await open('/heatmap');
    await chartsDrawn(heat.page, 1);
    const chart = heat.page.locator('[data-testid="heatmap"] [data-chart]');
    const hb = (await chart.boundingBox())!;
    // The markup park sorts first in Hangzhou, the first city: its row is the top one. Sweep along it.
    let shown = false;
    for (let y = hb.y + 40; y < hb.y + 160 && !shown; y += 8) {
      for (let x = hb.x + hb.width * 0.2; x < hb.x + hb.width * 0.98 && !shown; x += hb.width * 0.06) {
        await heat.page.mouse.move(x, y);
        shown = await heat.page.locator('[data-testid="heatmap"] [data-chart] > div').filter({ hasText: XSS_NAME }).first().isVisible();
      }
    }
    expect(shown).toBe(true);
    await heat.page.locator('[data-testid="heatmap"]').getByRole('button', { name: '表格' }).click();
    expect(await heat.page.locator('[data-testid="heatmap"] tbody th').first().innerText()).toBe(XSS_NAME);
    await check(heat);
    await done(heat);
  });

  /** A provincial park in Hangzhou named with markup, with figures, in the example database. */
  async function addMarkupPark(dataDir: string): Promise<number> {
    const handle = openDatabase({ dataDir });
    try {
      const now = new Date().toISOString();
      const { id } = await handle.db.insertInto('parks').values({
        name: XSS_NAME, aliases: null, level: 'provincial', province_code: '330000', city_code: '330100', county_code: null,
        approved_on: '2010', approval_year: 2010, source_code: 'DEMO', note: '<script>window.xssRan = true</script>', created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const value = (indicator: string, year: number, v: number) => ({
        subject_key: `park:${id}`, park_id: id, region_code: null, indicator_code: indicator, year, value: v, approved_value: v, status: 'approved' as const,
        note: '<b onmouseover=alert(2)>备注</b>', source_code: 'DEMO', entered_by: null, entered_by_name: '<i>填报人</i>', entered_at: now,
      });
      await handle.db.insertInto('reported_values').values([
        value('gdp', 2024, 100), value('rd_spending', 2024, 4), value('gdp', 2025, 110), value('rd_spending', 2025, 5),
        value('smart_factories', 2025, 12),
      ]).execute();
      return id;
    } finally {
      await handle.close();
    }
  }
});
