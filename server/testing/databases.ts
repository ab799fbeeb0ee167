// The databases the API tests run on: a SQLite file on disk always, and PostgreSQL when the test run
// started a throw-away server (TEST_DATABASE_URL, see scripts/test.mjs). Each test file gets a fresh
// database of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../db/connection.ts';

export interface TestDatabase {
  /** Environment for a server process that should use this database. */
  env: Record<string, string>;
  /** A connection from the test itself, for fixtures and for checking what was written. */
  open(): DatabaseHandle;
  drop(): Promise<void>;
}

export interface TestDatabaseKind {
  kind: DatabaseKind;
  /** Why this kind cannot run here, or null. */
  skipReason: string | null;
  create(): Promise<TestDatabase>;
}

const sqlite: TestDatabaseKind = {
  kind: 'sqlite',
  skipReason: null,
  async create() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mubiao-sqlite-'));
    return {
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

const adminUrl = process.env.TEST_DATABASE_URL;
const postgres: TestDatabaseKind = {
  kind: 'postgres',
  skipReason: adminUrl ? null : 'no PostgreSQL for this run (TEST_DATABASE_URL unset; scripts/test.mjs starts one)',
  async create() {
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mubiao-pg-'));
    return {
      env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
      open: () => openDatabase({ databaseUrl: url.toString(), dataDir }),
      drop: async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

export const TEST_DATABASES: TestDatabaseKind[] = [sqlite, postgres];
