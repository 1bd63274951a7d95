// A protected Next.js Route Handler behind latchMiddleware vs the same route with no auth at all:
// requests per second side by side (issue #4, "Performance"). Run after `npm run build`:
//
//   node bench/nextjs-protected.js            (BENCH_SECONDS=6 per side, BENCH_ROUNDS=4, BENCH_CONCURRENCY=16)
//
// What runs: Latch (packages/server/dist, SQLite in a temp dir) and `next start` of examples/nextjs
// (built here unless BENCH_SKIP_BUILD=1), both children or in-process servers on loopback; this process
// drives the load over keep-alive connections. The two targets are:
//   protected  GET /api/protected with `Authorization: Bearer <session token>`: edge middleware
//              (latchMiddleware: verify the RS256 token with the cached JWKS, sign the verdict),
//              then the Route Handler's `await auth()` (check the verdict's HMAC).
//   no-auth    GET /api/no-auth: the same JSON from a Route Handler the middleware's matcher skips.
//   signed-out GET /api/me without credentials: the middleware and `auth()` with nothing to verify,
//              to tell the cost of running middleware at all from the cost of verifying a token.
// Rounds alternate (A B C, C B A, …) so background drift hits every target alike.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, silentLogger, startServer } from '../packages/server/dist/index.js';
import { runClosedLoop } from './lib/closed-loop.js';
import { summarizeLatencies } from './lib/stats.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const ROOT = here('..');
const APP_DIR = join(ROOT, 'examples', 'nextjs');
const requireFromApp = createRequire(join(APP_DIR, 'package.json'));
const NEXT_BIN = requireFromApp.resolve('next/dist/bin/next');
const TSC_BIN = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
if (!(SECONDS > 0 && SECONDS <= 60)) throw new Error('BENCH_SECONDS must be a number of seconds in (0, 60]');
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1 && ROUNDS <= 20)) throw new Error('BENCH_ROUNDS must be 1..20');

/** Fixed Frontend API host: the publishable key `next build` inlines stays the same from run to run. */
const FRONTEND_API_URL = 'http://clerk.latch.test';
const PUBLISHABLE_KEY = `pk_live_${Buffer.from(`${new URL(FRONTEND_API_URL).host}$`)
  .toString('base64')
  .replace(/=+$/, '')}`;

const log = (message) => process.stderr.write(`[bench:nextjs] ${message}\n`);

function appEnv(extra) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV$|LATCH_|NEXT_PUBLIC_|__NEXT)/.test(name)) continue;
    env[name] = value;
  }
  return {
    ...env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    NEXT_PUBLIC_LATCH_SIGN_IN_URL: '/sign-in',
    NEXT_PUBLIC_LATCH_SIGN_UP_URL: '/sign-up',
    NEXT_PUBLIC_LATCH_SIGN_IN_FALLBACK_REDIRECT_URL: '/dashboard',
    NEXT_PUBLIC_LATCH_SIGN_UP_FALLBACK_REDIRECT_URL: '/dashboard',
    ...extra,
  };
}

