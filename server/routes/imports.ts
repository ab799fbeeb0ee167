// /api/import: the Excel template, and figures imported from a file (dry run, then commit).
import { createRoute, z } from '@hono/zod-openapi';
import { ColumnMapping, ErrorResponse, ForgetMappingQuery, ImportQuery, ImportReport, ImportStatus, TemplateQuery } from '../../shared/schemas.ts';
import { actorOf, currentUser, requireRole } from '../access.ts';
import { DomainError, invalid, type Bilingual } from '../errors.ts';
import { jsonRoute, localize, requestLanguage, resourceRouter } from '../http.ts';
import { forgetMapping, listMappings } from '../services/import-columns.ts';
import { runImport } from '../services/import.ts';
import { MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS } from '../services/import-file.ts';
import { buildTemplate } from '../services/import-template.ts';
import { yearInChina } from '../clock.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const writers = requireRole('admin', 'planner', 'park_manager');
const planners = requireRole('admin', 'planner');
const errorContent = { 'application/json': { schema: ErrorResponse } };
const MB = MAX_FILE_BYTES / 1024 / 1024;

// The multipart form: a File is a binary string in OpenAPI.
const ImportForm = z.object({
  file: z.instanceof(File, { message: '请选择要导入的文件' })
    .openapi({ type: 'string', format: 'binary', description: `.xlsx or .csv (UTF-8 or GB18030), at most ${MB} MB and ${MAX_ROWS} rows` }),
  versions: z.string().max(2_000_000).optional()
    .openapi({ description: 'JSON object "parkId:indicator:year" → version: the `versions` of the dry run’s report. Needed to change existing figures.', example: '{"12:gdp:2025":3}' }),
  status: ImportStatus.optional().openapi({ description: 'save as draft (default) or submit for review' }),
  reason: z.string().max(500).optional().openapi({ description: 'why the figures change (kept in their history)' }),
  mapping: z.string().max(100_000).optional()
    .openapi({ description: 'wide sheets: JSON object header → indicator code, or "ignore", for columns the dry run could not match (or matched otherwise). Headers with or without their unit. Remembered for the next file once a planner’s or admin’s import is committed.', example: '{"研发人员(人)":"ignore","营收(亿元)":"operating_revenue"}' }),
});

const Mapping = z.record(
  z.string().trim().min(1, '表头不能为空').max(200),
  z.string().regex(/^[\w.-]+$/, '应为指标代码或 "ignore"'),
);

/** A JSON form field, validated: 400 naming the field when it is not JSON or not of the shape. */
function jsonField<T>(name: string, text: string | undefined, schema: z.ZodType<T>, shape: Bilingual): T | undefined {
  if (!text?.trim()) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('invalid_request', { zh: `${name} 不是有效的 JSON`, en: `${name} is not valid JSON` }, [{ path: name, messages: { zh: '不是有效的 JSON', en: 'is not valid JSON' } }]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw invalid('invalid_request', { zh: `${name} 格式有误: 应为 ${shape.zh}`, en: `${name} must be ${shape.en}` },
      parsed.error.issues.map((i) => ({ path: [name, ...i.path].join('.'), messages: { zh: i.message, en: `must be ${shape.en}` } })));
  }
  return parsed.data;
}

const Versions = z.record(
  z.string().regex(/^(\d+|region:\d{6}):[\w.-]+:\d{4}$/, '键应为“园区编号:指标代码:年份”或“region:地区代码:指标代码:年份”'),
  z.number().int().positive(),
);

// The body's size is limited before it is read (body-limits.ts); the file's own size is checked here.
const tooLarge = () => new DomainError('too_large', 'file_too_large', { zh: `文件超过 ${MB} MB, 请拆分后分批导入`, en: `The file is larger than ${MB} MB: split it and import the parts` });

