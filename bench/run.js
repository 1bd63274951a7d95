// Latch benchmark suite: `npm run bench` (builds first) or `node bench/run.js` after a build.
//
// Every measured process is a child of this one: the servers under test (bare Hono, Latch), the
// argon2 baseline and the load generator. This process only coordinates, checks and reports.
// Targets that are compared run in alternating rounds (A B, B A, …) so that background load drifting
// during the run hits both sides alike. See bench/README.md for how to read the output.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnChild } from './lib/ipc.js';
import { summarizeLatencies, usageBetween } from './lib/stats.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const SERVER_DIST = here('../packages/server/dist/index.js');
const RESULTS_FILE = here('./results/latest.json');

/** Recorded seconds per target (split over the rounds); BENCH_SECONDS=3 for a quick look, 20 for a steadier one. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Alternating rounds per comparison; BENCH_ROUNDS. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
if (!(SECONDS > 0 && SECONDS <= 60)) throw new Error('BENCH_SECONDS must be a number of seconds in (0, 60]');
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1 && ROUNDS <= 20))
  throw new Error('BENCH_ROUNDS must be an integer in [1, 20]');

/** warmupMs: before a target's first round; rewarmMs: before its later rounds (fresh connections, warm JIT). */
const GET_LOAD = { concurrency: 32, warmupMs: 2000, rewarmMs: 300, maxOps: 1_000_000 };
const CREATE_LOAD = { concurrency: 4, warmupMs: 1000, rewarmMs: 300, maxOps: 10_000 };
/** Latch never runs more than this many hashes at once (domain/passwords/argon2id.ts); measured for reference. */
const LATCH_HASH_CAP = 2;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** The load/loop settings of one round of a target. */
function roundOf(load, round) {
  return {
    concurrency: load.concurrency,
    warmupMs: round === 0 ? load.warmupMs : load.rewarmMs,
    durationMs: (SECONDS * 1000) / ROUNDS,
    maxOps: Math.ceil(load.maxOps / ROUNDS),
  };
}
const callTimeout = (phase) => phase.warmupMs + phase.durationMs + 60_000;

/** One round from the load child against `server`, with the server's CPU sampled over the recorded window. */
async function measureHttp(load, server, phase) {
  const samples = [];
  const off = load.onEvent((message) => {
    if (message.event === 'measure-start' || message.event === 'measure-end') samples.push(server.call('usage'));
  });
  let result;
  try {
    result = await load.call('run', phase, callTimeout(phase));
  } finally {
    off();
  }
  const [before, after] = await Promise.all(samples);
  const { self, ...rest } = result;
  return { ...rest, server: before && after ? usageBetween(before, after) : null, load: self };
}

/** One round of the hashing loop inside the argon2 child: it is its own "server"; there is no load process. */
async function measureArgon2(argon2, phase) {
  const { self, ...rest } = await argon2.call('run', phase, callTimeout(phase));
  return { ...rest, server: self, load: null };
}

/** Runs `targets` (name → round → result) in ROUNDS alternating rounds; returns name → list of round results. */
async function interleave(title, targets) {
  const names = Object.keys(targets);
  const rounds = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    log(`${title}: round ${round + 1}/${ROUNDS} (${order.join(', ')})`);
    for (const name of order) rounds[name].push(await targets[name](round));
  }
  return rounds;
}

/** Pools the rounds of one target: sums counts and windows, percentiles over every recorded latency. */
function pool(rounds) {
  const sum = (pick) => rounds.reduce((total, round) => total + pick(round), 0);
  const ok = sum((round) => round.ok);
  const elapsedMs = sum((round) => round.elapsedMs);
  const latencies = new Float64Array(ok);
  let offset = 0;
  for (const round of rounds) {
    latencies.set(round.latencies, offset);
    offset += round.latencies.length;
  }
  /** Window-weighted mean of a usage percentage. */
  const usage = (side) =>
    rounds.every((round) => round[side])
      ? {
          cpuPercent: sum((round) => round[side].cpuPercent * round.elapsedMs) / elapsedMs,
          eventLoopPercent: sum((round) => round[side].eventLoopPercent * round.elapsedMs) / elapsedMs,
        }
      : null;
  const failures = {};
  for (const round of rounds) {
    for (const [failure, count] of Object.entries(round.failures)) failures[failure] = (failures[failure] ?? 0) + count;
  }
  return {
    concurrency: rounds[0].concurrency,
    ok,
    errors: sum((round) => round.errors),
    warmupOk: sum((round) => round.warmupOk),
    warmupErrors: sum((round) => round.warmupErrors),
    elapsedMs,
    perSecond: elapsedMs > 0 ? ok / (elapsedMs / 1000) : 0,
    latencyMs: summarizeLatencies(latencies, ok),
    server: usage('server'),
    load: usage('load'),
    failures,
    rounds: rounds.map(({ latencies: _all, failures: _failures, ...round }) => round),
  };
}

