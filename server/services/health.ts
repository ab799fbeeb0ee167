// Whether the service can do its work: the database answers a query.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function checkDatabase(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('regions').select('code').limit(1).execute();
}
