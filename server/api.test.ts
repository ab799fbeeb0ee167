// The read API over real HTTP, against the real server process, on a SQLite file and on PostgreSQL.
// Figures are checked against the published sources and against progress computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { ProgressDetailT, ProgressEntryT, ReportedValueT } from '../shared/schemas.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`read API on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let progress: ProgressEntryT[];

    const get = async <T = unknown>(path: string, status = 200): Promise<T> => {
      const res = await fetch(server.url + path);
      const body = await res.json();
      expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
      return body as T;
    };
    const byCode = (code: string) => {
      const entry = progress.find((p) => p.code === code);
      if (!entry) throw new Error(`no progress entry ${code}`);
      return entry;
    };

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: database.env });
      progress = await get<ProgressEntryT[]>('/api/progress');
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('sends the progress prepared: the same answer plain or gzip, and 304 to a client that has it', async () => {
      for (const path of ['/api/progress', `/api/targets/${byCode('T1').id}/progress`, '/api/dashboard/overview']) {
        const plain = await fetch(server.url + path, { headers: { 'accept-encoding': 'identity' } });
        expect(plain.headers.get('content-encoding')).toBeNull();
        const etag = plain.headers.get('etag')!;
        expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
        expect(plain.headers.get('cache-control')).toBe('private, no-cache');
        const text = await plain.text();
        // Node's fetch asks for gzip and inflates it, as a browser does.
        const zipped = await fetch(server.url + path);
        expect([zipped.headers.get('content-encoding'), zipped.headers.get('etag'), await zipped.text()]).toEqual(['gzip', etag, text]);
        const again = await fetch(server.url + path, { headers: { 'if-none-match': etag } });
        expect([again.status, await again.text()]).toEqual([304, '']);
        const other = await fetch(server.url + path, { headers: { 'if-none-match': 'W/"something-else"' } });
        expect(other.status).toBe(200);
        await other.arrayBuffer();
      }
    });

    it('reports health and which database it runs on', async () => {
      expect(await get('/api/health')).toEqual({ status: 'ok', database: kind.kind });
    });

    it('serves a valid OpenAPI 3 document that lists every read endpoint', async () => {
      const doc = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
      const result = await new Validator().validate(doc as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of ['/api/health', '/api/regions', '/api/parks', '/api/parks/{id}', '/api/indicators', '/api/plans', '/api/targets', '/api/progress', '/api/targets/{id}/progress', '/api/values']) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
    });

    it('has the 2025 R&D intensity target (about 8%) with its quote and source', () => {
      const t1 = byCode('T1');
      expect(t1.indicator.code).toBe('rd_intensity');
      expect(t1.comparator).toBe('about');
      expect(t1.targetValue).toBe(8);
      expect(t1.unit).toBe('%');
      expect(t1.targetYear).toBe(2025);
      expect(t1.scope.kind).toBe('province_aggregate');
      expect(t1.quote).toBe('到2025年,高新区R&D经费支出占GDP比重达到8%左右');
      expect(t1.source?.code).toBe('ZJ-2021-OPINIONS');
      expect(t1.source?.title).toContain('关于加快推进高新技术产业开发区');
      expect(t1.plan.code).toBe('ZJ-2021-OPINIONS');
    });

    it('does not invent an R&D aggregate: no park published both parts, and it says which parks it left out', () => {
      const t1 = byCode('T1');
      expect(t1.latestValue).toBeNull();
      expect(t1.status).toBe('insufficient_data');
      expect(t1.aggregate?.parksIncluded).toBe(0);
      expect(t1.aggregate?.parksExpected).toBe(8); // the 8 national zones of Zhejiang
      const excluded = t1.aggregate!.excluded.map((e) => `${e.parkName} ${e.year} ${e.reason} ${e.reportedValue}`);
      expect(excluded).toContain('宁波高新区 2020 missing_numerator 7.3');
      expect(excluded).toContain('杭州高新区(滨江) 2020 missing_denominator 10.02');
      expect(excluded).toContain('萧山临江高新区 2021 ratio_only 4.43');
    });

    it('shows the 2027 coverage target at 7 of 11 cities, naming the four uncovered', () => {
      const t8 = byCode('T8');
      expect(t8.scope.kind).toBe('coverage');
      expect(t8.scope.parkLevel).toBe('national');
      expect(t8.targetValue).toBe(11);
      expect(t8.coverage?.regionsTotal).toBe(11);
      expect(t8.coverage?.coveredCount).toBe(7);
      expect(t8.latestValue).toBe(7);
      expect(t8.coverage?.asOfYear).toBe(2024);
      expect(t8.coverage?.uncovered.map((r) => r.name)).toEqual(['金华市', '舟山市', '台州市', '丽水市']);
      expect(t8.gap).toBe(4);
      expect(t8.neededPaceFromNow).toBeCloseTo(4 / 3, 10);
      const hangzhou = t8.coverage!.covered.find((r) => r.name === '杭州市')!;
      expect(hangzhou.parks.map((p) => p.name)).toEqual(['杭州高新区(滨江)', '萧山临江高新区']);
    });

    it("has Qiantang's high-tech enterprise target with its 2021 baseline of 802", () => {
      const t10 = byCode('T10');
      expect(t10.indicator.code).toBe('hte_count');
      expect(t10.scope.parkName).toBe('萧山临江高新区');
      expect(t10.comparator).toBe('at_least');
      expect(t10.targetValue).toBe(1000);
      expect(t10.targetYear).toBe(2023);
      expect(t10.baselineYear).toBe(2021);
      expect(t10.baselineValue).toBe(802);
      expect(t10.latestValue).toBe(802);
      expect(t10.gap).toBe(198);
      // Only the baseline year is published: one value is not a trend.
      expect(t10.status).toBe('insufficient_data');
      expect(t10.awaitingFinal).toBe(true); // 2023 has passed and its figure is not in
    });

    it("computes Ningbo's ranking target as worked out by hand", () => {
      // Ranks 17 (2016), 15 (2020), 13 (2021); target top 10 by 2025, baseline = earliest value.
      const t = byCode('T7.2');
      expect(t.scope.parkName).toBe('宁波高新区');
      expect(t.direction).toBe('down');
      expect(t.baselineYear).toBe(2016);
      expect(t.baselineValue).toBe(17);
      expect(t.requiredPace).toBeCloseTo(-7 / 9, 10);
      expect(t.observedPace).toBeCloseTo(-10 / 14, 10); // least squares over the three years
      expect(t.paceRatio).toBeCloseTo(45 / 49, 10); // 0.918: the last known pace, kept as context
      expect(t.progress).toBeCloseTo(4 / 7, 10);
      expect(t.gap).toBe(-3);
      // The latest rank is from 2021: with 2025's figures due (December 2026), it decides nothing.
      expect(t.status).toBe('insufficient_data');
      expect(t.statusReason).toBe('stale');
      expect(t.lastKnownStatus).toBe('needs_acceleration');
      expect(t.missing?.years).toEqual([2022, 2023, 2024, 2025]);
      expect([t.elapsed, t.expected, t.neededPaceFromNow, t.projected]).toEqual([null, null, null, null]);
    });

    it('counts Hangzhou (5th in 2023) as having reached the top 10', () => {
      expect(byCode('T7.1').status).toBe('achieved');
      expect(byCode('T7.1').latestValue).toBe(5);
    });

    it('gives one target’s detail with its series, straight path and projection', async () => {
      const id = byCode('T7.2').id;
      const detail = await get<ProgressDetailT>(`/api/targets/${id}/progress`);
      expect(detail.series.map((p) => [p.year, p.value])).toEqual([[2016, 17], [2020, 15], [2021, 13]]);
      expect(detail.path[0]).toEqual({ year: 2016, value: 17 });
      expect(detail.path.at(-1)).toEqual({ year: 2025, value: 10 });
      // Nothing is projected from a 2021 rank in December 2026.
      expect(detail.projection).toEqual([]);
    });

    it('lists values with their source, who entered them and when', async () => {
      const ningbo = (await get<{ id: number; name: string }[]>('/api/parks?province=330000')).find((p) => p.name === '宁波高新区')!;
      const values = await get<ReportedValueT[]>(`/api/values?park=${ningbo.id}&indicator=national_rank`);
      expect(values.map((v) => [v.year, v.value, v.source?.code])).toEqual([[2016, 17, 'SECONDARY'], [2020, 15, 'NB-HTZ-2021'], [2021, 13, 'SECONDARY']]);
      expect(values[0]!.source?.reliability).toBe('secondary');
      expect(values[0]!.enteredBy).toBe('公开资料');
      expect(Date.parse(values[0]!.enteredAt)).not.toBeNaN();
      const range = await get<ReportedValueT[]>(`/api/values?park=${ningbo.id}&from=2021&to=2021`);
      expect(range.every((v) => v.year === 2021)).toBe(true);
      expect(range.map((v) => v.indicator.code).sort()).toEqual(['hte_count', 'national_rank']);
    });

    it('says the seed\'s notes in Chinese: no English phrase in a target\'s, park\'s or figure\'s note', async () => {
      const targets = await get<{ code: string; note: string | null }[]>('/api/targets');
      const parks = await get<{ name: string; note: string | null }[]>('/api/parks');
      const values = await get<{ year: number; note: string | null }[]>('/api/values');
      const notes = [...targets, ...parks, ...values].map((x) => x.note).filter((n): n is string => !!n);
      expect(notes.length).toBeGreaterThan(20);
      // Two Latin words in a row is an English phrase (R&D, GDP alone are names).
      expect(notes.filter((n) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(n))).toEqual([]);
      expect(targets.find((t) => t.code === 'T10')?.note).toBe('自2022年4月报道起两年, 即2023年底前');
    });

    it('keeps both R&D intensities of Wuxi visible: the published 4.6% and 4.80% from its parts', async () => {
      const wuxi = (await get<{ id: number; name: string }[]>('/api/parks?province=320000'))[0]!;
      expect(wuxi.name).toBe('无锡高新区');
      const values = await get<ReportedValueT[]>(`/api/values?park=${wuxi.id}&indicator=rd_intensity`);
      expect(values.map((v) => [v.year, v.value])).toEqual([[2021, 4.6]]);
      expect(values[0]!.note).toContain('109/2271');
    });

    it('stores a district-wide figure against the zone it hosts, and says so', async () => {
      const values = await get<ReportedValueT[]>('/api/values?indicator=hte_count&from=2021&to=2021');
      const qiantang = values.find((v) => v.subject.parkName === '萧山临江高新区')!;
      expect(qiantang.value).toBe(802);
      expect(qiantang.note).toContain('钱塘区全区数据');
      expect(qiantang.source?.code).toBe('QT-2022');
    });

    it('has regions with GB/T 2260 codes and the parks of each province', async () => {
      const cities = await get<{ code: string; name: string }[]>('/api/regions?parent=330000');
      expect(cities).toHaveLength(11);
      expect(cities[0]).toEqual({ code: '330100', name: '杭州市', level: 'city', parentCode: '330000', reviewLevels: 1 });
      const provinces = await get<unknown[]>('/api/regions?level=province');
      expect(provinces).toHaveLength(31);
      const zj = await get<{ name: string; level: string }[]>('/api/parks?province=330000&level=national');
      expect(zj).toHaveLength(8);
      const hangzhou = await get<{ name: string }[]>('/api/parks?city=330100');
      expect(hangzhou.map((p) => p.name)).toEqual(['杭州高新区(滨江)', '萧山临江高新区']);
      const all = await get<{ provinceName: string }[]>('/api/parks');
      expect(new Set(all.map((p) => p.provinceName))).toEqual(new Set(['浙江省', '江苏省', '山东省']));
    });

    it('shows one park with its latest figures and the targets that apply', async () => {
      const ningbo = (await get<{ id: number; name: string }[]>('/api/parks?city=330200'))[0]!;
      const park = await get<{ name: string; approvedOn: string; latest: ReportedValueT[]; targets: { code: string }[] }>(`/api/parks/${ningbo.id}`);
      expect(park.name).toBe('宁波高新区');
      expect(park.approvedOn).toBe('2007-01-08');
      expect(park.targets.map((t) => t.code)).toEqual(['T7.2']);
      const latest = Object.fromEntries(park.latest.map((v) => [v.indicator.code, [v.year, v.value]]));
      expect(latest).toEqual({ gdp: [2020, 289.4], rd_intensity: [2020, 7.3], hte_count: [2021, 435], national_rank: [2021, 13] });
    });

    it('lists the catalogue: indicators with their parts, and plans with their targets', async () => {
      const indicators = await get<{ code: string; numerator: string | null; denominator: string | null; aggregation: string }[]>('/api/indicators');
      const rd = indicators.find((i) => i.code === 'rd_intensity')!;
      expect([rd.numerator, rd.denominator, rd.aggregation]).toEqual(['rd_spending', 'gdp', 'ratio_of_sums']);
      const plans = await get<{ code: string; targetCount: number }[]>('/api/plans');
      expect(Object.fromEntries(plans.map((p) => [p.code, p.targetCount]))).toEqual({ 'ZJ-2021-OPINIONS': 8, 'ZJ-2024-HTZ2': 2, 'QT-2022': 2, 'TORCH-2022-17': 3 });
      const targets = await get<{ code: string }[]>('/api/targets?plan=ZJ-2024-HTZ2');
      expect(targets.map((t) => t.code)).toEqual(['T8', 'T9']);
    });

    it('answers unknown ids with 404 and bad parameters with 400, as JSON errors', async () => {
      const missing = await get<{ error: { code: string; message: string } }>('/api/parks/99999', 404);
      expect(missing.error.code).toBe('not_found');
      expect(missing.error.message).toContain('99999');
      expect((await get<{ error: { code: string } }>('/api/targets/99999/progress', 404)).error.code).toBe('not_found');
      const bad = await get<{ error: { code: string; details: { path: string }[] } }>('/api/parks?level=huge', 400);
      expect(bad.error.code).toBe('invalid_request');
      expect(bad.error.details[0]!.path).toBe('level');
      expect((await get<{ error: { code: string } }>('/api/targets/abc/progress', 400)).error.code).toBe('invalid_request');
      expect((await get<{ error: { code: string } }>('/api/nothing-here', 404)).error.code).toBe('not_found');
    });

    describe('aggregates over parks, computed in SQL (worked example A of the progress method)', () => {
      let targetId: number;
      let shareTargetId: number;

      beforeAll(async () => {
        const handle = database.open();
        try {
          ({ targetId, shareTargetId } = await addExampleProvince(handle.db));
        } finally {
          await handle.close();
        }
      });

      it('takes the ratio of sums, not the mean of ratios, and says what it would take', async () => {
        const d = await get<ProgressDetailT>(`/api/targets/${targetId}/progress`);
        expect(d.series.map((p) => [p.year, p.numerator, p.denominator])).toEqual([[2020, 300, 5000], [2023, 380, 5600]]);
        expect(d.baselineValue).toBeCloseTo(6, 10);
        expect(d.latestValue).toBeCloseTo(6.7857, 4);
        expect(d.requiredPace).toBeCloseTo(0.4, 10);
        expect(d.observedPace).toBeCloseTo(0.2619, 4);
        expect(d.paceRatio).toBeCloseTo(0.6548, 4);
        expect(d.status).toBe('needs_acceleration');
        expect(d.progress).toBeCloseTo(0.3929, 4);
        expect(d.elapsed).toBeCloseTo(0.6, 10);
        expect(d.expected).toBeCloseTo(7.2, 10);
        expect(d.gap).toBeCloseTo(1.2143, 4);
        expect(d.neededPaceFromNow).toBeCloseTo(0.6071, 4);
        expect(d.projected).toBeCloseTo(7.3095, 4);
        expect(d.projectedAttained).toBe(false);
        expect(d.aggregate?.extraNeeded).toBeCloseTo(68, 10);
        expect(d.aggregate?.extraNeededUnit).toBe('亿元');
      });

      it('ranks the parks by the R&D spending each would need, and counts the parks included', async () => {
        const d = await get<ProgressDetailT>(`/api/targets/${targetId}/progress`);
        // 0.08 × 2100 − 130 = 38; 0.08 × 3500 − 250 = 30; together the 68亿元 above
        expect(d.breakdown.map((b) => [b.parkName, Number(b.need!.toFixed(6))])).toEqual([['示例园区乙', 38], ['示例园区甲', 30]]);
        expect(d.aggregate?.parksIncluded).toBe(2);
        expect(d.aggregate?.parksExpected).toBe(2); // 丙 and 丁 are below provincial level; 戊 was approved in 2024
        expect(d.aggregate?.provisional).toBe(false);
        expect(d.aggregate?.excluded).toEqual([{ parkId: expect.any(Number), parkName: '示例园区戊', year: 2023, reason: 'ratio_only', reportedValue: 5 }]);
      });

      it('takes shares of the province total, from approved figures unless submitted ones are asked for', async () => {
        const approved = await get<ProgressDetailT>(`/api/targets/${shareTargetId}/progress`);
        expect(approved.latestValue).toBeCloseTo(55, 10); // (300 + 250) / 1000
        expect(approved.status).toBe('achieved');
        const submitted = await get<ProgressDetailT>(`/api/targets/${shareTargetId}/progress?basis=submitted`);
        expect(submitted.latestValue).toBeCloseTo(65, 10); // + 戊's submitted 100 (丙's 40 is below the scope's level)
        expect(submitted.aggregate?.parksIncluded).toBe(3);
      });
    });
  });
}

