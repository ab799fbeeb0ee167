import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.PORT ?? 3000);

// web/ is the Vite root; the built app lands in dist/ and is served by the Hono server.
export default defineConfig({
  root: 'web',
  plugins: [react()],
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
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // API and browser tests start real servers on real files; keep files in separate processes.
    pool: 'forks',
  },
});
