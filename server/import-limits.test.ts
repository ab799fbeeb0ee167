// What an import may cost, over real HTTP against the real server, on a SQLite file and on PostgreSQL:
// the probes of issue 15 (a 195 KB workbook holding one 190 MB cell, three of them at once, 327 678
// rows, a hidden sheet) with the server's memory read from /proc, /api/health answering meanwhile, and
// imports beyond the first waiting their turn or told to come back (503, Retry-After).
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_ROWS } from './services/import-file.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';
import { withPart, workbookParts, zipParts } from './testing/zip.ts';

const MB = 1024 * 1024;
const HEADER = ['园区', '指标', '年份', '数值', '单位', '备注'];

/** The server's resident memory now and its peak since the last reset, in bytes (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Starts counting the peak afresh (writing 5 to clear_refs resets VmHWM). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The probe: a note cell of 190 MB in the shared strings, deflated to a couple of hundred KB. */
async function workbookWithHugeCell(): Promise<Uint8Array> {
  const parts = await workbookParts((wb) => {
    const ws = wb.addWorksheet('填报数据');
    ws.addRow(HEADER);
    ws.addRow(['萧山临江高新区', 'gdp', 2024, 1, '亿元', 'HUGE']);
  });
  const strings = Buffer.from(parts.get('xl/sharedStrings.xml')!).toString('utf8');
  const [before, after] = strings.split('<t>HUGE</t>') as [string, string];
  const huge = Buffer.alloc(before.length + after.length + 190 * MB + 7, 'x');
  huge.write(`${before}<t>`, 0);
  huge.write(`</t>${after}`, huge.length - after.length - 4);
  return zipParts(withPart(parts, 'xl/sharedStrings.xml', huge));
}

