// Every refusal says what is wrong in Chinese and in English, and `message` is in the language the
// interface asked for (the web sends Accept-Language: en or zh-CN): English for `en…`, else Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

interface ErrorAnswer {
  status: number;
  error: {
    code: string;
    message: string;
    messages: { zh: string; en: string };
    details?: { path: string; message: string; messages: { zh: string; en: string } }[];
    problems?: { field: string; code: string; message: string; messages: { zh: string; en: string } }[];
  };
}

const sqlite = TEST_DATABASES.find((k) => k.kind === 'sqlite')!;

describe('messages in both languages', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: Client;
  let parkId: number;

  /** A request as the admin, in a language (no header: as a client that says nothing). */
  const ask = async (method: string, path: string, language: string | null, body?: unknown): Promise<ErrorAnswer> => {
    const res = await admin.fetch(path, {
      method,
      headers: { ...(language ? { 'accept-language': language } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, ...(await res.json() as { error: ErrorAnswer['error'] }) };
  };

  beforeAll(async () => {
    database = await sqlite.create();
    server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
    parkId = (await admin.get<{ id: number; name: string }[]>('/api/parks'))[0]!.id;
  });
  afterAll(async () => {
    await server?.dispose();
    await database?.drop();
  });

  it('answers in the language asked for: English for en…, Chinese for zh-CN and when none is asked', async () => {
    const expected = { zh: '未找到园区 99999', en: 'Park 99999 not found' };
    for (const [language, message] of [[null, expected.zh], ['zh-CN', expected.zh], ['en', expected.en], ['en-US,en;q=0.9', expected.en], ['fr', expected.zh]] as const) {
      const answer = await ask('GET', '/api/parks/99999', language);
      expect([answer.status, answer.error.code, answer.error.message], String(language)).toEqual([404, 'not_found', message]);
      expect(answer.error.messages).toEqual(expected);
    }
    const nowhere = await ask('GET', '/api/nowhere', 'en');
    expect([nowhere.status, nowhere.error.message, nowhere.error.messages.zh]).toEqual([404, 'No such endpoint: GET /api/nowhere', '没有这个接口: GET /api/nowhere']);
  });

  it('says in words which field failed validation and why, in both languages', async () => {
    const short = await ask('POST', '/api/users', 'en', { username: 'new-user', password: 'short', role: 'viewer' });
    expect([short.status, short.error.code]).toEqual([400, 'invalid_request']);
    expect(short.error.messages).toEqual({
      zh: '请求参数有误: 密码: 密码至少10位',
      en: 'Invalid request: password must have at least 10 characters',
    });
    expect(short.error.message).toBe(short.error.messages.en);
    expect(short.error.details).toEqual([{ path: 'password', message: 'password must have at least 10 characters', messages: { zh: '密码: 密码至少10位', en: 'password must have at least 10 characters' } }]);

    const missing = await ask('POST', '/api/rounds', 'zh-CN', { year: 2024, deadline: '2025-03-31' });
    expect(missing.status).toBe(400);
    expect(missing.error.details!.map((d) => d.messages)).toEqual([{ zh: '省份: 必填', en: 'provinceCode is required' }]);

    const role = await ask('POST', '/api/users', 'zh-CN', { username: 'new-user', password: 'long-enough-pw', role: 'king' });
    expect(role.error.message).toBe('请求参数有误: 角色: 应为以下之一: admin, planner, park_manager, city_reviewer, viewer');

    const wrongType = await ask('PUT', '/api/values', 'zh-CN', [{ parkId, indicator: 'gdp', year: '二〇二三', value: 1 }]);
    expect(wrongType.status).toBe(400);
    expect(wrongType.error.details!.map((d) => [d.path, d.message])).toEqual([['0.year', '第1项 年份: 应为数字']]);
    expect(wrongType.error.messages.en).toBe('Invalid request: 0.year must be a number');
  });

  it('words every problem of a refused batch in both languages, and in the language asked for', async () => {
    const batch = [{ parkId, indicator: 'land_area', year: 2023, value: -5 }, { parkId: 99999, indicator: 'gdp', year: 2023, value: 1 }];
    const english = await ask('PUT', '/api/values', 'en', batch);
    expect(english.status).toBe(422);
    expect(english.error.message).toBe('2 figures failed the checks; nothing was written');
    expect(english.error.problems!.map((p) => [p.code, p.message])).toEqual([['negative', 'Land area must not be negative'], ['unknown_park', 'Unknown park 99999']]);
    expect(english.error.details!.map((d) => [d.path, d.message])).toEqual([['0.value', 'Land area must not be negative'], ['1.parkId', 'Unknown park 99999']]);
    const chinese = await ask('PUT', '/api/values', null, batch);
    expect(chinese.error.message).toBe('2 处数据未通过校验, 未写入任何数据');
    expect(chinese.error.problems!.map((p) => p.message)).toEqual(['“土地面积”不能为负数', '园区 99999 不存在']);
  });

  it('has no English tail in a Chinese message', async () => {
    const answers = [
      await ask('GET', '/api/parks/99999', null),
      await ask('PATCH', '/api/parks/99999', null, { version: 1, name: '不存在的园区' }),
      await ask('POST', '/api/users', null, { username: 'admin', password: 'long-enough-pw', role: 'viewer' }),
      await ask('PUT', '/api/values', null, [{ parkId, indicator: 'no_such', year: 2023, value: 1 }]),
      await ask('POST', '/api/values/return', null, { items: [{ id: 1, version: 1 }] }),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 409, 422, 400]);
    for (const a of answers) {
      const texts = [a.error.messages.zh, ...(a.error.details ?? []).map((d) => d.messages.zh), ...(a.error.problems ?? []).map((p) => p.messages.zh)];
      for (const text of texts) expect(text).not.toMatch(/\((?:[a-z][a-z ,;:'’.-]*)\)$/);
    }
  });
});
