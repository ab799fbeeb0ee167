// Extraction from uploaded documents over real HTTP (SQLite; the reader does not touch the database): a
// planner uploads the same plan as a .docx and as PDFs and gets exactly the candidates of the pasted
// text, with the text read; scans, old .doc files, oversized files and strangers get clear refusals, and
// nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractResultT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { docxOf, hasCjkFont, pdfOf, plainPdfOf, scannedPdfOf } from './testing/documents.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

const ZHEJIANG = '330000';

/** A plan as 红头文件 are written: a title with its period, a heading, numbered goals, a stretch value, a restatement. */
const PLAN = [
  '浙江省高新区提质增效三年行动计划（2025—2027年）',
  '一、主要目标',
  '（一）到2027年，全省高新区研发经费支出占地区生产总值比重达到8.5%左右，亩均税收由2024年的38万元/亩提高到45万元/亩。',
  '（二）高新技术企业数量达到3万家以上、力争达到3.5万家；三年内，规上工业增加值占全省比重提高2个百分点，达到55%。',
  '（三）杭州、宁波国家高新区进入全国前8，实现设区市国家高新区全覆盖。',
  '二、保障措施',
  '对新认定的高新技术企业给予20万元奖励。',
].join('\n');

const sqlite = TEST_DATABASES.find((d) => d.kind === 'sqlite')!;

