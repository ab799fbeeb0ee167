// What planners told the import a statistics sheet's column means: a header (without its unit) →
// an indicator, or null to ignore the column. Global, not per province: the headers are the torch
// survey's and the statistics bureaus' national terms, and "R&D经费内部支出" means the same in every
// province. The next file with that header is read the same way, and the report says so.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('import_column_mappings')
    // normalizeText of the header's name (no spaces, NFKC, lower case), its unit left out
    .addColumn('header_key', 'text', (c) => c.primaryKey())
    .addColumn('header_text', 'text', (c) => c.notNull())
    // null: the column is ignored
    .addColumn('indicator_code', 'text', (c) => c.references('indicators.code'))
    .addColumn('mapped_by_name', 'text', (c) => c.notNull())
    .addColumn('mapped_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_column_mappings').execute();
}
