// The HTTP edge shared by every route file: route descriptions for OpenAPI; every refusal (a domain
// error, failed validation, Hono's own) answered as `{ error: { code, message, messages, … } }` with
// its status, in the request's language; and answers prepared once and sent to many (serialised,
// compressed, with an ETag) — services return plain values, only this layer makes bytes of them.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { ErrorResponse } from '../shared/schemas.ts';
import { fieldWords, flattenIssues, issueWords, valueAt } from '../shared/validation-messages.ts';
import type { AppEnv } from './context.ts';
import { DomainError, invalid, type Bilingual, type ErrorKind } from './errors.ts';

// --- the request's language ------------------------------------------------------------------------

export type Language = 'zh' | 'en';

/** English when the request's Accept-Language starts with `en` (the web sends `en` or `zh-CN`), else Chinese. */
export function requestLanguage(c: Context): Language {
  return (c.req.header('accept-language') ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * Sets `message` to the request's language in every object of `value` that carries `messages`
 * (an error's details, a refused batch's problems, an import report's problems). Changes `value`
 * in place: it is this request's own answer.
 */
export function localize<T>(value: T, language: Language): T {
  if (Array.isArray(value)) {
    for (const item of value) localize(item, language);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const messages = record.messages as Partial<Bilingual> | undefined;
    if (messages && typeof messages[language] === 'string') record.message = messages[language];
    for (const [key, field] of Object.entries(record)) {
      if (key !== 'messages' && field !== null && typeof field === 'object') localize(field, language);
    }
  }
  return value;
}

// --- refusals --------------------------------------------------------------------------------------

export const STATUS_OF_KIND: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  checks_failed: 422,
  too_many_attempts: 429,
  unavailable: 503,
};

/** Hono's own refusals (origin check, malformed body, media type, size) as domain errors. */
function fromHttpException(err: HTTPException): DomainError {
  switch (err.status) {
    case 400:
      return new DomainError('invalid', 'invalid_request', { zh: '请求格式有误, 无法读取请求体', en: 'Malformed request body' });
    case 403:
      return new DomainError('forbidden', 'forbidden_origin', { zh: '请求来源校验失败: 表单只能从本站提交', en: 'Cross-origin form post refused' });
    case 413:
      return new DomainError('too_large', 'payload_too_large', { zh: '请求体过大', en: 'Request body too large' });
    case 415:
      return new DomainError('invalid', 'unsupported_media_type', { zh: '不支持的请求内容类型', en: 'Unsupported media type' });
    default:
      return new DomainError('invalid', 'http_error', { zh: `请求被拒绝: ${err.message}`, en: `Request refused: ${err.message}` });
  }
}

/** What an error answer is made of: a DomainError, or the few refusals of the HTTP layer itself. */
type Refusal = Pick<DomainError, 'code' | 'messages' | 'details' | 'extra'>;

const INTERNAL_ERROR: Refusal = { code: 'internal_error', messages: { zh: '服务器内部错误', en: 'Internal server error' }, details: undefined, extra: undefined };

export function errorBody(err: Refusal, language: Language) {
  return localize({
    error: {
      code: err.code,
      message: err.messages[language],
      messages: err.messages,
      ...(err.details ? { details: err.details.map((d) => ({ path: d.path, message: d.messages[language], messages: d.messages })) } : {}),
      ...err.extra,
    },
  }, language);
}

/** The answer to a refusal: its status, Retry-After when it says how long to wait, the JSON error. */
export function errorResponse(c: Context, err: DomainError, status: ContentfulStatusCode = STATUS_OF_KIND[err.kind]): Response {
  if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
  return c.json(errorBody(err, requestLanguage(c)), status);
}

export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof DomainError) return errorResponse(c, err);
  if (err instanceof HTTPException && err.status < 500) return errorResponse(c, fromHttpException(err), err.status as ContentfulStatusCode);
  console.error(err);
  return c.json(errorBody(INTERNAL_ERROR, requestLanguage(c)), 500);
}

const TARGET_WORDS: Record<string, Bilingual> = {
  json: { zh: '请求体', en: 'the request body' },
  form: { zh: '表单', en: 'the form' },
  query: { zh: '查询参数', en: 'the query' },
  param: { zh: '路径参数', en: 'the path' },
  header: { zh: '请求头', en: 'the headers' },
};

