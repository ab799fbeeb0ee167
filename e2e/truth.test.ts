// Truth in every state, in the browser (issue 11): a park manager of 宁波 reports 2025 and a planner
// approves it — one park of eight. The province's R&D target must not read 已达成 on the overview, the
// target's page or the wall display; it shows 2025 as provisional with the parks it lacks. 宁波's 2021
// rank reads 数据不足 (数据过旧); 杭州's rank, inside the goal since its baseline, reads 保持 with no
// percentage. Expected words are the product's promised phrases, written here by hand; numbers come
// from the API.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEntryT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from '../server/testing/client.ts';
import { startServer, TEST_TODAY, type RunningServer } from '../server/testing/server-process.ts';
import { buildWeb, done, launchBrowser, openPage, screenshot, signInAs, VIEWPORTS } from './support.ts';

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('truthful statuses in the browser', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;
  let admin: Client;
  let progress: ProgressEntryT[];
  const byCode = (code: string) => progress.find((e) => e.code === code)!;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-'));
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ env: { WEB_ROOT: path.join(tmp, 'web'), ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    browser = await launchBrowser();
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    const parks = await admin.get<{ id: number; name: string }[]>('/api/parks?province=330000');
    const ningbo = parks.find((p) => p.name === '宁波高新区')!.id;
    const manager = await createUserAndSignIn(server.url, admin, { username: 'ningbo', role: 'park_manager', parkIds: [ningbo] });
    await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
    const written = await manager.request('PUT', '/api/values', {
      status: 'submitted',
      values: [
        { parkId: ningbo, indicator: 'gdp', year: 2025, value: 320.6, unit: '亿元' },
        { parkId: ningbo, indicator: 'rd_spending', year: 2025, value: 24.5, unit: '亿元' },
      ],
    });
    if (written.status !== 200) throw new Error(`writing 宁波's figures: ${written.status} ${JSON.stringify(written.body)}`);
    const approved = await admin.request('POST', '/api/values/approve', { items: written.body.written.map((w: { id: number; version: number }) => ({ id: w.id, version: w.version })) });
    if (approved.status !== 200) throw new Error(`approving: ${approved.status} ${JSON.stringify(approved.body)}`);
    progress = await admin.get('/api/progress?province=330000');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const card = (page: Page, code: string) => page.locator(`[data-target-code="${code}"]`);

  it('the API says what the views must: T1 not achieved with 2025 provisional, T7.2 stale, T7.1 held', () => {
    expect(byCode('T1')).toMatchObject({ status: 'insufficient_data', statusReason: 'incomplete', provisionalLatest: { year: 2025, parksIncluded: 1, parksExpected: 8 } });
    expect(byCode('T7.2')).toMatchObject({ status: 'insufficient_data', statusReason: 'stale' });
    expect(byCode('T7.1')).toMatchObject({ status: 'achieved', held: true, progress: null });
  });

  for (const viewport of [VIEWPORTS.laptop, VIEWPORTS.desktop]) {
    it(`the overview at ${viewport.width}×${viewport.height} never calls the province target achieved on one park, and says what is missing`, async () => {
      const t = await openPage(browser, server.url, viewport, { today: TEST_TODAY });
      const { page } = t;
      await signInAs(page, server.url, 'planner1', 'planner1-password-123');
      await page.goto(server.url);
      await card(page, 'T1').waitFor();

      const t1 = await card(page, 'T1').innerText();
      expect(await card(page, 'T1').getAttribute('data-status')).toBe('insufficient_data');
      expect(t1).not.toContain('已达成');
      expect(t1).toContain('2025年暂定: 7.64% (1/8 园区)');
      expect(t1).toMatch(/数据不完整: 缺少 .+ 等7个园区 2025年 R&D经费支出、地区生产总值/);
      // A planner is shown the ways to fill the gap.
      expect(await card(page, 'T1').getByTestId('fix-links').getByRole('link', { name: '开启填报轮次' }).getAttribute('href')).toBe('/rounds');

      const t72 = await card(page, 'T7.2').innerText();
      expect(t72).toContain('数据不足');
      expect(t72).toContain('数据过旧: 最新为2021年');
      expect(t72).not.toMatch(/\d+\.\d+名/);

      const t71 = card(page, 'T7.1');
      expect(await t71.innerText()).toContain('保持');
      expect(await t71.innerText()).toContain('已达成, 自基期起保持');
      expect(await t71.locator('[data-progress-text]').count()).toBe(0);
      expect(await t71.innerText()).not.toMatch(/进度 \d+%/);

      expect(await card(page, 'T5').getAttribute('data-status')).toBe('limited');

      // Most targets lack data: the page leads with what a planner does next; the guide explains the counts.
      expect(await page.getByTestId('overview-next').innerText()).toContain('下一步');
      expect(await page.getByTestId('overview-guide').innerText()).toContain('数据不足: 还不能判断');
      await screenshot(page, `truth-overview-${viewport.width}x${viewport.height}`);
      await done(t);
    });
  }

  it('the target pages say the same: no 已达成 for T1, 数据过旧 for T7.2, no percentage for T7.1', async () => {
    const t = await openPage(browser, `${server.url}/targets/${byCode('T1').id}`, VIEWPORTS.laptop, { today: TEST_TODAY });
    const { page } = t;
    const detail = page.locator('[data-target-detail="T1"]');
    await detail.waitFor();
    expect(await detail.getAttribute('data-status')).toBe('insufficient_data');
    expect(await page.locator('[data-status-badge]').first().innerText()).not.toContain('已达成');
    expect(await page.getByTestId('state-notes').innerText()).toContain('2025年暂定: 7.64% (1/8 园区)');
    await screenshot(page, 'truth-target-T1');

    await page.goto(`${server.url}/targets/${byCode('T7.2').id}`);
    await page.locator('[data-target-detail="T7.2"]').waitFor();
    expect(await page.getByTestId('state-notes').innerText()).toContain('数据过旧: 最新为2021年');
    // The gap is a distance: 3名, never −3名; no projection drawn, and the chart says why.
    expect(await page.locator('[data-kpi="gap"]').getByTestId('kpi-value').innerText()).toBe('3名');
    expect(await page.getByTestId('chart-notes').innerText()).toContain('已过旧: 不作预测');
    await screenshot(page, 'truth-target-T7.2');

    await page.goto(`${server.url}/targets/${byCode('T7.1').id}`);
    await page.locator('[data-target-detail="T7.1"]').waitFor();
    expect(await page.locator('[data-status-badge]').first().innerText()).toContain('保持');
    expect(await page.locator('[data-kpi="progress"]').innerText()).not.toMatch(/\d+%/);
    await screenshot(page, 'truth-target-T7.1');
    await done(t);
  });

  it('the wall display marks the provisional year, holds 杭州 and skips scenes with nothing to show', async () => {
    const link = await admin.request('POST', '/api/screens', { label: '会议室', provinceCode: '330000', scenes: ['targets', 'laggards', 'ranking'] });
    expect(link.status).toBe(201);
    for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
      const t = await openPage(browser, server.url + link.body.url, size, { today: TEST_TODAY });
      const { page } = t;
      const row = (code: string) => page.locator(`[data-scene="targets"] [data-target-code="${code}"]`);
      await row('T1').waitFor();
      expect(await row('T1').getAttribute('data-status')).toBe('insufficient_data');
      expect(await row('T1').innerText()).not.toContain('已达成');
      expect(await row('T1').locator('[data-state-note]').getAttribute('title')).toContain('2025年暂定: 7.64% (1/8 园区)');
      expect(await row('T7.1').innerText()).toContain('保持');
      expect(await row('T7.2').locator('[data-state-note]').innerText()).toContain('数据过旧');
      // No province total has a shortfall that figures can measure: the laggards scene is not in the rotation.
      await expect.poll(() => page.locator('[data-tab]').evaluateAll((tabs) => tabs.map((x) => x.getAttribute('data-tab')))).toEqual(['targets', 'ranking']);
      await screenshot(page, `truth-screen-${size.width}x${size.height}`);
      await done(t);
    }
  });
});
