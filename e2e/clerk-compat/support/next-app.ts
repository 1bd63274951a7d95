import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHABLE_KEY } from './latch.js';

/** The Next.js app on the official `@clerk/nextjs` (an npm workspace; packages hoisted to the root). */
export const APP_DIR = fileURLToPath(new URL('../app/', import.meta.url));
const requireFromApp = createRequire(join(APP_DIR, 'package.json'));
const NEXT_BIN = requireFromApp.resolve('next/dist/bin/next');
const STAMP_FILE = join(APP_DIR, '.next', 'latch-build-stamp');

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
  if (
    existsSync(join(APP_DIR, '.next', 'BUILD_ID')) &&
    existsSync(STAMP_FILE) &&
    readFileSync(STAMP_FILE, 'utf8') === stamp
  ) {
    return false;
  }
  const child = spawn(process.execPath, [NEXT_BIN, 'build'], { cwd: APP_DIR, env: childEnv({}), stdio: 'pipe' });
  const output = collectOutput(child);
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`next build took over ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output()}`);
  writeFileSync(STAMP_FILE, stamp);
  return true;
}

export interface RunningApp {
  /** `http://localhost:<port>`: the origin the browser uses. */
  url: string;
  pid: number;
  /** What `next start` printed so far (server-side errors land here). */
  output(): string;
  stop(): Promise<void>;
}

/** `next start` on loopback, run directly with node so the PID we kill is the server itself. */
export async function startApp(port: number, env: Record<string, string>, timeoutMs = 30_000): Promise<RunningApp> {
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '--port', String(port), '--hostname', 'localhost'], {
    cwd: APP_DIR,
    env: childEnv(env),
    stdio: 'pipe',
  });
  const output = collectOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      // Any HTTP answer means the server is up; `/favicon.ico` skips the middleware.
      await fetch(`${url}/favicon.ico`);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`next start did not answer within ${timeoutMs} ms:\n${output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url, pid: child.pid as number, output, stop };
}

function collectOutput(child: ChildProcess): () => string {
  let text = '';
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    if (text.length > 200_000) text = text.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => text;
}
