// Nothing waits unseen, in Chromium on the published seed: the navigation counts each user's open
// tasks; a figure a planner sends back is in the park manager's 我的待办 with the comment, with no
// round open, and leads to its row in the form. An admin changes a user's role and parks.
// Screenshots in test-results/ (tasks-*.png).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from '../server/testing/client.ts';
import { docxOf, scannedPdfOf } from '../server/testing/documents.ts';
import { startServer, type RunningServer } from '../server/testing/server-process.ts';
import { buildWeb, done, launchBrowser, openPage, refused, shoot, signInAs, VIEWPORTS } from './support.ts';

const LONG = 120_000;

describe.skipIf(process.env.SKIP_BROWSER_TESTS === '1')('tasks, roles and files in the browser', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;
  let admin: Client;
  let planner: Client;
  let manager: Client & { userId: number };
  let parkId: Record<string, number>;
  const qt = () => parkId['萧山临江高新区']!;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mubiao-e2e-tasks-'));
    await buildWeb(path.join(tmp, 'web'));
    server = await startServer({ dataDir: path.join(tmp, 'data'), env: { WEB_ROOT: path.join(tmp, 'web'), DATABASE_URL: '', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    parkId = Object.fromEntries((await admin.get<{ id: number; name: string }[]>('/api/parks')).map((p) => [p.name, p.id]));
    manager = await createUserAndSignIn(server.url, admin, { username: 'qiantang', role: 'park_manager', parkIds: [qt()] });
    planner = await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe('我的待办', () => {
    it('counts the planner’s figures to review in the navigation', async () => {
      // The manager submits 2022's count of high-tech enterprises; no round is open.
      const put = await manager.request('PUT', '/api/values', { values: [{ parkId: qt(), indicator: 'hte_count', year: 2022, value: 905 }], status: 'submitted' });
      expect(put.status).toBe(200);
      const t = await openPage(browser, `${server.url}/`, VIEWPORTS.laptop);
      const { page } = t;
      await signInAs(page, server.url, 'planner1', 'planner1-password-123');
      const expected = (await planner.get<unknown[]>('/api/tasks')).length;
      expect(expected).toBeGreaterThan(0);
      const count = page.getByTestId('app-nav').locator('[data-nav-count]');
      await count.waitFor();
      expect(await count.getAttribute('data-nav-count')).toBe(String(expected));
      expect(await count.locator('[aria-hidden="true"]').innerText()).toBe(String(expected));
      // a screen reader hears the count in words
      await page.getByTestId('app-nav').getByRole('link', { name: new RegExp(`^我的待办\\s*${expected} 项待办$`) }).waitFor();
      const review = page.locator('[data-task="review"][data-task-year="2022"]');
      await review.waitFor();
      expect(await review.innerText()).toContain('2022年有 1 项已提交的数据待审核');
      await done(t);
    }, LONG);

    it('shows a park manager the returned figure with the comment, counted in the navigation, and leads to its row', async () => {
      const t = await openPage(browser, `${server.url}/`, VIEWPORTS.laptop);
      const { page } = t;
      await signInAs(page, server.url, 'qiantang', 'qiantang-password-123');
      expect(new URL(page.url()).pathname).toBe('/tasks');
      // Nothing waits yet: no count, and the page says so.
      await page.getByText('没有待办事项').waitFor();
      expect(await page.getByTestId('app-nav').locator('[data-nav-count]').count()).toBe(0);

      const [figure] = await manager.get<{ id: number; version: number }[]>(`/api/values?park=${qt()}&indicator=hte_count&from=2022&to=2022`);
      const sentBack = await planner.request('POST', '/api/values/return', { items: [{ id: figure!.id, version: figure!.version }], comment: '请附统计局证明' });
      expect(sentBack.status).toBe(200);

      // Coming back to the page (a focus, a reload, or the minute's refresh) shows it.
      await page.reload();
      const task = page.locator(`[data-task="fix_returned"][data-task-park="${qt()}"]`);
      await task.waitFor();
      expect(await task.innerText()).toContain('萧山临江高新区 2022年有 1 项数据被退回, 请修改后重新提交');
      const returned = task.locator('[data-returned="hte_count"]');
      expect(await returned.innerText()).toContain('国家高新技术企业数');
      expect(await returned.locator('[data-returned-comment]').innerText()).toBe('请附统计局证明');
      expect(await returned.innerText()).toContain('planner1 退回');
      const count = page.getByTestId('app-nav').locator('[data-nav-count]');
      await count.waitFor();
      expect(await count.locator('[aria-hidden="true"]').innerText()).toBe('1');
      expect(await page.getByTestId('app-nav').getByRole('link', { name: /^我的待办\s*1 项待办$/ }).getAttribute('href')).toBe('/tasks');
      await shoot(page, 'tasks-returned');

      await returned.getByRole('link', { name: '去修改' }).click();
      await page.waitForURL(`**/entry/${qt()}/2022?field=hte_count`);
      const row = page.locator('[data-entry-row="hte_count"]');
      await row.waitFor();
      expect(await row.getAttribute('data-focused')).toBe('true');
      expect(await row.locator('[data-review-comment]').innerText()).toContain('请附统计局证明');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-value-input'))).toBe('hte_count');
      await shoot(page, 'tasks-entry-focused');
      await done(t);
    }, LONG);
  });

  describe('the admin page', () => {
    it('changes a user’s role and parks, and says why the last admin cannot demote itself', async () => {
      await createUserAndSignIn(server.url, admin, { username: 'switcher', role: 'viewer' });
      const t = await openPage(browser, `${server.url}/`, VIEWPORTS.laptop);
      const { page } = t;
      await signInAs(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
      await page.goto(`${server.url}/admin`);
      const row = page.locator('[data-user="switcher"]');
      await row.waitFor();
      expect(await row.locator('[data-user-role]').innerText()).toBe('只读用户');

      await row.locator('[data-edit-user="switcher"]').click();
      const form = row.locator('[data-role-form="switcher"]');
      await form.locator('select').selectOption('park_manager');
      await form.getByRole('searchbox').fill('宁波');
      await form.getByRole('checkbox', { name: '宁波高新区' }).check();
      await shoot(page, 'tasks-admin-role');
      await form.getByRole('button', { name: '保存' }).click();
      await row.locator('[data-role-saved]').waitFor();
      expect(await row.locator('[data-user-role]').innerText()).toBe('园区填报员');
      expect(await row.innerText()).toContain('宁波高新区');
      const stored = (await admin.get<{ username: string; role: string; parkIds: number[] }[]>('/api/users')).find((u) => u.username === 'switcher');
      expect(stored).toMatchObject({ role: 'park_manager', parkIds: [parkId['宁波高新区']] });

      // The only admin tries to make itself a planner: refused, in words, and nothing changes.
      const me = page.locator('[data-user="admin"]');
      await me.locator('[data-edit-user="admin"]').click();
      await me.locator('[data-role-form="admin"] select').selectOption('planner');
      await me.locator('[data-role-form="admin"]').getByRole('button', { name: '保存' }).click();
      const error = me.locator('[data-user-error]');
      await error.waitFor();
      expect(await error.innerText()).toContain('这是最后一个可用的管理员账号');
      expect(await me.locator('[data-user-role]').innerText()).toBe('系统管理员');
      expect((await admin.get<{ username: string; role: string }[]>('/api/users')).find((u) => u.username === 'admin')!.role).toBe('admin');
      await done(t, refused(409, /\/api\/users\/\d+/));
    }, LONG);
  });

  describe('导出Word报告', () => {
    it('downloads the report of the current filters, shows progress while it is made, and says in words why one fails', async () => {
      // Only planners and admins get the button.
      const m = await openPage(browser, `${server.url}/`, VIEWPORTS.laptop);
      await signInAs(m.page, server.url, 'qiantang', 'qiantang-password-123');
      await m.page.goto(`${server.url}/?province=330000`);
      await m.page.locator('[data-target-code]').first().waitFor();
      expect(await m.page.locator('[data-report-button]').count()).toBe(0);
      await done(m);

      const t = await openPage(browser, `${server.url}/`, VIEWPORTS.laptop, { acceptDownloads: true });
      const { page } = t;
      await signInAs(page, server.url, 'planner1', 'planner1-password-123');
      await page.goto(`${server.url}/?province=330000&basis=submitted`);
      await page.locator('[data-target-code]').first().waitFor();
      const button = page.getByRole('button', { name: '导出Word报告' });
      const requested = page.waitForRequest((r) => r.url().includes('/api/reports/progress.docx'));
      const downloading = page.waitForEvent('download');
      await button.click();
      // while the server writes it, the button says so
      await page.locator('[data-report-progress]').waitFor();
      expect(await page.locator('[data-report-button]').innerText()).toBe('正在生成报告…');
      expect(new URL((await requested).url()).searchParams.toString()).toBe('province=330000&basis=submitted');
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.length).toBeGreaterThan(10_000);
      await page.locator('[data-report-done]').waitFor();
      expect(await page.locator('[data-report-button]').innerText()).toBe('导出Word报告');

      // A province without targets: the server's refusal, in words.
      await page.goto(`${server.url}/?province=110000`);
      await page.getByRole('button', { name: '导出Word报告' }).click();
      const error = page.locator('[data-report-error]');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/^报告未能生成: .*[\u4e00-\u9fff]/);
      expect(await error.innerText()).not.toMatch(/[A-Za-z]{3,}/);
      await done(t, refused(404, /\/api\/reports\/progress\.docx/));
    }, LONG);

    it('offers the report on a target’s page, for the target’s province', async () => {
      const t = await openPage(browser, `${server.url}/`, VIEWPORTS.laptop, { acceptDownloads: true });
      const { page } = t;
      await signInAs(page, server.url, 'planner1', 'planner1-password-123');
      const t1 = (await admin.get<{ id: number; code: string }[]>('/api/targets')).find((x) => x.code === 'T1')!.id;
      await page.goto(`${server.url}/targets/${t1}`);
      const requested = page.waitForRequest((r) => r.url().includes('/api/reports/progress.docx'));
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出Word报告' }).click();
      expect(new URL((await requested).url()).searchParams.get('province')).toBe('330000');
      const bytes = readFileSync((await (await downloading).path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      await shoot(page, 'tasks-target-report');
      await done(t);
    }, LONG);
  });

  describe('extraction from an uploaded document', () => {
    /** A plan with numbered goals, a stretch value (力争) and a restatement (提高2个百分点, 达到55%). */
    const PLAN = [
      '浙江省高新区提质增效三年行动计划（2025—2027年）',
      '一、主要目标',
      '（一）到2027年，全省高新区研发经费支出占地区生产总值比重达到8.5%左右。',
      '（二）高新技术企业数量达到3万家以上、力争达到3.5万家；三年内，规上工业增加值占全省比重提高2个百分点，达到55%。',
    ].join('\n');

    it('reads a .docx, highlights its candidates as for pasted text, keeps the stretch value with its target, and refuses a scan in words', async () => {
      const t = await openPage(browser, `${server.url}/`, VIEWPORTS.laptop);
      const { page } = t;
      await signInAs(page, server.url, 'planner1', 'planner1-password-123');
      await page.goto(`${server.url}/extract`);
      await page.locator('[data-extract-form]').waitFor();
      await page.fill('[data-extract-year]', '2024');
      const pasted = (await planner.request('POST', '/api/extract-targets', { text: PLAN, documentYear: 2024, regionCode: '330000' })).body;

      await page.locator('[data-extract-file]').setInputFiles({ name: '行动计划.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(await docxOf(PLAN)) });
      await page.locator('[data-upload-read]').waitFor();
      expect(await page.locator('[data-upload-read]').innerText()).toBe(`已读取 行动计划.docx: ${PLAN.length} 字`);
      // the text read fills the box and is shown with the candidates marked, as for pasted text
      expect(await page.locator('[data-extract-text]').inputValue()).toBe(PLAN);
      const shown = await page.locator('[data-highlighted-text]').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[data-mark-number]').forEach((n) => n.remove());
        return copy.textContent;
      });
      expect(shown).toBe(PLAN);
      const all = pasted.candidates as { id: string; quote: string; alternativeOf: string | null; alternative: string | null; stretchValue: number | null }[];
      for (const c of all) {
        const words = await page.locator(`mark[data-marks~="${c.id}"]`).evaluateAll((els) => els.map((e) => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')).join(''));
        expect(words).toBe(c.quote);
      }
      // one card per target; the 力争 value and the restatement are shown inside their target's card
      const own = all.filter((c) => c.alternativeOf === null);
      expect(await page.locator('[data-candidate]').evaluateAll((els) => els.map((e) => e.getAttribute('data-candidate')))).toEqual(own.map((c) => c.id));
      const stretch = all.find((c) => c.alternative === 'stretch')!;
      const owner = page.locator(`[data-candidate="${stretch.alternativeOf}"]`);
      expect(await owner.locator('[data-alternative="stretch"]').innerText()).toContain('力争达到3.5万家');
      expect(await owner.locator('[data-field="stretchValue"]').inputValue()).toBe('35000');
      const restated = all.find((c) => c.alternative === 'restatement')!;
      expect(await page.locator(`[data-candidate="${restated.alternativeOf}"] [data-alternative="restatement"]`).innerText()).toContain(restated.quote);
      await shoot(page, 'tasks-extract-upload');

      // accept the target with its stretch value into a new plan: one target, 力争 kept
      await owner.locator(`[data-accept-check="${stretch.alternativeOf}"]`).check();
      await page.fill('[data-plan-field="title"]', '浙江省高新区提质增效三年行动计划');
      await page.click('[data-accept]');
      const outcome = page.locator('[data-accept-outcome]');
      await outcome.waitFor();
      const planId = Number(await outcome.getAttribute('data-accept-outcome'));
      const targets = await admin.get<{ indicator: { code: string }; targetValue: number; stretchValue: number | null }[]>(`/api/targets?plan=${planId}`);
      expect(targets.map((x) => [x.indicator.code, x.targetValue, x.stretchValue])).toEqual([['hte_count', 30000, 35000]]);
      // the card and the target's page show the stretch value beside the target
      await page.goto(`${server.url}/?province=330000&plan=${planId}`);
      const card = page.locator('[data-target-code]');
      await card.waitFor();
      expect(await card.locator('[data-stretch]').innerText()).toBe('力争 3.5万家');
      await card.getByRole('link').first().click();
      const goal = page.locator('[data-kpi="goal"]');
      await goal.waitFor();
      expect(await goal.innerText()).toContain('力争 3.5万家');
      await page.goto(`${server.url}/plans/${planId}`);
      await page.locator('[data-target-stretch]').waitFor();
      expect(await page.locator('[data-target-stretch]').innerText()).toBe('力争 3.5万家');
      await page.goto(`${server.url}/extract`);
      await page.locator('[data-extract-form]').waitFor();

      // a scan has no text: the page says so in words
      await page.locator('[data-extract-file]').setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scannedPdfOf()) });
      const refusal = page.locator('[data-upload-error]');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('这可能是扫描件(图片)');
      // over the limit: said before anything is sent
      await page.locator('[data-extract-file]').setInputFiles({ name: '汇编.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
      await expect.poll(() => refusal.innerText()).toContain('“汇编.pdf”超过 10 MB');
      await done(t, refused(422, /\/api\/extract-targets/));
    }, LONG);
  });
});
