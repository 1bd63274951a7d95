import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHABLE_KEY } from '../../../../e2e/clerk-compat/support/latch.js';
import {
  buildIsCurrent,
  type RunningApp,
  runNextBuild,
  startNextServer,
} from '../../../../e2e/clerk-compat/support/next-process.js';

/** examples/nextjs, an npm workspace (its packages, @latch/* included, are symlinked at the root). */
export const APP_DIR = fileURLToPath(new URL('../../', import.meta.url));
const ROOT_DIR = fileURLToPath(new URL('../../../../', import.meta.url));
const requireFromApp = createRequire(join(APP_DIR, 'package.json'));
const TSC_BIN = createRequire(join(ROOT_DIR, 'package.json')).resolve('typescript/bin/tsc');
/** Held (an mkdir, atomic) while one process builds, so two runs of the test never build `.next` at once. */
const BUILD_LOCK = join(APP_DIR, '.next-build-lock');
/** The SDK packages the app bundles from their `dist/`: a change there needs a new `next build`. */
const SDK_DIST_DIRS = ['backend', 'js', 'localizations', 'themes', 'react', 'nextjs'].map((name) =>
  join(ROOT_DIR, 'packages', name, 'dist'),
);

/**
 * Settings `next build` inlines (`NEXT_PUBLIC_*`): constant, so one build serves every run. The key is
 * the e2e suite's fixed production key (Frontend API host `clerk.latch.test`, never resolved: the
 * browser only talks to the app's `/__latch` proxy).
 */
export const BUILD_ENV: Readonly<Record<string, string>> = {
  NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
  NEXT_PUBLIC_LATCH_SIGN_IN_URL: '/sign-in',
  NEXT_PUBLIC_LATCH_SIGN_UP_URL: '/sign-up',
  NEXT_PUBLIC_LATCH_SIGN_IN_FALLBACK_REDIRECT_URL: '/dashboard',
  NEXT_PUBLIC_LATCH_SIGN_UP_FALLBACK_REDIRECT_URL: '/dashboard',
};

/** Per-run settings, read by the server at run time: where Latch is and its secret key. */
export function runtimeEnv(latchURL: string, secretKey: string): Record<string, string> {
  // `${LATCH_API_URL}/v1/...` is the Backend API; the proxy forwards to the same origin's `/v1/...`.
  return { LATCH_SECRET_KEY: secretKey, LATCH_API_URL: `${latchURL}/api` };
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV$|VITEST|LATCH_|CLERK_|NEXT_PUBLIC_|__NEXT|TEST$)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...BUILD_ENV, ...extra };
}

/**
 * The SDK packages' `dist/` (incremental `tsc -b`: seconds when nothing changed). Type errors do not
 * stop it: `tsc -b` still emits every project, and a type error elsewhere in the tree (the typecheck
 * step reports those) should not fail a browser test of code that runs fine.
 */
export function buildPackages(): void {
  try {
    execFileSync(process.execPath, [TSC_BIN, '-b', join(ROOT_DIR, 'packages', 'nextjs')], {
      cwd: ROOT_DIR,
      stdio: 'pipe',
    });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    if (!/error TS\d+/.test(output)) throw error;
    console.warn(
      `tsc -b packages/nextjs reported type errors (the packages were still emitted):\n${output.slice(0, 2_000)}`,
    );
  }
}

function buildStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string, base: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (
        ['.next', '.next-build-lock', 'node_modules', 'next-env.d.ts', 'tsconfig.tsbuildinfo', 'test'].includes(
          entry.name,
        )
      )
        continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, base);
      else
        hash
          .update(`${relative(base, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(APP_DIR, APP_DIR);
  for (const dist of SDK_DIST_DIRS) if (existsSync(dist)) walk(dist, ROOT_DIR);
  for (const name of ['next', 'react', 'react-dom']) hash.update(`${name}@${installedVersion(name)}\0`);
  hash.update(JSON.stringify(BUILD_ENV));
  return hash.digest('hex');
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(requireFromApp.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version;
}

/** `tsc -b` of the SDKs, then `next build` unless `.next` holds a build of the same inputs. Returns whether it built. */
export async function buildApp(timeoutMs = 240_000): Promise<boolean> {
  return withBuildLock(() => buildUnlocked(timeoutMs));
}

async function buildUnlocked(timeoutMs: number): Promise<boolean> {
  buildPackages();
  const stamp = buildStamp();
  if (buildIsCurrent(APP_DIR, stamp)) return false;
  await runNextBuild(APP_DIR, childEnv({}), stamp, timeoutMs);
  return true;
}

/**
 * Runs `body` while holding the build lock. Another process holding it is waited for (it then usually
 * leaves a build this one can reuse); a lock whose holder died is taken over.
 */
async function withBuildLock<T>(body: () => Promise<T>, waitMs = 600_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  while (true) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockHolderGone()) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another process has held ${BUILD_LOCK} for over ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function lockHolderGone(): boolean {
  try {
    const pidFile = join(BUILD_LOCK, 'pid');
    // Between the holder's mkdir and its pid write: only stale if that gap is implausibly long.
    if (!existsSync(pidFile)) return Date.now() - statSync(BUILD_LOCK).mtimeMs > 30_000;
    process.kill(Number(readFileSync(pidFile, 'utf8')), 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ESRCH' || code === 'ENOENT';
  }
}

export type { RunningApp };

/** `next start` of this app on loopback, with `env` on top of the build settings. */
export function startApp(port: number, env: Record<string, string>, timeoutMs = 30_000): Promise<RunningApp> {
  return startNextServer(APP_DIR, port, childEnv(env), timeoutMs);
}
