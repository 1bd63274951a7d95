// Webhook benchmark: `npm run build && node bench/webhooks.js` (about a minute when the box is idle).
//
// Measures two things, each against a local receiver that answers 200 at once:
//   1. delivery throughput: events delivered per second. N events are recorded while the endpoint is
//      disabled, then the endpoint is enabled and a replay queues all N at once; the clock runs from
//      the replay to the N-th arrival, so it times the worker alone (claim, sign, POST, record).
//      A second row times the live path: users updated as fast as 8 clients can, the receiver
//      counting arrivals and the lag from each event's timestamp to its arrival.
//   2. the added latency of a user update (PATCH /api/v1/users/{id}, one client) with webhooks on
//      (an endpoint, the worker delivering each update) against off (no endpoint, no worker), as a
//      ratio of medians, in alternating rounds so background load hits both sides alike. The event
//      row itself is written in both cases: it is also the audit log.
//
// Every process is separate: this one coordinates and generates load; the receiver and each Latch
// (`packages/server/dist`, SQLite in a temp dir, development instance) run as children of this file
// (`node bench/webhooks.js receiver|latch`). Settings: BENCH_WEBHOOK_EVENTS (default 2000),
// BENCH_SECONDS (recorded seconds per side of the latency comparison, default 6), BENCH_ROUNDS (4).
// Results: printed, and written to bench/results/webhooks.json (git-ignored).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClosedLoop } from './lib/closed-loop.js';
import { summarizeLatencies } from './lib/stats.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const SERVER_DIST = here('../packages/server/dist/index.js');
const RESULTS_FILE = here('./results/webhooks.json');
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const log = (message) => process.stderr.write(`[bench:webhooks] ${message}\n`);

const role = process.argv[2];
if (role === 'receiver') await runReceiver();
else if (role === 'latch') await runLatch(process.argv[3] === 'on');
else await coordinate();

/** Child: answers every POST with 200, counts them, and keeps the delivery lag of each. */
async function runReceiver() {
  let count = 0;
  let first = null;
  let last = null;
  let lags = new Float64Array(1 << 20);
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ count, first, last, lag: summarizeLatencies(lags, Math.min(count, lags.length)) }));
      return;
    }
    if (req.method === 'DELETE') {
      count = 0;
      first = last = null;
      lags = new Float64Array(1 << 20);
      res.end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const now = Date.now();
      const timestamp = JSON.parse(Buffer.concat(chunks).toString('utf8')).timestamp;
      if (count < lags.length) lags[count] = now - timestamp;
      count++;
      first ??= now;
      last = now;
      res.end('ok');
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/` })}\n`);
  });
}

