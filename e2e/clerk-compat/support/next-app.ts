import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHABLE_KEY } from './latch.js';
import { buildIsCurrent, type RunningApp, runNextBuild, startNextServer } from './next-process.js';

/** The Next.js app on the official `@clerk/nextjs` (an npm workspace; packages hoisted to the root). */
export const APP_DIR = fileURLToPath(new URL('../app/', import.meta.url));
const requireFromApp = createRequire(join(APP_DIR, 'package.json'));

/**
 * Settings `next build` inlines into the bundles (`NEXT_PUBLIC_*`): constant, so one build serves
 * every run. Everything that changes per run (ports, secret key) is read at run time instead.
 */
export const BUILD_ENV: Readonly<Record<string, string>> = {
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
  // Relative: clerk-js resolves it against the page's origin and keeps plain http (PROTOCOL.md §1.3).
  NEXT_PUBLIC_CLERK_PROXY_URL: '/__clerk',
  NEXT_PUBLIC_CLERK_SIGN_IN_URL: '/sign-in',
  NEXT_PUBLIC_CLERK_SIGN_UP_URL: '/sign-up',
  NEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL: '/',
  NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL: '/',
  NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: '1',
  NEXT_PUBLIC_CLERK_KEYLESS_DISABLED: '1',
};

/** What a run of the app needs besides the build: where Latch really is, and the secret key. */
export function runtimeEnv(latchURL: string, secretKey: string): Record<string, string> {
  return {
    CLERK_SECRET_KEY: secretKey,
    // @clerk/backend calls `${CLERK_API_URL}/v1/...`; Latch serves its Backend API at /api/v1.
    CLERK_API_URL: `${latchURL}/api`,
    // The built-in proxy maps `/__clerk/<rest>` to `${CLERK_FAPI_URL}/<rest>` (trailing slashes dropped),
    // so `/__clerk/v1/client` reaches Latch's `/v1/client` and `/__clerk/npm/...` its bundle route.
    CLERK_FAPI_URL: `${latchURL}/`,
  };
}

/** The parent's environment minus anything that would leak into the app (vitest's NODE_ENV=test, Clerk settings). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV$|VITEST|CLERK_|NEXT_PUBLIC_|__NEXT|TEST$)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...BUILD_ENV, ...extra };
}

/** Source files, SDK versions and build settings: the build is reused while they stay the same. */
function buildStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (['.next', 'node_modules', 'next-env.d.ts', 'tsconfig.tsbuildinfo'].includes(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        hash
          .update(`${relative(APP_DIR, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(APP_DIR);
  for (const name of [
    'next',
    '@clerk/nextjs',
    '@clerk/backend',
    '@clerk/react',
    '@clerk/shared',
    'react',
    'react-dom',
  ]) {
    hash.update(`${name}@${installedVersion(name)}\0`);
  }
  hash.update(JSON.stringify(BUILD_ENV));
  return hash.digest('hex');
}

function installedVersion(name: string): string {
  for (const folder of requireFromApp.resolve.paths(name) ?? []) {
    const manifest = join(folder, name, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  throw new Error(`${name} is not installed (run npm ci at the repository root)`);
}

/**
 * `next build`, unless `.next` already holds a build of the same sources and settings (~30 s saved).
 * Returns whether it built.
 */
export async function buildApp(timeoutMs = 150_000): Promise<boolean> {
  const stamp = buildStamp();
  if (buildIsCurrent(APP_DIR, stamp)) return false;
  await runNextBuild(APP_DIR, childEnv({}), stamp, timeoutMs);
  return true;
}

export type { RunningApp };

/** `next start` of this app on loopback, with `env` on top of the build settings. */
export function startApp(port: number, env: Record<string, string>, timeoutMs = 30_000): Promise<RunningApp> {
  return startNextServer(APP_DIR, port, childEnv(env), timeoutMs);
}
