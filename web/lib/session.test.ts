import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { ApiWriteError, writeErrorFrom } from './session.ts';

describe('a refused write carries what the API said', () => {
  it('keeps the message, code and status, and each problem of a batch', () => {
    const body = {
      error: {
        code: 'conflict', message: '部分数据已被他人修改, 未写入任何数据',
        details: [{ path: '0.version', message: 'stale' }],
        problems: [{ index: 0, field: 'version', code: 'stale', message: '已被修改', current: { value: 0.6, version: 2, status: 'draft', enteredBy: 'planner1', enteredAt: '2026-01-01T00:00:00.000Z' } }],
      },
    };
    const err = writeErrorFrom(409, 'Conflict', body, null);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(ApiWriteError);
    expect([err.status, err.code, err.message]).toEqual([409, 'conflict', '部分数据已被他人修改, 未写入任何数据']);
    expect(err.problems[0]?.current?.enteredBy).toBe('planner1');
    expect(err.details).toEqual([{ path: '0.version', message: 'stale' }]);
    expect(err.report).toBeNull();
  });

  it('keeps an import’s report and a 429’s wait', () => {
    const report = {
      dryRun: false, committed: false, fileName: 'a.xlsx', sheet: '填报数据', status: 'draft', rowsRead: 1,
      summary: { new: 0, changed: 0, unchanged: 0, skipped: 0, problems: 1 },
      problems: [{ sheet: '填报数据', row: 2, column: 'D', field: 'value', code: 'not_a_number', message: '不是数字' }], rows: [], versions: {},
    };
    expect(writeErrorFrom(422, '', { error: { code: 'invalid_file', message: '有问题', report } }, null).report?.problems[0]?.column).toBe('D');
    expect(writeErrorFrom(429, '', { error: { code: 'too_many_attempts', message: '请 4 秒后再试' } }, '4').retryAfter).toBe(4);
  });

  it('says what it can when the answer is not the API’s JSON', () => {
    const err = writeErrorFrom(502, 'Bad Gateway', '<html>', null);
    expect([err.status, err.code, err.message]).toEqual([502, 'http_error', '请求失败 (HTTP 502 Bad Gateway)']);
    expect(err.problems).toEqual([]);
  });
});