describe.skipIf(sqlite.skipReason !== null)('extraction from uploaded documents', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let planner: Client;
  let viewer: Client;
  let pasted: ExtractResultT;

  const upload = async (client: Client, file: { name: string; bytes: Uint8Array }, fields: Record<string, string> = { documentYear: '2024', regionCode: ZHEJIANG }) => {
    const form = new FormData();
    form.set('file', new File([file.bytes as BlobPart], file.name));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const res = await client.fetch('/api/extract-targets', { method: 'POST', body: form });
    return { status: res.status, body: await res.json() as any };
  };
  /** What a planner compares: each candidate's reading, its words, and what it is attached to. */
  const readings = (r: ExtractResultT) => r.candidates.map((c) => [c.indicator.code ?? c.indicator.phrase, c.comparator, c.value, c.unit, c.targetYear, c.stretchValue, c.alternativeOf, c.quote]);
  const counts = async () => {
    const h = database.open();
    try {
      return await Promise.all(['plans', 'targets', 'target_revisions'].map(async (t) => Number((await h.db.selectFrom(t as 'plans').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
    } finally {
      await h.close();
    }
  };

  beforeAll(async () => {
    database = await sqlite.create();
    server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    const admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    planner = await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
    viewer = await createUserAndSignIn(server.url, admin, { username: 'viewer1', role: 'viewer' });
    pasted = (await planner.request('POST', '/api/extract-targets', { text: PLAN, documentYear: 2024, regionCode: ZHEJIANG })).body;
  });
  afterAll(async () => {
    await server?.dispose();
    await database?.drop();
  });

  it('reads the pasted plan: the goals under the title’s period, the stretch value and the restatement attached', () => {
    expect(readings(pasted)).toEqual([
      ['rd_intensity', 'about', 8.5, '%', 2027, null, null, '到2027年，全省高新区研发经费支出占地区生产总值比重达到8.5%左右'],
      ['tax_per_mu', 'at_least', 45, '万元/亩', 2027, null, null, '亩均税收由2024年的38万元/亩提高到45万元/亩'],
      ['hte_count', 'at_least', 30000, '家', 2027, 35000, null, '高新技术企业数量达到3万家以上、力争达到3.5万家'],
      ['hte_count', 'at_least', 35000, '家', 2027, null, 'c3', '力争达到3.5万家'],
      ['规上工业增加值占全省比重', 'at_least', 2, '个百分点', 2027, null, 'c6', '三年内，规上工业增加值占全省比重提高2个百分点'],
      ['industrial_va_share', 'at_least', 55, '%', 2027, null, null, '三年内，规上工业增加值占全省比重提高2个百分点，达到55%'],
      ['national_rank', 'at_most', 8, '名', 2027, null, null, '杭州、宁波国家高新区进入全国前8'],
      ['city_coverage_national', 'at_least', null, '个', 2027, null, null, '实现设区市国家高新区全覆盖'],
    ]);
    expect(pasted.text).toBeUndefined();
  });

  const documents: [string, () => Promise<{ name: string; bytes: Uint8Array }>, boolean][] = [
    ['a .docx', async () => ({ name: '行动计划.docx', bytes: await docxOf(PLAN) }), true],
    ['a PDF as Word exports it (font embedded, lines wrapped)', async () => ({ name: '行动计划.pdf', bytes: await pdfOf(PLAN) }), hasCjkFont()],
    ['a PDF without its font (STSong)', async () => ({ name: 'plan.pdf', bytes: plainPdfOf(PLAN) }), true],
  ];
  for (const [what, make, runs] of documents) {
    it.skipIf(!runs)(`gives the same candidates from ${what}, with the text they point into`, async () => {
      const file = await make();
      const res = await upload(planner, file);
      expect(res.status).toBe(200);
      const result = res.body as ExtractResultT;
      expect(result.text).toBe(PLAN);
      expect(result.document).toEqual({ fileName: file.name, format: file.name.endsWith('.docx') ? 'docx' : 'pdf', pages: file.name.endsWith('.docx') ? null : 1, characters: PLAN.length });
      expect(readings(result)).toEqual(readings(pasted));
      expect(result.candidates.map((c) => c.drafts)).toEqual(pasted.candidates.map((c) => c.drafts));
      for (const c of result.candidates) expect(result.text!.slice(c.span.start, c.span.end)).toBe(c.quote);
    });
  }

  it('reads a document in traditional characters, quoting its own words', async () => {
    const text = '到2026年，全省高新區研發經費支出佔地區生產總值比重達到4%左右，高新技術企業數量突破2萬家。';
    const res = await upload(planner, { name: '規劃.docx', bytes: await docxOf(text) }, { documentYear: '2023' });
    expect(res.body.candidates.map((c: any) => [c.indicator.code, c.value, c.targetYear, c.quote])).toEqual([
      ['rd_intensity', 4, 2026, '到2026年，全省高新區研發經費支出佔地區生產總值比重達到4%左右'],
      ['hte_count', 20000, 2026, '高新技術企業數量突破2萬家'],
    ]);
  });

  it('says why a file cannot be read: a scan, an old .doc, another kind of file, more than 10 MB', async () => {
    const scan = await upload(planner, { name: '扫描件.pdf', bytes: scannedPdfOf() });
    expect([scan.status, scan.body.error.code]).toEqual([422, 'no_text']);
    expect(scan.body.error.message).toContain('这可能是扫描件(图片)');
    expect(scan.body.error.message).toContain('probably a scan');
    const doc = await upload(planner, { name: '通知.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    expect([doc.status, doc.body.error.code]).toEqual([400, 'old_word_file']);
    expect(doc.body.error.message).toContain('请另存为 .docx 或 PDF');
    const image = await upload(planner, { name: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    expect([image.status, image.body.error.code]).toEqual([400, 'unsupported_file']);
    const big = await upload(planner, { name: 'big.pdf', bytes: new Uint8Array(10 * 1024 * 1024 + 1) });
    expect([big.status, big.body.error.code]).toEqual([413, 'file_too_large']);
    const noFile = await planner.fetch('/api/extract-targets', { method: 'POST', body: new FormData() });
    expect(noFile.status).toBe(400);
    const nothing = await planner.fetch('/api/extract-targets', { method: 'POST' });
    expect([nothing.status, (await nothing.json() as any).error.message]).toEqual([400, '请粘贴政策文本或上传文件 (send { text } as JSON, or a file as a multipart form)']);
  });

  it('lets only planners and admins upload, and writes nothing', async () => {
    const before = await counts();
    const file = { name: '行动计划.docx', bytes: await docxOf(PLAN) };
    expect((await upload(viewer, file)).status).toBe(403);
    const form = new FormData();
    form.set('file', new File([file.bytes as BlobPart], file.name));
    expect((await fetch(`${server.url}/api/extract-targets`, { method: 'POST', body: form, headers: { origin: server.url } })).status).toBe(401);
    expect((await upload(planner, file)).status).toBe(200);
    expect(await counts()).toEqual(before);
  });
});
