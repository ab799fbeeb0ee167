// The progress report a planner hands upward (GET /api/reports/progress.docx), on the published seed as
// a planner meets it in December 2026 after 宁波's 2025 figures were approved (one park of eight):
// the .docx is opened as a zip and every target's name, status words and numbers are held against
// GET /api/progress; the charts are in it; only planners and admins get it; and LibreOffice prints it
// as pages with something on them. On SQLite and on PostgreSQL.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressDetailT, ProgressEntryT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { canConvertToPdf, docxToPdfPages, inkShare, openDocx, type OpenedDocx } from './testing/report-files.ts';
import { REPO_ROOT, startServer, TEST_TODAY, type RunningServer } from './testing/server-process.ts';

const REPORT = '/api/reports/progress.docx?province=330000';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The badge's words, written out here: what a planner reads on every view. */
const STATUS_WORDS: Record<string, string> = {
  achieved: '已达成', on_track: '按期推进', needs_acceleration: '需加快', limited: '进展有限', regressing: '退步', missed: '未达成', insufficient_data: '数据不足',
};
const statusWord = (e: ProgressEntryT) => (e.held && e.status === 'achieved' ? '保持' : STATUS_WORDS[e.status]!);

/** A number as the report writes it, worked out here by hand: whole ranks and counts, two decimals at most. */
function figure(value: number, unit: string): string {
  const shown = ['名', '家', '个'].includes(unit) ? Math.round(value) : Number(value.toFixed(value >= 100 ? 1 : 2));
  return `${shown}${unit}`;
}
const difference = (value: number, unit: string) => (unit === '%' ? `${Number(value.toFixed(2))}个百分点` : figure(value, unit));

