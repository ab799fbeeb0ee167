// /api/parks: the park register (read by anyone; admins and planners write).
import { z } from 'zod';
import { CreateParkBody, IdParam, Park, ParkDetail, ParksQuery, UpdateParkBody } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { listParks } from '../services/catalog.ts';
import { createPark, parkDetail, updatePark } from '../services/parks.ts';

const registrars = requireRole('admin', 'planner');

export const parks = resourceRouter()
  .openapi(
    jsonRoute({ method: 'get', path: '/', tags: ['parks'], summary: '园区列表 (parks), filtered by province, city, level', query: ParksQuery, response: z.array(Park) }),
    async (c) => c.json(await listParks(c.var.deps.db, c.req.valid('query')), 200),
  )
  .openapi(
    jsonRoute({ method: 'get', path: '/{id}', tags: ['parks'], summary: '园区详情 (one park, its latest figures and the targets that apply)', params: IdParam, response: ParkDetail }),
    async (c) => {
      const { id } = c.req.valid('param');
      const park = await parkDetail(c.var.deps.db, id);
      if (!park) throw notFound({ zh: '园区', en: 'park' }, id);
      return c.json(park, 200);
    },
  )
  .openapi(
    { ...jsonRoute({ method: 'post', path: '/', tags: ['parks'], summary: '新增园区 (add a park; admins and planners)', body: CreateParkBody, response: Park, created: true }), middleware: [registrars] as const },
    async (c) => {
      const { db, clock } = c.var.deps;
      const id = await createPark(db, c.req.valid('json'), actorOf(c), clock.now());
      return c.json((await listParks(db, { ids: [id] }))[0]!, 201);
    },
  )
  .openapi(
    { ...jsonRoute({ method: 'patch', path: '/{id}', tags: ['parks'], summary: '修改园区 (edit a park with the version you saw; admins and planners)', params: IdParam, body: UpdateParkBody, response: Park }), middleware: [registrars] as const },
    async (c) => {
      const { db, clock } = c.var.deps;
      const { id } = c.req.valid('param');
      await updatePark(db, id, c.req.valid('json'), actorOf(c), clock.now());
      return c.json((await listParks(db, { ids: [id] }))[0]!, 200);
    },
  );
