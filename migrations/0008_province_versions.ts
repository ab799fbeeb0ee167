// Which part of the data changed. data_version row 1 counts every change (as before); row 2 counts
// changes to the catalogue: targets, plans, the park register, regions. province_data_versions counts
// changes to the figures of one province. A target's progress depends only on the catalogue and the
// figures of its province, so after a park reports, only that province's targets are computed again.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('province_data_versions')
    .addColumn('province_code', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('data_version').values({ id: 2, version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('data_version').where('id', '=', 2).execute();
  await db.schema.dropTable('province_data_versions').execute();
}
