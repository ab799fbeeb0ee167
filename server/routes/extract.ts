// Candidate targets from a policy text (planners and admins): pasted (JSON) or uploaded as a .docx or PDF
// (a multipart form). The extractor is shared/extract.ts; the service adds the drafts the page sends back
// to POST /api/targets to accept them, and reads uploaded documents. This file only reads the request.
import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { ErrorResponse, ExtractBody, ExtractResult, ExtractUpload } from '../../shared/schemas.ts';
import { requireRole } from '../auth.ts';
import { ApiError, resourceRouter } from '../http.ts';
import { DocumentError, MAX_CHARACTERS, MAX_DOCUMENT_BYTES, MAX_PAGES, TIME_LIMIT_MS } from '../services/documents.ts';
import { extractFromDocument, extractWithDrafts } from '../services/extraction.ts';

const MB = MAX_DOCUMENT_BYTES / 1024 / 1024;
const errorContent = { 'application/json': { schema: ErrorResponse } };

const UploadForm = ExtractUpload.extend({
  file: ExtractUpload.shape.file.openapi({ type: 'string', format: 'binary', description: `.docx or a PDF with text, at most ${MB} MB and ${MAX_PAGES} pages` }),
});

/** Refuses an upload over the limit before it is read (Content-Length or counted while streaming). */
const uploadLimit = bodyLimit({
  maxSize: MAX_DOCUMENT_BYTES + 256 * 1024, // the file plus the form's other fields and boundaries
  onError: () => {
    throw new ApiError(413, 'file_too_large', `文件超过 ${MB} MB (the file is larger than ${MB} MB)`);
  },
});

/** What the document reader refuses, as HTTP: limits 413, a scan or a file too slow to read 422, the rest 400. */
function documentRefusal(err: DocumentError): ApiError {
  const status = err.tooLarge ? 413 : err.problem === 'no_text' || err.problem === 'too_slow' ? 422 : 400;
  return new ApiError(status, err.problem, err.message);
}

export const extraction = resourceRouter().openapi(
  createRoute({
    method: 'post', path: '/', tags: ['targets'],
    summary: '从政策文本或文件提取候选目标 (candidate targets from a pasted text or an uploaded .docx/PDF, each with its span, indicator, comparator, value, unit, year, scope and confidence; planners)',
    description: [
      'Rule-based and deterministic. A candidate needs a year the text states or implies (relative years count from the plan’s period in its title, else from `documentYear`, as its first year) and a value the text states (清零 = 0, 全覆盖 = every member of the set). Aims without a number are listed in `qualitative`; numbers without a year in `withheld`. Text in traditional characters is read as well; pronunciations in brackets (高新區(qū)) are ignored; spans point at the text as given.',
      'A target said two ways is one target: its 力争 value and a restatement as a change come as candidates with `alternativeOf` (and no drafts); the target carries `stretchValue` in its drafts.',
      `JSON \`{ text, documentYear?, regionCode? }\`, or a multipart form with \`file\` (.docx, or a PDF with text: at most ${MB} MB, ${MAX_PAGES} pages, ${MAX_CHARACTERS} characters, read within ${TIME_LIMIT_MS / 1000} s) and the same fields: the answer is the same, plus \`text\` (the document’s text, which the spans point into) and \`document\`. A scanned PDF without text gets 422 \`no_text\`; an old .doc, a file of another kind or a broken one 400; over a limit 413. Nothing is written.`,
    ].join('\n\n'),
    request: {
      body: { content: { 'application/json': { schema: ExtractBody }, 'multipart/form-data': { schema: UploadForm } }, required: false },
    },
    middleware: [requireRole('admin', 'planner'), uploadLimit] as const,
    responses: {
      200: { description: 'the candidates (and, for a file, its text)', content: { 'application/json': { schema: ExtractResult } } },
      400: { description: '请求有误或文件无法读取 (invalid request, or the file cannot be read)', content: errorContent },
      401: { description: '未登录 (not signed in)', content: errorContent },
      403: { description: '无权限 (forbidden)', content: errorContent },
      413: { description: '文件过大 (file too large: size, pages or length)', content: errorContent },
      422: { description: '文件中没有可读的文字(扫描件), 或未能在时限内读完 (no text in the file, or too slow to read)', content: errorContent },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    // Each body validator fills in {} when the request is of the other type.
    const form = c.req.valid('form');
    if ('file' in form) {
      const { file, documentYear, regionCode } = form;
      if (file.size > MAX_DOCUMENT_BYTES) throw new ApiError(413, 'file_too_large', `文件超过 ${MB} MB (the file is larger than ${MB} MB)`);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        return c.json(await extractFromDocument(db, { name: file.name || 'upload', bytes }, { documentYear, regionCode }), 200);
      } catch (err) {
        throw err instanceof DocumentError ? documentRefusal(err) : err;
      }
    }
    const body = c.req.valid('json');
    // Without a content type nothing was validated: there is neither a text nor a file.
    if (!('text' in body)) throw new ApiError(400, 'invalid_request', '请粘贴政策文本或上传文件 (send { text } as JSON, or a file as a multipart form)', [{ path: 'text', message: 'required' }]);
    return c.json(await extractWithDrafts(db, body), 200);
  },
);
