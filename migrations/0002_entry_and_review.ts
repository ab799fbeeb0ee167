// Sign-in throttling, reporting rounds, and review fields on reported values.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: ReturnType<Kysely<any>['schema']['createTable']>) => isPostgres(db)
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  // Failed sign-ins, kept in the database so every server instance slows down the same guesser.
  await id(db.schema.createTable('login_attempts'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_username_at').on('login_attempts').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip_at').on('login_attempts').columns(['ip', 'at']).execute();

  // A planner opens the round for a year with a deadline; parks report their figures in it.
  await id(db.schema.createTable('reporting_rounds'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('deadline', 'text', (c) => c.notNull()) // YYYY-MM-DD, the last day
    .addColumn('indicator_codes', 'text', (c) => c.notNull()) // JSON array: what each park reports
    .addColumn('note', 'text')
    .addColumn('opened_by', 'integer', (c) => c.references('users.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('reporting_rounds_year_province', ['year', 'province_code'])
    .execute();

  // The value that counts on the approved basis: a change under review leaves it in place until approved.
  await db.schema.alterTable('reported_values').addColumn('approved_value', 'double precision').execute();
  await db.updateTable('reported_values').set({ approved_value: sql`value` }).where('status', '=', 'approved').execute();
  await db.schema.alterTable('reported_values').addColumn('review_comment', 'text').execute();
  await db.schema.alterTable('reported_values').addColumn('reviewed_by_name', 'text').execute();
  await db.schema.alterTable('reported_values').addColumn('reviewed_at', 'text').execute();
  await db.schema.alterTable('reported_values').addColumn('updated_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['updated_at', 'reviewed_at', 'reviewed_by_name', 'review_comment', 'approved_value']) {
    await db.schema.alterTable('reported_values').dropColumn(column).execute();
  }
  await db.schema.dropTable('reporting_rounds').ifExists().execute();
  await db.schema.dropTable('login_attempts').ifExists().execute();
}
