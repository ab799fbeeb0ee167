import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, getJson } from './api.ts';

function answer(status: number, body: unknown, statusText = '') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal('fetch', vi.fn(async () => new Response(text, { status, statusText })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getJson', () => {
  it('returns the body parsed by the schema', async () => {
    answer(200, [{ n: 1, extra: true }]);
    await expect(getJson('/api/x', z.array(z.object({ n: z.number() })))).resolves.toEqual([{ n: 1 }]);
  });

  it('throws the API’s own message and code on an error status', async () => {
    answer(404, { error: { code: 'not_found', message: '未找到目标 9 (target 9 not found)' } });
    const err = await getJson('/api/targets/9').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: '未找到目标 9 (target 9 not found)', status: 404, code: 'not_found' });
  });

  it('says which HTTP status came back when the error body is not the API’s', async () => {
    answer(502, '<html>Bad Gateway</html>', 'Bad Gateway');
    await expect(getJson('/api/x')).rejects.toMatchObject({ message: '请求失败 (HTTP 502 Bad Gateway)', status: 502 });
  });

  it('reports a response of the wrong shape instead of passing it on', async () => {
    answer(200, [{ n: 'one' }]);
    await expect(getJson('/api/x', z.array(z.object({ n: z.number() })))).rejects.toMatchObject({
      code: 'bad_response', message: expect.stringContaining('0.n'),
    });
  });

  it('turns a failed connection into a readable error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    await expect(getJson('/api/x')).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });
});
