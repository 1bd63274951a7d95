import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Running a Next.js app for a browser test: `next build` (skipped while a stamp of its inputs
 * matches) and `next start`, both run with node directly so the PID we stop is Next itself. Shared by
 * e2e/clerk-compat (the official Clerk SDKs) and examples/nextjs (ours).
 */

function nextBin(appDir: string): string {
  return createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
}

const stampFile = (appDir: string) => join(appDir, '.next', 'latch-build-stamp');

/** Whether `.next` holds a finished build whose inputs hashed to `stamp`. */
export function buildIsCurrent(appDir: string, stamp: string): boolean {
  return (
    existsSync(join(appDir, '.next', 'BUILD_ID')) &&
    existsSync(stampFile(appDir)) &&
    readFileSync(stampFile(appDir), 'utf8') === stamp
  );
}

/** `next build`, then records `stamp` so the next run can skip it. Throws with Next's output on failure. */
export async function runNextBuild(
  appDir: string,
  env: NodeJS.ProcessEnv,
  stamp: string,
  timeoutMs: number,
): Promise<void> {
  const child = spawn(process.execPath, [nextBin(appDir), 'build'], { cwd: appDir, env, stdio: 'pipe' });
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
  writeFileSync(stampFile(appDir), stamp);
}

export interface RunningApp {
  /** `http://localhost:<port>`: the origin the browser uses. */
  url: string;
  pid: number;
  /** What `next start` printed so far (server-side errors land here). */
  output(): string;
  stop(): Promise<void>;
}

/** `next start` on loopback; resolves once it answers HTTP. */
export async function startNextServer(
  appDir: string,
  port: number,
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<RunningApp> {
  const child = spawn(process.execPath, [nextBin(appDir), 'start', '--port', String(port), '--hostname', 'localhost'], {
    cwd: appDir,
    env,
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
