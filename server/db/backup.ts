// Backups of the SQLite database while the server keeps running, and restoring one.
//
//   npm run backup -- /backups/mubiao-2026-01-31.db     a consistent copy of the live database
//   npm run restore -- /backups/mubiao-2026-01-31.db    into an empty DATA_DIR, with the server stopped
//
// The database is the one the server would open: DATA_DIR/mubiao.db, or DATABASE_URL=sqlite:/path.
// The backup uses SQLite's online backup API (better-sqlite3's db.backup()): it reads one consistent
// snapshot while the server goes on reading and writing (in WAL mode a reader never blocks the writer),
// writes it under a temporary name, checks it (PRAGMA integrity_check), makes it one self-contained
// file (no -wal beside it) and only then gives it its name, so a backup that exists is a whole one.
// Restoring copies a checked backup into place; it refuses to overwrite a database (move the old one
// aside first), and the server migrates a restored older backup on its next start.
// On PostgreSQL use pg_dump / pg_restore (see the README).
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../config.ts';

export class BackupError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** The SQLite file the server would open with this environment. */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = loadConfig(env);
  const url = config.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    throw new BackupError('DATABASE_URL 指向 PostgreSQL: 请用 pg_dump 备份、pg_restore 恢复 (DATABASE_URL is PostgreSQL: use pg_dump -Fc and pg_restore, see the README)', 2);
  }
  return url?.startsWith('sqlite:') ? path.resolve(url.slice('sqlite:'.length)) : path.join(config.dataDir, 'mubiao.db');
}

export interface Checked { file: string; parks: number; values: number; targets: number; users: number; bytes: number }

/** Opens a database file read-only and checks it: integrity, and that it is this product's. */
function check(file: string): Checked {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file}: 完整性检查未通过 (integrity check failed): ${String(integrity)}`);
    const tables = new Set((db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name));
    for (const t of ['parks', 'reported_values', 'targets', 'users']) {
      if (!tables.has(t)) throw new BackupError(`${file}: 不是目标追踪的数据库, 缺少表 ${t} (not a 目标追踪 database)`);
    }
    const count = (t: string) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    const { page_count: pages, page_size: size } = { page_count: Number(db.pragma('page_count', { simple: true })), page_size: Number(db.pragma('page_size', { simple: true })) };
    return { file, parks: count('parks'), values: count('reported_values'), targets: count('targets'), users: count('users'), bytes: pages * size };
  } finally {
    db.close();
  }
}

/** A consistent copy of the live database at `target`. */
export async function backupDatabase(source: string, target: string, options: { force?: boolean } = {}): Promise<Checked> {
  if (!existsSync(source)) throw new BackupError(`没有数据库文件 ${source} (no database at ${source}: check DATA_DIR / DATABASE_URL)`);
  const dest = path.resolve(target);
  if (path.resolve(source) === dest) throw new BackupError('备份文件不能是数据库本身 (the backup must be another file than the database)');
  if (existsSync(dest) && !options.force) throw new BackupError(`${dest} 已存在; 换一个文件名, 或加 --force 覆盖 (exists: choose another name or pass --force)`);
  if (!existsSync(path.dirname(dest))) throw new BackupError(`目录不存在 ${path.dirname(dest)} (the directory does not exist)`);
  const partial = `${dest}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // After the first pages, everything in one step: one snapshot, so a write on the server in the
    // meantime cannot restart the copy again and again.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  try {
    const copy = new SqliteDatabase(partial);
    // One file, readable without a -wal beside it.
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const checked = check(partial);
    renameSync(partial, dest);
    return { ...checked, file: dest };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** Copies a checked backup to `target`, which must not exist yet (nor its -wal or -shm). */
export function restoreDatabase(backup: string, target: string): Checked {
  const source = path.resolve(backup);
  if (!existsSync(source)) throw new BackupError(`没有备份文件 ${source} (no such backup)`);
  check(source);
  for (const f of [target, `${target}-wal`, `${target}-shm`]) {
    if (existsSync(f)) {
      throw new BackupError(`${f} 已存在: 请先停止服务, 把现有数据库文件(连同 -wal、-shm)移走, 再恢复 (a database is there: stop the server and move it aside, with its -wal and -shm, then restore)`);
    }
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  copyFileSync(source, partial);
  try {
    const db = new SqliteDatabase(partial);
    db.pragma('journal_mode = WAL'); // as the server runs it
    db.close();
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return check(target);
}

async function cli(argv: string[]): Promise<void> {
  const restore = argv.includes('--restore');
  const force = argv.includes('--force');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    throw new BackupError([
      '用法 (usage):',
      '  npm run backup -- <backup file> [--force]     在线备份正在使用的 SQLite 数据库 (online backup of the live database)',
      '  npm run restore -- <backup file>               恢复到 DATA_DIR (空目录, 服务须已停止) (restore into an empty DATA_DIR, server stopped)',
    ].join('\n'), 2);
  }
  const database = databaseFile();
  const started = Date.now();
  const result = restore ? restoreDatabase(files[0]!, database) : await backupDatabase(database, files[0]!, { force });
  const what = `${result.parks} 个园区, ${result.values} 条数据, ${result.targets} 个目标, ${result.users} 个用户 (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`;
  console.log(restore
    ? `已恢复 (restored) ${path.resolve(files[0]!)} → ${database}: ${what}, ${Date.now() - started} ms`
    : `已备份 (backed up) ${database} → ${result.file}: ${what}, 完整性检查通过 (integrity ok), ${Date.now() - started} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  cli(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(err instanceof BackupError ? err.exitCode : 1);
  });
}