/** 327 678 rows on 填报数据, written the compact way generators do (no cell references). */
async function workbookWithManyRows(rows: number): Promise<Uint8Array> {
  const parts = await workbookParts((wb) => {
    const ws = wb.addWorksheet('填报数据');
    ws.addRow(HEADER);
    ws.addRow(['萧山临江高新区', 'gdp', 2024, 1]);
  });
  const row = '<row><c t="s"><v>6</v></c><c t="s"><v>7</v></c><c><v>2024</v></c><c><v>1</v></c></row>';
  const sheetName = [...parts.keys()].find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const sheet = Buffer.from(parts.get(sheetName)!).toString('utf8');
  const data = /<sheetData>.*<\/sheetData>|<sheetData\/>/s.exec(sheet)![0];
  const headerRow = /<row r="1".*?<\/row>/s.exec(data)![0];
  return zipParts(withPart(parts, sheetName, sheet.replace(data, `<sheetData>${headerRow}${row.repeat(rows)}</sheetData>`)));
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let hugeCell: Uint8Array;
let manyRows: Uint8Array;
beforeAll(async () => {
  hugeCell = await workbookWithHugeCell();
  manyRows = await workbookWithManyRows(327_678);
}, 120_000);

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`what an import may cost, on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let planner: Client;

    const upload = async (file: { name: string; bytes: Uint8Array | string }, dryRun = true) => {
      const form = new FormData();
      form.set('file', new File([file.bytes as BlobPart], file.name));
      const started = performance.now();
      const res = await planner.fetch(`/api/import${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form, headers: { origin: server.url } });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, ms: performance.now() - started, retryAfter: res.headers.get('retry-after') };
    };
    /** /api/health asked again and again until `until` settles: how long each answer took. */
    const healthWhile = async (until: Promise<unknown>) => {
      const settled = { done: false };
      void until.finally(() => { settled.done = true; });
      const times: number[] = [];
      const statuses: number[] = [];
      while (!settled.done) {
        const t = performance.now();
        const res = await fetch(`${server.url}/api/health`);
        await res.arrayBuffer();
        statuses.push(res.status);
        times.push(performance.now() - t);
      }
      return { times, statuses };
    };

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      const admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner_limits', role: 'planner' });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('refuses the 195 KB workbook with a 190 MB cell within 2 s, the server growing by less than 200 MB', async () => {
      expect(hugeCell.length).toBeLessThan(400 * 1024);
      const before = memoryOf(server.pid);
      resetPeak(server.pid);
      const res = await upload({ name: 'bomb.xlsx', bytes: hugeCell });
      const after = memoryOf(server.pid);
      console.log(`[limits ${kind.kind}] ${(hugeCell.length / 1024).toFixed(0)} KB workbook, 190 MB cell: ${res.status} in ${res.ms.toFixed(0)} ms; RSS ${(before.rss / MB).toFixed(0)} MB → peak ${(after.peak / MB).toFixed(0)} MB`);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('file_too_large');
      expect(res.body.error.message).toMatch(/解压后过大.*unpacks/);
      expect(res.ms).toBeLessThan(2000);
      expect(after.peak - before.rss).toBeLessThan(200 * MB);
    });

    it('refuses three of them at once while /api/health keeps answering, memory flat', async () => {
      const before = memoryOf(server.pid);
      resetPeak(server.pid);
      const uploads = Promise.all([1, 2, 3].map((n) => upload({ name: `bomb${n}.xlsx`, bytes: hugeCell })));
      const health = await healthWhile(uploads);
      const answers = await uploads;
      const after = memoryOf(server.pid);
      console.log(`[limits ${kind.kind}] three at once: ${answers.map((a) => `${a.status} in ${a.ms.toFixed(0)} ms`).join(', ')}; health slowest ${Math.max(...health.times).toFixed(0)} ms of ${health.times.length}; peak +${((after.peak - before.rss) / MB).toFixed(0)} MB`);
      expect(answers.map((a) => a.status)).toEqual([413, 413, 413]);
      expect(health.statuses.every((s) => s === 200)).toBe(true);
      expect(Math.max(...health.times)).toBeLessThan(1000);
      expect(after.peak - before.rss).toBeLessThan(200 * MB);
    });

    it(`stops reading a sheet at ${MAX_ROWS} rows: 327 678 rows are refused at once, as .xlsx and as CSV`, async () => {
      const before = memoryOf(server.pid);
      resetPeak(server.pid);
      const res = await upload({ name: 'rows.xlsx', bytes: manyRows });
      const csvText = `${HEADER.join(',')}\n${'甲,gdp,2024,1\n'.repeat(327_678)}`; // 4.9 MB, under the upload limit
      const fromCsv = await upload({ name: 'rows.csv', bytes: csvText });
      const after = memoryOf(server.pid);
      console.log(`[limits ${kind.kind}] 327 678 rows: xlsx (${(manyRows.length / MB).toFixed(1)} MB) ${res.status} in ${res.ms.toFixed(0)} ms, CSV (${(Buffer.byteLength(csvText) / MB).toFixed(1)} MB) ${fromCsv.status} in ${fromCsv.ms.toFixed(0)} ms; peak +${((after.peak - before.rss) / MB).toFixed(0)} MB`);
      for (const r of [res, fromCsv]) {
        expect([r.status, r.body.error.code]).toEqual([400, 'too_many_rows']);
        expect(r.body.error.message).toContain(String(MAX_ROWS));
        expect(r.ms).toBeLessThan(5000);
      }
      expect(after.peak - before.rss).toBeLessThan(200 * MB);
    });

    it(`refuses a cell over ${MAX_CELL_CHARS} characters, naming the cell`, async () => {
      const long = '说明'.repeat(MAX_CELL_CHARS);
      const book = await xlsx((wb) => {
        const ws = wb.addWorksheet('填报数据');
        ws.addRow(HEADER);
        ws.addRow(['萧山临江高新区', 'gdp', 2024, 1, '亿元', long]);
      });
      for (const file of [{ name: 'long.xlsx', bytes: book }, { name: 'long.csv', bytes: `${HEADER.join(',')}\n萧山临江高新区,gdp,2024,1,亿元,${long}\n` }]) {
        const res = await upload(file);
        expect([file.name, res.status, res.body.error.code]).toEqual([file.name, 400, 'cell_too_large']);
        expect(res.body.error.message).toContain(file.name === 'long.xlsx' ? '填报数据!F2' : 'long!F2');
      }
    });

    it('reads only visible sheets: a hidden or very hidden 填报数据 never wins', async () => {
      for (const state of ['hidden', 'veryHidden'] as const) {
        const book = await xlsx((wb) => {
          const hidden = wb.addWorksheet('填报数据');
          hidden.addRow(HEADER);
          hidden.addRow(['萧山临江高新区', 'gdp', 2024, 999, '亿元']);
          hidden.state = state;
          const shown = wb.addWorksheet('本年数据');
          shown.addRow(HEADER);
          shown.addRow(['萧山临江高新区', 'gdp', 2024, 1, '亿元']);
        });
        const res = await upload({ name: `${state}.xlsx`, bytes: book });
        expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
        expect([res.body.sheet, res.body.rows.map((r: { value: number }) => r.value)]).toEqual(['本年数据', [1]]);
      }
      const onlyHidden = await upload({ name: 'only-hidden.xlsx', bytes: await xlsx((wb) => {
        const ws = wb.addWorksheet('填报数据');
        ws.addRow(HEADER);
        ws.addRow(['萧山临江高新区', 'gdp', 2024, 999, '亿元']);
        ws.state = 'hidden';
        wb.addWorksheet('空白').addRow(['说明']);
      }) });
      expect([onlyHidden.status, onlyHidden.body.error.code]).toEqual([400, 'no_header']);
    });

    it('reads one file at a time: the others wait their turn or are told to come back (503, Retry-After), and health answers', async () => {
      // 20 000 rows take the server a noticeable while to read; six arrive together.
      const book = await xlsx((wb) => {
        const ws = wb.addWorksheet('填报数据');
        ws.addRow(HEADER);
        for (let i = 0; i < MAX_ROWS; i++) ws.addRow([`园区${i % 500}`, 'gdp', 2000 + (i % 25), i, '亿元', `第${i}行`]);
      });
      const uploads = Promise.all([1, 2, 3, 4, 5, 6].map((n) => upload({ name: `big${n}.xlsx`, bytes: book })));
      const health = await healthWhile(uploads);
      const answers = await uploads;
      console.log(`[limits ${kind.kind}] six 20 000-row files at once: ${answers.map((a) => `${a.status} in ${a.ms.toFixed(0)} ms`).join(', ')}; health slowest ${Math.max(...health.times).toFixed(0)} ms`);
      const busy = answers.filter((a) => a.status === 503);
      // One reads, two may wait; the rest are turned away at once.
      expect(busy.length).toBeGreaterThanOrEqual(1);
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
      expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
      for (const b of busy) {
        expect(b.body.error.code).toBe('import_busy');
        expect(b.body.error.message).toMatch(/[\u4e00-\u9fff].*retry/);
        expect(Number(b.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      expect(health.statuses.every((s) => s === 200)).toBe(true);
    }, 120_000);
  });
}
