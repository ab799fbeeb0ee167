// /api/dashboard/…: the read-only views of the planner's dashboard that combine parks, targets and
// figures. (What the web needs to know about the database is /api/meta, meta.ts.)
import { z } from 'zod';
import {
  CityFigures, CityQuery, Comparison, CompareQuery, DashboardFilter, IdParam, OverviewEntry, ParkDashboard, ParkFigures, ParkStatusMatrix, type OverviewEntryT,
} from '../../shared/schemas.ts';
import type { AppDeps } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { jsonRoute, preparedAnswers, resourceRouter, sendPreparedJson } from '../http.ts';
import { cityFigures, comparison, overview, parkDashboard, parkFigures, parkStatusMatrix } from '../services/dashboard.ts';
import { readDataVersion } from '../services/data-version.ts';
import type { ValueBasis } from '../services/series.ts';
import { yearInChina } from '../clock.ts';

const context = (deps: AppDeps, basis: ValueBasis) => ({ db: deps.db, currentYear: yearInChina(deps.clock.now()), basis });

// The overview page asks on every visit: kept prepared per data version like GET /api/progress.
const overviews = preparedAnswers();

const list = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export const dashboard = resourceRouter()
  .openapi(
    jsonRoute({
      method: 'get', path: '/overview', tags: ['dashboard'], query: DashboardFilter, response: z.array(OverviewEntry),
      summary: '总览 (every target of a province, plan and horizon with its progress and the series of its sparkline)',
    }),
    async (c) => {
      const { basis, ...filter } = c.req.valid('query');
      const ctx = context(c.var.deps, basis);
      const key = JSON.stringify([ctx.currentYear, basis, filter.province, filter.plan, filter.targetYear]);
      const prepared = await overviews(ctx.db, key, await readDataVersion(ctx.db), () => overview(ctx, { ...filter, basis }));
      return sendPreparedJson<OverviewEntryT[]>(c, prepared!);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/park-status', tags: ['dashboard'], query: DashboardFilter, response: ParkStatusMatrix,
      summary: '园区×目标 状态 (each park against each target that applies to it, by the progress method over the park’s own series)',
    }),
    async (c) => {
      const { basis, ...filter } = c.req.valid('query');
      return c.json(await parkStatusMatrix(context(c.var.deps, basis), { ...filter, basis }), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/figures', tags: ['dashboard'], query: DashboardFilter, response: ParkFigures,
      summary: '园区最新数据 (the latest figure of every park per indicator; ratios from their parts)',
    }),
    async (c) => {
      const { basis, ...filter } = c.req.valid('query');
      return c.json(await parkFigures(context(c.var.deps, basis), { ...filter, basis }), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/cities', tags: ['dashboard'], query: CityQuery, response: CityFigures,
      summary: '按设区市汇总 (an indicator aggregated over the parks of each city of a province, for the map, and each park’s own figure)',
    }),
    async (c) => {
      const { basis, indicator, province, ...filter } = c.req.valid('query');
      if (!province) {
        throw invalid('invalid_request', { zh: '请指定省份 province', en: 'The province is required' }, [{ path: 'province', messages: { zh: '必填', en: 'is required' } }]);
      }
      const result = await cityFigures(context(c.var.deps, basis), { ...filter, basis, indicator, province });
      if (!result) throw notFound({ zh: '指标', en: 'indicator' }, indicator);
      return c.json(result, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/compare', tags: ['dashboard'], query: CompareQuery, response: Comparison,
      summary: '对比 (provinces, all their parks aggregated, and parks side by side on one indicator)',
    }),
    async (c) => {
      const { basis, indicator, provinces, parks } = c.req.valid('query');
      const ids = list(parks).map(Number);
      if (ids.some((n) => !Number.isInteger(n) || n <= 0)) {
        throw invalid('invalid_request', { zh: `园区编号有误: ${parks}`, en: `parks must be ids separated by commas, not ${parks}` },
          [{ path: 'parks', messages: { zh: '应为以逗号分隔的园区编号', en: 'ids separated by commas' } }]);
      }
      const result = await comparison(context(c.var.deps, basis), { indicator, provinces: list(provinces), parks: ids });
      if (!result) throw notFound({ zh: '指标', en: 'indicator' }, indicator);
      return c.json(result, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/parks/{id}', tags: ['dashboard'], params: IdParam, query: DashboardFilter.pick({ basis: true }), response: ParkDashboard,
      summary: '园区页 (one park: its figures over the years per indicator, each with its source and who entered it, against the targets that apply)',
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await parkDashboard(context(c.var.deps, c.req.valid('query').basis), id);
      if (!result) throw notFound({ zh: '园区', en: 'park' }, id);
      return c.json(result, 200);
    },
  );
