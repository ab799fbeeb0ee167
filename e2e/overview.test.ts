// The chain end to end: the web app built by Vite, served by the real server with its seeded
// database, read in Chromium. Every target of /api/progress must appear with the API's status.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEntryT } from '../shared/schemas.ts';
import { REPO_ROOT, startServer, type RunningServer } from '../server/testing/server-process.ts';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results');

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('overview page in the browser', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-'));
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    await promisify(execFile)('npx', ['vite', 'build', '--outDir', path.join(tmp, 'web'), '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    server = await startServer({ env: { WEB_ROOT: path.join(tmp, 'web') } });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** A page that records console errors, uncaught exceptions and failed or erroring requests. */
  async function openPage(viewport: { width: number; height: number }, urlPath = '/') {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
    await page.goto(server.url + urlPath);
    await page.locator('[data-target-code]').first().waitFor();
    return { page, problems };
  }

  // The overview opens on the province with the most targets (Zhejiang in the seed).
  async function progressFromApi(): Promise<ProgressEntryT[]> {
    const res = await fetch(`${server.url}/api/progress?province=330000`);
    expect(res.status).toBe(200);
    return (await res.json()) as ProgressEntryT[];
  }

  const row = (page: Page, code: string) => page.locator(`[data-target-code="${code}"]`);

  it('shows every target of /api/progress with the API’s status, grouped by plan', async () => {
    const entries = await progressFromApi();
    expect(entries.length).toBeGreaterThan(0);
    const { page, problems } = await openPage({ width: 1366, height: 768 });

    await expect.poll(() => page.locator('[data-target-code]').count()).toBe(entries.length);
    for (const entry of entries) {
      const r = row(page, entry.code);
      expect(await r.count(), entry.code).toBe(1);
      expect(await r.getAttribute('data-status'), entry.code).toBe(entry.status);
      const text = await r.innerText();
      expect(text, entry.code).toContain(entry.indicator.nameZh);
      expect(text, entry.code).toContain(entry.scope.label);
    }
    const planTitles = [...new Set(entries.map((e) => e.plan.title))];
    expect(await page.locator('.plan__title').allInnerTexts()).toEqual(planTitles.map((t) => expect.stringContaining(t)));

    // The status is in words too, not only in colour.
    const achieved = entries.find((e) => e.status === 'achieved');
    if (achieved) expect(await row(page, achieved.code).innerText()).toContain('已达成');

    const t8 = await row(page, 'T8').innerText();
    expect(t8).toContain('已覆盖 7/11');
    expect(t8).toMatch(/未覆盖：金华市、舟山市、台州市、丽水市/);
    // The real seed is not the demo: no 示例数据 banner.
    expect(await page.locator('[data-demo-banner]').count()).toBe(0);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-1366x768.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 375 px wide phone without a horizontal scrollbar', async () => {
    const { page, problems } = await openPage({ width: 375, height: 812 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-375.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the API’s error message with a retry button that recovers', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    let calls = 0;
    // The first answer is an API error (a 4xx, so react-query does not retry it on its own).
    await page.route('**/api/dashboard/overview*', (route) => (calls++ === 0
      ? route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: '测试错误 <b>不是HTML</b>' } }) })
      : route.continue()));
    await page.goto(server.url + '/');
    const error = page.locator('.state--error');
    await error.waitFor();
    // The message is shown as text, never as markup.
    expect(await error.innerText()).toContain('测试错误 <b>不是HTML</b>');
    await error.getByRole('button', { name: '重试' }).click();
    await page.locator('[data-target-code]').first().waitFor();
    expect(calls).toBe(2);
    await page.close();
  });

  it('serves the app for a client-side route (index.html fallback), and says so for an unknown one', async () => {
    const { page, problems } = await openPage({ width: 1366, height: 768 }, '/');
    for (const [route, wait] of [['/parks', '[data-parks-table]'], ['/some/client/route', '.state--empty']] as const) {
      await page.goto(server.url + route);
      await page.locator(wait).first().waitFor();
      expect(await page.title()).toContain('目标追踪');
      expect(await page.locator('h1').innerText()).toContain('目标追踪');
    }
    expect(await page.locator('.state--empty').innerText()).toContain('页面不存在');
    expect(problems).toEqual([]);
    await page.close();
  });
});
