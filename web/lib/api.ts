// The web's one way to read the API: typed JSON over fetch, checked against the shared zod schemas,
// with the API's own error message (`{ error: { code, message } }`) carried in the thrown error.
import type { z } from 'zod';
import { LANGUAGE_TAG } from '../../shared/locale.ts';
import { currentLocale } from './i18n.ts';
import type { LazySchema } from './schemas.ts';

/** A schema now, or one loaded when the answer arrives (web/lib/schemas.ts). */
export type SchemaArg<T> = z.ZodType<T> | LazySchema<T>;

export async function schemaOf<T>(schema: SchemaArg<T>): Promise<z.ZodType<T>> {
  return typeof schema === 'function' ? schema() : schema;
}

/** The API's error object (`{ error: { code, message } }`), or null for any other body. */
export function apiErrorOf(body: unknown): { code: string; message: string; [field: string]: unknown } | null {
  const error = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (error === null || typeof error !== 'object') return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? (error as { code: string; message: string }) : null;
}

/**
 * The headers of every request to the API: JSON, and the interface's language, in which the server
 * writes its messages (`Accept-Language: zh-CN` or `en`).
 */
export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Accept: 'application/json', 'Accept-Language': LANGUAGE_TAG[currentLocale()], ...extra };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached or answered something unreadable. */
    readonly status: number,
    /** The API's machine-readable code (`not_found`, `invalid_request`, …), or a client-side one. */
    readonly code: string,
  ) {
    super(message);
  }
}

interface GetOptions {
  signal?: AbortSignal;
}

/**
 * GET a JSON resource of the API. With a schema, the body is parsed by it (so a change in the API's
 * shape shows as a clear error, not as `undefined` deep in a component); without one, it is trusted.
 */
export function getJson<T>(path: string, schema: SchemaArg<T>, options?: GetOptions): Promise<T>;
export function getJson<T = unknown>(path: string, schema?: undefined, options?: GetOptions): Promise<T>;
export async function getJson<T>(path: string, schema?: SchemaArg<T>, options: GetOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: apiHeaders(), signal: options.signal });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError('无法连接服务器，请检查网络后重试 (network error)', 0, 'network_error');
  }

  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = apiErrorOf(body);
    if (error) throw new ApiError(error.message, res.status, error.code);
    throw new ApiError(`请求失败 (HTTP ${[res.status, res.statusText].filter(Boolean).join(' ')})`, res.status, 'http_error');
  }
  if (body === undefined) throw new ApiError(`服务器返回的不是 JSON (not JSON): ${path}`, res.status, 'bad_response');
  if (!schema) return body as T;

  const parsed = (await schemaOf(schema)).safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : '';
    throw new ApiError(`服务器返回的数据格式不符 (unexpected response shape) ${path} ${where}`.trim(), res.status, 'bad_response');
  }
  return parsed.data;
}
