// The interface speaks Chinese to Chinese users (issue 12), checked as a reader would: every page of
// the app (web/app/routes.tsx), signed in as an admin, a planner and a park manager, at 1366×768 and at
// 375 px, in Chinese, on the published seed. The page's text and its tooltips, labels and placeholders
// show no English, no indicator or source codes, no “(seed)”, no large number without separators or
// 万/亿, no count with decimals (e2e/chinese-text.ts). Screenshots in test-results/ (zh-*.png).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD } from '../server/testing/client.ts';
import { startServer, TEST_TODAY, type RunningServer } from '../server/testing/server-process.ts';
import { chineseTextProblems } from './chinese-text.ts';
import { buildWeb, done, launchBrowser, openPage, overflowsHorizontally, screenshot, signInAs, VIEWPORTS } from './support.ts';

const USERS = { admin: ['admin', TEST_ADMIN_PASSWORD], planner: ['planner1', 'planner1-password-123'], manager: ['ningbo', 'ningbo-password-123'] } as const;
const NAMES = ['admin', 'planner1', 'ningbo', '1e308'];

/** Waits until the page has its data and its charts drawn: no request in flight, nothing loading, every chart ready. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[data-query-state="loading"], [aria-busy="true"]')
    && document.querySelectorAll('[data-chart]').length === document.querySelectorAll('[data-chart-ready]').length
    && (document.querySelector('main, [data-scene], [data-screen-error]') !== null || document.body.innerText.trim().length > 0));
}

/** The text a reader meets: the page's words, and its tooltips, accessible labels and placeholders. */
async function readerText(page: Page): Promise<string> {
  return page.evaluate(() => [
    document.body.innerText,
    ...[...document.querySelectorAll('[title], [aria-label], [placeholder]')].flatMap((el) => ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? '')),
    document.title,
  ].join('\n'));
}

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('the Chinese interface in the browser', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;
  let pages: [string, string][];
  let ningbo: number;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-zh-'));
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ dataDir: path.join(tmp, 'data'), env: { WEB_ROOT: path.join(tmp, 'web'), DATABASE_URL: '', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    browser = await launchBrowser();
    const admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    const parks = await admin.get<{ id: number; name: string }[]>('/api/parks?province=330000');
    ningbo = parks.find((p) => p.name === '宁波高新区')!.id;
    await createUserAndSignIn(server.url, admin, { username: 'ningbo', role: 'park_manager', parkIds: [ningbo] });
    await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
    const round = await admin.request('POST', '/api/rounds', { year: 2025, provinceCode: '330000', deadline: '2026-12-31' });
    if (round.status !== 201) throw new Error(`opening a round: ${round.status} ${JSON.stringify(round.body)}`);
    const screen = await admin.request('POST', '/api/screens', { label: '会议室', provinceCode: '330000', scenes: ['targets', 'laggards', 'ranking'] });
    if (screen.status !== 201) throw new Error(`creating a screen link: ${screen.status} ${JSON.stringify(screen.body)}`);
    const targets = await admin.get<{ id: number; code: string }[]>('/api/targets?province=330000');
    const plans = await admin.get<{ id: number }[]>('/api/plans');
    // Every route of web/app/routes.tsx, with real ids.
    pages = [
      ['overview', '/'], ...targets.map((t) => [`target-${t.code}`, `/targets/${t.id}`] as [string, string]),
      ['parks', '/parks'], ['park-ningbo', `/parks/${ningbo}`], ['map', '/map'], ['heatmap', '/heatmap'], ['compare', '/compare'],
      ['plans', '/plans'], ['plan', `/plans/${plans[0]!.id}`], ['tasks', '/tasks'], ['entry', '/entry'], ['entry-ningbo', `/entry/${ningbo}/2025`],
      ['entry-region', '/entry/region/330000/2025'], ['import', '/import'], ['review', '/review'], ['rounds', '/rounds'],
      ['round', `/rounds/${round.body.id}`], ['audit', '/audit'], ['admin', '/admin'], ['extract', '/extract'],
      ['screen', screen.body.url as string], ['not-found', '/no/such/page'],
    ];
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const role of Object.keys(USERS) as (keyof typeof USERS)[]) {
    for (const viewport of [VIEWPORTS.laptop, VIEWPORTS.phone]) {
      it(`shows ${role} every page at ${viewport.width} px in Chinese only: no English, codes or unformatted numbers`, async () => {
        const t = await openPage(browser, `${server.url}/login`, viewport, { today: TEST_TODAY });
        const { page } = t;
        await signInAs(page, server.url, USERS[role][0], USERS[role][1]);
        const found: string[] = [];
        for (const [name, url] of pages) {
          await page.goto(server.url + url);
          await settled(page);
          for (const p of chineseTextProblems(await readerText(page), NAMES)) found.push(`${name}: ${p.rule} “${p.fragment}” in “${p.line.slice(0, 120)}”`);
          // A browser's own file button speaks the browser's language (“Choose File”): pages show their own.
          if (await page.evaluate(() => [...document.querySelectorAll('input[type=file]')].some((el) => (el as HTMLElement).offsetWidth > 1))) found.push(`${name}: the browser's own file button is shown`);
          // The wall display is drawn for a wall, not a phone; every other page fits 375 px.
          if (name !== 'screen' && await overflowsHorizontally(page)) found.push(`${name}: scrolls sideways at ${viewport.width} px`);
          await screenshot(page, `zh-${role}-${name}-${viewport.width}`);
        }
        expect([...new Set(found)]).toEqual([]);
        // Pages a role may not open say so (403 from the API on purpose); nothing else fails.
        await done(t, [/^HTTP 403: /, /status of 403/]);
      }, 300_000);
    }
  }

  it('speaks Chinese when a park manager’s figures are refused, in the form and in the import', async () => {
    const t = await openPage(browser, `${server.url}/login`, VIEWPORTS.laptop, { today: TEST_TODAY });
    const { page } = t;
    await signInAs(page, server.url, 'ningbo', 'ningbo-password-123');
    // The form: GDP typed in 万元 as if 亿元 (宁波's last figure is 2020's), R&D spending negative.
    await page.goto(`${server.url}/entry/${ningbo}/2025`);
    await page.locator('[data-value-input="gdp"]').fill('3200000');
    await page.locator('[data-value-input="rd_spending"]').fill('-5');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const gdpProblems = page.locator('[data-row-problems="gdp"]');
    await gdpProblems.waitFor();
    const formText = await page.locator('main').innerText();
    expect(chineseTextProblems(formText, NAMES)).toEqual([]);
    expect(await gdpProblems.innerText()).toContain('万元与亿元');
    expect(formText).not.toContain('-0%');
    await screenshot(page, 'zh-manager-entry-refused-1366');

    // The import: the same slips, R&D spending above GDP, and an area that overflows once in 亩.
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('[data-import-file]', {
      name: '2025-有错.csv', mimeType: 'text/csv', buffer: Buffer.from([
        '园区,指标,年份,数值,单位,备注,确认',
        '宁波高新区,地区生产总值,2025,3200000,亿元,,',
        '宁波高新区,R&D经费支出,2024,400,亿元,,',
        '宁波高新区,地区生产总值,2024,300,亿元,,',
        '宁波高新区,土地面积,2025,1e308,平方公里,,',
      ].join('\n'), 'utf8'),
    });
    await page.click('[data-dry-run]');
    const problems = page.locator('[data-problems-table] tbody tr');
    await problems.first().waitFor();
    const importText = await page.locator('main').innerText();
    expect(chineseTextProblems(importText, NAMES)).toEqual([]);
    expect(await page.locator('[data-problems-table]').innerText()).toContain('万元与亿元');
    await screenshot(page, 'zh-manager-import-refused-1366');
    // Refusals are 422s the steps provoke on purpose.
    await done(t, [/^HTTP 422: /, /status of 422/]);
  }, 120_000);
});
