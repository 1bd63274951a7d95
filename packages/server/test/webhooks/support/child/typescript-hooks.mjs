// Module hooks that let plain `node` run Latch's TypeScript sources in a child process, as the
// fault tests need a real process to SIGKILL: `.js` specifiers resolve to the `.ts` file beside
// them, `@latch/*` to the package sources, and `.ts` files are transpiled with TypeScript (a
// type-stripping transpile; type checking is `npm run typecheck`'s job).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Transpiled output is kept by content hash: child processes start in a second instead of several.
const CACHE = join(tmpdir(), 'latch-test-typescript-cache');
mkdirSync(CACHE, { recursive: true });
/** Part of the cache key: a new TypeScript (or new options) must not reuse old output. */
const TRANSPILER = `typescript ${JSON.parse(readFileSync(new URL('../../../../../../node_modules/typescript/package.json', import.meta.url), 'utf8')).version} es2022`;

const packages = new URL('../../../../../', import.meta.url);
const ALIASES = {
  '@latch/protocol': new URL('protocol/src/index.ts', packages),
  '@latch/server': new URL('server/src/index.ts', packages),
};

export async function resolve(specifier, context, nextResolve) {
  const alias = ALIASES[specifier];
  if (alias) return { url: alias.href, shortCircuit: true, format: 'module' };
  if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts') && /^\.\.?\//.test(specifier)) {
    const candidate = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true, format: 'module' };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const cached = join(CACHE, `${createHash('sha256').update(TRANSPILER).update(source).digest('hex')}.js`);
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  // Loaded only on a cache miss: TypeScript itself takes a while to load.
  const { default: ts } = await import('typescript');
  const { outputText } = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  // Written aside, then renamed into place (atomic): two children starting together must never read
  // the other's half-written file (an empty module: "does not provide an export named …").
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, outputText);
  renameSync(partial, cached);
  return { format: 'module', source: outputText, shortCircuit: true };
}
