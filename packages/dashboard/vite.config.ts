import { defineConfig } from 'vite';

/**
 * Served by the Latch server at /dashboard (packages/server/src/http/dashboard/serve-dashboard.ts);
 * `npm run dev -w @latch/dashboard` proxies the APIs to a local `latch dev`.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/dashboard/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:4000',
      '/dashboard/api': 'http://127.0.0.1:4000',
      '/v1': 'http://127.0.0.1:4000',
    },
  },
});
