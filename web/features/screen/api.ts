// The screen's reads: every request carries the link's token in X-Screen-Token and no cookie (a
// display is its link, never a signed-in user: the server reads the token only without a session).
// Parsed by the shared zod schemas; errors as the web's ApiError, so 401 `screen_revoked` is known.
import type { z } from 'zod';
import { ErrorResponse } from '../../../shared/schemas.ts';
import { ApiError, apiHeaders } from '../../lib/api.ts';

export const SCREEN_TOKEN_HEADER = 'X-Screen-Token';

export async function screenGet<T>(path: string, token: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      headers: apiHeaders({ [SCREEN_TOKEN_HEADER]: token }),
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('无法连接服务器 (network error)', 0, 'network_error');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorResponse.safeParse(body);
    if (parsed.success) throw new ApiError(parsed.data.error.message, res.status, parsed.data.error.code);
    throw new ApiError(`请求失败 (HTTP ${res.status})`, res.status, 'http_error');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(`服务器返回的数据格式不符 (unexpected response shape) ${path}`, res.status, 'bad_response');
  return parsed.data;
}
