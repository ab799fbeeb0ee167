// Starts the product: reads the configuration, opens the database, migrates, seeds an empty one,
// and serves the API and the built web app on one port.
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { clockFrom, systemClock } from './context.ts';
import { openDatabase, type DatabaseHandle } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedIfEmpty } from './db/seed.ts';
import { seedDemoIfEmpty } from './db/demo.ts';
import { isDemoDatabase } from './services/dashboard.ts';
import { ensureAdmin } from './services/auth.ts';

/** The key of the PostgreSQL advisory lock held while an instance sets the database up. */
const SETUP_LOCK = 0x6d62_7a68;

/** Runs the database set-up of this start while no other instance runs its own (PostgreSQL; SQLite has one process). */
async function oneAtATime<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (handle.kind !== 'postgres') return work();
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${SETUP_LOCK})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${SETUP_LOCK})`.execute(conn);
    }
  });
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  console.log(`数据库 (database): ${handle.kind} ${handle.location}`);
  // Several instances starting together on an empty PostgreSQL database would each find it empty and
  // seed it (and create the admin) at once: one sets it up while the others wait, then find it ready.
  const admin = await oneAtATime(handle, async () => {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) console.log(`已执行迁移 (migrations applied): ${applied.join(', ')}`);
    if (config.SEED === '1' && config.DEMO === '1') {
      if (await seedDemoIfEmpty(handle.db, systemClock.now())) console.log('空数据库已写入示例数据 (filled the empty database with the generated example province: 示例数据)');
      else if (!(await isDemoDatabase(handle.db))) console.warn('DEMO=1, 但数据库已有非示例数据, 未写入示例 (DEMO=1 but the database holds other data: the demo was not added)');
    } else if (config.SEED === '1' && (await seedIfEmpty(handle.db, systemClock.now()))) {
      console.log('空数据库已写入初始数据 (seeded the empty database from the published sources)');
    }
    return ensureAdmin(handle.db, systemClock.now(), config.ADMIN_PASSWORD);
  });
  if (admin.generatedPassword) {
    console.log(`已创建管理员账号 admin, 初始密码 (created user "admin" with password): ${admin.generatedPassword}`);
    console.log('请登录后修改密码; 此密码只显示这一次 (change it after signing in; it is shown only once)');
  } else if (admin.created) {
    console.log('已创建管理员账号 admin (password from ADMIN_PASSWORD)');
  }

  // Planner statistics (SQLite has no autoanalyze): at start, and hourly for a long-running server.
  await handle.optimize();
  setInterval(() => void handle.optimize().catch((err: unknown) => console.warn(`optimize: ${String(err)}`)), 3600_000).unref();

  const app = createApp({
    db: handle.db, databaseKind: handle.kind, clock: config.TODAY ? clockFrom(config.TODAY) : systemClock, webRoot: config.webRoot,
    trustProxy: config.TRUST_PROXY === '1', secureCookies: config.COOKIE_SECURE === '1', readAccess: config.READ_ACCESS,
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`目标追踪 listening on http://localhost:${info.port}`);
  });

  const stop = () => {
    server.close(() => void handle.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
