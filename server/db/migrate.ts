// Runs the migrations in migrations/ (up to the latest, or down one step).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_DIR }) });
}

async function run(result: Promise<{ error?: unknown; results?: { migrationName: string; status: string }[] }>): Promise<string[]> {
  const { error, results } = await result;
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const where = failed ? ` (in ${failed.migrationName})` : '';
    throw new Error(`数据库迁移失败${where} (migration failed): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

export function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return run(migrator(db).migrateToLatest());
}

export function migrateDown(db: Kysely<Database>): Promise<string[]> {
  return run(migrator(db).migrateDown());
}
