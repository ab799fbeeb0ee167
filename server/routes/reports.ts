// Reports: the progress report as a Word document, for planners and admins.
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ErrorResponse, ProgressQuery } from '../../shared/schemas.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { resourceRouter } from '../http.ts';
import { progressReport } from '../services/report.ts';
import { yearInChina } from '../clock.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const errorContent = { 'application/json': { schema: ErrorResponse } };

/** A wall display's screen link reads the dashboard; it never takes documents away. */
const noScreens: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.screen) throw forbidden('read_only', { zh: '大屏链接只能查看进展, 不能导出报告', en: 'A screen link cannot download reports' });
  await next();
};

export const reports = resourceRouter().openapi(
  createRoute({
    method: 'get', path: '/progress.docx', tags: ['reports'],
    summary: '进展监测报告 (the progress report as a Word document: every target of the filter; planners and admins)',
    description: [
      'A .docx in the conventions of a Chinese government report (A4, 仿宋_GB2312 body with fallbacks, numbered sections, page numbers).',
      '一、总体情况: targets per status, in a table and a paragraph. 二、各目标进展: per target the quote and its source, the status with the notes the views show, a planner’s sentence (latest value, gap, pace against the pace needed, projection), key figures, the chart, and for aggregates the parks ranked by what each would need, for classes each park, for coverage the uncovered regions.',
      '三、数据说明: completeness per park and year, the sources of the figures used, the method. Every number is the one GET /api/progress answers for the same filter and basis.',
    ].join(' '),
    request: { query: ProgressQuery },
    middleware: [noScreens, requireRole('admin', 'planner')] as const,
    responses: {
      200: { description: 'the report; the file name (Chinese) in Content-Disposition’s filename*', content: { [DOCX]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
      400: { description: '请求参数有误, 或未指定省份 (invalid request; province is required)', content: errorContent },
      401: { description: '未登录 (not signed in)', content: errorContent },
      403: { description: '无权限: 仅规划人员和管理员 (planners and admins only; never a screen link)', content: errorContent },
      404: { description: '未找到省份, 或没有符合条件的目标 (unknown province, or no target matches)', content: errorContent },
    },
  }),
  async (c) => {
    const { deps } = c.var;
    const { basis, ...filter } = c.req.valid('query');
    // A report is one province's: every target of the country at once would hold the server for a minute.
    if (!filter.province) {
      throw invalid('invalid_request', { zh: '请指定省份 province, 如 330000: 报告按省生成', en: 'province is required: a report covers one province' }, [{ path: 'province', messages: { zh: '必填', en: 'required' } }]);
    }
    const now = deps.clock.now();
    const report = await progressReport({ db: deps.db, currentYear: yearInChina(now), basis }, filter, now);
    return c.body(new Uint8Array(report.bytes), 200, {
      'content-type': DOCX,
      // An ASCII name for old clients, the Chinese one (RFC 5987) for every browser since.
      'content-disposition': `attachment; filename="progress-report.docx"; filename*=UTF-8''${encodeURIComponent(report.fileName)}`,
      'cache-control': 'no-store',
    });
  },
);
