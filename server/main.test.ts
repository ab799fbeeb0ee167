// Starting the product: first start creates, migrates and seeds the SQLite file; a second start keeps
// the data; bad configuration stops the start with a message that says what to fix.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connection.ts';
import { REPO_ROOT, startServer } from './testing/server-process.ts';
import { signIn, TEST_ADMIN_PASSWORD } from './testing/client.ts';

describe('starting the server', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mubiao-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates, migrates and seeds the SQLite file on first start, and keeps the data on the second', async () => {
    const first = await startServer({ dataDir });
    const values = await (await fetch(`${first.url}/api/values`)).json() as { id: number; enteredAt: string }[];
    await first.stop();
    expect(existsSync(path.join(dataDir, 'mubiao.db'))).toBe(true);
    expect(first.output()).toContain('seeded the empty database');

    // A figure changed between the starts must survive the second start.
    const handle = openDatabase({ dataDir });
    await handle.db.updateTable('reported_values').set({ value: 803 }).where('id', '=', values[0]!.id).execute();
    await handle.close();

    const second = await startServer({ dataDir });
    try {
      const again = await (await fetch(`${second.url}/api/values`)).json() as { id: number; value: number; enteredAt: string }[];
      expect(second.output()).not.toContain('seeded');
      expect(again.map((v) => [v.id, v.enteredAt])).toEqual(values.map((v) => [v.id, v.enteredAt]));
      expect(again[0]!.value).toBe(803);
    } finally {
      await second.stop();
    }
  });

  it('refuses a bad configuration with a message naming the setting', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPO_ROOT, env: { ...process.env, PORT: 'eighty', DATA_DIR: dataDir }, encoding: 'utf8', timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invalid configuration');
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('"eighty"');
  });

  it('with READ_ACCESS=signed_in, reads data only for a session (and still answers health and sign-in)', async () => {
    const server = await startServer({ env: { READ_ACCESS: 'signed_in', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    try {
      expect((await fetch(`${server.url}/api/progress`)).status).toBe(401);
      expect((await fetch(`${server.url}/api/values`)).status).toBe(401);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/openapi.json`)).status).toBe(200);
      const admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      expect((await admin.get<unknown[]>('/api/progress')).length).toBeGreaterThan(10);
    } finally {
      await server.dispose();
    }
  });
});
