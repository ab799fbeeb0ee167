// Backups of the SQLite database (npm run backup / npm run restore): taken from a running server
// while it writes, restored into a new data directory, and a server started there gives the same
// answers. SQLite only: on PostgreSQL backups are pg_dump's job, and the script says so.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionClient, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { REPO_ROOT, startServer, type RunningServer } from './testing/server-process.ts';

/** Runs `npm run backup` / `npm run restore` (the script itself, without npm's noise). */
function script(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/db/backup.ts', ...args], {
      cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const ANSWERS = ['/api/progress', '/api/progress?basis=submitted', '/api/values', '/api/parks', '/api/targets', '/api/plans'];

describe('backing up and restoring the SQLite database', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mubiao-backup-'));
  const backupFile = path.join(dir, 'backups', 'mubiao-backup.db');
  let server: RunningServer;
  let admin: Client;
  let answersAtBackup: Map<string, string>;

  beforeAll(async () => {
    server = await startServer({ dataDir: path.join(dir, 'live'), env: { ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
    const park = parks.find((p) => p.name === '萧山临江高新区')!.id;
    const put = await admin.request('PUT', '/api/values', { status: 'submitted', values: [{ parkId: park, indicator: 'hte_count', year: 2022, value: 905 }] });
    if (put.status !== 200) throw new Error(`writing a figure: ${put.status} ${JSON.stringify(put.body)}`);
  });
  afterAll(async () => {
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const answers = async (url: string) => new Map(await Promise.all(ANSWERS.map(async (p) => [p, await (await fetch(url + p)).text()] as const)));

  it('backs up the database of a running server, consistently, while it keeps answering', async () => {
    answersAtBackup = await answers(server.url);
    mkdirSync(path.dirname(backupFile));
    // The server keeps serving reads during the backup.
    const [result, during] = await Promise.all([
      script([backupFile], { DATA_DIR: server.dataDir }),
      Promise.all(Array.from({ length: 5 }, () => fetch(`${server.url}/api/progress`).then((r) => r.status))),
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('integrity ok');
    expect(during).toEqual([200, 200, 200, 200, 200]);
    expect(existsSync(backupFile)).toBe(true);
    // One self-contained file: no -wal, no leftovers under a temporary name.
    expect(existsSync(`${backupFile}-wal`)).toBe(false);
    expect(readdirSync(path.dirname(backupFile))).toEqual(['mubiao-backup.db']);
    // It never overwrites a backup unless told to.
    const again = await script([backupFile], { DATA_DIR: server.dataDir });
    expect(again.code).toBe(1);
    expect(again.output).toContain('--force');
  }, 60_000);

  it('takes a whole backup while figures are being written', async () => {
    const parks = await admin.get<{ id: number; name: string }[]>('/api/parks');
    const park = parks.find((p) => p.name === '宁波高新区')!.id;
    const state = { writing: true };
    const writer = (async () => {
      let year = 2000;
      while (state.writing && year < 2020) {
        await admin.request('PUT', '/api/values', [{ parkId: park, indicator: 'new_rd_institutions', year: year++, value: 10 }]);
      }
    })();
    const file = path.join(dir, 'backups', 'during-writes.db');
    const result = await script([file], { DATA_DIR: server.dataDir });
    state.writing = false;
    await writer;
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('integrity ok');
  });

  it('restores the backup into a new data directory, where a server gives the same answers', async () => {
    const restoredDir = path.join(dir, 'restored');
    const restored = await script(['--restore', backupFile], { DATA_DIR: restoredDir });
    expect(restored.code, restored.output).toBe(0);
    // Refuses to overwrite a database that is there.
    const twice = await script(['--restore', backupFile], { DATA_DIR: restoredDir });
    expect(twice.code).toBe(1);
    expect(twice.output).toContain('move it aside');

    const second = await startServer({ dataDir: restoredDir, env: { ADMIN_PASSWORD: 'another-password-not-used' } });
    try {
      expect(second.output()).not.toContain('seeded');
      const after = await answers(second.url);
      for (const p of ANSWERS) expect(after.get(p), p).toBe(answersAtBackup.get(p));
      // Accounts and sessions came along: the admin's session from before the backup still works.
      const me = await sessionClient(second.url, admin.cookie, admin.csrfToken).get<{ username: string }>('/api/auth/me');
      expect(me.username).toBe('admin');
      await signIn(second.url, 'admin', TEST_ADMIN_PASSWORD);
    } finally {
      await second.dispose();
    }
  }, 90_000);

  it('points to pg_dump on PostgreSQL, and explains its usage', async () => {
    const pgRun = await script([path.join(dir, 'x.db')], { DATABASE_URL: 'postgres://user@localhost/mubiao' });
    expect(pgRun.code).toBe(2);
    expect(pgRun.output).toContain('pg_dump');
    const usage = await script([], {});
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('npm run backup');
  });
});
