// The whole HTTP application: middleware, one router per resource, the OpenAPI document, and (when
// a built web app is given) the static files. Reading this file tells you every resource the API has.
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readAccessMiddleware, sessionMiddleware } from './access.ts';
import { bodyLimits } from './body-limits.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { DomainError } from './errors.ts';
import { errorResponse, handleError } from './http.ts';
import { auditLog } from './routes/audit.ts';
import { auth } from './routes/auth.ts';
import { dashboard } from './routes/dashboard.ts';
import { entry } from './routes/entry.ts';
import { extraction } from './routes/extract-targets.ts';
import { health } from './routes/health.ts';
import { imports } from './routes/imports.ts';
import { indicators } from './routes/indicators.ts';
import { meta } from './routes/meta.ts';
import { parks } from './routes/parks.ts';
import { plans } from './routes/plans.ts';
import { progress } from './routes/progress.ts';
import { reports } from './routes/reports.ts';
import { regions } from './routes/regions.ts';
import { rounds } from './routes/rounds.ts';
import { screenConfig } from './routes/screen-config.ts';
import { screens } from './routes/screens.ts';
import { targets } from './routes/targets.ts';
import { tasks } from './routes/tasks.ts';
import { users } from './routes/users.ts';
import { values } from './routes/values.ts';

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
  // Oversized bodies are refused first, before any work is spent on them.
  app.use('/api/*', bodyLimits(), ...sessionMiddleware(), readAccessMiddleware());
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
      description: 'Targets from provincial policy documents, the figures parks report, and the progress of each target. Errors are `{ "error": { "code", "message", "messages": { "zh", "en" } } }`: `message` in English when `Accept-Language` starts with `en`, else in Chinese.',
    },
  });

  app.all('/api/*', (c) => errorResponse(c, new DomainError('not_found', 'not_found', {
    zh: `没有这个接口: ${c.req.method} ${c.req.path}`,
    en: `No such endpoint: ${c.req.method} ${c.req.path}`,
  })));

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
