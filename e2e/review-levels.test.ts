// Review by level in Chromium (issue 13), on the published seed (萧山临江高新区 in 杭州市, target T10):
// a planner switches 浙江省 to two levels on the review page; the park submits; Hangzhou's city reviewer
// signs in to a review list of its own city's parks and approves; the planner approves what the city
// approved and T10 moves; the approved figure is locked on the entry form until the planner reopens it
// with a reason; the planner closes the round from its board. Screenshots at 1366×768 and 375 wide.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEntryT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from '../server/testing/client.ts';
import { startServer, type RunningServer } from '../server/testing/server-process.ts';
import { buildWeb, done, launchBrowser, openPage, shoot as shootPage, signInAs as signInAsUser } from './support.ts';

const LONG = 120_000;

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('review by level in the browser: city first, then province; locks', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;
  let admin: Client;
  let manager: Client;
  let qt: number;
  let figureId: number;
  let roundId: number;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-levels-'));
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ dataDir: path.join(tmp, 'data'), env: { WEB_ROOT: path.join(tmp, 'web'), DATABASE_URL: '', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    qt = (await admin.get<{ id: number; name: string }[]>('/api/parks')).find((p) => p.name === '萧山临江高新区')!.id;
    manager = await createUserAndSignIn(server.url, admin, { username: 'qiantang', role: 'park_manager', parkIds: [qt] });
    await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
    await createUserAndSignIn(server.url, admin, { username: 'hz-review', role: 'city_reviewer', cityCodes: ['330100'] });
    await createUserAndSignIn(server.url, admin, { username: 'nb-review', role: 'city_reviewer', cityCodes: ['330200'] });
    const round = await admin.request('POST', '/api/rounds', { year: 2022, provinceCode: '330000', deadline: '2026-03-31', indicatorCodes: ['gdp', 'hte_count', 'land_area'] });
    roundId = round.body.id;
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const signInAs = (page: Page, username: string) => signInAsUser(page, server.url, username, `${username}-password-123`);
  const shoot = (page: Page, name: string) => shootPage(page, `levels-${name}`, '[data-action-bar] { position: static !important; }');
  const latestT10 = async () => (await admin.get<ProgressEntryT[]>('/api/progress')).find((p) => p.code === 'T10')!.latestValue;

  it('lets a planner switch 浙江省 to two levels on the review page', async () => {
    const t = await openPage(browser, `${server.url}/`);
    const { page } = t;
    await signInAs(page, 'planner1');
    await page.goto(`${server.url}/review`);
    const panel = page.locator('[data-review-levels="330000"]');
    await panel.waitFor();
    await page.selectOption('#review-levels-province', '330000');
    expect(await page.locator('[data-review-levels-option="1"]').isChecked()).toBe(true);
    await page.check('[data-review-levels-option="2"]');
    await page.click('[data-review-levels-save]');
    await page.locator('[data-review-levels-saved]').waitFor();
    expect(await page.locator('[data-review-levels-saved]').innerText()).toContain('浙江省');
    const provinces = await admin.get<{ code: string; reviewLevels: number }[]>('/api/regions?level=province');
    expect(provinces.find((p) => p.code === '330000')!.reviewLevels).toBe(2);
    await shoot(page, 'planner-review');
    await done(t);
  }, LONG);

  it("shows Hangzhou's city reviewer its city's submitted figures only, and approves them for the city", async () => {
    const submitted = await manager.request('PUT', '/api/values', { values: [{ parkId: qt, indicator: 'hte_count', year: 2022, value: 905 }], status: 'submitted' });
    figureId = submitted.body.written[0].id;

    const other = await openPage(browser, `${server.url}/`);
    await signInAs(other.page, 'nb-review');
    expect(new URL(other.page.url()).pathname).toBe('/review');
    await other.page.getByText('没有待审核的数据').first().waitFor();
    expect(await other.page.locator('[data-review-group]').count()).toBe(0);
    await done(other);

    const t = await openPage(browser, `${server.url}/`);
    const { page } = t;
    await signInAs(page, 'hz-review');
    expect(new URL(page.url()).pathname).toBe('/review');
    const group = page.locator(`[data-review-group="${qt}-2022"]`);
    await group.waitFor();
    expect(await page.locator('[data-review-group]').count()).toBe(1);
    expect(await page.locator('[data-review-levels]').count()).toBe(0); // only planners set the levels
    await shoot(page, 'city-review');
    await group.locator('[data-select-group]').check();
    await page.click('[data-approve]');
    await page.locator('[data-review-outcome="approve"]').waitFor();
    expect(await page.locator('[data-review-outcome="approve"]').innerText()).toContain('等待省级终审');
    expect(await latestT10()).toBe(802);
    // the park's form opens read-only for the reviewer, saying where a reviewer acts
    await page.goto(`${server.url}/entry/${qt}/2022`);
    await page.locator('[data-read-only]').waitFor();
    expect(await page.locator('[data-read-only]').innerText()).toContain('市级审核员');
    // the rounds are in the reviewer's navigation; closing one is for planners
    await page.goto(`${server.url}/rounds/${roundId}`);
    await page.locator('[data-board-totals]').waitFor();
    expect(await page.locator('[data-total-state="city_approved"]').count()).toBe(1);
    expect(await page.locator('[data-close-round]').count()).toBe(0);
    await done(t);
  }, LONG);

  it('lets the planner approve what the city approved; T10 moves only then', async () => {
    const t = await openPage(browser, `${server.url}/`);
    const { page } = t;
    await signInAs(page, 'planner1');
    await page.goto(`${server.url}/review`);
    const group = page.locator(`[data-review-group="${qt}-2022"]`);
    await group.waitFor();
    expect(await group.locator('[data-figure-state="city_approved"]').count()).toBe(1);
    await group.locator('[data-select-group]').check();
    await page.click('[data-approve]');
    await page.locator('[data-review-outcome="approve"]').waitFor();
    expect(await latestT10()).toBe(905);

    await page.goto(`${server.url}/rounds/${roundId}`);
    await page.locator('[data-board-totals]').waitFor();
    expect(await page.locator('[data-total-state="city_approved"]').count()).toBe(1);
    await done(t);
  }, LONG);

  it('locks the approved figure on the entry form until the planner reopens it with a reason', async () => {
    const m = await openPage(browser, `${server.url}/`);
    await signInAs(m.page, 'qiantang');
    await m.page.goto(`${server.url}/entry/${qt}/2022`);
    const row = m.page.locator('[data-entry-row="hte_count"]');
    await row.locator('[data-locked="approved"]').waitFor();
    expect(await row.locator('[data-value-input]').getAttribute('readonly')).not.toBeNull();
    expect(await row.locator('[data-locked]').innerText()).toContain('请联系省级规划人员');
    expect(await row.locator('[data-reopen]').count()).toBe(0);
    await done(m);

    const t = await openPage(browser, `${server.url}/`);
    const { page } = t;
    await signInAs(page, 'planner1');
    await page.goto(`${server.url}/entry/${qt}/2022`);
    const prow = page.locator('[data-entry-row="hte_count"]');
    await prow.locator(`[data-reopen="${figureId}"]`).click();
    await prow.locator(`[data-reopen-reason="${figureId}"]`).fill('统计局更正了2022年数据');
    await shoot(page, 'reopen');
    await prow.locator(`[data-reopen-confirm="${figureId}"]`).click();
    await prow.locator('[data-locked]').waitFor({ state: 'detached' });
    expect(await prow.getAttribute('data-state')).toBe('draft');
    const history = await admin.get<{ reason: string | null }[]>(`/api/values/${figureId}/history`);
    expect(history.at(-1)!.reason).toContain('统计局更正了2022年数据');
    await done(t);
  }, LONG);

  it('lets the planner close the round from its board, with a reason', async () => {
    const t = await openPage(browser, `${server.url}/`);
    const { page } = t;
    await signInAs(page, 'planner1');
    await page.goto(`${server.url}/rounds/${roundId}`);
    await page.click('[data-close-round]');
    await page.fill('[data-close-reason]', '2022年填报结束');
    await page.click('[data-close-confirm]');
    await page.locator('[data-round-closed]').waitFor();
    expect(await page.locator('[data-round-closed]').innerText()).toContain('2022年填报结束');
    await shoot(page, 'closed-board');
    await done(t);
  }, LONG);
});
