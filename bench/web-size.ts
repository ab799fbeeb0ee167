// The web build per page: `vite build` into a temp dir with a manifest, then for the overview the
// initial JavaScript and CSS (the entry chunk and everything it imports statically) and for every
// lazily loaded page what it adds on top (its chunk and the static imports not already loaded),
// raw and gzip (zlib, default level, as Vite reports it).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface Size { raw: number; gzip: number }
export interface PageSize {
  page: string;
  path: string;
  /** initial: what the first page load fetches; page: what visiting this page adds; on_demand: loaded on an action (Excel export). */
  kind: 'initial' | 'page' | 'on_demand';
  js: Size;
  css: Size;
  chunks: number;
}
export interface WebSizes { pages: PageSize[]; seconds: number; error: string | null }

function run(cmd: string, args: string[], cwd: string, register: (pid: number | null) => void): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    register(child.pid ?? null);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => (output += String(err)));
    child.on('close', (code) => {
      register(null);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Page components of web/app/routes.tsx: lazily imported module → the route path that shows it. */
function routePaths(repoRoot: string): Map<string, { path: string }> {
  const text = readFileSync(path.join(repoRoot, 'web/app/routes.tsx'), 'utf8');
  const pathOf = new Map<string, string>();
  for (const m of text.matchAll(/path:\s*'([^']+)',\s*element:[^<\n]*<(\w+)/g)) if (!pathOf.has(m[2]!)) pathOf.set(m[2]!, m[1]!);
  const out = new Map<string, { path: string }>();
  // `lazy(() => import('…'))`, or wrapped: `lazy(() => withWords(() => import('…')))`
  for (const m of text.matchAll(/const\s+(\w+)\s*=\s*lazy\([^\n]*?import\(\s*'([^']+)'\s*\)/g)) {
    const src = path.posix.normalize(path.posix.join('app', m[2]!)); // relative to web/, as the manifest names it
    out.set(src, { path: pathOf.get(m[1]!) ?? '?' });
  }
  // The overview is the entry's own page.
  const overview = /path:\s*'\/',\s*element:[^<\n]*<(\w+)/.exec(text)?.[1];
  if (overview) out.set('index.html', { path: '/' });
  return out;
}

export async function measureWebBuild(repoRoot: string, outDir: string, register: (pid: number | null) => void): Promise<WebSizes> {
  const started = performance.now();
  const build = await run(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], repoRoot, register);
  const seconds = (performance.now() - started) / 1000;
  if (build.code !== 0) return { pages: [], seconds, error: `vite build failed:\n${build.output.slice(-2000)}` };

  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const sizeCache = new Map<string, Size>();
  const sizeOf = (file: string): Size => {
    let s = sizeCache.get(file);
    if (!s) {
      const bytes = readFileSync(path.join(outDir, file));
      s = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizeCache.set(file, s);
    }
    return s;
  };
  /** A chunk and everything it imports statically (keys of the manifest). */
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key) || !manifest[key]) return into;
    into.add(key);
    for (const i of manifest[key]!.imports ?? []) closure(i, into);
    return into;
  };
  const total = (keys: Iterable<string>) => {
    const js: Size = { raw: 0, gzip: 0 };
    const css: Size = { raw: 0, gzip: 0 };
    const cssFiles = new Set<string>();
    let chunks = 0;
    for (const k of keys) {
      const s = sizeOf(manifest[k]!.file);
      js.raw += s.raw;
      js.gzip += s.gzip;
      chunks++;
      for (const c of manifest[k]!.css ?? []) cssFiles.add(c);
    }
    for (const c of cssFiles) {
      const s = sizeOf(c);
      css.raw += s.raw;
      css.gzip += s.gzip;
    }
    return { js, css, chunks };
  };

  const paths = routePaths(repoRoot);
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) return { pages: [], seconds, error: 'no entry chunk in the Vite manifest' };
  const initial = closure(entryKey);
  const pages: PageSize[] = [{ page: 'overview (initial load)', path: '/', kind: 'initial', ...total(initial) }];
  // A page's Chinese words come in its chunk; the English of every namespace, loaded on demand, is one row.
  const english = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry) continue;
    if ((chunk.src ?? key).endsWith('/locales/en.ts') || /locales\/\w+\/en\.ts$/.test(chunk.src ?? key)) {
      for (const k of closure(key)) if (!initial.has(k)) english.add(k);
      continue;
    }
    const route = paths.get(key);
    const added = new Set([...closure(key)].filter((k) => !initial.has(k)));
    const name = path.basename(chunk.src ?? key).replace(/\.(tsx?|jsx?|min\.js|js)$/, '');
    pages.push({ page: route ? name : `${name} (on demand)`, path: route?.path ?? '', kind: route ? 'page' : 'on_demand', ...total(added) });
  }
  if (english.size) pages.push({ page: 'English words, every namespace (on demand)', path: '', kind: 'on_demand', ...total(english) });
  pages.sort((a, b) => (a.kind === b.kind ? a.page.localeCompare(b.page) : ['initial', 'page', 'on_demand'].indexOf(a.kind) - ['initial', 'page', 'on_demand'].indexOf(b.kind)));
  return { pages, seconds, error: null };
}
