// /api/rounds: reporting rounds and each round's completeness board.
import { z } from 'zod';
import { CloseRoundBody, CreateRoundBody, IdParam, Round, RoundBoard } from '../../shared/schemas.ts';
import { actorOf, requireRole } from '../access.ts';
import { notFound } from '../errors.ts';
import { jsonRoute, resourceRouter } from '../http.ts';
import { closeRound, createRound, listRounds, roundBoard } from '../services/rounds.ts';

const planners = requireRole('admin', 'planner');
const signedIn = requireRole('admin', 'planner', 'park_manager', 'city_reviewer', 'viewer');

export const rounds = resourceRouter()
  .openapi(
    { ...jsonRoute({ method: 'get', path: '/', tags: ['rounds'], summary: '填报轮次 (reporting rounds)', response: z.array(Round) }), middleware: [signedIn] as const },
    async (c) => c.json(await listRounds(c.var.deps.db, c.var.deps.clock.now()), 200),
  )
  .openapi(
    { ...jsonRoute({ method: 'post', path: '/', tags: ['rounds'], summary: '开启填报轮次 (open a year’s round with a deadline; planners)', body: CreateRoundBody, response: Round, created: true }), middleware: [planners] as const },
    async (c) => c.json(await createRound(c.var.deps.db, c.req.valid('json'), actorOf(c), c.var.deps.clock.now()), 201),
  )
  .openapi(
    {
      ...jsonRoute({
        method: 'post', path: '/{id}/close', tags: ['rounds'], params: IdParam, body: CloseRoundBody, response: Round,
        summary: '关闭填报轮次 (close a round: its figures are locked against edits until a planner reopens one with a reason; planners)',
      }),
      middleware: [planners] as const,
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const round = await closeRound(c.var.deps.db, id, c.req.valid('json').reason?.trim() || null, actorOf(c), c.var.deps.clock.now());
      if (!round) throw notFound({ zh: '填报轮次', en: 'round' }, id);
      return c.json(round, 200);
    },
  )
  .openapi(
    { ...jsonRoute({ method: 'get', path: '/{id}/board', tags: ['rounds'], summary: '填报进度 (completeness board: per park, which figures are missing, draft, submitted, approved; who is overdue)', params: IdParam, response: RoundBoard }), middleware: [signedIn] as const },
    async (c) => {
      const { id } = c.req.valid('param');
      const board = await roundBoard(c.var.deps.db, id, c.var.deps.clock.now());
      if (!board) throw notFound({ zh: '填报轮次', en: 'round' }, id);
      return c.json(board, 200);
    },
  );
