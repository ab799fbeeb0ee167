// The big screen (数据大屏) in Chromium, on the generated example province with READ_ACCESS=signed_in
// (so only the screen link lets the display read): the 1920×1080 stage fits 1920×1080, 3840×2160,
// 1920×1080 at device scale 2 and a 1366×768 projector, letterboxed, without scrollbars; every scene
// draws a sharp chart (canvas backing = CSS size × devicePixelRatio × stage scale); scenes rotate on
// their own, arrow keys step and the space bar pauses; a revoked or wrong link shows a clear page and
// asks for nothing but its configuration; a server that stops answering leaves the data on the wall
// with a “连接中断” badge and the screen recovers by itself; and over ~60 rotations neither the JS heap
// nor the number of DOM nodes grows (nor is any chart re-created or redrawn with unchanged data).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREEN_SCENES } from '../shared/schemas.ts';
import { signIn, TEST_ADMIN_PASSWORD, type Client } from '../server/testing/client.ts';
import { startServer, type RunningServer } from '../server/testing/server-process.ts';
import { buildWeb, SCREENSHOTS } from './support.ts';

const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080, dpr: 1 },
  { name: '3840x2160', width: 3840, height: 2160, dpr: 1 },
  { name: '1920x1080@2x', width: 1920, height: 1080, dpr: 2 },
  { name: '1366x768', width: 1366, height: 768, dpr: 1 },
] as const;

