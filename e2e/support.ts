// Shared by the browser tests: build the web app once per file (production build, as `npm start`
// serves it), start Debian's Chromium through playwright-core, and open pages that record every
// console error, uncaught exception, failed request and HTTP error.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../server/testing/server-process.ts';

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results');

export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  desktop: { width: 1920, height: 1080 },
  phone: { width: 375, height: 812 },
} as const;

/** Builds the web app into `outDir`. Vitest sets NODE_ENV=test, which would make Vite bundle React's development build. */
export async function buildWeb(outDir: string): Promise<void> {
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface TrackedPage {
  page: Page;
  /** Console errors, page errors, failed requests, HTTP errors, and any dialog (alert, confirm) that opened. */
  problems: string[];
  dialogs: string[];
}

export async function openPage(browser: Browser, url: string, viewport: { width: number; height: number } = VIEWPORTS.laptop, options: { acceptDownloads?: boolean; locale?: 'zh' | 'en'; today?: string } = {}): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: options.acceptDownloads ?? false, locale: 'zh-CN' });
  // The browser's calendar, for a server started with the same TODAY: the page's clock starts that
  // morning in China and runs on as usual.
  if (options.today) {
    await context.clock.install({ time: new Date(`${options.today}T09:00:00+08:00`) });
    await context.clock.resume();
  }
  if (options.locale === 'en') await context.addInitScript(() => localStorage.setItem('mubiao.locale', 'en'));
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A navigation away cancels requests still in flight: not a failure of the page.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, problems, dialogs };
}

export async function closePage(tracked: TrackedPage): Promise<void> {
  await tracked.page.context().close();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Whether the page scrolls sideways (it must not, down to 375 px). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);
}

/** Waits until every ECharts canvas on the page has been drawn with a size. */
export async function chartsDrawn(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll('.chart canvas')] as HTMLCanvasElement[];
    return canvases.filter((c) => c.width > 0 && c.height > 0).length >= n;
  }, min);
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