/** The pooled ratio a / b, and the spread of the same ratio round by round. */
function compare(a, b, pick) {
  const perRound = a.rounds.map((round, i) => {
    const numerator = pick(round);
    const denominator = pick(b.rounds[i]);
    return numerator != null && denominator ? numerator / denominator : null;
  });
  const valid = perRound.filter((value) => value != null);
  const numerator = pick(a);
  const denominator = pick(b);
  return {
    ratio: numerator != null && denominator ? numerator / denominator : null,
    min: valid.length ? Math.min(...valid) : null,
    max: valid.length ? Math.max(...valid) : null,
    perRound,
  };
}

async function expectJSON(response, what) {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

function environment() {
  const cpus = os.cpus();
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: here('..'),
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    // Not a git checkout: leave it out.
  }
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    availableParallelism: os.availableParallelism(),
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg()[0],
    commit,
  };
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(SERVER_DIST)) {
    throw new Error(
      'packages/server/dist is missing: run `npm run bench` (builds first) or `npx tsc -b packages/server`.',
    );
  }
  const startedAt = new Date();
  const env = environment();
  const phases = {};
  const checks = {};
  const children = [];
  const start = (file, name) => {
    const child = spawnChild(here(file), name);
    children.push(child);
    return child;
  };
  process.once('SIGINT', async () => {
    log('interrupted: stopping the child processes');
    await Promise.allSettled(children.map((child) => child.stop(5000)));
    process.exit(130);
  });
  const stopChild = async (child) => {
    await child.stop();
    children.splice(children.indexOf(child), 1);
  };

  try {
    const load = start('./load.js', 'load generator');

    // Latch on SQLite, and the one user every GET asks for, created through the Backend API.
    const latch = start('./servers/latch.js', 'Latch server');
    const { url: latchUrl, secretKey } = await latch.call('start');
    const auth = { authorization: `Bearer ${secretKey}` };
    const jsonHeaders = { ...auth, 'content-type': 'application/json' };
    const user = await expectJSON(
      await fetch(`${latchUrl}/api/v1/users`, {
        method: 'POST',
        headers: jsonHeaders,
        body: JSON.stringify({ email_address: ['bench-first@example.com'], password: 'bench-first-password' }),
      }),
      'create the first user',
    );
    if (user.password_enabled !== true) throw new Error('the first user was created without a password');
    const userPath = `/api/v1/users/${user.id}`;
    const fetched = await expectJSON(await fetch(`${latchUrl}${userPath}`, { headers: auth }), 'Latch sanity GET');
    if (fetched.id !== user.id) throw new Error(`GET returned ${fetched.id}, expected ${user.id}`);

    // The bare baseline gets the very same request (it ignores the header); only the work behind differs.
    const bare = start('./servers/bare-hono.js', 'bare Hono server');
    const { url: bareUrl } = await bare.call('start');
    await expectJSON(await fetch(`${bareUrl}${userPath}`), 'bare Hono sanity GET');

    // 1. GET /api/v1/users/{id}: Latch against bare Hono, 32 keep-alive connections.
    const get = (url) => ({ url, kind: 'get', method: 'GET', path: userPath, headers: auth });
    const getRounds = await interleave(`GET ${SECONDS} s each`, {
      'bare Hono': (round) => measureHttp(load, bare, { ...get(bareUrl), ...roundOf(GET_LOAD, round) }),
      Latch: (round) => measureHttp(load, latch, { ...get(latchUrl), ...roundOf(GET_LOAD, round) }),
    });
    phases.getBare = pool(getRounds['bare Hono']);
    phases.getLatch = pool(getRounds.Latch);
    await stopChild(bare);

    // 2. User creation with a password against raw argon2id hashes, concurrency 4 (and the hash cap, for reference).
    const argon2 = start('./argon2-baseline.js', 'argon2 baseline');
    checks.argon2Digest = { ...(await argon2.call('check')), pass: true };
    const create = { url: latchUrl, kind: 'create-user', method: 'POST', path: '/api/v1/users', headers: jsonHeaders };
    const createRounds = await interleave(`create ${SECONDS} s each`, {
      Latch: (round) => measureHttp(load, latch, { ...create, ...roundOf(CREATE_LOAD, round) }),
      'raw argon2id': (round) => measureArgon2(argon2, roundOf(CREATE_LOAD, round)),
      'raw argon2id at the cap': (round) =>
        measureArgon2(argon2, { ...roundOf(CREATE_LOAD, round), concurrency: LATCH_HASH_CAP }),
    });
    phases.createLatch = pool(createRounds.Latch);
    phases.argon2 = pool(createRounds['raw argon2id']);
    phases.argon2Capped = pool(createRounds['raw argon2id at the cap']);
    await stopChild(argon2);

    const { total_count: totalUsers } = await expectJSON(
      await fetch(`${latchUrl}/api/v1/users/count`, { headers: auth }),
      'count users',
    );
    const expectedUsers = 1 + phases.createLatch.warmupOk + phases.createLatch.ok;
    checks.usersCreated = { expected: expectedUsers, actual: totalUsers, pass: totalUsers === expectedUsers };
    await stopChild(latch);
    await stopChild(load);
  } finally {
    await Promise.allSettled(children.map((child) => child.stop()));
  }

  const ratios = {
    getThroughput: compare(phases.getLatch, phases.getBare, (r) => r.perSecond),
    getP99: compare(phases.getLatch, phases.getBare, (r) => r.latencyMs.p99),
    createVsArgon2: compare(phases.createLatch, phases.argon2, (r) => r.perSecond),
    createVsArgon2Capped: compare(phases.createLatch, phases.argon2Capped, (r) => r.perSecond),
  };
  const errors = Object.values(phases).reduce((sum, phase) => sum + phase.errors + phase.warmupErrors, 0);
  checks.noErrors = { errors, pass: errors === 0 };

  const results = {
    schema: 1,
    startedAt: startedAt.toISOString(),
    totalSeconds: (Date.now() - startedAt.getTime()) / 1000,
    environment: env,
    config: {
      recordedSeconds: SECONDS,
      rounds: ROUNDS,
      get: GET_LOAD,
      create: CREATE_LOAD,
      latchHashCap: LATCH_HASH_CAP,
    },
    phases,
    ratios,
    checks,
  };
  mkdirSync(here('./results'), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(report(results));
  if (!Object.values(checks).every((check) => check.pass)) {
    process.stderr.write('[bench] some checks failed (see "Checks" above): the numbers are not trustworthy.\n');
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------------

function report({ environment: env, config, phases, ratios, checks, totalSeconds }) {
  const n = (value, digits = 0) =>
    value == null
      ? '—'
      : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const ms = (value) => (value == null ? '—' : value < 10 ? n(value, 2) : value < 100 ? n(value, 1) : n(value));
  const x = (value) => (value == null ? '—' : `${n(value, 2)}×`);
  const spread = (c) => `${x(c.ratio)} (rounds ${x(c.min)}–${x(c.max)})`;
  const columns = [
    ['phase', 42, 'left'],
    ['conc', 5],
    ['done', 9],
    ['per s', 9],
    ['p50 ms', 8],
    ['p99 ms', 8],
    ['errors', 7],
    ['srv CPU%', 9],
    ['srv loop%', 10],
    ['load CPU%', 10],
  ];
  const line = (cells) =>
    cells
      .map((cell, i) => (columns[i][2] === 'left' ? cell.padEnd(columns[i][1]) : cell.padStart(columns[i][1])))
      .join(' ');
  const row = (label, r) =>
    line([
      label,
      String(r.concurrency),
      n(r.ok),
      n(r.perSecond, r.perSecond < 1000 ? 1 : 0),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p99),
      n(r.errors + r.warmupErrors),
      n(r.server?.cpuPercent),
      n(r.server?.eventLoopPercent),
      n(r.load?.cpuPercent),
    ]);
  const { memoryCost, timeCost, parallelism } = checks.argon2Digest.parameters;
  const hash = `argon2id m=${memoryCost},t=${timeCost},p=${parallelism}`;
  const out = [
    '',
    `Latch benchmark — Node ${env.node}, ${env.cpus} × ${env.cpuModel}, ${env.platform}, commit ${env.commit ?? '?'}`,
    `${config.recordedSeconds} s recorded per row in ${config.rounds} alternating rounds, after a warm-up; ` +
      'HTTP load from a separate process over 127.0.0.1 keep-alive connections.',
    '',
    line(columns.map(([title]) => title)),
    line(columns.map(([, width]) => '─'.repeat(width))),
    row('GET /api/v1/users/{id}    bare Hono', phases.getBare),
    row('GET /api/v1/users/{id}    Latch (SQLite)', phases.getLatch),
    row('POST /api/v1/users + pw   Latch (SQLite)', phases.createLatch),
    row(`${hash}  raw`, phases.argon2),
    row(`${hash}  raw, Latch's cap`, phases.argon2Capped),
    '',
    'Ratios, same run (1.00× = matches the baseline):',
    `  GET user     Latch / bare Hono     req/s ${spread(ratios.getThroughput)}   p99 ${spread(ratios.getP99)}`,
    `  create user  Latch / raw argon2id  per s ${spread(ratios.createVsArgon2)} at concurrency ${phases.argon2.concurrency}`,
    `                                     per s ${spread(ratios.createVsArgon2Capped)} vs raw at concurrency ` +
      `${phases.argon2Capped.concurrency} (Latch's hash cap)`,
    '',
    `Checks: users in the database ${checks.usersCreated.actual}/${checks.usersCreated.expected} ` +
      `${checks.usersCreated.pass ? 'ok' : 'MISMATCH'}; errors ${checks.noErrors.errors}; digest ${checks.argon2Digest.prefix}`,
    "CPU% is of one core, all threads of that process; loop% is the main thread's event-loop utilization.",
    `Load average at start ${n(env.loadAverageAtStart, 2)}. Total ${n(totalSeconds, 1)} s. Full results: bench/results/latest.json`,
    '',
  ];
  return `${out.join('\n')}\n`;
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
