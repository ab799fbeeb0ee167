// The dashboard's read API over real HTTP against the real server process, on SQLite and PostgreSQL:
// per-park statuses, latest figures, city aggregates for the map, comparisons and the park page,
// checked against a small made-up province worked out by hand. Also: the generated example province
// (`npm run demo`) and that the real seed stays free of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type {
  CityFiguresT, ComparisonT, MetaT, OverviewEntryT, ParkDashboardT, ParkFiguresT, ParkStatusMatrixT, ProgressEntryT, ProgressDetailT,
} from '../shared/schemas.ts';
import { STATUSES } from '../shared/progress.ts';
import { findIndicator } from '../shared/indicators.ts';
import type { Database } from './db/schema.ts';
import { parkSeries } from './services/series.ts';
import { seriesFromFigures } from './services/series.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';

const HAINAN = '460000';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`dashboard API on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let ids: Fixture;

    const get = async <T = unknown>(path: string, status = 200): Promise<T> => {
      const res = await fetch(server.url + path);
      const body = await res.json();
      expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
      return body as T;
    };

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: database.env });
      const handle = database.open();
      try {
        ids = await addHainan(handle.db);
      } finally {
        await handle.close();
      }
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('says the real seed is not the demo, and lists provinces, plans with their horizons, and years', async () => {
      const meta = await get<MetaT>('/api/meta');
      expect(meta.demo).toBe(false);
      expect(meta.database).toBe(kind.kind);
      expect(meta.currentYear).toBe(new Date().getUTCFullYear());
      const zj = meta.provinces.find((p) => p.code === '330000')!;
      expect(zj).toMatchObject({ name: '浙江省', hasMap: true });
      expect(zj.targetCount).toBeGreaterThanOrEqual(11);
      expect(meta.provinces.find((p) => p.code === HAINAN)).toEqual({ code: HAINAN, name: '海南省', parkCount: 4, targetCount: 4, hasMap: false });
      expect(meta.plans.find((p) => p.code === 'ZJ-2021-OPINIONS')!.targetYears).toEqual([2025]);
      expect(meta.plans.find((p) => p.code === 'TEST-HN')!.targetYears).toEqual([2025]);
      expect(meta.years!.first).toBeLessThanOrEqual(2012);
      expect(meta.years!.last).toBeGreaterThanOrEqual(2024);
    });

    it('holds each park’s own ratio against an aggregate ratio target, with its own first figure as baseline', async () => {
      const m = await get<ParkStatusMatrixT>(`/api/dashboard/park-status?province=${HAINAN}`);
      expect(m.parks.map((p) => p.name)).toEqual(['示例甲', '示例乙', '示例丙', '示例丁']);
      // The share target (X4) cannot be held against one park; the others can.
      expect(m.targets.map((t) => t.code)).toEqual(['X1', 'X2', 'X3']);
      const cell = (park: number, target: number) => m.cells.find((c) => c.parkId === park && c.targetId === target);
      // 甲: 5% (2022) → 6% (2023) towards 8% by 2025: needs 1 pp a year, makes 1 → on track, a third of the way.
      expect(cell(ids.a, ids.x1)).toMatchObject({ status: 'on_track', latestYear: 2023, gap: 2 });
      expect(cell(ids.a, ids.x1)!.latestValue).toBeCloseTo(6, 10);
      expect(cell(ids.a, ids.x1)!.progress).toBeCloseTo(1 / 3, 10);
      expect(cell(ids.a, ids.x1)!.paceRatio).toBeCloseTo(1, 10);
      // 乙: 2% → 3%: needs 2 pp a year, makes 1 → R = 0.5, limited.
      expect(cell(ids.b, ids.x1)!.status).toBe('limited');
      expect(cell(ids.b, ids.x1)!.paceRatio).toBeCloseTo(0.5, 10);
      // 丙 has one year only; 丁 is below the provincial level the aggregate covers.
      expect(cell(ids.c, ids.x1)!.status).toBe('insufficient_data');
      expect(cell(ids.d, ids.x1)).toBeUndefined();
      // Its own target: rank 20 → 16 towards the top 10 by 2025: −4 a year against −10/3 needed.
      expect(cell(ids.a, ids.x3)!.status).toBe('on_track');
      expect(cell(ids.a, ids.x3)!.paceRatio).toBeCloseTo(1.2, 10);
      expect(cell(ids.b, ids.x3)).toBeUndefined();
      expect(m.cells.filter((c) => c.targetId === ids.x2).map((c) => [c.parkId, c.status])).toEqual([[ids.b, 'on_track'], [ids.c, 'insufficient_data']]);
    });

    it('gives the same status for class and park targets as /api/progress', async () => {
      const progress = await get<ProgressEntryT[]>(`/api/progress?province=${HAINAN}`);
      const m = await get<ParkStatusMatrixT>(`/api/dashboard/park-status?province=${HAINAN}`);
      const x2 = progress.find((p) => p.code === 'X2')!;
      // The list says how the class stands; each park is in the target's detail.
      expect(x2.parkClass).toMatchObject({ parks: 2, withData: 1, weakest: [{ parkId: ids.b, status: 'on_track' }] });
      expect(x2.parkClass!.byStatus).toMatchObject({ on_track: 1, insufficient_data: 1, missed: 0 });
      const detail = await get<ProgressDetailT>(`/api/targets/${x2.id}/progress`);
      expect(detail.parks!.map((p) => p.parkId)).toEqual([ids.b, ids.c]);
      for (const park of detail.parks!) {
        const cell = m.cells.find((c) => c.parkId === park.parkId && c.targetId === ids.x2)!;
        expect([cell.status, cell.latestValue, cell.progress]).toEqual([park.status, park.latestValue, park.progress]);
      }
      const x3 = progress.find((p) => p.code === 'X3')!;
      expect(m.cells.find((c) => c.targetId === ids.x3)!.status).toBe(x3.status);
    });

    it('filters the matrix by city, level, plan and horizon, and evaluates figures up to a year', async () => {
      const haikou = await get<ParkStatusMatrixT>(`/api/dashboard/park-status?province=${HAINAN}&city=460100`);
      expect(haikou.parks.map((p) => p.name)).toEqual(['示例甲', '示例乙']);
      const provincial = await get<ParkStatusMatrixT>(`/api/dashboard/park-status?province=${HAINAN}&level=provincial`);
      expect(provincial.parks.map((p) => p.name)).toEqual(['示例乙', '示例丙']);
      expect((await get<ParkStatusMatrixT>(`/api/dashboard/park-status?province=${HAINAN}&targetYear=2030`)).targets).toEqual([]);
      expect((await get<ParkStatusMatrixT>(`/api/dashboard/park-status?province=${HAINAN}&plan=TEST-HN`)).targets).toHaveLength(3);
      const asOf2022 = await get<ParkStatusMatrixT>(`/api/dashboard/park-status?province=${HAINAN}&year=2022`);
      expect(asOf2022.cells.find((c) => c.parkId === ids.a && c.targetId === ids.x1)).toMatchObject({ status: 'insufficient_data', latestYear: 2022 });
    });

    it('gives every park’s latest figure per indicator, ratios from their parts, up to a year if asked', async () => {
      const f = await get<ParkFiguresT>(`/api/dashboard/figures?province=${HAINAN}`);
      const codes = f.indicators.map((i) => i.code);
      expect(codes).toEqual(expect.arrayContaining(['gdp', 'rd_spending', 'rd_intensity', 'industrial_va', 'hte_count', 'national_rank']));
      expect(codes).not.toContain('tax_per_mu');
      const a = f.parks.find((p) => p.id === ids.a)!;
      expect(a.figures.rd_intensity).toEqual({ year: 2023, value: expect.closeTo(6, 10), basis: 'parts' });
      expect(a.figures.gdp).toEqual({ year: 2023, value: 110, basis: 'reported' });
      expect(a.figures.national_rank!.value).toBe(16);
      const in2022 = await get<ParkFiguresT>(`/api/dashboard/figures?province=${HAINAN}&year=2022`);
      expect(in2022.parks.find((p) => p.id === ids.a)!.figures.rd_intensity!.value).toBeCloseTo(5, 10);
      expect(in2022.parks.find((p) => p.id === ids.c)!.figures).toEqual({});
    });

    it('reads a park’s series from figures in bulk exactly as parkSeries does', async () => {
      const handle = database.open();
      try {
        for (const parkId of [ids.a, ids.b, ids.c, ids.d]) {
          const rows = await handle.db.selectFrom('reported_values').select(['indicator_code', 'year', 'value']).where('park_id', '=', parkId).where('status', '=', 'approved').execute();
          const byYear = new Map<number, Map<string, number>>();
          for (const r of rows) byYear.set(r.year, (byYear.get(r.year) ?? new Map()).set(r.indicator_code, r.value));
          for (const code of ['rd_intensity', 'gdp', 'hte_count', 'national_rank']) {
            const indicator = findIndicator(code)!;
            const expected = (await parkSeries(handle.db, parkId, indicator, 'approved')).map((p) => [p.year, p.value, p.basis]);
            expect(seriesFromFigures(indicator, byYear).map((p) => [p.year, p.value, p.basis]), `${parkId} ${code}`).toEqual(expected);
          }
        }
      } finally {
        await handle.close();
      }
    });

    it('aggregates a ratio by city as a ratio of sums, in the latest year, with each park as a point', async () => {
      const c = await get<CityFiguresT>(`/api/dashboard/cities?province=${HAINAN}&indicator=rd_intensity`);
      expect(c.year).toBe(2023);
      expect(c.years).toEqual([2022, 2023]);
      const city = (code: string) => c.cities.find((x) => x.code === code)!;
      // 海口: (6.6 + 1.8) / (110 + 60); 三亚: (1.2 + 0.2) / (40 + 20)
      expect(city('460100').value).toBeCloseTo((8.4 / 170) * 100, 10);
      expect(city('460100')).toMatchObject({ name: '海口市', numerator: expect.closeTo(8.4, 10), denominator: 170, parksIncluded: 2, parksTotal: 2 });
      expect(city('460200').value).toBeCloseTo((1.4 / 60) * 100, 10);
      expect(city('460300')).toMatchObject({ value: null, parksIncluded: 0, parksTotal: 0 });
      expect(c.parks.find((p) => p.id === ids.b)!.value).toBeCloseTo(3, 10);
      // Provincial parks only: 乙 alone in 海口, 丙 alone in 三亚.
      const provincial = await get<CityFiguresT>(`/api/dashboard/cities?province=${HAINAN}&indicator=rd_intensity&level=provincial`);
      expect(provincial.cities.find((x) => x.code === '460100')!.value).toBeCloseTo(3, 10);
      expect(provincial.cities.find((x) => x.code === '460200')!.value).toBeCloseTo(3, 10);
    });

    it('sums amounts by city and takes shares of the province total', async () => {
      const gdp = await get<CityFiguresT>(`/api/dashboard/cities?province=${HAINAN}&indicator=gdp&year=2022`);
      expect(gdp.year).toBe(2022);
      expect(gdp.cities.find((x) => x.code === '460100')).toMatchObject({ value: 150, parksIncluded: 2 });
      expect(gdp.cities.find((x) => x.code === '460200')).toMatchObject({ value: null, parksIncluded: 0 });
      const share = await get<CityFiguresT>(`/api/dashboard/cities?province=${HAINAN}&indicator=industrial_va_share`);
      expect(share.year).toBe(2023);
      expect(share.cities.find((x) => x.code === '460100')).toMatchObject({ value: 20, numerator: 40, denominator: 200 }); // (30 + 10) / 200
      expect(share.cities.find((x) => x.code === '460200')!.value).toBeCloseTo(4, 10); // 8 / 200
      expect(share.parks.find((p) => p.id === ids.a)!.value).toBeCloseTo(15, 10);
    });

    it('sets provinces and parks side by side on one indicator', async () => {
      const cmp = await get<ComparisonT>(`/api/dashboard/compare?indicator=rd_intensity&provinces=${HAINAN},330000&parks=${ids.a},${ids.b}`);
      expect(cmp.series.map((s) => [s.key, s.label])).toEqual([
        [`province:${HAINAN}`, '海南省'], ['province:330000', '浙江省'], [`park:${ids.a}`, '示例甲'], [`park:${ids.b}`, '示例乙'],
      ]);
      const hn = cmp.series[0]!.points;
      // All parks, every level: 2022 (5 + 1) / (100 + 50); 2023 (6.6 + 1.8 + 1.2 + 0.2) / (110 + 60 + 40 + 20)
      expect(hn.map((p) => [p.year, p.parksIncluded])).toEqual([[2022, 2], [2023, 4]]);
      expect(hn[0]!.value).toBeCloseTo(4, 10);
      expect(hn[1]!.value).toBeCloseTo((9.8 / 230) * 100, 10);
      expect(cmp.series[2]!.points.map((p) => p.year)).toEqual([2022, 2023]);
      expect(cmp.series[2]!.points[1]!.value).toBeCloseTo(6, 10);
    });

    it('shows one park over the years against the targets that apply, each figure with its source and who entered it', async () => {
      const d = await get<ParkDashboardT>(`/api/dashboard/parks/${ids.a}`);
      expect(d.park.name).toBe('示例甲');
      // Indicators with a target come first, in the order of the targets.
      expect(d.indicators.slice(0, 2).map((i) => i.indicator.code)).toEqual(['rd_intensity', 'national_rank']);
      const rd = d.indicators[0]!;
      expect(rd.series.map((p) => [p.year, Number(p.value.toFixed(6)), p.basis])).toEqual([[2022, 5, 'parts'], [2023, 6, 'parts']]);
      expect(rd.figures.map((f) => `${f.indicator.code} ${f.year} ${f.value} ${f.enteredBy}`).sort()).toEqual([
        'gdp 2022 100 测试员', 'gdp 2023 110 测试员', 'rd_spending 2022 5 测试员', 'rd_spending 2023 6.6 测试员',
      ]);
      expect(rd.figures[0]!.source?.code).toBe('TEST-HN-SRC');
      expect(rd.targets.map((t) => [t.code, t.progress.status])).toEqual([['X1', 'on_track']]);
      expect(d.indicators[1]!.targets[0]!.progress.paceRatio).toBeCloseTo(1.2, 10);
    });

    it('lists the targets of a province and horizon with the series each sparkline draws', async () => {
      const o = await get<OverviewEntryT[]>(`/api/dashboard/overview?province=${HAINAN}&targetYear=2025`);
      expect(o.map((e) => e.code)).toEqual(['X1', 'X2', 'X3', 'X4']);
      const x1 = o[0]!;
      // Provincial and above: 2022 (5 + 1) / 150; 2023 (6.6 + 1.8 + 1.2) / 210
      // 2022 had too few of the parks that should report (provisional): said beside the status, not drawn.
      expect(x1.sparkline.map((p) => p.year)).toEqual([2023]);
      expect(x1.sparkline[0]!.value).toBeCloseTo((9.6 / 210) * 100, 10);
      expect(x1.latestValue).toBeCloseTo((9.6 / 210) * 100, 10);
      expect(o[2]!.sparkline.map((p) => [p.year, p.value])).toEqual([[2022, 20], [2023, 16]]);
      const all = await get<ProgressEntryT[]>(`/api/progress?province=${HAINAN}`);
      expect(o.map((e) => [e.code, e.status, e.latestValue])).toEqual(all.map((e) => [e.code, e.status, e.latestValue]));
    });

    it('answers bad requests with 400 and unknown things with 404', async () => {
      expect((await get<{ error: { code: string } }>('/api/dashboard/cities?indicator=gdp', 400)).error.code).toBe('invalid_request');
      expect((await get<{ error: { code: string } }>(`/api/dashboard/cities?province=${HAINAN}&indicator=nope`, 404)).error.code).toBe('not_found');
      expect((await get<{ error: { code: string } }>('/api/dashboard/compare?indicator=gdp&parks=1,x', 400)).error.code).toBe('invalid_request');
      expect((await get<{ error: { code: string } }>('/api/dashboard/parks/99999', 404)).error.code).toBe('not_found');
      expect((await get<{ error: { code: string } }>('/api/dashboard/park-status?level=huge', 400)).error.code).toBe('invalid_request');
    });

    it('keeps the real seed free of example data', async () => {
      const parks = await get<{ name: string; source: { code: string } | null }[]>('/api/parks?province=330000');
      expect(parks.length).toBeGreaterThan(0);
      expect(parks.filter((p) => p.name.includes('示例'))).toEqual([]);
      expect(parks.filter((p) => p.source?.code.startsWith('DEMO'))).toEqual([]);
      const plans = await get<{ code: string }[]>('/api/plans');
      expect(plans.filter((p) => p.code.startsWith('DEMO'))).toEqual([]);
    });
  });

  describe.skipIf(kind.skipReason !== null)(`the example province (DEMO=1) on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    const get = async <T,>(path: string): Promise<T> => {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    };

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, DEMO: '1' } });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('fills an empty database with the example province and says so', async () => {
      expect(server.output()).toContain('示例数据');
      const meta = await get<MetaT>('/api/meta');
      expect(meta.demo).toBe(true);
      expect(meta.provinces.map((p) => p.code)).toEqual(['330000', '320000']);
      expect(meta.provinces[0]!.parkCount).toBeGreaterThanOrEqual(36);
      expect(meta.years).toEqual({ first: 2016, last: 2025 });
      const parks = await get<{ name: string }[]>('/api/parks');
      expect(parks.every((p) => p.name.startsWith('示例·'))).toBe(true);
    });

    it('has targets of every scope, statuses across the whole scale, and figures in all 11 cities of Zhejiang', async () => {
      const progress = await get<ProgressEntryT[]>('/api/progress?province=330000');
      expect(new Set(progress.map((p) => p.scope.kind))).toEqual(new Set(['park', 'park_class', 'province_aggregate', 'coverage']));
      expect(new Set(progress.map((p) => p.status))).toEqual(new Set(STATUSES));
      const coverage = progress.find((p) => p.code === 'D8')!;
      expect(coverage.coverage!.uncovered.map((r) => r.name)).toEqual(['舟山市', '台州市', '丽水市']);
      const rd = progress.find((p) => p.code === 'D5')!;
      expect(rd.aggregate!.excluded.length).toBeGreaterThan(0); // parks that published only the ratio in early years
      const cities = await get<CityFiguresT>('/api/dashboard/cities?province=330000&indicator=gdp');
      expect(cities.cities).toHaveLength(11);
      expect(cities.cities.every((c) => c.value !== null && c.parksIncluded > 0)).toBe(true);
      const figures = await get<ParkFiguresT>('/api/dashboard/figures?province=330000');
      expect(figures.indicators.map((i) => i.code)).toEqual(expect.arrayContaining([
        'gdp', 'rd_spending', 'rd_intensity', 'tax_revenue', 'land_area', 'tax_per_mu', 'industrial_va', 'hte_count', 'national_rank', 'digitalization_rate', 'low_efficiency_firms',
      ]));
    });

    it('is the same on every run (seeded, no clock)', async () => {
      const handle = database.open();
      try {
        const rows = await handle.db.selectFrom('reported_values as v').innerJoin('parks as p', 'p.id', 'v.park_id')
          .select(['p.name', 'v.indicator_code', 'v.year', 'v.value']).where('p.name', '=', '示例·杭州某高新区01').where('v.indicator_code', 'in', ['gdp', 'national_rank'])
          .orderBy('v.indicator_code').orderBy('v.year').execute();
        expect(rows.length).toBe(20);
        expect(rows.find((r) => r.indicator_code === 'national_rank' && r.year === 2025)!.value).toBe(6);
        // A fingerprint of the generated figures; it changes only when the generator does.
        const all = await handle.db.selectFrom('reported_values').select(['subject_key', 'indicator_code', 'year', 'value']).orderBy('subject_key').orderBy('indicator_code').orderBy('year').execute();
        expect(all.length).toBe(DEMO_FINGERPRINT.count);
        expect(Number(all.reduce((s, r, i) => s + r.value * ((i % 7) + 1), 0).toFixed(2))).toBe(DEMO_FINGERPRINT.weightedSum);
      } finally {
        await handle.close();
      }
    });
  });
}

