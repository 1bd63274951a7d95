import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of our packages, never a stale build.
    alias: {
      '@latch/protocol': source('protocol'),
      '@latch/server': source('server'),
      '@latch/backend/webhooks': fileURLToPath(new URL('./packages/backend/src/webhooks/index.ts', import.meta.url)),
      '@latch/backend': source('backend'),
      '@latch/js': source('js'),
      '@latch/react': source('react'),
      '@latch/localizations': source('localizations'),
      '@latch/themes': source('themes'),
      '@latch/nextjs/server': fileURLToPath(new URL('./packages/nextjs/src/server/index.ts', import.meta.url)),
      '@latch/nextjs': source('nextjs'),
    },
  },
  test: {
    // e2e/*: browser suites against the official Clerk SDKs; they set their own (long) timeouts.
    include: [
      'packages/*/test/**/*.test.ts',
      'packages/*/test/**/*.test.tsx',
      'e2e/*/*.test.ts',
      'examples/*/test/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Argon2 and RSA keygen are CPU-bound; two cores, two workers.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.latch-test-results.json' }]],
  },
});
