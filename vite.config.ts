import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.PORT ?? 3000);

/**
 * A CSS module's class in the production build: short (every class a page uses is also a string in
 * its JavaScript, and the first page's JavaScript has a budget), and a pure function of the file and
 * the class, since Vite asks for the name more than once (for the CSS and for the JavaScript). Two
 * classes that would get the same name stop the build.
 */
const classOfName = new Map<string, string>();
function shortClassName(local: string, file: string): string {
  const id = `${path.relative(import.meta.dirname, file.split('?')[0]!)}:${local}`;
  const name = `_${createHash('sha256').update(id).digest('base64url').slice(0, 4)}`;
  const taken = classOfName.get(name);
  if (taken && taken !== id) throw new Error(`CSS class names collide: ${taken} and ${id} are both ${name}`);
  classOfName.set(name, id);
  return name;
}

// web/ is the Vite root; the built app lands in dist/ and is served by the Hono server.
export default defineConfig(({ mode }) => ({
  root: 'web',
  plugins: [react()],
  css: {
    // Styles per component or feature (*.module.css), typed by their generated *.module.d.css.ts.
    // Readable names while developing (overview-module__cardTitle), short ones in the build.
    modules: { generateScopedName: mode === 'production' ? shortClassName : '[name]__[local]' },
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // exceljs (~930 KB, loaded only when someone exports to Excel) is the one chunk above 800 KB.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // zod's builders have no side effects: the API schemas a page does not use (shared/schemas.ts
      // declares every one) are left out of its chunk.
      treeshake: { manualPureFunctions: ['z'] },
    },
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'bench/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll waits for a condition: as long as a test may take, not Vitest's default 1 s (which a
    // busy machine misses when a page renders a table of 50 parks).
    expect: { poll: { timeout: 20_000, interval: 50 } },
    // API and browser tests start real servers on real files; keep files in separate processes.
    pool: 'forks',
  },
}));
