// The first schema: regions, sources, plans, parks, indicators, targets (four kinds of scope),
// reported values with their revisions, users, sessions and the audit log.
// Portable between SQLite and PostgreSQL: timestamps are ISO-8601 UTC text, flags are 0/1 integers,
// numbers are double precision. Never edit after it has landed: add a new migration.
import { PostgresAdapter, type Kysely, type CreateTableBuilder } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-incrementing integer primary key on either database. */
function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey()) // GB/T 2260, six digits
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // nation | province | city | county
    .addColumn('parent_code', 'text', (c) => c.references('regions.code'))
    // The last year for which this province's park register (approvals) is confirmed complete.
    .addColumn('parks_as_of_year', 'integer')
    .execute();
  await db.schema.createIndex('regions_parent').on('regions').column('parent_code').execute();

  await db.schema
    .createTable('sources')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('published_on', 'text')
    .addColumn('url', 'text')
    .addColumn('description', 'text')
    .addColumn('reliability', 'text', (c) => c.notNull().defaultTo('official')) // official | secondary
    .execute();

  await withId(db, db.schema.createTable('plans'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text')
    .addColumn('document_number', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('source_code', 'text', (c) => c.references('sources.code'))
    .addColumn('url', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('parks'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('aliases', 'text') // other names the park is reported under, separated by ；
    .addColumn('level', 'text', (c) => c.notNull()) // national | provincial | other
    .addColumn('province_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('city_code', 'text', (c) => c.references('regions.code'))
    .addColumn('county_code', 'text', (c) => c.references('regions.code'))
    .addColumn('approved_on', 'text') // as precise as the source: 1991-03, 2010, 2007-01-08
    .addColumn('approval_year', 'integer')
    .addColumn('source_code', 'text', (c) => c.references('sources.code'))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('parks_province').on('parks').columns(['province_code', 'level']).execute();
  await db.schema.createIndex('parks_city').on('parks').column('city_code').execute();

  await db.schema
    .createTable('indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull()) // up | down
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('numerator_code', 'text', (c) => c.references('indicators.code'))
    .addColumn('denominator_code', 'text', (c) => c.references('indicators.code'))
    .addColumn('factor', 'double precision')
    .addColumn('share_of_code', 'text', (c) => c.references('indicators.code'))
    .addColumn('definition_zh', 'text')
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('targets'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    // park | park_class | province_aggregate | coverage
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('park_id', 'integer', (c) => c.references('parks.id'))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    // park_class: the class; province_aggregate: the lowest level included; coverage: the level required
    .addColumn('park_level', 'text')
    .addColumn('subject_label', 'text', (c) => c.notNull())
    .addColumn('region_set_label', 'text')
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision') // null for coverage: the size of the region set
    .addColumn('tolerance', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', 'double precision')
    .addColumn('quote', 'text')
    .addColumn('quote_location', 'text')
    .addColumn('note', 'text')
    .addColumn('supersedes_id', 'integer', (c) => c.references('targets.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('targets_plan').on('targets').column('plan_id').execute();

  await db.schema
    .createTable('target_regions')
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addPrimaryKeyConstraint('target_regions_pk', ['target_id', 'region_code'])
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // admin | planner | park_manager | viewer
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_parks')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('park_id', 'integer', (c) => c.notNull().references('parks.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_parks_pk', ['user_id', 'park_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // a hash of the cookie's token, never the token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('reported_values'))
    // park:<id> | region:<code> (the region's own total) | zones:<code> (a published figure for all zones of the region)
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('park_id', 'integer', (c) => c.references('parks.id'))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | submitted | approved
    .addColumn('note', 'text')
    .addColumn('source_code', 'text', (c) => c.references('sources.code'))
    .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('entered_by_name', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('reported_values_subject_indicator_year', ['subject_key', 'indicator_code', 'year'])
    .execute();
  // Aggregates read one indicator over many parks for a range of years.
  await db.schema.createIndex('reported_values_indicator_year').on('reported_values')
    .columns(['indicator_code', 'year', 'park_id', 'value', 'status']).execute();
  await db.schema.createIndex('reported_values_park').on('reported_values').columns(['park_id', 'indicator_code']).execute();

  await withId(db, db.schema.createTable('value_revisions'))
    .addColumn('value_id', 'integer', (c) => c.notNull().references('reported_values.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('old_value', 'double precision')
    .addColumn('new_value', 'double precision')
    .addColumn('old_status', 'text')
    .addColumn('new_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('value_revisions_value').on('value_revisions').column('value_id').execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('detail', 'text') // JSON
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log', 'value_revisions', 'reported_values', 'sessions', 'user_parks', 'users',
    'target_regions', 'targets', 'indicators', 'parks', 'plans', 'sources', 'regions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
