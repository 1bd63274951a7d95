import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./app/main.tsx', import.meta.url));

/**
 * Bundles a test page (by default support/app/main.tsx) with Vite (Rolldown/Oxc: no esbuild), with
 * every `@latch/*` import resolved to the repository's TypeScript sources, so the browser runs what the
 * working tree holds. Returns the bundled JavaScript.
 */
export async function buildTestApp(entry: string = ENTRY): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'latch-ui-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO,
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    resolve: {
      alias: {
        '@latch/react': join(REPO, 'packages/react/src/index.ts'),
        '@latch/js': join(REPO, 'packages/js/src/index.ts'),
        '@latch/localizations': join(REPO, 'packages/localizations/src/index.ts'),
        '@latch/themes': join(REPO, 'packages/themes/src/index.ts'),
        // An entry may live outside the repository (a generated page): bare imports resolve here.
        react: join(REPO, 'node_modules/react'),
        'react-dom': join(REPO, 'node_modules/react-dom'),
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: entry,
        output: { entryFileNames: 'app.js', format: 'es', codeSplitting: false },
        // 'use client' only matters to React Server Components bundlers; in this client bundle it is noise.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  return readFile(join(outDir, 'app.js'), 'utf8');
}
