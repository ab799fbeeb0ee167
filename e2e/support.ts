// Shared by the browser tests: build the web app once per file (production build, as `npm start`
// serves it), start Debian's Chromium through playwright-core, and open pages that record every
// console error, uncaught exception, failed request and HTTP error.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
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

/** Closes the page; every console error, failed request and HTTP error must be one the step expected. */
export async function done(tracked: TrackedPage, expected: RegExp[] = []): Promise<void> {
  expect(tracked.problems.filter((p) => !expected.some((re) => re.test(p)))).toEqual([]);
  expect(tracked.dialogs).toEqual([]);
  await closePage(tracked);
}

/** The HTTP error and Chromium's console line of a refusal a step provokes on purpose (for `done`). */
export function refused(status: number, url: RegExp): RegExp[] {
  return [new RegExp(`^HTTP ${status}: .*${url.source}`), new RegExp(`status of ${status}`)];
}

/** Signs in through the form, as a person does, and waits until the app has left the sign-in page. */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('[data-login-form]').waitFor();
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('[data-login-form] button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Sets the viewport and waits until the page has laid itself out at that width. */
export async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.waitForFunction((w) => window.innerWidth === w && document.documentElement.clientWidth <= w, viewport.width);
  // one frame, so a layout that depends on the width (a ResizeObserver, a media query) has run
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

/**
 * Screenshots `<name>-1366x768.png` and `<name>-375.png` (where the page must not scroll sideways),
 * then back to the laptop. `unstick`: CSS that lays out sticky parts in place for the capture (a
 * full-page capture would draw a sticky bar in the middle of the page, where the first screen ends).
 */
export async function shoot(page: Page, name: string, unstick?: string): Promise<void> {
  const style = unstick ? await page.addStyleTag({ content: unstick }) : null;
  await screenshot(page, `${name}-1366x768`);
  await resize(page, VIEWPORTS.phone);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways at 375 px`).toBe(false);
  await screenshot(page, `${name}-375`);
  await resize(page, VIEWPORTS.laptop);
  await style?.evaluate((el) => (el as HTMLElement).remove());
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Whether the page scrolls sideways (it must not, down to 375 px). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);
}

/**
 * Waits until at least `min` charts on the page are drawn, with a size, by the instance that stays
 * (echarts-for-react measures the box with a first, throw-away instance; data-chart-ready marks the one after).
 */
export async function chartsDrawn(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll('[data-chart-ready] canvas')] as HTMLCanvasElement[];
    return canvases.filter((c) => c.width > 0 && c.height > 0).length >= n;
  }, min);
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Every number written with `unit` in a text, as the page writes them: 7.26%, 1,000家, 4.24万家, 6.8亿元. */
export function numbersIn(text: string, unit: string): { value: number; step: number }[] {
  const escaped = unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const out: { value: number; step: number }[] = [];
  for (const m of text.matchAll(new RegExp(`(-?[\\d,]+(?:\\.(\\d+))?)\\s*(万|亿)?${escaped}`, 'g'))) {
    const scale = m[3] === '万' ? 1e4 : m[3] === '亿' ? 1e8 : 1;
    out.push({ value: Number(m[1]!.replace(/,/g, '')) * scale, step: 10 ** -(m[2]?.length ?? 0) * scale });
  }
  return out;
}

/** Whether the text shows `value` in `unit` (the API's number, rounded to the digits the page writes). */
export function shows(text: string, value: number, unit: string): boolean {
  return numbersIn(text, unit).some((n) => Math.abs(n.value - value) <= n.step / 2 + 1e-9);
}

export function expectShown(text: string, value: number, unit: string): void {
  expect(shows(text, value, unit), `“${text}” shows ${value} ${unit}`).toBe(true);
}

/** How a goal reads before its number, as the product promises it (README): 约 8%, ≥ 1000家, ≤ 10名. */
export const GOAL_SYMBOL = { about: '约', at_least: '≥', more_than: '>', at_most: '≤', less_than: '<' } as const;

/** The text is the target's goal: its comparator's symbol and the API's target value in its unit; 全覆盖 without a value. */
export function expectGoal(text: string, target: { comparator: keyof typeof GOAL_SYMBOL; targetValue: number | null; unit: string }): void {
  const right = target.targetValue === null
    ? text === '全覆盖'
    : text.startsWith(`${GOAL_SYMBOL[target.comparator]} `) && shows(text, target.targetValue, target.unit);
  expect(right, `“${text}” is the goal ${target.comparator} ${target.targetValue} ${target.unit}`).toBe(true);
}