/** The date the test servers believe it is (TEST_TODAY at this time of day, server-process.ts), in China. */
function expectedDateInChina(): string {
  const serverNow = Date.parse(`${TEST_TODAY}T${new Date().toISOString().slice(11)}`);
  const cst = new Date(serverNow + 8 * 3600_000);
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日`;
}

/** Each target's section, by its code: from its (一) heading to the next heading of that level or above. */
function sections(doc: OpenedDocx): Map<string, string> {
  const groups: string[][] = [];
  let current: string[] | null = null;
  for (const p of doc.paragraphs) {
    if (p.style === 'Heading1') current = null;
    else if (p.style === 'Heading2') groups.push((current = [p.text]));
    else current?.push(p.text);
  }
  const out = new Map<string, string>();
  for (const g of groups) {
    const code = g.map((t) => /^目标编号 (\S+);/.exec(t)?.[1]).find(Boolean);
    if (code) out.set(code, g.join('\n'));
  }
  return out;
}

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`the progress report on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let progress: ProgressEntryT[];
    let response: Response;
    let bytes: Uint8Array;
    let doc: OpenedDocx;
    let bySection: Map<string, string>;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      const parks: { id: number; name: string }[] = await admin.get('/api/parks?province=330000');
      const ningbo = parks.find((p) => p.name === '宁波高新区')!.id;
      const manager = await createUserAndSignIn(server.url, admin, { username: 'ningbo', role: 'park_manager', parkIds: [ningbo] });
      // 2025: R&D 24.5亿 over GDP 320.6亿 = 7.64%, from one park of the eight: provisional, deciding nothing.
      const written = await manager.request('PUT', '/api/values', {
        status: 'submitted',
        values: [
          { parkId: ningbo, indicator: 'gdp', year: 2025, value: 320.6, unit: '亿元' },
          { parkId: ningbo, indicator: 'rd_spending', year: 2025, value: 24.5, unit: '亿元' },
        ],
      });
      if (written.status !== 200) throw new Error(`writing 宁波's figures: ${written.status} ${JSON.stringify(written.body)}`);
      const approved = await admin.request('POST', '/api/values/approve', { items: written.body.written.map((w: { id: number; version: number }) => ({ id: w.id, version: w.version })) });
      if (approved.status !== 200) throw new Error(`approving them: ${approved.status} ${JSON.stringify(approved.body)}`);
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner', role: 'planner' });
      progress = await planner.get('/api/progress?province=330000');
      response = await planner.fetch(REPORT);
      bytes = new Uint8Array(await response.arrayBuffer());
      doc = await openDocx(bytes);
      bySection = sections(doc);
      if (kind.kind === 'sqlite') {
        mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
        writeFileSync(path.join(REPO_ROOT, 'test-results', 'progress-report.docx'), bytes);
      }
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('answers a Word document with the report’s Chinese file name', () => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(DOCX);
      const fileName = `浙江省高新区发展目标进展监测报告-${expectedDateInChina().replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)}.docx`;
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="progress-report.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      expect(Object.keys(doc.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/fontTable.xml']));
    });

    it('is A4 with page numbers, its body in 仿宋_GB2312 with a fallback, titled and dated', () => {
      const document = doc.xml('word/document.xml');
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      const footers = Object.keys(doc.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => doc.xml(f)).join('');
      expect(footers).toMatch(/PAGE/);
      expect(doc.xml('word/styles.xml')).toContain('w:eastAsia="仿宋_GB2312"');
      expect(doc.xml('word/fontTable.xml')).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
      expect(doc.xml('word/fontTable.xml')).toMatch(/<w:font w:name="仿宋"><w:altName w:val="FangSong"\/>/);
      expect(doc.paragraphs[0]).toEqual({ style: 'Title', text: '浙江省高新区发展目标进展监测报告' });
      // The latest figure used is 宁波's 2025 (provisional); the date is the server's, in China.
      expect(doc.paragraphs[1]!.text).toBe(`(数据截至2025年, ${expectedDateInChina()}生成)`);
      expect(doc.paragraphs[2]!.text).toContain('计入数据: 仅已审核');
      expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['一、总体情况', '二、各目标进展', '三、数据说明']);
      expect(doc.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text).slice(0, 2)).toEqual([
        '(一) R&D经费支出占GDP比重 (浙江省 高新区)', '(二) 亩均税收 (浙江省 高新区)',
      ]);
    });

    it('counts the targets per status as GET /api/progress does', () => {
      const count = (word: string) => progress.filter((e) => statusWord(e) === word).length;
      const overview = doc.paragraphs.find((p) => p.text.startsWith('本报告共监测目标'))!.text;
      expect(overview).toContain(`本报告共监测目标${progress.length}项`);
      for (const word of new Set(progress.map(statusWord))) expect(overview).toContain(`${word}${count(word)}项`);
      // The table: every status of the scale with its count, 0 included.
      const texts = doc.paragraphs.map((p) => p.text);
      const row = (word: string) => texts[texts.indexOf(word) + 1];
      for (const word of ['已达成', '保持', '按期推进', '需加快', '进展有限', '退步', '未达成', '数据不足']) expect(row(word), word).toBe(String(count(word)));
    });

    it('has a section for every target with its name, status words and numbers as the API gives them', () => {
      expect([...bySection.keys()]).toEqual(progress.map((e) => e.code));
      for (const e of progress) {
        const text = bySection.get(e.code)!;
        expect(text, e.code).toContain(e.indicator.nameZh);
        expect(text, e.code).toContain(`状态: ${statusWord(e)}`);
        if (e.quote) expect(text, e.code).toContain(e.quote);
        if (e.latestValue !== null) expect(text, e.code).toContain(figure(e.latestValue, e.unit));
        if (e.targetValue !== null && e.scope.kind !== 'coverage') expect(text, e.code).toContain(figure(e.targetValue, e.unit));
        if (e.gap !== null && e.gap > 0) expect(text, e.code).toContain(difference(e.gap, e.unit));
        for (const r of e.coverage?.uncovered ?? []) expect(text, e.code).toContain(r.name);
      }
    });

    it('says the provisional, stale, held and limited states exactly as the views do', () => {
      const t1 = progress.find((e) => e.code === 'T1')!;
      expect([t1.status, t1.statusReason, t1.provisionalLatest?.parksIncluded, t1.provisionalLatest?.parksExpected]).toEqual(['insufficient_data', 'incomplete', 1, 8]);
      expect(t1.provisionalLatest!.value.toFixed(2)).toBe('7.64');
      expect(bySection.get('T1')).toContain('2025年暂定: 7.64% (1/8 园区)');
      expect(bySection.get('T1')).not.toContain('已达成');
      expect(bySection.get('T7.2')).toContain('数据过旧: 最新为2021年');
      expect(bySection.get('T7.1')).toContain('保持 (已达成, 自基期起保持)');
      expect(bySection.get('T7.1')).not.toMatch(/完成进度\n\d+%/);
      expect(bySection.get('T5')).toContain('进展有限');
      expect(bySection.get('T5')).toContain('未覆盖: 金华市、舟山市、台州市、丽水市');
      expect(bySection.get('T6')).toContain('尚未确定需覆盖的区域名单');
    });

    it('draws a chart for every target with a series, as PNG pictures of some substance', async () => {
      const details = await Promise.all(progress.map((e) => planner.get<ProgressDetailT>(`/api/targets/${e.id}/progress`)));
      const withSeries = details.filter((d) => d.series.length > 0);
      expect(withSeries.length).toBeGreaterThan(3);
      const pngs = doc.media.filter((m) => m.name.endsWith('.png'));
      expect(pngs.length).toBeGreaterThanOrEqual(withSeries.length);
      for (const png of pngs) {
        expect([...png.bytes.subarray(0, 8)], png.name).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(png.bytes.length, png.name).toBeGreaterThan(10_000);
      }
      for (const d of withSeries) expect(bySection.get(d.code), d.code).toContain(`${d.indicator.nameZh}: 历年数值、目标与预测`);
    });

    it('explains completeness, sources and the method', () => {
      const texts = doc.paragraphs.map((p) => p.text);
      const from = texts.indexOf('三、数据说明');
      const tail = texts.slice(from).join('\n');
      expect(tail).toContain('(一) 数据完整性');
      // 宁波 reports for T1 (R&D spending, GDP), T2 (tax, land), T3 (industrial value added), T4 (high-tech
      // enterprises) and T7.2 (its rank): 7 figures a year, of which it reported 2 for 2025.
      const table = texts.slice(texts.indexOf('(一) 数据完整性'));
      const header = table.slice(table.indexOf('级别') + 1);
      const years = header.slice(0, header.findIndex((t) => !/^\d{4}$/.test(t)));
      expect(years.at(-1)).toBe('2025');
      const ningbo = table.indexOf('宁波高新区');
      expect(table.slice(ningbo, ningbo + 2 + years.length).at(-1)).toBe('2/7');
      expect(tail).toMatch(/2025年应报园区\d+个, 数据完整0个/);
      expect(tail).toContain('(二) 数据来源');
      expect(tail).toContain('浙江省《关于加快推进高新技术产业开发区(园区)高质量发展的实施意见》');
      expect(tail).toContain('(三) 方法说明');
      expect(tail).toContain('两者之比不低于95%为“按期推进”');
    });

    it('follows the filter and the basis', async () => {
      const plan = await planner.fetch('/api/reports/progress.docx?province=330000&plan=ZJ-2024-HTZ2&basis=submitted');
      expect(plan.status).toBe(200);
      const planDoc = await openDocx(new Uint8Array(await plan.arrayBuffer()));
      const inPlan: ProgressEntryT[] = await planner.get('/api/progress?province=330000&plan=ZJ-2024-HTZ2&basis=submitted');
      expect([...sections(planDoc).keys()]).toEqual(inPlan.map((e) => e.code));
      expect(planDoc.paragraphs[2]!.text).toContain('计入数据: 含已提交');
    });

    it('is for planners and admins only, never through a screen link', async () => {
      expect((await admin.fetch(REPORT)).status).toBe(200);
      expect((await fetch(server.url + REPORT)).status).toBe(401);
      const viewer = await createUserAndSignIn(server.url, admin, { username: 'viewer', role: 'viewer' });
      expect((await viewer.fetch(REPORT)).status).toBe(403);
      const manager = await signIn(server.url, 'ningbo', 'ningbo-password-123');
      expect((await manager.fetch(REPORT)).status).toBe(403);
      const { body: screen } = await admin.request('POST', '/api/screens', { label: '会议室' });
      const withToken = await fetch(server.url + REPORT, { headers: { 'x-screen-token': screen.token } });
      expect(withToken.status).toBe(403);
      expect((await withToken.json() as { error: { code: string } }).error.code).toBe('read_only');
    });

    it('says clearly when the filter finds nothing', async () => {
      const unknown = await planner.request('GET', '/api/reports/progress.docx?province=999999');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('未找到省份 999999');
      const none = await planner.request('GET', '/api/reports/progress.docx?province=330000&targetYear=2099');
      expect(none.status).toBe(404);
      expect(none.body.error.code).toBe('no_targets');
      expect((await planner.request('GET', '/api/reports/progress.docx?province=330000&basis=all')).status).toBe(400);
      const noProvince = await planner.request('GET', '/api/reports/progress.docx');
      expect(noProvince.status).toBe(400);
      expect(noProvince.body.error.message).toContain('请指定省份');
    });

    // Printing needs LibreOffice and poppler: skipped where they are missing (SKIP_PDF_TESTS), never in CI
    // (scripts/test.mjs refuses to skip there). On both databases: the document must print whichever wrote it.
    const noPdf = process.env.CI !== 'true' && (process.env.SKIP_PDF_TESTS === '1' || !canConvertToPdf());
    it.skipIf(noPdf)('prints as pages that are not blank (LibreOffice)', async () => {
      const keep = path.join(REPO_ROOT, 'test-results');
      mkdirSync(keep, { recursive: true });
      const pdf = await docxToPdfPages(bytes, { keepPngIn: keep });
      try {
        expect(pdf.pages).toBeGreaterThanOrEqual(5);
        expect(pdf.images.length).toBe(pdf.pages);
        for (const [i, page] of pdf.images.entries()) {
          expect(page.width, `page ${i + 1}`).toBeLessThan(page.height); // portrait A4
          expect(inkShare(page), `page ${i + 1} is blank`).toBeGreaterThan(0.003);
        }
      } finally {
        pdf.dispose();
      }
    }, 240_000);
  });
}
