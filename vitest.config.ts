import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of our packages, never a stale build.
    alias: {
      '@latch/protocol': source('protocol'),
      '@latch/server': source('server'),
    },
  },
  test: {
    // e2e/*: browser suites against the official Clerk SDKs; they set their own (long) timeouts.
    include: ['packages/*/test/**/*.test.ts', 'e2e/*/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Argon2 and RSA keygen are CPU-bound; two cores, two workers.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.latch-test-results.json' }]],
  },
});