/** A failed validation as one refusal that says, in words, which fields are wrong and how. */
export function validationError(issues: readonly z.core.$ZodIssue[], data: unknown, target: string): DomainError {
  const where = TARGET_WORDS[target] ?? { zh: target, en: target };
  const details = flattenIssues(issues).map((issue) => {
    const path = issue.path.map(String).join('.');
    const words = issueWords(issue, valueAt(data, issue.path));
    const field = fieldWords(issue.path);
    return { path: path || target, messages: { zh: `${field.zh || where.zh}: ${words.zh}`, en: `${path || where.en} ${words.en}` } };
  });
  return invalid('invalid_request', {
    zh: `请求参数有误: ${details.map((d) => d.messages.zh).join('; ')}`,
    en: `Invalid request: ${details.map((d) => d.messages.en).join('; ')}`,
  }, details);
}

// --- routes ----------------------------------------------------------------------------------------

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
        413: { description: '请求体过大 (request body too large)', content: errorContent },
        422: { description: '数据未通过校验 (figures failed the checks)', content: errorContent },
      } : {}),
    },
  });
}

/** A router for one resource; failed validation answers 400 with each field that is wrong. */
export function resourceRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, validationError(result.error.issues, (result as { data?: unknown }).data, result.target));
    },
  });
}

// --- prepared answers ------------------------------------------------------------------------------

/**
 * A JSON answer made once and sent to many viewers: the bytes, the same gzip-compressed, and an ETag
 * of the content. Big read answers (every target's progress at national scale is hundreds of KB) are
 * kept like this under the data version, so a request costs a version check and a write of bytes.
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

/**
 * The prepared answers of one route, kept per key and version: `answer(db, key, version, compute)`
 * gives the prepared bytes of `compute()`'s value, computing and preparing it only when this key has
 * no answer at this version yet (null stays null: say 404). Concurrent askers share one preparation,
 * a failed one is forgotten, and beyond `maxKeys` the least recently asked key goes. Kept per
 * database handle, so that two databases in one process never share answers.
 */
export function preparedAnswers(maxKeys = 64) {
  const byDatabase = new WeakMap<object, Map<string, { version: string; answer: Promise<PreparedJson | null> }>>();
  return (db: object, key: string, version: string | number, compute: () => Promise<unknown>): Promise<PreparedJson | null> => {
    const kept = byDatabase.get(db) ?? new Map<string, { version: string; answer: Promise<PreparedJson | null> }>();
    byDatabase.set(db, kept);
    const hit = kept.get(key);
    kept.delete(key); // re-inserted below: the map's order is the order of last use
    if (hit && hit.version === String(version)) {
      kept.set(key, hit);
      return hit.answer;
    }
    const entry = { version: String(version), answer: compute().then((value) => (value === null ? null : prepareJson(value))) };
    kept.set(key, entry);
    entry.answer.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    while (kept.size > maxKeys) kept.delete(kept.keys().next().value!);
    return entry.answer;
  };
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
 * accepts it, else the plain bytes. `no-cache` makes a browser ask again each time, cheaply. Typed as
 * the JSON answer `T` it holds, for the route's OpenAPI description.
 */
export function sendPreparedJson<T = unknown>(c: Context, prepared: PreparedJson): Response & TypedResponse<T, 200, 'json'> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=UTF-8',
    etag: prepared.etag,
    'cache-control': 'private, no-cache',
    vary: 'Accept-Encoding',
  };
  const ifNoneMatch = c.req.header('if-none-match');
  const send = (): Response => {
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => [prepared.etag, prepared.etag.slice(2), '*'].includes(tag.trim()))) {
      return c.body(null, 304, headers);
    }
    if (acceptsGzip(c.req.header('accept-encoding'))) {
      return c.body(bytes(prepared.gzip), 200, { ...headers, 'content-encoding': 'gzip' });
    }
    return c.body(bytes(prepared.body), 200, headers);
  };
  return send() as Response & TypedResponse<T, 200, 'json'>;
}
