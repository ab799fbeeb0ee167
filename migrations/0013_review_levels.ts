// Review by level and locks (issue 13): a province reviews in one level (planners approve) or two
// (a city reviewer first, then the planners); city reviewers are bound to cities as park managers are
// to parks; a figure a planner reopens (approved, or in a closed round) carries when it was reopened;
// a closed round remembers who closed it and why.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('regions').addColumn('review_levels', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.createTable('user_regions')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addPrimaryKeyConstraint('user_regions_pk', ['user_id', 'region_code'])
    .execute();
  await db.schema.alterTable('reported_values').addColumn('reopened_at', 'text').execute();
  await db.schema.alterTable('reporting_rounds').addColumn('closed_by', 'integer').execute();
  await db.schema.alterTable('reporting_rounds').addColumn('close_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reporting_rounds').dropColumn('close_reason').execute();
  await db.schema.alterTable('reporting_rounds').dropColumn('closed_by').execute();
  await db.schema.alterTable('reported_values').dropColumn('reopened_at').execute();
  await db.schema.dropTable('user_regions').ifExists().execute();
  await db.schema.alterTable('regions').dropColumn('review_levels').execute();
}
