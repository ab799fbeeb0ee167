// Plans and targets become editable: plans get a version (optimistic concurrency) and may keep the
// document's text, so a target's quote is a character span in it; every change of a target keeps its
// full before and after in target_revisions. Databases seeded before the catalogue grew get the
// built-in indicators added with target extraction (a fresh database gets them from the seed, which
// runs after the migrations; so nothing is inserted into an empty catalogue here).
import { PostgresAdapter, type Kysely } from 'kysely';

/** The entries appended to shared/indicators.ts with this change, as they were then (migrations never change). */
const ADDED_INDICATORS = [
  { code: 'operating_revenue', name_zh: '营业收入', name_en: 'Operating revenue', unit: '亿元', direction: 'up', kind: 'amount', aggregation: 'sum', definition_zh: '园区内企业营业收入合计(火炬统计口径)' },
  { code: 'industrial_output', name_zh: '工业总产值', name_en: 'Gross industrial output', unit: '亿元', direction: 'up', kind: 'amount', aggregation: 'sum', definition_zh: null },
  { code: 'tech_contract_turnover', name_zh: '技术合同成交额', name_en: 'Turnover of technology contracts', unit: '亿元', direction: 'up', kind: 'amount', aggregation: 'sum', definition_zh: null },
  { code: 'hitech_output_share', name_zh: '高新技术产业产值占规上工业总产值比重', name_en: 'High-tech industries, % of above-scale industrial output', unit: '%', direction: 'up', kind: 'percent', aggregation: 'none', definition_zh: null },
  { code: 'new_rd_institutions', name_zh: '新型研发机构数', name_en: 'New-type R&D institutions', unit: '家', direction: 'up', kind: 'count', aggregation: 'sum', definition_zh: null },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plans').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // The document as pasted (实施意见, 行动计划 …): quote spans of its targets point into it.
  await db.schema.alterTable('plans').addColumn('document_text', 'text').execute();
  // [quote_start, quote_end) in the plan's document_text, in UTF-16 code units (JavaScript string indices).
  await db.schema.alterTable('targets').addColumn('quote_start', 'integer').execute();
  await db.schema.alterTable('targets').addColumn('quote_end', 'integer').execute();

  const table = db.schema.createTable('target_revisions');
  await (db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // create | update
    .addColumn('before', 'text') // JSON: the whole target before the change (null on create)
    .addColumn('after', 'text', (c) => c.notNull()) // JSON: the whole target after it
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('target_revisions_target').on('target_revisions').columns(['target_id', 'version']).execute();
  // One successor per target: a 2025 target is replaced by one 2027 target (NULLs are distinct).
  await db.schema.createIndex('targets_supersedes').on('targets').column('supersedes_id').unique().execute();

  const seeded = await db.selectFrom('indicators').select('code').execute();
  if (seeded.length > 0) {
    const have = new Set(seeded.map((r) => r.code as string));
    const missing = ADDED_INDICATORS.filter((i) => !have.has(i.code));
    if (missing.length) {
      await db.insertInto('indicators').values(missing.map((i) => ({
        ...i, numerator_code: null, denominator_code: null, factor: null, share_of_code: null, builtin: 1,
      }))).execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The added indicators go only where nothing refers to them.
  for (const { code } of ADDED_INDICATORS) {
    const used = await db.selectFrom('targets').select('id').where('indicator_code', '=', code)
      .union(db.selectFrom('reported_values').select('id').where('indicator_code', '=', code)).execute();
    if (used.length === 0) await db.deleteFrom('indicators').where('code', '=', code).execute();
  }
  await db.schema.dropIndex('targets_supersedes').ifExists().execute();
  await db.schema.dropTable('target_revisions').ifExists().execute();
  await db.schema.alterTable('targets').dropColumn('quote_end').execute();
  await db.schema.alterTable('targets').dropColumn('quote_start').execute();
  await db.schema.alterTable('plans').dropColumn('document_text').execute();
  await db.schema.alterTable('plans').dropColumn('version').execute();
}
