// Sign-in tries counted before the password is checked. login_attempts recorded a failure only after
// the (slow, deliberately) password check, so thirty tries sent at once were all checked before the
// first was recorded. One row per account and per address now holds how many tries count against it
// and how many of them are being checked right now; a try is counted, under that row's lock, before
// its password is checked (services/sign-in.ts).
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('sign_in_tries')
    .addColumn('key', 'text', (c) => c.primaryKey()) // user:<username> or ip:<address>
    .addColumn('tries', 'integer', (c) => c.notNull()) // counted since the counter last started
    .addColumn('last_try_at', 'text', (c) => c.notNull()) // ISO time: when the last counted try began, or failed
    .addColumn('checking', 'integer', (c) => c.notNull()) // tries whose password is being checked now
    .addColumn('checking_since', 'text') // ISO time: when the last of them began
    .execute();
  await db.schema.dropTable('login_attempts').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // The counters do not become attempts again: a guesser starts afresh, as after 15 minutes.
  await (db.getExecutor().adapter instanceof PostgresAdapter
    ? db.schema.createTable('login_attempts').addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : db.schema.createTable('login_attempts').addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_username_at').on('login_attempts').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip_at').on('login_attempts').columns(['ip', 'at']).execute();
  await db.schema.dropTable('sign_in_tries').execute();
}