function build() {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  log('tsc -b packages/nextjs, then next build of examples/nextjs …');
  try {
    execFileSync(process.execPath, [TSC_BIN, '-b', join(ROOT, 'packages', 'nextjs')], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    // `tsc -b` still emits on type errors (printed above); the benchmark measures the emitted code.
    log('tsc -b reported type errors; continuing with the emitted packages');
  }
  execFileSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: APP_DIR,
    env: appEnv({}),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function bapi(latch, secretKey, method, path, body) {
  const response = await fetch(`${latch.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function startApp(port, env) {
  // BENCH_APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the app server (NODE_OPTIONS refuses it).
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: APP_DIR,
      env: appEnv(env),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/api/no-auth`);
      return { url, child };
    } catch {
      if (attempt > 150) throw new Error('next start did not answer within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** One closed-loop round of GETs to `path`; each answer must have `status` and contain `expect`. */
async function round(url, { path, headers, expect, status }, warmupMs) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(path, url);
  const op = () =>
    new Promise((resolve) => {
      const request = http.get(target, { agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => {
          if (response.statusCode !== status) resolve(`HTTP ${response.statusCode}`);
          else resolve(text.includes(expect) ? null : 'unexpected body');
        });
      });
      request.on('error', (error) => resolve(error.code ?? error.message));
    });
  try {
    return await runClosedLoop({
      concurrency: CONCURRENCY,
      warmupMs,
      durationMs: (SECONDS * 1000) / ROUNDS,
      maxOps: 1_000_000,
      keepLatencies: true,
      op,
    });
  } finally {
    agent.destroy();
  }
}

async function main() {
  build();
  const appPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'latch-bench-nextjs-'));
  const latch = await startServer(
    parseConfig({
      instanceType: 'production',
      port: 0,
      databaseUrl: `sqlite://${join(dataDir, 'latch.db')}`,
      frontendApiUrl: FRONTEND_API_URL,
      // A production instance must name a mail server; nothing is sent during this benchmark.
      smtpUrl: 'smtp://127.0.0.1:2525',
      emailFrom: 'Latch bench <bench@latch.test>',
      logLevel: 'silent',
    }),
    { logger: silentLogger },
  );
  let app;
  try {
    const secretKey = latch.createdSecretKey;
    const user = await bapi(latch, secretKey, 'POST', '/users', {
      email_address: ['bench@example.test'],
      password: 'bench password long enough 2026',
      skip_password_checks: true,
    });
    const session = await bapi(latch, secretKey, 'POST', '/sessions', { user_id: user.id });
    // One token for the whole run: an hour outlives any benchmark window.
    const { jwt } = await bapi(latch, secretKey, 'POST', `/sessions/${session.id}/tokens`, {
      expires_in_seconds: 3600,
    });
    app = await startApp(appPort, { LATCH_SECRET_KEY: secretKey, LATCH_API_URL: `${latch.url}/api` });

    const targets = {
      protected: { path: '/api/protected', headers: { authorization: `Bearer ${jwt}` }, expect: user.id, status: 200 },
      // For reading the gap: the middleware and auth() on a public route, nobody signed in (no token to verify).
      'signed-out': { path: '/api/me', headers: {}, expect: 'Unauthorized', status: 401 },
      'no-auth': { path: '/api/no-auth', headers: {}, expect: '"userId":null', status: 200 },
    };
    const names = Object.keys(targets);
    const results = Object.fromEntries(names.map((name) => [name, []]));
    for (let index = 0; index < ROUNDS; index++) {
      const order = index % 2 === 0 ? names : [...names].reverse();
      log(`round ${index + 1}/${ROUNDS} (${order.join(', ')})`);
      for (const name of order) results[name].push(await round(app.url, targets[name], index === 0 ? 2000 : 300));
    }

    const summary = Object.fromEntries(
      Object.entries(results).map(([name, rounds]) => {
        const ok = rounds.reduce((total, r) => total + r.ok, 0);
        const errors = rounds.reduce((total, r) => total + r.errors, 0);
        const elapsedMs = rounds.reduce((total, r) => total + r.elapsedMs, 0);
        const latencies = new Float64Array(ok);
        let offset = 0;
        for (const r of rounds) {
          latencies.set(r.latencies.subarray(0, r.ok), offset);
          offset += r.ok;
        }
        return [name, { perSecond: (ok * 1000) / elapsedMs, ok, errors, latencyMs: summarizeLatencies(latencies, ok) }];
      }),
    );
    const fmt = (value) => (value == null ? '-' : value.toFixed(1));
    console.log(
      `\nNext.js Route Handler, ${CONCURRENCY} keep-alive connections, ${SECONDS} s per side in ${ROUNDS} rounds`,
    );
    console.log('target       req/s    p50 ms   p99 ms   errors');
    for (const [name, row] of Object.entries(summary)) {
      console.log(
        `${name.padEnd(10)} ${fmt(row.perSecond).padStart(7)} ${fmt(row.latencyMs.p50).padStart(9)} ${fmt(row.latencyMs.p99).padStart(8)} ${String(row.errors).padStart(8)}`,
      );
    }
    const ratio = summary.protected.perSecond / summary['no-auth'].perSecond;
    console.log(`protected / no-auth: ${(100 * ratio).toFixed(0)}% of the unauthenticated throughput`);
    console.log(
      JSON.stringify({
        benchmark: 'nextjs-protected',
        concurrency: CONCURRENCY,
        seconds: SECONDS,
        rounds: ROUNDS,
        ratio,
        summary,
      }),
    );
  } finally {
    if (app) {
      app.child.kill('SIGTERM');
      await new Promise((resolve) => app.child.once('exit', resolve));
    }
    await latch.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
