// A target's stretch value (力争值): "高新技术企业达到4万家以上、力争达到5万家" is one target, at least 40 000,
// with 50 000 to strive for. Kept beside the target value, in the indicator's unit; null when the plan
// states none. Progress is measured against the target value; the stretch value is shown with it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('targets').addColumn('stretch_value', 'double precision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('targets').dropColumn('stretch_value').execute();
}
