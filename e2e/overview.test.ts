// The chain end to end: the web app built by Vite, served by the real server with its seeded
// database, read in Chromium. Every target of /api/progress must appear with the API's status.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEntryT } from '../shared/schemas.ts';
import { startServer, type RunningServer } from '../server/testing/server-process.ts';
import { buildWeb, done, launchBrowser, openPage, overflowsHorizontally, refused, screenshot, VIEWPORTS } from './support.ts';

/** The status words a planner reads, as the product promises them (README). */
const STATUS_WORD: Record<ProgressEntryT['status'], string> = {
  achieved: '已达成', on_track: '按期推进', needs_acceleration: '需加快', limited: '进展有限', regressing: '退步', missed: '未达成', insufficient_data: '数据不足',
};

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('overview page in the browser', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-'));
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ env: { WEB_ROOT: path.join(tmp, 'web') } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** The overview, once its cards are there. */
  async function openOverview(viewport: { width: number; height: number }, urlPath = '/') {
    const tracked = await openPage(browser, server.url + urlPath, viewport);
    await tracked.page.locator('[data-target-code]').first().waitFor();
    return tracked;
  }

  // The overview opens on the province with the most targets (Zhejiang in the seed).
  async function progressFromApi(): Promise<ProgressEntryT[]> {
    const res = await fetch(`${server.url}/api/progress?province=330000`);
    expect(res.status).toBe(200);
    return (await res.json()) as ProgressEntryT[];
  }

  const row = (page: Page, code: string) => page.locator(`[data-target-code="${code}"]`);

  it('shows every target of /api/progress with the API’s status, in words too, grouped by plan', async () => {
    const entries = await progressFromApi();
    expect(entries.length).toBeGreaterThan(0);
    const t = await openOverview(VIEWPORTS.laptop);
    const { page } = t;

    await expect.poll(() => page.locator('[data-target-code]').count()).toBe(entries.length);
    for (const entry of entries) {
      const r = row(page, entry.code);
      expect(await r.count(), entry.code).toBe(1);
      expect(await r.getAttribute('data-status'), entry.code).toBe(entry.status);
      const text = await r.innerText();
      expect(text, entry.code).toContain(entry.indicator.nameZh);
      expect(text, entry.code).toContain(entry.scope.label);
      // The status is in words, not only in colour.
      expect(text, entry.code).toContain(STATUS_WORD[entry.status]);
    }
    const planTitles = [...new Set(entries.map((e) => e.plan.title))];
    expect(await page.getByTestId('plan-title').allInnerTexts()).toEqual(planTitles.map((title) => expect.stringContaining(title)));

    const t8 = await row(page, 'T8').innerText();
    expect(t8).toContain('已覆盖 7/11');
    expect(t8).toMatch(/未覆盖：金华市、舟山市、台州市、丽水市/);
    // The real seed is not the demo: no 示例数据 banner.
    expect(await page.locator('[data-demo-banner]').count()).toBe(0);

    await screenshot(page, 'overview-1366x768');
    await done(t);
  });

  it('fits a 375 px wide phone without a horizontal scrollbar', async () => {
    const t = await openOverview(VIEWPORTS.phone);
    expect(await overflowsHorizontally(t.page)).toBe(false);
    await screenshot(t.page, 'overview-375');
    await done(t);
  });

  it('shows the API’s error message with a retry button that recovers', async () => {
    const t = await openPage(browser, 'about:blank', VIEWPORTS.phone);
    const { page } = t;
    let calls = 0;
    // The first answer is an API error (a 4xx, so react-query does not retry it on its own).
    await page.route('**/api/dashboard/overview*', (route) => (calls++ === 0
      ? route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: '测试错误 <b>不是HTML</b>' } }) })
      : route.continue()));
    await page.goto(server.url + '/');
    const error = page.locator('[data-query-state="error"]');
    await error.waitFor();
    // The message is shown as text, never as markup.
    expect(await error.innerText()).toContain('测试错误 <b>不是HTML</b>');
    await error.getByRole('button', { name: '重试' }).click();
    await page.locator('[data-target-code]').first().waitFor();
    expect(calls).toBe(2);
    await done(t, refused(409, /\/api\/dashboard\/overview/));
  });

  it('serves the app for a client-side route (index.html fallback), and says so for an unknown one', async () => {
    const t = await openOverview(VIEWPORTS.laptop);
    const { page } = t;
    // Leaving the overview cancels whatever it still had in flight: that is not an error of the page
    // (openPage leaves requests that a navigation aborts out of its problems).
    for (const [route, wait] of [['/parks', '[data-parks-table]'], ['/some/client/route', '[data-query-state="empty"]']] as const) {
      await page.goto(server.url + route);
      await page.locator(wait).first().waitFor();
      expect(await page.title()).toContain('目标追踪');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('目标追踪');
    }
    expect(await page.locator('[data-query-state="empty"]').innerText()).toContain('页面不存在');
    await done(t);
  });
});
