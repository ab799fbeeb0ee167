// Screen links for wall displays: read-only, revocable, never data once revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`screen links on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    const withToken = (token: string, path: string, init: RequestInit = {}) =>
      fetch(server.url + path, { ...init, headers: { 'x-screen-token': token, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });

    beforeAll(async () => {
      database = await kind.create();
      // Reads need a session here, so the screen link is what lets the display in.
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, READ_ACCESS: 'signed_in' } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('lets only admins make screen links, and shows the token once', async () => {
      const planner = await createUserAndSignIn(server.url, admin, { username: 'p1', role: 'planner' });
      expect((await planner.request('POST', '/api/screens', { label: '会议室' })).status).toBe(403);
      const made = await admin.request('POST', '/api/screens', { label: '省厅会议室', scenes: ['targets', 'coverage'], intervalSeconds: 15 });
      expect(made.status).toBe(201);
      expect(made.body.token).toMatch(/^[\w-]{43}$/);
      expect(made.body.url).toBe(`/screen/${made.body.token}`);
      const list = await admin.get('/api/screens');
      expect(list).toEqual([expect.objectContaining({ id: made.body.id, label: '省厅会议室', revokedAt: null })]);
      expect(JSON.stringify(list)).not.toContain(made.body.token);
      const h = database.open();
      try {
        const row = await h.db.selectFrom('screens').selectAll().executeTakeFirstOrThrow();
        expect(row.token_hash).not.toBe(made.body.token);
      } finally {
        await h.close();
      }
    });

    it('reads with the token, never writes, and shows nothing once revoked', async () => {
      const { body: made } = await admin.request('POST', '/api/screens', { label: '大厅', intervalSeconds: 30 });
      const config = await (await withToken(made.token, '/api/screen/config')).json() as any;
      expect(config).toEqual({ id: made.id, label: '大厅', settings: expect.objectContaining({ intervalSeconds: 30, scenes: ['targets', 'coverage', 'ranking', 'trend', 'laggards'], provinceCode: '330000' }) });
      expect((await fetch(`${server.url}/api/progress`)).status).toBe(401);
      expect((await withToken(made.token, '/api/progress')).status).toBe(200);
      const write = await withToken(made.token, '/api/values', { method: 'PUT', body: JSON.stringify([{ parkId: 1, indicator: 'gdp', year: 2022, value: 1 }]) });
      expect(write.status).toBe(403);
      expect(((await write.json()) as any).error.code).toBe('read_only');

      expect((await admin.request('DELETE', `/api/screens/${made.id}`)).status).toBe(200);
      for (const path of ['/api/screen/config', '/api/progress', '/api/parks']) {
        const res = await withToken(made.token, path);
        expect(res.status).toBe(401);
        const body = await res.json() as any;
        expect(body.error.code).toBe('screen_revoked');
        expect(JSON.stringify(body)).not.toContain('T1');
      }
      const wrong = await withToken('x'.repeat(43), '/api/screen/config');
      expect(wrong.status).toBe(401);
      // a signed-in admin's browser sending a revoked token still gets no data, and cannot write with it
      const adminWithToken = await admin.fetch('/api/progress', { headers: { 'x-screen-token': made.token } });
      expect(adminWithToken.status).toBe(401);
    });

    it('reads as the screen when a signed-in browser previews a link', async () => {
      const { body: made } = await admin.request('POST', '/api/screens', { label: '预览' });
      const preview = await admin.fetch('/api/screen/config', { headers: { 'x-screen-token': made.token } });
      expect(preview.status).toBe(200);
      expect(((await preview.json()) as any).label).toBe('预览');
      const write = await admin.fetch('/api/values', { method: 'PUT', headers: { 'x-screen-token': made.token, 'content-type': 'application/json' }, body: '[]' });
      expect(write.status).toBe(403);
    });
  });
}