/** The demo generator's output, pinned (update deliberately when changing server/db/demo.ts). */
const DEMO_FINGERPRINT = { count: 3627, weightedSum: 48548084.25 };

interface Fixture { a: number; b: number; c: number; d: number; x1: number; x2: number; x3: number; x4: number }

/**
 * A made-up province (海南, which has no parks in the seed): 甲 national and 乙 provincial in 海口,
 * 丙 provincial and 丁 other in 三亚.
 */
async function addHainan(db: Kysely<Database>): Promise<Fixture> {
  const now = new Date().toISOString();
  await db.insertInto('sources').values({ code: 'TEST-HN-SRC', title: '测试来源', publisher: null, published_on: null, url: null, description: null, reliability: 'official' }).execute();
  const park = async (name: string, level: 'national' | 'provincial' | 'other', city: string, approval: number) =>
    (await db.insertInto('parks').values({ name, level, province_code: HAINAN, city_code: city, county_code: null, aliases: null, approved_on: String(approval), approval_year: approval, source_code: null, note: null, created_at: now, updated_at: now })
      .returning('id').executeTakeFirstOrThrow()).id;
  const a = await park('示例甲', 'national', '460100', 2000);
  const b = await park('示例乙', 'provincial', '460100', 2005);
  const c = await park('示例丙', 'provincial', '460200', 2010);
  const d = await park('示例丁', 'other', '460200', 2012);
  const value = (parkId: number | null, indicator: string, year: number, v: number) => ({
    subject_key: parkId === null ? `region:${HAINAN}` : `park:${parkId}`, park_id: parkId, region_code: parkId === null ? HAINAN : null,
    indicator_code: indicator, year, value: v, approved_value: v, status: 'approved' as const, note: null, source_code: 'TEST-HN-SRC',
    entered_by: null, entered_by_name: '测试员', entered_at: now,
  });
  await db.insertInto('reported_values').values([
    value(a, 'gdp', 2022, 100), value(a, 'rd_spending', 2022, 5), value(a, 'gdp', 2023, 110), value(a, 'rd_spending', 2023, 6.6),
    value(b, 'gdp', 2022, 50), value(b, 'rd_spending', 2022, 1), value(b, 'gdp', 2023, 60), value(b, 'rd_spending', 2023, 1.8),
    value(c, 'gdp', 2023, 40), value(c, 'rd_spending', 2023, 1.2),
    value(d, 'gdp', 2023, 20), value(d, 'rd_spending', 2023, 0.2),
    value(a, 'national_rank', 2022, 20), value(a, 'national_rank', 2023, 16),
    value(b, 'hte_count', 2022, 40), value(b, 'hte_count', 2023, 60), value(c, 'hte_count', 2023, 80),
    value(a, 'industrial_va', 2023, 30), value(b, 'industrial_va', 2023, 10), value(c, 'industrial_va', 2023, 8),
    value(null, 'industrial_va', 2023, 200),
  ]).execute();
  const plan = (await db.insertInto('plans').values({ code: 'TEST-HN', title: '测试规划', issuer: null, document_number: null, issued_on: null, region_code: HAINAN, source_code: null, url: null, note: null, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow()).id;
  const target = (code: string, indicator: string, scope: 'park' | 'park_class' | 'province_aggregate', comparator: string, targetValue: number, extra: { park_id?: number; park_level?: 'national' | 'provincial' } = {}) => ({
    code, plan_id: plan, indicator_code: indicator, scope, park_id: extra.park_id ?? null, region_code: scope === 'park' ? null : HAINAN,
    park_level: extra.park_level ?? null, subject_label: '海南省 高新区', region_set_label: null, comparator, target_value: targetValue, tolerance: null,
    unit: findIndicator(indicator)!.unit, target_year: 2025, baseline_year: null, baseline_value: null, quote: null, quote_location: null, note: null,
    supersedes_id: null, created_at: now, updated_at: now,
  });
  const insert = async (t: ReturnType<typeof target>) => (await db.insertInto('targets').values(t).returning('id').executeTakeFirstOrThrow()).id;
  const x1 = await insert(target('X1', 'rd_intensity', 'province_aggregate', 'about', 8, { park_level: 'provincial' }));
  const x2 = await insert(target('X2', 'hte_count', 'park_class', 'at_least', 100, { park_level: 'provincial' }));
  const x3 = await insert(target('X3', 'national_rank', 'park', 'at_most', 10, { park_id: a }));
  const x4 = await insert(target('X4', 'industrial_va_share', 'province_aggregate', 'more_than', 50, { park_level: 'provincial' }));
  return { a, b, c, d, x1, x2, x3, x4 };
}
