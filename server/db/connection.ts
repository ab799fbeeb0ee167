// Opens the database the configuration names: a SQLite file (default) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for the start-up log (never with a password). */
  location: string;
  /**
   * Keeps the query planner's statistics current. PostgreSQL's autovacuum analyzes tables as they
   * change; SQLite never does by itself, and without statistics it reads an aggregate's indicator
   * across every park of every province instead of the province's parks (20× slower at 3 000 parks,
   * see BENCHMARKS.md). Run at start and now and then: ANALYZE once when the database has never been
   * analyzed, afterwards `PRAGMA optimize=0x10002`, which re-analyzes every table whose size changed
   * 25-fold since (cheap when nothing did).
   */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Whether a handle (or a transaction) speaks to PostgreSQL. Where a use case must lock rows for the
 * length of its transaction, PostgreSQL needs `for update`; SQLite runs one write transaction at a
 * time (one connection per process, and the file's write lock) and has no `for update`.
 */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): DatabaseHandle {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : path.join(options.dataDir, 'mubiao.db');
  return openSqlite(file);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // 64 MB of page cache instead of SQLite's 2 MB: a province's figures, or a national deployment's
  // indexes, stay in memory between requests, and an import's inserts touch cached pages.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const optimize = async () => {
    if (!sqlite.open) return;
    const analyzed = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat1'`).get();
    if (analyzed) sqlite.pragma('optimize=0x10002');
    else sqlite.exec('analyze');
  };
  return { db, kind: 'sqlite', location: path.resolve(file), optimize, close: () => db.destroy() };
}

function openPostgres(url: string): DatabaseHandle {
  // count(*) and sum() of integers are bigint (OID 20) and numeric (1700), which pg returns as strings.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  safe.password = '';
  return { db, kind: 'postgres', location: safe.toString(), optimize: async () => {}, close: () => db.destroy() };
}
