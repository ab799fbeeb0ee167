// The entry form's plausibility checks in Chromium, on the published seed (宁波高新区: GDP 289.4亿元 in
// 2020, nothing since): a park manager types GDP 3 200 000 亿元 for 2024 and, before saving, sees beside
// the field that it is impossible, that it is probably 万元 typed as 亿元, and a button that puts the
// corrected 320亿元 in; the previous figure shows its year. A warning (a value far from 2020's) needs the
// confirmation and a note that names 2020 — the same year as its message — and only then is saved, the
// note kept in the figure's history. In English the same messages read in English.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD } from '../server/testing/client.ts';
import { startServer, type RunningServer } from '../server/testing/server-process.ts';
import { buildWeb, done, launchBrowser, openPage, refused, shoot, signInAs, VIEWPORTS } from './support.ts';

const LONG = 120_000;
const TODAY = '2025-06-15';

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('plausibility checks in the entry form', () => {
  let tmp: string;
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let ningbo: number;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-checks-'));
    dataDir = path.join(tmp, 'data');
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ dataDir, env: { WEB_ROOT: path.join(tmp, 'web'), DATABASE_URL: '', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, TODAY } });
    const admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    ningbo = (await admin.get<{ id: number; name: string }[]>('/api/parks')).find((p) => p.name === '宁波高新区')!.id;
    await createUserAndSignIn(server.url, admin, { username: 'ningbo', role: 'park_manager', parkIds: [ningbo] });
    await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function storedGdp(year: number) {
    const h = openDatabase({ databaseUrl: undefined, dataDir });
    try {
      return await h.db.selectFrom('reported_values').selectAll().where('park_id', '=', ningbo).where('indicator_code', '=', 'gdp').where('year', '=', year).executeTakeFirst();
    } finally {
      await h.close();
    }
  }
  const row = (page: Page, code: string) => page.locator(`[data-entry-row="${code}"]`);

  it('shows the impossible GDP beside the field before saving, names the 万元/亿元 slip, and its button puts 320亿元 in', async () => {
    const t = await openPage(browser, `${server.url}/login`, VIEWPORTS.laptop, { today: TODAY });
    const { page } = t;
    await signInAs(page, server.url, 'ningbo', 'ningbo-password-123');
    await page.goto(`${server.url}/entry/${ningbo}/2024`);
    await row(page, 'gdp').waitFor();
    // The previous figure names its year: 2020, four years back, is not "上年".
    expect(await row(page, 'gdp').getByTestId('last-year').innerText()).toContain('2020年 289.4亿元');

    await page.fill('[data-value-input="gdp"]', '3200000');
    const problems = row(page, 'gdp').locator('[data-row-problems="gdp"]');
    const impossible = problems.locator('[data-problem="impossible_value"]');
    await impossible.waitFor();
    const text = await impossible.innerText();
    expect(text).toContain('万元与亿元混淆');
    expect(text).toContain('320亿元');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    expect(await impossible.getAttribute('data-grade')).toBe('error');
    expect(await problems.locator('[data-problem="implausible_jump"]').innerText()).toContain('与2020年的 289.4亿元相比');
    // Refused outright: no confirmation is offered beside an error.
    expect(await page.locator('[data-confirm-row="gdp"]').count()).toBe(0);
    expect(await storedGdp(2024)).toBeUndefined();
    await shoot(page, 'entry-plausibility');

    await problems.locator('[data-apply-suggestion="gdp"]').first().click();
    await expect.poll(() => page.inputValue('[data-value-input="gdp"]')).toBe('320');
    await expect.poll(() => problems.count()).toBe(0);
    await page.click('[data-save-draft]');
    await page.locator('[data-entry-outcome="saved"]').waitFor();
    expect(await storedGdp(2024)).toMatchObject({ value: 320, status: 'draft' });
    await done(t);
  }, LONG);

  it('needs the confirmation and a note for a warning, naming the same year in the message and the checkbox', async () => {
    const t = await openPage(browser, `${server.url}/login`, VIEWPORTS.laptop, { today: TODAY });
    const { page } = t;
    await signInAs(page, server.url, 'ningbo', 'ningbo-password-123');
    await page.goto(`${server.url}/entry/${ningbo}/2023`);
    await row(page, 'gdp').waitFor();
    // 2600亿元 in 2023 between 289.4 (2020) and 320 (2024): ×9 in three years is questioned.
    await page.fill('[data-value-input="gdp"]', '2600');
    const jump = row(page, 'gdp').locator('[data-problem="implausible_jump"]');
    await jump.waitFor();
    expect(await jump.getAttribute('data-grade')).toBe('warning');
    expect(await jump.innerText()).toContain('与2020年的 289.4亿元相比');
    const confirm = page.locator('[data-confirm-row="gdp"]');
    expect(await confirm.innerText()).toContain('与2020年的 289.4亿元 相比');

    // Confirmed without a note: nothing is sent.
    await page.check('[data-confirm="gdp"]');
    await page.click('[data-save-draft]');
    await page.locator('[data-entry-error]').waitFor();
    expect(await storedGdp(2023)).toBeUndefined();
    await page.fill('[data-confirm-note="gdp"]', '2023年起含托管的杭州湾片区');
    await page.click('[data-save-draft]');
    await page.locator('[data-entry-outcome="saved"]').waitFor();
    expect(await storedGdp(2023)).toMatchObject({ value: 2600, note: '2023年起含托管的杭州湾片区' });

    // Submitted, the reviewer sees the same year questioned and the writer's explanation.
    await page.click('[data-submit]');
    await page.locator('[data-entry-outcome="submitted"]').waitFor();
    await done(t, refused(422, /\/api\/values/));

    const r = await openPage(browser, `${server.url}/login`, VIEWPORTS.laptop, { today: TODAY });
    await signInAs(r.page, server.url, 'planner1', 'planner1-password-123');
    await r.page.goto(`${server.url}/review`);
    const item = r.page.locator(`[data-review-group="${ningbo}-2023"] [data-review-item="gdp"]`);
    await item.waitFor();
    expect(await item.locator('[data-jump-against]').getAttribute('data-jump-against')).toBe('2020');
    expect(await item.innerText()).toContain('2020年 289.4亿元');
    expect(await item.locator('[data-review-note="gdp"]').innerText()).toBe('填报人确认说明: 2023年起含托管的杭州湾片区');
    await shoot(r.page, 'review-plausibility');
    await done(r);
  }, LONG);

  it('reads the same messages in English in the English interface', async () => {
    const t = await openPage(browser, `${server.url}/login`, VIEWPORTS.laptop, { today: TODAY, locale: 'en' });
    const { page } = t;
    await signInAs(page, server.url, 'ningbo', 'ningbo-password-123');
    await page.goto(`${server.url}/entry/${ningbo}/2022`);
    await row(page, 'gdp').waitFor();
    await page.fill('[data-value-input="gdp"]', '3200000');
    const impossible = row(page, 'gdp').locator('[data-problem="impossible_value"]');
    await impossible.waitFor();
    expect(await impossible.innerText()).toContain('beyond what a park can have');
    expect(await impossible.innerText()).not.toMatch(/[\u4e00-\u9fff]{4,}/);
    await done(t);
  }, LONG);
});