/**
 * A made-up province fixture (安徽, which has no parks in the seed) whose sums are those of worked
 * example A: 2020 Σ R&D 300亿 / Σ GDP 5000亿; 2023 380亿 / 5600亿.
 */
async function addExampleProvince(db: Kysely<Database>): Promise<{ targetId: number; shareTargetId: number }> {
  const now = new Date().toISOString();
  const park = async (name: string, level: 'national' | 'provincial' | 'other', city: string) =>
    (await db.insertInto('parks').values({ name, level, province_code: '340000', city_code: city, county_code: null, aliases: null, approved_on: null, approval_year: null, source_code: null, note: null, created_at: now, updated_at: now })
      .returning('id').executeTakeFirstOrThrow()).id;
  const a = await park('示例园区甲', 'national', '340100');
  const b = await park('示例园区乙', 'provincial', '340200');
  const c = await park('示例园区丙', 'other', '340300');
  const d = await park('示例园区丁', 'other', '340400');
  // A provincial zone approved after the figures' years: not expected to report them.
  const e = (await db.insertInto('parks').values({ name: '示例园区戊', level: 'provincial', province_code: '340000', city_code: '340500', county_code: null, aliases: null, approved_on: '2024-01-01', approval_year: 2024, source_code: null, note: null, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()).id;
  const value = (parkId: number | null, indicator: string, year: number, v: number, status: 'approved' | 'submitted' = 'approved') => ({
    subject_key: parkId === null ? 'region:340000' : `park:${parkId}`, park_id: parkId, region_code: parkId === null ? '340000' : null,
    indicator_code: indicator, year, value: v, approved_value: status === 'approved' ? v : null, status, note: null, source_code: null, entered_by: null, entered_by_name: 'test', entered_at: now,
  });
  await db.insertInto('reported_values').values([
    value(a, 'rd_spending', 2020, 200), value(a, 'gdp', 2020, 3000), value(a, 'rd_spending', 2023, 250), value(a, 'gdp', 2023, 3500),
    value(b, 'rd_spending', 2020, 100), value(b, 'gdp', 2020, 2000), value(b, 'rd_spending', 2023, 130), value(b, 'gdp', 2023, 2100),
    value(c, 'rd_intensity', 2023, 5), value(e, 'rd_intensity', 2023, 5),
    value(d, 'rd_spending', 2023, 999), value(d, 'gdp', 2023, 1000),
    value(a, 'hte_count', 2023, 300), value(b, 'hte_count', 2023, 250), value(c, 'hte_count', 2023, 40), value(e, 'hte_count', 2023, 100, 'submitted'),
    value(null, 'hte_count', 2023, 1000),
  ]).execute();
  const plan = (await db.insertInto('plans').values({ code: 'TEST-AH', title: '示例规划', issuer: null, document_number: null, issued_on: null, region_code: '340000', source_code: null, url: null, note: null, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()).id;
  const target = (code: string, indicator: string, comparator: string, targetValue: number) => ({
    code, plan_id: plan, indicator_code: indicator, scope: 'province_aggregate' as const, park_id: null, region_code: '340000', park_level: 'provincial' as const,
    subject_label: '安徽省 高新区', region_set_label: null, comparator, target_value: targetValue, tolerance: 0.05, unit: '%', target_year: 2025,
    baseline_year: null, baseline_value: null, quote: null, quote_location: null, note: null, supersedes_id: null, created_at: now, updated_at: now,
  });
  const targetId = (await db.insertInto('targets').values(target('AH-1', 'rd_intensity', 'about', 8)).returning('id').executeTakeFirstOrThrow()).id;
  const shareTargetId = (await db.insertInto('targets').values(target('AH-2', 'hte_share', 'more_than', 50)).returning('id').executeTakeFirstOrThrow()).id;
  return { targetId, shareTargetId };
}