interface Opened { page: Page; problems: string[]; apiRequests: string[]; close: () => Promise<void> }

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('the big screen (数据大屏) in Chromium', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;
  let admin: Client;
  let link: { id: number; token: string; url: string };

  const makeLink = async (body: Record<string, unknown> = {}) => {
    const res = await admin.request('POST', '/api/screens', { label: '省厅会议室', ...body });
    expect(res.status).toBe(201);
    return res.body as { id: number; token: string; url: string };
  };

  /**
   * The screen in a new context. `clock`: the page's timers run on Playwright's clock, so a test can
   * stop the page's time and move it on by exactly as much as it needs (instead of sleeping and
   * hoping the machine kept up).
   */
  async function open(url: string, size: { width: number; height: number; dpr?: number } = SIZES[0], motion: 'reduce' | 'no-preference' = 'no-preference', options: { clock?: boolean } = {}): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.dpr ?? 1, locale: 'zh-CN', reducedMotion: motion });
    const page = await context.newPage();
    if (options.clock) await page.clock.install();
    const problems: string[] = [];
    const apiRequests: string[] = [];
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('request', (req) => { if (new URL(req.url()).pathname.startsWith('/api/')) apiRequests.push(new URL(req.url()).pathname); });
    await page.goto(server.url + url);
    return { page, problems, apiRequests, close: () => context.close() };
  }

  const current = (page: Page) => page.locator('[data-screen]').getAttribute('data-current-scene');

  /** Waits until the scene is on the wall and every chart in it has been drawn with something visible. */
  async function sceneDrawn(page: Page, scene: string) {
    await page.locator(`[data-scene="${scene}"][data-active]`).waitFor();
    await page.waitForFunction((s) => {
      const section = document.querySelector(`[data-scene="${s}"]`)!;
      const canvases = [...section.querySelectorAll('canvas')];
      if (!canvases.length) return false;
      return canvases.every((c) => {
        if (c.width === 0 || c.height === 0) return false;
        const probe = document.createElement('canvas');
        probe.width = 64;
        probe.height = 36;
        const ctx = probe.getContext('2d')!;
        ctx.drawImage(c, 0, 0, 64, 36);
        const pixels = ctx.getImageData(0, 0, 64, 36).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
        return false;
      });
    }, scene);
    // The crossfade is over: the scene before has gone.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-scene]:not([data-active])')].every((el) => getComputedStyle(el).visibility === 'hidden'));
  }

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-screen-'));
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({
      dataDir: path.join(tmp, 'data'),
      env: { WEB_ROOT: path.join(tmp, 'web'), DEMO: '1', DATABASE_URL: '', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, READ_ACCESS: 'signed_in' },
    });
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    link = await makeLink();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // For the memory test: exact heap sizes and a gc() to call before each reading.
        '--enable-precise-memory-info', '--js-flags=--expose-gc',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('fits the stage to every wall, letterboxed, without scrollbars, every scene drawn sharp', async () => {
    for (const size of SIZES) {
      // Without the crossfade (the screen honours reduced motion), so that 20 scenes take less time.
      const o = await open(`${link.url}?interval=600`, size, 'reduce');
      const { page } = o;
      // The scenes mount once the first data have arrived.
      await page.locator('[data-scene]').first().waitFor();
      const scenes = await page.locator('[data-scene]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scene')));
      expect(scenes).toEqual([...SCREEN_SCENES]);
      for (const scene of SCREEN_SCENES) {
        expect(await current(page), size.name).toBe(scene);
        await sceneDrawn(page, scene);
        const m = await page.evaluate(() => {
          const stage = document.querySelector('[data-stage]')!;
          const box = stage.getBoundingClientRect();
          const root = document.scrollingElement!;
          const canvases = [...document.querySelectorAll('[data-scene][data-active] canvas')].map((c) => {
            const canvas = c as HTMLCanvasElement;
            return { width: canvas.width, height: canvas.height, cssWidth: Number.parseFloat(canvas.style.width), cssHeight: Number.parseFloat(canvas.style.height) };
          });
          return {
            box: { x: box.x, y: box.y, width: box.width, height: box.height },
            scale: Number(stage.getAttribute('data-scale')),
            dpr: window.devicePixelRatio, innerWidth: window.innerWidth, innerHeight: window.innerHeight,
            scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth), scrollHeight: Math.max(root.scrollHeight, document.body.scrollHeight),
            canvases,
          };
        });
        const where = `${size.name} ${scene}`;
        // The stage fits the window, keeps 16:9 and is centred (letterboxed on the long side).
        expect(m.box.x, where).toBeGreaterThanOrEqual(-0.5);
        expect(m.box.y, where).toBeGreaterThanOrEqual(-0.5);
        expect(m.box.x + m.box.width, where).toBeLessThanOrEqual(m.innerWidth + 0.5);
        expect(m.box.y + m.box.height, where).toBeLessThanOrEqual(m.innerHeight + 0.5);
        expect(m.box.width / m.box.height, where).toBeCloseTo(16 / 9, 2);
        expect(Math.max(m.box.width / m.innerWidth, m.box.height / m.innerHeight), where).toBeCloseTo(1, 2);
        expect(m.box.x, where).toBeCloseTo((m.innerWidth - m.box.width) / 2, 0);
        expect(m.box.y, where).toBeCloseTo((m.innerHeight - m.box.height) / 2, 0);
        expect(m.scale, where).toBeCloseTo(Math.min(size.width / 1920, size.height / 1080), 5);
        // No scrollbars.
        expect(m.scrollWidth, where).toBeLessThanOrEqual(m.innerWidth);
        expect(m.scrollHeight, where).toBeLessThanOrEqual(m.innerHeight);
        // Sharp: one canvas pixel per physical pixel.
        expect(m.dpr).toBe(size.dpr);
        expect(m.canvases.length, where).toBeGreaterThan(0);
        for (const c of m.canvases) {
          expect(Math.abs(c.width - c.cssWidth * m.dpr * m.scale), `${where} canvas width ${c.width} for ${c.cssWidth}px`).toBeLessThanOrEqual(2);
          expect(Math.abs(c.height - c.cssHeight * m.dpr * m.scale), `${where} canvas height`).toBeLessThanOrEqual(2);
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, `screen-${scene}-${size.name}.png`) });
        await page.keyboard.press('ArrowRight');
      }
      expect(await current(page)).toBe(SCREEN_SCENES[0]);
      expect(o.problems, size.name).toEqual([]);
      await o.close();
    }
  }, 150_000);

  it('shows the data the API gives: every target with its status, the stamps and the link’s label', async () => {
    const progress = await (await fetch(`${server.url}/api/progress?province=330000`, { headers: { 'x-screen-token': link.token } })).json() as { code: string; status: string; latestYear: number | null }[];
    const o = await open(`${link.url}?interval=600`);
    const { page } = o;
    await sceneDrawn(page, 'targets');
    expect(progress.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-target-code]').count()).toBe(progress.length);
    for (const e of progress) expect(await page.locator(`[data-target-code="${e.code}"]`).getAttribute('data-status'), e.code).toBe(e.status);
    const year = Math.max(...progress.map((e) => e.latestYear ?? 0));
    expect(await page.locator('[data-as-of]').innerText()).toBe(`数据截至${year}年`);
    expect(await page.locator('[data-updated]').innerText()).toMatch(/^更新于 \d\d:\d\d$/);
    expect(await page.locator('[data-screen-label]').innerText()).toContain('省厅会议室');
    expect(await page.locator('[data-clock] time').innerText()).toMatch(/^\d\d:\d\d:\d\d$/);
    // Reads go only to what the scenes need, each with the token (the server answers 401 otherwise here).
    expect(o.apiRequests).toContain('/api/screen/config');
    expect(o.problems).toEqual([]);
    await o.close();
  }, 30_000);

  it('rotates on its own, in the order of the URL; arrow keys step and the space bar pauses', async () => {
    const o = await open(`${link.url}?interval=1&scenes=trend,targets,ranking`, SIZES[0], 'no-preference', { clock: true });
    const { page } = o;
    await page.locator('[data-screen]').waitFor();
    expect(await page.locator('[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')))).toEqual(['trend', 'targets', 'ranking']);
    // Every scene the wall shows, in order, as the page switches it.
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      const screen = document.querySelector('[data-screen]')!;
      w.seen = [screen.getAttribute('data-current-scene')!];
      new MutationObserver(() => w.seen.push(screen.getAttribute('data-current-scene')!)).observe(screen, { attributes: true, attributeFilter: ['data-current-scene'] });
    });
    const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    await expect.poll(async () => (await seen()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const order = ['trend', 'targets', 'ranking'];
    const shown = await seen();
    expect(shown).toEqual(shown.map((_, i) => order[(order.indexOf(shown[0]!) + i) % 3]));

    /** Moves the page's time on by `ms` at once: every timer due in that time fires, whatever the machine's load. */
    const timePasses = (ms: number) => page.clock.runFor(ms);
    await page.keyboard.press(' ');
    expect(await page.locator('[data-screen]').getAttribute('data-paused')).toBe('true');
    await page.locator('[data-paused-badge]').waitFor();
    const paused = await current(page);
    await timePasses(2500);
    expect(await current(page)).toBe(paused);
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe(order[(order.indexOf(paused!) + 1) % 3]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toBe(order[(order.indexOf(paused!) + 2) % 3]);
    await timePasses(1500);
    expect(await current(page)).toBe(order[(order.indexOf(paused!) + 2) % 3]);
    await page.keyboard.press(' ');
    expect(await page.locator('[data-screen]').getAttribute('data-paused')).toBe('false');
    await timePasses(1500);
    await expect.poll(() => current(page)).toBe(paused);

    // A hidden page (another tab, a minimised window) stops the rotation and the clock; shown again, both go on.
    const setHidden = (hidden: boolean) => page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    const hiddenAt = { scene: await current(page), clock: await page.locator('[data-clock] time').innerText() };
    await timePasses(2300);
    expect(await current(page)).toBe(hiddenAt.scene);
    expect(await page.locator('[data-clock] time').innerText()).toBe(hiddenAt.clock);
    await setHidden(false);
    await timePasses(2300);
    await expect.poll(() => current(page)).not.toBe(hiddenAt.scene);
    await expect.poll(() => page.locator('[data-clock] time').innerText()).not.toBe(hiddenAt.clock);
    expect(o.problems).toEqual([]);
    await o.close();
  }, 30_000);

  it('shows a revoked or wrong link a clear page and fetches nothing but the configuration', async () => {
    const revoked = await makeLink({ label: '已撤销的屏' });
    expect((await admin.request('DELETE', `/api/screens/${revoked.id}`)).status).toBe(200);
    for (const url of [revoked.url, `/screen/${'x'.repeat(43)}`]) {
      const o = await open(`${url}?refresh=2`, SIZES[0], 'no-preference', { clock: true });
      const { page } = o;
      await page.locator('[data-screen-invalid]').waitFor();
      expect(await page.locator('[data-screen-invalid]').innerText()).toContain('大屏链接无效或已被撤销');
      // The page's time moves on past a refresh (2 s): nothing else is asked for, not even the configuration again.
      await page.clock.runFor(2500);
      await page.evaluate(() => Promise.resolve()); // any request a timer started has been seen by now
      expect(o.apiRequests).toEqual(['/api/screen/config']);
      expect(await page.locator('[data-scene], [data-target-code], canvas').count()).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `screen-revoked-${url === revoked.url ? 'revoked' : 'wrong'}-1920x1080.png`) });
      await o.close();
    }
  }, 30_000);

  it('takes the data off the wall when the link is revoked while it is showing', async () => {
    const live = await makeLink({ label: '大厅' });
    const o = await open(`${live.url}?refresh=2&interval=600`);
    const { page } = o;
    await sceneDrawn(page, 'targets');
    expect((await admin.request('DELETE', `/api/screens/${live.id}`)).status).toBe(200);
    await page.locator('[data-screen-invalid]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-scene], [data-target-code], canvas').count()).toBe(0);
    await o.close();
  }, 30_000);

  it('keeps the last data with a “连接中断” badge while the server is unreachable, and recovers by itself', async () => {
    const o = await open(`${link.url}?refresh=2&interval=600`);
    const { page } = o;
    await sceneDrawn(page, 'targets');
    const targets = await page.locator('[data-target-code]').count();
    const inits = () => page.locator('[data-chart-inits]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.chartInits).join());
    const before = await inits();
    expect(await page.locator('[data-offline-badge]').count()).toBe(0);

    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.locator('[data-offline-badge]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-offline-badge]').innerText()).toBe('连接中断');
    expect(await page.locator('[data-screen]').getAttribute('data-connection')).toBe('offline');
    // The data stay on the wall.
    expect(await page.locator('[data-target-code]').count()).toBe(targets);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'screen-offline-1920x1080.png') });

    await page.unroute('**/api/**');
    await page.locator('[data-offline-badge]').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.locator('[data-screen]').getAttribute('data-connection')).toBe('online');
    expect(await page.locator('[data-target-code]').count()).toBe(targets);
    expect(await inits()).toBe(before);
    await o.close();
  }, 45_000);

  it('re-creates the charts once when the window changes size, for the new scale', async () => {
    const o = await open(`${link.url}?interval=600`);
    const { page } = o;
    await sceneDrawn(page, 'targets');
    const initsOf = () => page.locator('[data-chart-inits]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.chartInits)));
    const first = await initsOf();
    expect(first.every((n) => n === 1)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(async () => Number(await page.locator('[data-stage]').getAttribute('data-scale'))).toBeCloseTo(768 / 1080, 5);
    await expect.poll(initsOf).toEqual(first.map(() => 2));
    const c = await page.locator('[data-scene][data-active] canvas').first().evaluate((el) => ({ width: (el as HTMLCanvasElement).width, css: Number.parseFloat((el as HTMLCanvasElement).style.width) }));
    expect(Math.abs(c.width - c.css * (768 / 1080))).toBeLessThanOrEqual(2);
    await o.close();
  }, 30_000);

  it('keeps memory and the DOM flat over ~60 rotations, without re-creating or redrawing a chart', async () => {
    const o = await open(`${link.url}?interval=1&refresh=5`);
    const { page } = o;
    await page.locator('[data-screen]').waitFor();
    // Count the rotations in the page.
    await page.evaluate(() => {
      const w = window as unknown as { rotations: number };
      w.rotations = 0;
      new MutationObserver(() => { w.rotations++; }).observe(document.querySelector('[data-screen]')!, { attributes: true, attributeFilter: ['data-current-scene'] });
    });
    const rotations = () => page.evaluate(() => (window as unknown as { rotations: number }).rotations);
    const reading = () => page.evaluate(() => {
      (window as unknown as { gc: () => void }).gc();
      const memory = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory;
      const charts = [...document.querySelectorAll<HTMLElement>('[data-chart-inits]')];
      return {
        heap: memory.usedJSHeapSize,
        nodes: document.getElementsByTagName('*').length,
        inits: charts.map((c) => c.dataset.chartInits).join(),
        updates: charts.map((c) => c.dataset.chartUpdates).join(),
      };
    });
    await expect.poll(rotations, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const first = await reading();
    const start = await rotations();
    await expect.poll(rotations, { timeout: 100_000, interval: 1000 }).toBeGreaterThanOrEqual(start + 60);
    const last = await reading();
    const growth = { heap: last.heap / first.heap - 1, nodes: last.nodes / first.nodes - 1 };
    console.log(`screen memory after ${await rotations() - start} rotations: heap ${(first.heap / 1e6).toFixed(2)} → ${(last.heap / 1e6).toFixed(2)} MB (${(growth.heap * 100).toFixed(1)}%), DOM nodes ${first.nodes} → ${last.nodes} (${(growth.nodes * 100).toFixed(1)}%)`);
    expect(Math.abs(growth.heap)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(growth.nodes)).toBeLessThanOrEqual(0.2);
    // No chart was re-created by a rotation, and none redrawn by a refresh that brought the same data.
    expect(last.inits).toBe(first.inits);
    expect(last.updates).toBe(first.updates);
    expect(o.problems).toEqual([]);
    await o.close();
  }, 130_000);
});