/** Child: one Latch, worker on or off, printing its URL and secret key. */
async function runLatch(workerOn) {
  const { parseConfig, silentLogger, startServer } = await import(SERVER_DIST);
  const dataDir = mkdtempSync(join(os.tmpdir(), 'latch-bench-webhooks-'));
  const server = await startServer(
    parseConfig({
      instanceType: 'development',
      port: 0,
      databaseUrl: join(dataDir, 'latch.db'),
      frontendApiUrl: 'http://127.0.0.1:4000',
      logLevel: 'silent',
      webhookWorker: workerOn,
    }),
    { logger: silentLogger },
  );
  process.stdout.write(`${JSON.stringify({ url: server.url, secretKey: server.createdSecretKey })}\n`);
  const stop = async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

/** Starts `node bench/webhooks.js <args>` and resolves with the JSON line it prints first. */
function startChild(args) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve({ ...JSON.parse(buffered.slice(0, newline)), child });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

async function coordinate() {
  if (!existsSync(SERVER_DIST))
    throw new Error('Build first: npm run build (bench/webhooks.js runs packages/server/dist).');
  const children = [];
  try {
    const receiver = await startChild(['receiver']);
    children.push(receiver.child);
    const receiverState = async () => (await fetch(receiver.url)).json();
    const resetReceiver = () => fetch(receiver.url, { method: 'DELETE' });

    log(`throughput: ${EVENTS} events`);
    const on = await startChild(['latch', 'on']);
    children.push(on.child);
    const api = client(on);
    const endpoint = await api('POST', '/webhooks/endpoints', {
      url: receiver.url,
      disabled: true,
      event_types: ['user.updated'],
    });
    const user = await api('POST', '/users', { email_address: ['bench-webhooks@example.com'] });
    const since = Date.now();
    await parallel(8, EVENTS, (i) => api('PATCH', `/users/${user.id}`, { first_name: `n${i}` }));
    await api('POST', `/webhooks/endpoints/${endpoint.id}/enable`);
    const replayStart = Date.now();
    await api('POST', `/webhooks/endpoints/${endpoint.id}/replay`, { since });
    const replayed = await waitForCount(receiverState, EVENTS);
    const replay = {
      events: EVENTS,
      seconds: (replayed.last - replayStart) / 1000,
      perSecond: EVENTS / ((replayed.last - replayStart) / 1000),
    };

    await resetReceiver();
    const liveStart = Date.now();
    await parallel(8, EVENTS, (i) => api('PATCH', `/users/${user.id}`, { first_name: `m${i}` }));
    const lived = await waitForCount(receiverState, EVENTS);
    const live = {
      events: EVENTS,
      seconds: (lived.last - liveStart) / 1000,
      perSecond: EVENTS / ((lived.last - liveStart) / 1000),
      lagMs: lived.lag,
    };

    log(`latency: ${SECONDS}s per side in ${ROUNDS} rounds`);
    await resetReceiver();
    const off = await startChild(['latch', 'off']);
    children.push(off.child);
    const sides = {
      on: { api, userId: user.id, latencies: [] },
      off: { api: client(off), userId: null, latencies: [] },
    };
    sides.off.userId = (await sides.off.api('POST', '/users', { email_address: ['bench-off@example.com'] })).id;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (const name of order) {
        const side = sides[name];
        let n = 0;
        const result = await runClosedLoop({
          concurrency: 1,
          warmupMs: round === 0 ? 1000 : 300,
          durationMs: (SECONDS * 1000) / ROUNDS,
          maxOps: 100_000,
          keepLatencies: true,
          op: async () => {
            await side.api('PATCH', `/users/${side.userId}`, { first_name: `r${round}-${n++}` });
            return null;
          },
        });
        if (result.errors > 0) throw new Error(`${name}: ${JSON.stringify(result.failures)}`);
        side.latencies.push(...result.latencies);
      }
    }
    const summary = (side) => summarizeLatencies(Float64Array.from(side.latencies), side.latencies.length);
    const latency = { on: summary(sides.on), off: summary(sides.off) };
    latency.ratioP50 = latency.on.p50 / latency.off.p50;
    latency.ratioMean = latency.on.mean / latency.off.mean;
    latency.deliveredDuringOn = (await receiverState()).count;

    const results = { at: new Date().toISOString(), cpus: os.cpus().length, replay, live, latency };
    print(results);
    mkdirSync(here('./results'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    log(`written to ${RESULTS_FILE}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

/** A Backend API caller for one Latch child; throws on any non-2xx answer. */
function client({ url, secretKey }) {
  return async (method, path, body) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  };
}

async function parallel(concurrency, total, op) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await op(next++);
    }),
  );
}

async function waitForCount(state, count, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await state();
    if (current.count >= count) return current;
    if (Date.now() > deadline) throw new Error(`receiver got ${current.count} of ${count} webhooks`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function print({ replay, live, latency }) {
  const ms = (value) => (value === null ? '-' : `${value.toFixed(2)} ms`);
  const lines = [
    '',
    'Webhooks (local receiver answering 200; SQLite, one Latch process)',
    `  delivery, replayed backlog   ${replay.perSecond.toFixed(0).padStart(6)} events/s   (${replay.events} in ${replay.seconds.toFixed(2)} s)`,
    `  delivery, live updates       ${live.perSecond.toFixed(0).padStart(6)} events/s   (as fast as 8 clients update; lag from event to arrival p50 ${ms(live.lagMs.p50)}, p99 ${ms(live.lagMs.p99)})`,
    '',
    'PATCH /api/v1/users/{id}, 1 client',
    `  webhooks off   p50 ${ms(latency.off.p50)}   p99 ${ms(latency.off.p99)}   mean ${ms(latency.off.mean)}`,
    `  webhooks on    p50 ${ms(latency.on.p50)}   p99 ${ms(latency.on.p99)}   mean ${ms(latency.on.mean)}`,
    `  ratio on/off   p50 ${latency.ratioP50.toFixed(2)}   mean ${latency.ratioMean.toFixed(2)}   (${latency.deliveredDuringOn} webhooks delivered meanwhile)`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
