// Runs the migrations in migrations/ (up to the latest, or down one step).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Numbered files in migrations/ (0001_initial.ts, …). Imported from here rather than by Kysely's
 * FileMigrationProvider so that the same TypeScript loader that runs the server (tsx, or Vitest's)
 * loads them.
 */
const provider: MigrationProvider = {
  async getMigrations() {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f)).sort();
    const entries = await Promise.all(files.map(async (f) => {
      const module = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, f)).href)) as Migration;
      return [f.replace(/\.ts$/, ''), { up: module.up, down: module.down }] as const;
    }));
    return Object.fromEntries(entries);
  },
};

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider });
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
