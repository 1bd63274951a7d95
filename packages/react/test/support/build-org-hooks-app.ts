import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./org-hooks-app/main.tsx', import.meta.url));

/** Bundles the organization-hooks test page with Vite, `@latch/*` resolved to the working tree's sources. */
export async function buildOrgHooksApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'latch-org-hooks-'));
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
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: ENTRY,
        output: { entryFileNames: 'app.js', format: 'es', codeSplitting: false },
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  return readFile(join(outDir, 'app.js'), 'utf8');
}
