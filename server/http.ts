// The HTTP edge shared by every route file: route descriptions for OpenAPI, one error type, the
// handlers that turn errors and failed validation into `{ error: { code, message } }`, and answers
// prepared once and sent to many (serialised, compressed, with an ETag).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { ErrorResponse } from '../shared/schemas.ts';
import type { AppEnv } from './context.ts';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
    /** More fields for the error object, e.g. the import's problems with their rows. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (zh: string, en: string, id: number | string) => new ApiError(404, 'not_found', `未找到${zh} ${id} (${en} ${id} not found)`);

const errorContent = { 'application/json': { schema: ErrorResponse } };

interface JsonRouteSpec {
  method: RouteConfig['method'];
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** A JSON request body (writes). */
  body?: z.ZodType;
  response: z.ZodType;
  /** Answered with 201 rather than 200. */
  created?: boolean;
}

type RequestOf<S extends JsonRouteSpec> = {
  query: S extends { query: infer Q extends z.ZodObject } ? Q : never;
  params: S extends { params: infer P extends z.ZodObject } ? P : never;
  body: S extends { body: infer B extends z.ZodType } ? { content: { 'application/json': { schema: B } }; required: true } : never;
};

/** A JSON route for OpenAPI: the request's params and query, the 200 body, and the error bodies. */
export function jsonRoute<const S extends JsonRouteSpec>(spec: S) {
  return createRoute({
    method: spec.method as S['method'],
    path: spec.path as S['path'],
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    request: {
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } }, required: true } } : {}),
    } as RequestOf<S>,
    responses: {
      [spec.created ? 201 : 200]: { description: 'OK', content: { 'application/json': { schema: spec.response as S['response'] } } },
      400: { description: '请求参数有误 (invalid request)', content: errorContent },
      404: { description: '未找到 (not found)', content: errorContent },
      ...(spec.body || spec.method !== 'get' ? {
        401: { description: '未登录 (not signed in)', content: errorContent },
        403: { description: '无权限 (forbidden)', content: errorContent },
        409: { description: '数据已被他人修改 (a newer version exists)', content: errorContent },
        422: { description: '数据未通过校验 (figures failed the checks)', content: errorContent },
      } : {}),
    },
  });
}

export function errorBody(code: string, message: string, details?: { path: string; message: string }[], extra?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}), ...extra } };
}

/** A router for one resource; failed validation answers 400 with each field that is wrong. */
export function resourceRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ path: i.path.join('.') || result.target, message: i.message }));
        const where = details.map((d) => d.path).join(', ');
        return c.json(errorBody('invalid_request', `请求参数有误: ${where} (invalid ${result.target}: ${where})`, details), 400);
      }
    },
  });
}

/** Hono's own refusals (origin check, malformed body, media type, size) as our JSON errors. */
const HTTP_ERRORS: Partial<Record<number, [string, string]>> = {
  400: ['invalid_request', '请求格式有误 (malformed request body)'],
  403: ['forbidden_origin', '请求来源校验失败: 表单只能从本站提交 (cross-origin form post refused)'],
  413: ['payload_too_large', '请求体过大 (request body too large)'],
  415: ['unsupported_media_type', '不支持的请求内容类型 (unsupported media type)'],
};

export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details, err.extra), err.status);
  if (err instanceof HTTPException && err.status < 500) {
    const [code, message] = HTTP_ERRORS[err.status] ?? ['http_error', err.message];
    return c.json(errorBody(code, message), err.status as ContentfulStatusCode);
  }
  console.error(err);
  return c.json(errorBody('internal_error', '服务器内部错误 (internal server error)'), 500);
}

// --- prepared answers -------------------------------------------------------------------------------

/**
 * A JSON answer made once and sent to many viewers: the bytes, the same gzip-compressed, and an ETag
 * of the content. Big read answers (every target's progress at national scale is hundreds of KB) are
 * cached like this under the data version, so a request costs a version check and a write of bytes.
 */
export interface PreparedJson {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

const gzipAsync = promisify(gzip);

export async function prepareJson(value: unknown): Promise<PreparedJson> {
  const body = Buffer.from(JSON.stringify(value));
  // Compressed once, off the event loop (zlib's thread pool), not per request.
  const compressed = await gzipAsync(body, { level: 6 });
  // Weak: the plain and the gzip bytes are the same answer.
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  return { body, gzip: compressed, etag };
}

// A Buffer is a Uint8Array over Node's own ArrayBuffer (never a shared one): no copy.
const bytes = (b: Buffer) => b as Uint8Array as Uint8Array<ArrayBuffer>;

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Sends a prepared answer: 304 when the client already has it (If-None-Match), gzip when the client
 * accepts it, else the plain bytes. `no-cache` makes a browser ask again each time, cheaply.
 */
export function sendPreparedJson(c: Context, prepared: PreparedJson): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=UTF-8',
    etag: prepared.etag,
    'cache-control': 'private, no-cache',
    vary: 'Accept-Encoding',
  };
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => [prepared.etag, prepared.etag.slice(2), '*'].includes(tag.trim()))) {
    return c.body(null, 304, headers);
  }
  if (acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(bytes(prepared.gzip), 200, { ...headers, 'content-encoding': 'gzip' });
  }
  return c.body(bytes(prepared.body), 200, headers);
}
