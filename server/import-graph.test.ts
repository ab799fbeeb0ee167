// The house's rules, read off the import graph of server/ and shared/: no import circles (type
// imports included: a circle of types is still a knot to untie), services and the database layer
// know nothing of HTTP, shared/ stands on its own, and each route file is one resource mounted once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './testing/server-process.ts';

/** Every .ts module under these folders (tests and test helpers are not part of the product). */
function modulesUnder(...folders: string[]): string[] {
  return folders.flatMap((folder) => readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('testing/'))
    .map((f) => path.posix.join(folder, f.split(path.sep).join('/'))));
}

/** What a module imports: repository files as paths from the root (server/http.ts), packages by name (hono/cookie). */
function importsOf(file: string): string[] {
  const { module, errors } = parseSync(file, readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  const specifiers = [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.flatMap((entry) => (entry.moduleRequest ? [entry.moduleRequest.value] : []))),
  ];
  return [...new Set(specifiers.map((s) => (s.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), s)) : s)))];
}

const MODULES = modulesUnder('server', 'shared');
const GRAPH = new Map(MODULES.map((m) => [m, importsOf(m)]));

/** The HTTP layer: Hono, and the files that speak it (the app, its middleware, the routes). */
const isHttpLayer = (target: string) =>
  target === 'hono' || target.startsWith('hono/') || target.startsWith('@hono/')
  || ['server/http.ts', 'server/access.ts', 'server/body-limits.ts', 'server/app.ts', 'server/context.ts'].includes(target)
  || target.startsWith('server/routes/');

/** Modules below the HTTP layer: they must not reach up into it. */
const isBelowHttp = (module: string) =>
  module.startsWith('server/services/') || module.startsWith('server/db/') || module.startsWith('shared/')
  || ['server/errors.ts', 'server/clock.ts', 'server/config.ts'].includes(module);

/** Every circle in the graph, each once, as the modules along it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') {
        const circle = stack.slice(stack.indexOf(next));
        // The same circle found from another module: keyed by its sorted members.
        found.set([...circle].sort().join(' '), [...circle, next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return [...found.values()];
}

describe('the import graph of server/ and shared/', () => {
  it('reads every module, the routes and services among them', () => {
    expect(MODULES).toContain('server/app.ts');
    expect(MODULES.filter((m) => m.startsWith('server/routes/')).length).toBeGreaterThan(10);
    expect(GRAPH.get('server/app.ts')).toContain('server/routes/health.ts');
    expect(GRAPH.get('server/services/sign-in.ts')).toContain('server/errors.ts');
  });

  it('finds a circle when there is one (the check itself)', () => {
    const knot = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts', 'hono']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(circles(knot)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(circles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('has no import circles', () => {
    expect(circles(GRAPH).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps services, the database layer and shared/ free of HTTP: they import neither Hono nor the HTTP layer', () => {
    const reachingUp = MODULES.filter(isBelowHttp).flatMap((m) => GRAPH.get(m)!
      .filter((target) => isHttpLayer(target))
      .map((target) => `${m} → ${target}`));
    expect(reachingUp).toEqual([]);
  });

  it('keeps shared/ on its own: it imports nothing from server/ or web/', () => {
    const outward = MODULES.filter((m) => m.startsWith('shared/'))
      .flatMap((m) => GRAPH.get(m)!.filter((t) => t.startsWith('server/') || t.startsWith('web/')).map((t) => `${m} → ${t}`));
    expect(outward).toEqual([]);
  });

  it('mounts each route file once: one router per file, named after its path', () => {
    const routeFiles = MODULES.filter((m) => m.startsWith('server/routes/'));
    const exported = routeFiles.map((file) => {
      const { module } = parseSync(file, readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      return { file, names: module.staticExports.flatMap((e) => e.entries.map((entry) => entry.exportName.name)) };
    });
    expect(exported.filter((e) => e.names.length !== 1).map((e) => `${e.file}: ${e.names.join(', ')}`)).toEqual([]);
    const app = readFileSync(path.join(REPO_ROOT, 'server/app.ts'), 'utf8');
    const mounts = [...app.matchAll(/\.route\('([^']+)', (\w+)\)/g)].map((m) => ({ path: m[1]!, router: m[2]! }));
    for (const { file, names } of exported) {
      const at = mounts.filter((m) => m.router === names[0]);
      expect(at, file).toHaveLength(1);
      // routes/screen-config.ts is /api/screen/config, routes/imports.ts is /api/import
      const resource = path.posix.basename(file, '.ts');
      expect(at[0]!.path.replace(/^\/api\//, '').replaceAll('/', '-').replace(/^import$/, 'imports'), file).toBe(resource);
    }
    expect(mounts).toHaveLength(routeFiles.length);
  });
});
