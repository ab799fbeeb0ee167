// How large a request body may be, per route: small for JSON (a sign-in is a few hundred bytes; a
// batch of figures at most 5 000 items), 10 MB for uploads. Hono's bodyLimit refuses a body over its
// limit from Content-Length before reading it, and counts a chunked body while reading, buffering at
// most the limit: a stranger's 50 MB costs neither memory nor the other requests' time. Answered 413
// with the JSON error.
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { DomainError } from './errors.ts';

const KB = 1024;
const MB = 1024 * KB;

/** An uploaded file may be 10 MB; its form adds a few fields and boundaries. */
export const UPLOAD_FILE_BYTES = 10 * MB;
const UPLOAD_BODY_BYTES = UPLOAD_FILE_BYTES + 256 * KB;

interface BodyRule {
  /** Only this method (any when left out). */
  method?: string;
  /** The path, or with a trailing slash every path below it. */
  path: string;
  /** Only multipart forms (an upload where the same path also takes JSON). */
  multipart?: boolean;
  maxBytes: number;
  /** An uploaded file: refused as `file_too_large`, with what to do about it. */
  upload?: boolean;
}

/** The first rule that matches a request sets its limit; the rest get DEFAULT_BYTES. */
const RULES: BodyRule[] = [
  { method: 'POST', path: '/api/auth/login', maxBytes: 4 * KB },
  // 5 000 figures of about 150 bytes each, with room for short notes.
  { method: 'PUT', path: '/api/values', maxBytes: 4 * MB },
  // Approve or return up to 5 000 { id, version } with a comment.
  { path: '/api/values/', maxBytes: 256 * KB },
  { path: '/api/import', maxBytes: UPLOAD_BODY_BYTES, upload: true },
  { path: '/api/extract-targets', multipart: true, maxBytes: UPLOAD_BODY_BYTES, upload: true },
  // A pasted policy text of up to 200 000 characters (3 bytes each in UTF-8).
  { path: '/api/extract-targets', maxBytes: MB },
  // A plan with its document text (200 000 characters) and up to 200 targets; a batch of targets.
  { path: '/api/plans', maxBytes: 2 * MB },
  { path: '/api/plans/', maxBytes: 2 * MB },
  { path: '/api/targets', maxBytes: 2 * MB },
  { path: '/api/targets/', maxBytes: 2 * MB },
];
export const DEFAULT_BODY_BYTES = 64 * KB;

const sizeWords = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`);

function tooLarge(rule: BodyRule | undefined, maxBytes: number): DomainError {
  if (rule?.upload) {
    const size = sizeWords(UPLOAD_FILE_BYTES);
    return new DomainError('too_large', 'file_too_large', { zh: `文件超过 ${size}, 请拆分后分批上传`, en: `The file is larger than ${size}: split it and upload the parts` });
  }
  const size = sizeWords(maxBytes);
  return new DomainError('too_large', 'payload_too_large', { zh: `请求体超过 ${size}, 已拒绝`, en: `The request body is larger than ${size}` });
}

function matches(rule: BodyRule, method: string, path: string, contentType: string): boolean {
  if (rule.method && rule.method !== method) return false;
  if (rule.multipart && !contentType.startsWith('multipart/form-data')) return false;
  return rule.path.endsWith('/') ? path.startsWith(rule.path) : path === rule.path;
}

/** One middleware for every API route: each request gets the limit of the first rule it matches. */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  const limitOf = (rule: BodyRule | undefined) => {
    const maxSize = rule?.maxBytes ?? DEFAULT_BODY_BYTES;
    return bodyLimit({ maxSize, onError: () => { throw tooLarge(rule, maxSize); } });
  };
  const byRule = new Map<BodyRule | undefined, MiddlewareHandler>([[undefined, limitOf(undefined)], ...RULES.map((r) => [r, limitOf(r)] as const)]);
  return (c, next) => {
    const contentType = (c.req.header('content-type') ?? '').toLowerCase();
    const rule = RULES.find((r) => matches(r, c.req.method, c.req.path, contentType));
    return byRule.get(rule)!(c, next);
  };
}