export const imports = resourceRouter()
  .openapi(
    { ...jsonRoute({ method: 'get', path: '/mappings', tags: ['import'], response: z.array(ColumnMapping), summary: '已记住的表头对应 (the statistics-sheet headers planners mapped: each read the same way in the next file)' }), middleware: [writers] as const },
    async (c) => c.json(await listMappings(c.var.deps.db), 200),
  )
  .openapi(
    {
      ...jsonRoute({ method: 'delete', path: '/mappings', tags: ['import'], query: ForgetMappingQuery, response: z.object({ forgotten: z.literal(true) }), summary: '忘记表头对应 (forget a remembered header: the next file asks again; planners, admins)' }),
      middleware: [planners] as const,
    },
    async (c) => {
      await forgetMapping(c.var.deps.db, c.req.valid('query').header, actorOf(c), c.var.deps.clock.now());
      return c.json({ forgotten: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/template.xlsx', tags: ['import'],
      summary: '导入模板 (the Excel template: one row per park and figure to report, with the rules explained in the file)',
      description: 'Sheets: 填报数据 (long form: 园区, 园区编号, 指标, 年份, 数值, 单位, 备注, 确认, a read-only reference column and the version of each existing figure), 说明 (every column, units and conversions, the jump rule, all-or-nothing, versions), 指标 (codes, names, units and accepted units). Pre-filled with the parks the user may write (or the one asked) and the indicators each reports.',
      request: { query: TemplateQuery },
      middleware: [writers] as const,
      responses: {
        200: { description: 'the template', content: { [XLSX]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
        400: { description: '请求参数有误 (invalid request)', content: errorContent },
        401: { description: '未登录 (not signed in)', content: errorContent },
        403: { description: '无权限 (forbidden)', content: errorContent },
        404: { description: '未找到园区 (unknown park)', content: errorContent },
      },
    }),
    async (c) => {
      const { year, park, province } = c.req.valid('query');
      const now = c.var.deps.clock.now();
      const { bytes, fileName } = await buildTemplate(c.var.deps.db, currentUser(c), now, { year: year ?? yearInChina(now) - 1, parkId: park, province });
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'cache-control': 'no-store',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/', tags: ['import'],
      summary: '导入 Excel/CSV (import figures from a file: dry run with ?dryRun=1, then commit, all or nothing)',
      description: [
        'Multipart form with the `file` (.xlsx or .csv). `?dryRun=1` checks and writes nothing: the report lists every problem with its sheet, row and column letter, and the rows that would be new, changed or unchanged, with the `versions` of existing figures.',
        'Without dryRun the file is read and checked again and written in one transaction, or not at all: 422 when the file has problems, 403 when it has a park the user may not write, 409 when an existing figure would change without its version (send the dry run’s `versions`) or has changed since; each error carries the full report in `error.report`.',
        'A wide statistics sheet (one row per park, one column per indicator, the unit in brackets in the header, the year in a 年份 column or in the title) is read as well: the report’s `columns` say what each column was matched to, with suggestions for those it could not match; send `mapping` to choose.',
        `400 for a file that cannot be read (empty, no header, not .xlsx/.csv, corrupt, a cell over ${MAX_CELL_CHARS} characters, over ${MAX_ROWS} rows), 413 over ${MB} MB (or a workbook that unpacks to too much), 503 with Retry-After while other imports are being read.`,
      ].join('\n\n'),
      request: { query: ImportQuery, body: { content: { 'multipart/form-data': { schema: ImportForm } }, required: true } },
      middleware: [writers] as const,
      responses: {
        200: { description: 'the report (dry run, or what was written)', content: { 'application/json': { schema: ImportReport } } },
        400: { description: '文件无法读取 (the file cannot be read)', content: errorContent },
        401: { description: '未登录 (not signed in)', content: errorContent },
        403: { description: '无权填报 (a park the user may not write; error.report)', content: errorContent },
        409: { description: '版本冲突 (versions needed or outdated; error.report)', content: errorContent },
        413: { description: '文件过大 (file too large)', content: errorContent },
        422: { description: '文件有问题 (problems in the file; error.report)', content: errorContent },
        503: { description: '其他导入正在读取, 稍后重试 (other imports are being read: see Retry-After)', content: errorContent },
      },
    }),
    async (c) => {
      const { dryRun } = c.req.valid('query');
      const form = c.req.valid('form');
      if (form.file.size > MAX_FILE_BYTES) throw tooLarge();
      const versions = jsonField('versions', form.versions, Versions, { zh: '{"园区编号:指标代码:年份": 版本号}', en: 'an object mapping "parkId:indicator:year" to a version' }) ?? {};
      const mapping = jsonField('mapping', form.mapping, Mapping, { zh: '{"表头": "指标代码" 或 "ignore"}', en: 'an object mapping a header to an indicator code or "ignore"' }) ?? {};
      const { db, clock } = c.var.deps;
      // A busy import gate answers 503 with Retry-After (the domain error carries it).
      const report = await runImport(db, currentUser(c), actorOf(c), clock.now(), {
        fileName: form.file.name || 'upload', bytes: new Uint8Array(await form.file.arrayBuffer()),
        dryRun: dryRun === '1' || dryRun === 'true', status: form.status ?? 'draft', reason: form.reason?.trim() || null, versions, mapping,
      });
      return c.json(localize(report, requestLanguage(c)), 200);
    },
  );
