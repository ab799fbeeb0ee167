// The whole HTTP application: middleware, one router per resource, the OpenAPI document, and (when
// a built web app is given) the static files. Reading this file tells you every resource the API has.
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { AppDeps, AppEnv } from './context.ts';
import { errorBody, handleError } from './http.ts';
import { readAccessMiddleware, sessionMiddleware } from './auth.ts';
import { auth } from './routes/auth.ts';
import { entry } from './routes/entry.ts';
import { extraction } from './routes/extract.ts';
import { imports } from './routes/imports.ts';
import { health, indicators, plans, regions } from './routes/catalog.ts';
import { parks } from './routes/parks.ts';
import { reports } from './routes/reports.ts';
import { auditLog, rounds, tasks } from './routes/rounds.ts';
import { screenConfig, screens } from './routes/screens.ts';
import { progress, targets } from './routes/targets.ts';
import { users } from './routes/users.ts';
import { values } from './routes/values.ts';
import { dashboard, meta } from './routes/dashboard.ts';

export interface AppOptions extends AppDeps {
  /** The built web app (dist/); omitted in API-only tests. */
  webRoot?: string;
}

export function createApp(options: AppOptions) {
  const { webRoot, ...deps } = options;
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // ECharts and React set inline styles on elements.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'self'"],
    },
  }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', ...sessionMiddleware(), readAccessMiddleware());
  app.onError(handleError);

  const api = app
    .route('/api/health', health)
    .route('/api/auth', auth)
    .route('/api/users', users)
    .route('/api/rounds', rounds)
    .route('/api/tasks', tasks)
    .route('/api/audit', auditLog)
    .route('/api/entry', entry)
    .route('/api/screens', screens)
    .route('/api/screen/config', screenConfig)
    .route('/api/regions', regions)
    .route('/api/indicators', indicators)
    .route('/api/plans', plans)
    .route('/api/parks', parks)
    .route('/api/targets', targets)
    .route('/api/extract-targets', extraction)
    .route('/api/progress', progress)
    .route('/api/reports', reports)
    .route('/api/values', values)
    .route('/api/import', imports)
    .route('/api/meta', meta)
    .route('/api/dashboard', dashboard);

  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: '目标追踪 API (policy-target tracking for high-tech zones)',
      version: '0.1.0',
      description: 'Targets from provincial policy documents, the figures parks report, and the progress of each target. Errors are `{ "error": { "code", "message" } }`.',
    },
  });

  app.all('/api/*', (c) => c.json(errorBody('not_found', `没有这个接口: ${c.req.method} ${c.req.path} (no such endpoint)`), 404));

  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    const root = path.relative(process.cwd(), webRoot) || '.';
    app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
    app.use('*', serveStatic({ root }));
    // Client-side routes: every other path gets the app's page.
    const indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    app.get('*', (c) => c.html(indexHtml));
  }

  return api;
}

export type AppType = ReturnType<typeof createApp>;
