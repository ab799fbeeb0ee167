import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { ApiWriteError } from '../../lib/session.ts';
import { loginMessage, retrySeconds } from './login.ts';

describe('sign-in messages', () => {
  it('waits as long as Retry-After says, else the seconds in the message', () => {
    expect(retrySeconds(new ApiWriteError('x', 429, 'too_many_attempts', [], null, [], 8))).toBe(8);
    expect(retrySeconds(new ApiError('登录失败次数过多, 请 4 秒后再试 (wait 4 s)', 429, 'too_many_attempts'))).toBe(4);
    expect(retrySeconds(new ApiError('wrong', 401, 'invalid_credentials'))).toBeNull();
    expect(retrySeconds(new Error('x'))).toBeNull();
  });

  it('counts the wait down, then lets the user try again', () => {
    const slowed = new ApiError('x', 429, 'too_many_attempts');
    expect(loginMessage(slowed, 3)).toEqual({ key: 'tooMany', params: { seconds: 3 } });
    expect(loginMessage(slowed, 0)).toEqual({ key: 'tryAgainNow' });
    expect(loginMessage(new ApiError('x', 401, 'invalid_credentials'), 0)).toEqual({ key: 'invalid' });
    expect(loginMessage(new ApiError('无法连接', 0, 'network_error'), 0)).toEqual({ key: 'network' });
    expect(loginMessage(new ApiError('账户已停用', 403, 'forbidden'), 0)).toEqual({ text: '账户已停用' });
  });
});
