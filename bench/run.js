// Latch benchmark suite: `npm run bench` (builds first) or `node bench/run.js` after a build.
//
// Every measured process is a child of this one: the servers under test (bare Hono, Latch), the
// argon2 and RS256 baselines and the load generator. This process only coordinates, checks and reports.
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

/**
 * Recorded seconds per target (split over the rounds); BENCH_SECONDS=3 for a quick look, 20 for a steadier one.
 * 6 by default keeps the 11 rows (plus warm-ups and setup) around two minutes on an idle 2-core box.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
/** Alternating rounds per comparison; BENCH_ROUNDS. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/**
 * BENCH_PROFILE_DIR=dir: a CPU profile of Latch's main thread for every measured Latch round, written
 * to `dir/<phase>-<n>.cpuprofile` (open in Chrome DevTools). Sampling slows Latch down: read profiles
 * from such a run, not its ratios.
 */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR || null;
/** The Latch child, once started: the server whose rounds are profiled. */
let profiledServer = null;
const profileCounts = new Map();
if (!(SECONDS > 0 && SECONDS <= 60)) throw new Error('BENCH_SECONDS must be a number of seconds in (0, 60]');
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1 && ROUNDS <= 20))
  throw new Error('BENCH_ROUNDS must be an integer in [1, 20]');

/** warmupMs: before a target's first round; rewarmMs: before its later rounds (fresh connections, warm JIT). */
const GET_LOAD = { concurrency: 32, warmupMs: 2000, rewarmMs: 300, maxOps: 1_000_000 };
/** Session tokens: 64 browsers (one keep-alive connection and one request in flight each). */
const TOKEN_LOAD = { concurrency: 64, warmupMs: 1000, rewarmMs: 300, maxOps: 1_000_000 };
/**
 * Raw RS256: one synchronous signing loop, because Latch signs session tokens on one thread (its
 * signing thread, in one process; domain/tokens/signing-thread.ts). README: "Why one signing thread".
 */
const RS256_LOAD = { concurrency: 1, warmupMs: 1000, rewarmMs: 300, maxOps: 1_000_000 };
const CREATE_LOAD = { concurrency: 4, warmupMs: 1000, rewarmMs: 300, maxOps: 10_000 };
/**
 * Password sign-ins run at the creation concurrency, against the same argon2 rows. Users are created
 * up front (each creation hashes, so not too many) and taken in turn; the recorded sign-ins are capped
 * at 5 per user so, with warm-ups, every identifier stays under the per-identifier limit
 * (RATE_LIMITS.perIdentifier: 10 per minute). Latch hashes 2 at a time, ~80/s on 2 cores: 800 sign-ins
 * last longer than the default window.
 */
const SIGN_IN_USERS = 160;
const SIGN_IN_LOAD = { ...CREATE_LOAD, maxOps: SIGN_IN_USERS * 5 };
/** Latch never runs more than this many hashes at once (domain/passwords/argon2id.ts); measured for reference. */
const LATCH_HASH_CAP = 2;
/** The app's origin as a browser sends it; development instances accept loopback origins. */
const BROWSER_ORIGIN = 'http://localhost:3000';
const FORM = 'application/x-www-form-urlencoded';

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

/**
 * One round from the load child against `server`, with the server's CPU sampled over the recorded
 * window. The Latch child also counts RSA signatures: those are counted over the whole round, warm-up
 * included, against every response of the round — all of them are complete when `run` returns, so a
 * warm-up request still signing when the window opens cannot skew the ratio.
 */
async function measureHttp(load, server, phase) {
  const samples = [];
  const first = await server.call('usage');
  const off = load.onEvent((message) => {
    if (message.event === 'measure-start' || message.event === 'measure-end') samples.push(server.call('usage'));
  });
  const profileFile = PROFILE_DIR && server === profiledServer ? profileFileFor(phase) : null;
  if (profileFile) await server.call('profileStart');
  let result;
  try {
    result = await load.call('run', phase, callTimeout(phase));
  } finally {
    off();
    if (profileFile) await server.call('profileStop', { file: profileFile });
  }
  const [before, after] = await Promise.all(samples);
  const last = await server.call('usage');
  const { self, ...rest } = result;
  const signing =
    first.signatures != null
      ? {
          signatures: last.signatures - first.signatures,
          responses: result.ok + result.errors + result.warmupOk + result.warmupErrors,
        }
      : {};
  return {
    ...rest,
    ...signing,
    signingThreadPercent: before && after ? signingThreadBusy(before.signingThread, after.signingThread) : null,
    server: before && after ? usageBetween(before, after) : null,
    load: self,
  };
}

/** `<dir>/<kind>[-<path>][-<n>_sessions][-skip_cache]-<n>.cpuprofile`, numbered per phase. */
function profileFileFor(phase) {
  const path = phase.path
    ? `-${phase.path
        .replace(/\b[a-z]+_[A-Za-z0-9]{20,}/g, 'id')
        .replace(/[^a-z0-9]+/gi, '_')
        .replace(/^_|_$/g, '')}`
    : '';
  const sessions = phase.clients ? `-${new Set(phase.clients.map((client) => client.sessionId)).size}_sessions` : '';
  const name = `${phase.kind}${path}${sessions}${phase.skipCache ? '-skip_cache' : ''}`;
  const n = (profileCounts.get(name) ?? 0) + 1;
  profileCounts.set(name, n);
  mkdirSync(PROFILE_DIR, { recursive: true });
  return `${PROFILE_DIR}/${name}-${n}.cpuprofile`;
}

/** How busy Latch's session-token signing thread was between two samples, in % (null: no thread). */
function signingThreadBusy(before, after) {
  if (!before || !after) return null;
  const active = after.activeMs - before.activeMs;
  const idle = after.idleMs - before.idleMs;
  return active + idle > 0 && active >= 0 && idle >= 0 ? (100 * active) / (active + idle) : null;
}

/** One round of a baseline's own loop (argon2, RS256): the child is its own "server"; there is no load process. */
async function measureInProcess(baseline, phase) {
  const { self, ...rest } = await baseline.call('run', phase, callTimeout(phase));
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
  /** Window-weighted means of the usage percentages; signatures summed; the worst round's loop delay. */
  const usage = (side) => {
    if (!rounds.every((round) => round[side])) return null;
    const pooled = {
      cpuPercent: sum((round) => round[side].cpuPercent * round.elapsedMs) / elapsedMs,
      eventLoopPercent: sum((round) => round[side].eventLoopPercent * round.elapsedMs) / elapsedMs,
      mainThreadCpuMs: rounds.every((round) => round[side].mainThreadCpuMs != null)
        ? sum((round) => round[side].mainThreadCpuMs)
        : null,
    };
    if (rounds.every((round) => round[side].loopDelay)) {
      const worst = (pick) => Math.max(...rounds.map((round) => pick(round[side].loopDelay)));
      pooled.loopDelay = { p99Ms: worst((delay) => delay.p99Ms), maxMs: worst((delay) => delay.maxMs) };
    }
    return pooled;
  };
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
    ...(rounds.every((round) => round.signatures != null) ? signing(rounds) : {}),
    signingThreadPercent: rounds.every((round) => round.signingThreadPercent != null)
      ? sum((round) => round.signingThreadPercent * round.elapsedMs) / elapsedMs
      : null,
    failures,
    rounds: rounds.map(({ latencies: _all, failures: _failures, ...round }) => round),
  };
}

/** RSA signatures made per response, over every request of every round (warm-ups included). */
function signing(rounds) {
  const signatures = rounds.reduce((total, round) => total + round.signatures, 0);
  const responses = rounds.reduce((total, round) => total + round.responses, 0);
  return { signatures, responses, signaturesPerRequest: responses > 0 ? signatures / responses : null };
}

/** The pooled ratio pick(a) / pickB(b), and the spread of the same ratio round by round. */
function compare(a, b, pick, pickB = pick) {
  if (!a || !b) return null;
  const perRound = a.rounds.map((round, i) => {
    const numerator = pick(round);
    const denominator = pickB(b.rounds[i]);
    return numerator != null && denominator ? numerator / denominator : null;
  });
  const valid = perRound.filter((value) => value != null);
  const numerator = pick(a);
  const denominator = pickB(b);
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

/** Runs `task(item)` over `items` with at most `concurrency` in flight; results in order. */
async function mapConcurrent(items, concurrency, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

const decodeSegment = (segment) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

/**
 * One password sign-in, as the load generator sends it. Returns `{ available: true }` when it
 * completes, `{ available: false, reason }` on a 404 (the endpoint is not there yet), and throws on
 * anything else: an endpoint that exists but fails is a failure, not a missing feature.
 */
async function probeSignIn(latchUrl, { identifier, password }) {
  const response = await fetch(`${latchUrl}/v1/client/sign_ins`, {
    method: 'POST',
    headers: { origin: BROWSER_ORIGIN, 'content-type': FORM, 'x-forwarded-for': '192.0.2.1' },
    body: new URLSearchParams({ identifier, strategy: 'password', password }).toString(),
  });
  const text = await response.text();
  if (response.status === 404) return { available: false, reason: `HTTP 404 ${text.slice(0, 200)}` };
  if (!response.ok) throw new Error(`sign-in probe: HTTP ${response.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  if (body.response?.status !== 'complete' || !body.response.created_session_id) {
    throw new Error(`sign-in probe: expected a complete sign-in, got ${text.slice(0, 300)}`);
  }
  if (!response.headers.getSetCookie().some((cookie) => cookie.startsWith('__client='))) {
    throw new Error('sign-in probe: no __client cookie was set for the new client');
  }
  return { available: true };
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
  const notes = {};
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
    profiledServer = latch;
    const auth = { authorization: `Bearer ${secretKey}` };
    const jsonHeaders = { ...auth, 'content-type': 'application/json' };
    const createUser = async (email, password) =>
      expectJSON(
        await fetch(`${latchUrl}/api/v1/users`, {
          method: 'POST',
          headers: jsonHeaders,
          body: JSON.stringify({ email_address: [email], password }),
        }),
        `create user ${email}`,
      );
    const user = await createUser('bench-first@example.com', 'bench-first-password');
    if (user.password_enabled !== true) throw new Error('the first user was created without a password');
    const userPath = `/api/v1/users/${user.id}`;
    const fetched = await expectJSON(await fetch(`${latchUrl}${userPath}`, { headers: auth }), 'Latch sanity GET');
    if (fetched.id !== user.id) throw new Error(`GET returned ${fetched.id}, expected ${user.id}`);

    // 64 browsers signed in to that user, one client and one session each, made inside the server
    // process with the same domain calls a completed sign-in uses (servers/latch.js).
    const browsers = await latch.call('signedInClients', { userId: user.id, count: TOKEN_LOAD.concurrency }, 60_000);
    const browser = browsers[0];
    const browserHeaders = { origin: BROWSER_ORIGIN, cookie: `__client=${browser.token}` };
    const { response: client } = await expectJSON(
      await fetch(`${latchUrl}/v1/client`, { headers: browserHeaders }),
      'Latch sanity GET /v1/client',
    );
    if (client?.last_active_session_id !== browser.sessionId || client.sessions?.[0]?.user?.id !== user.id) {
      throw new Error(`GET /v1/client did not return the signed-in client: ${JSON.stringify(client).slice(0, 300)}`);
    }
    const { jwt } = await expectJSON(
      await fetch(`${latchUrl}/v1/client/sessions/${browser.sessionId}/tokens`, {
        method: 'POST',
        headers: { ...browserHeaders, 'content-type': FORM },
        body: '',
      }),
      'Latch sanity session token',
    );
    const [tokenHeader, tokenPayload] = jwt.split('.');
    const header = decodeSegment(tokenHeader);
    const claims = decodeSegment(tokenPayload);
    if (header.alg !== 'RS256' || claims.sid !== browser.sessionId || claims.sub !== user.id) {
      throw new Error(`unexpected session token ${JSON.stringify({ header, claims })}`);
    }
    const { keys } = await expectJSON(await fetch(`${latchUrl}/.well-known/jwks.json`), 'Latch JWKS');
    const signingKey = keys.find((key) => key.kid === header.kid);
    const latchKeyBits = signingKey ? Buffer.from(signingKey.n, 'base64url').length * 8 : null;

    // The bare baseline gets the very same request (it ignores the header); only the work behind differs.
    const bare = start('./servers/bare-hono.js', 'bare Hono server');
    const { url: bareUrl } = await bare.call('start');
    await expectJSON(await fetch(`${bareUrl}${userPath}`), 'bare Hono sanity GET');

    // 1. GETs at 32 keep-alive connections: the Backend API's user and the Frontend API's client
    //    (a signed-in browser's `__client`), each against bare Hono.
    const get = (url) => ({ url, kind: 'get', path: userPath, headers: auth });
    const getClient = {
      url: latchUrl,
      kind: 'get',
      path: '/v1/client',
      headers: browserHeaders,
      expect: browser.sessionId,
    };
    const getEnvironment = {
      url: latchUrl,
      kind: 'get',
      path: '/v1/environment',
      headers: browserHeaders,
      expect: '"display_config"',
    };
    const getRounds = await interleave(`GET ${SECONDS} s each`, {
      'bare Hono': (round) => measureHttp(load, bare, { ...get(bareUrl), ...roundOf(GET_LOAD, round) }),
      'Latch user': (round) => measureHttp(load, latch, { ...get(latchUrl), ...roundOf(GET_LOAD, round) }),
      'Latch client': (round) => measureHttp(load, latch, { ...getClient, ...roundOf(GET_LOAD, round) }),
      // The other request of every page load (clerk-js fetches both); no target, reported alongside.
      'Latch environment': (round) => measureHttp(load, latch, { ...getEnvironment, ...roundOf(GET_LOAD, round) }),
    });
    phases.getBare = pool(getRounds['bare Hono']);
    phases.getLatch = pool(getRounds['Latch user']);
    phases.getClient = pool(getRounds['Latch client']);
    phases.getEnvironment = pool(getRounds['Latch environment']);
    await stopChild(bare);

    // 2. Session tokens at 64 connections against raw RS256 signatures on one thread.
    const rs256 = start('./rs256-baseline.js', 'RS256 baseline');
    checks.rs256 = { ...(await rs256.call('check', { signingInput: `${tokenHeader}.${tokenPayload}` })), latchKeyBits };
    checks.rs256.pass = checks.rs256.modulusBits === latchKeyBits;
    const tokens = (clients, skipCache) => ({
      url: latchUrl,
      kind: 'session-token',
      headers: { origin: BROWSER_ORIGIN },
      clients,
      skipCache,
    });
    const tokenRounds = await interleave(`tokens ${SECONDS} s each`, {
      'Latch, 64 sessions, skip_cache': (round) =>
        measureHttp(load, latch, { ...tokens(browsers, true), ...roundOf(TOKEN_LOAD, round) }),
      'Latch, 64 sessions': (round) =>
        measureHttp(load, latch, { ...tokens(browsers, false), ...roundOf(TOKEN_LOAD, round) }),
      'Latch, 1 session': (round) =>
        measureHttp(load, latch, { ...tokens([browser], false), ...roundOf(TOKEN_LOAD, round) }),
      'raw RS256': (round) => measureInProcess(rs256, roundOf(RS256_LOAD, round)),
    });
    phases.tokensSigned = pool(tokenRounds['Latch, 64 sessions, skip_cache']);
    phases.tokensSessions = pool(tokenRounds['Latch, 64 sessions']);
    phases.tokensShared = pool(tokenRounds['Latch, 1 session']);
    phases.rs256 = pool(tokenRounds['raw RS256']);
    await stopChild(rs256);
    const signedPerRequest = phases.tokensSigned.signaturesPerRequest ?? null;
    checks.everyTokenSigned = {
      signaturesPerRequest: signedPerRequest,
      pass: signedPerRequest != null && signedPerRequest > 0.99 && signedPerRequest < 1.01,
    };

    // 3. Password work at concurrency 4: user creation and password sign-in against raw argon2id.
    //    The sign-in users are created (and their passwords hashed) before anything is measured.
    log(`creating ${SIGN_IN_USERS} users to sign in with`);
    const signInTag = Date.now().toString(36);
    const signInUsers = Array.from({ length: SIGN_IN_USERS }, (_, i) => ({
      identifier: `bench-signin-${signInTag}-${i}@example.com`,
      password: `bench-signin-password-${signInTag}-${i}`,
    }));
    await mapConcurrent(signInUsers, CREATE_LOAD.concurrency, ({ identifier, password }) =>
      createUser(identifier, password),
    );
    const signIn = await probeSignIn(latchUrl, signInUsers[0]);
    notes.signIn = signIn;
    if (!signIn.available) log(`sign-in endpoint not available (${signIn.reason.slice(0, 80)}): measuring without it`);

    const argon2 = start('./argon2-baseline.js', 'argon2 baseline');
    checks.argon2Digest = { ...(await argon2.call('check')), pass: true };
    const create = { url: latchUrl, kind: 'create-user', path: '/api/v1/users', headers: jsonHeaders };
    const signInPhase = { url: latchUrl, kind: 'sign-in', headers: { origin: BROWSER_ORIGIN }, users: signInUsers };
    const passwordRounds = await interleave(`passwords ${SECONDS} s each`, {
      'Latch create': (round) => measureHttp(load, latch, { ...create, ...roundOf(CREATE_LOAD, round) }),
      ...(signIn.available
        ? { 'Latch sign-in': (round) => measureHttp(load, latch, { ...signInPhase, ...roundOf(SIGN_IN_LOAD, round) }) }
        : {}),
      'raw argon2id': (round) => measureInProcess(argon2, roundOf(CREATE_LOAD, round)),
      'raw argon2id at the cap': (round) =>
        measureInProcess(argon2, { ...roundOf(CREATE_LOAD, round), concurrency: LATCH_HASH_CAP }),
    });
    phases.createLatch = pool(passwordRounds['Latch create']);
    if (signIn.available) phases.signIn = pool(passwordRounds['Latch sign-in']);
    phases.argon2 = pool(passwordRounds['raw argon2id']);
    phases.argon2Capped = pool(passwordRounds['raw argon2id at the cap']);
    await stopChild(argon2);

    const { total_count: totalUsers } = await expectJSON(
      await fetch(`${latchUrl}/api/v1/users/count`, { headers: auth }),
      'count users',
    );
    const expectedUsers = 1 + SIGN_IN_USERS + phases.createLatch.warmupOk + phases.createLatch.ok;
    checks.usersCreated = { expected: expectedUsers, actual: totalUsers, pass: totalUsers === expectedUsers };
    await stopChild(latch);
    await stopChild(load);
  } finally {
    await Promise.allSettled(children.map((child) => child.stop()));
  }

  const perSecond = (r) => r.perSecond;
  const p99 = (r) => r.latencyMs.p99;
  const ratios = {
    getThroughput: compare(phases.getLatch, phases.getBare, perSecond),
    getP99: compare(phases.getLatch, phases.getBare, p99),
    clientThroughput: compare(phases.getClient, phases.getBare, perSecond),
    clientP99: compare(phases.getClient, phases.getBare, p99),
    environmentThroughput: compare(phases.getEnvironment, phases.getBare, perSecond),
    environmentP99: compare(phases.getEnvironment, phases.getBare, p99),
    tokensSignedVsRS256: compare(phases.tokensSigned, phases.rs256, perSecond),
    tokensSessionsVsRS256: compare(phases.tokensSessions, phases.rs256, perSecond),
    tokensSharedVsRS256: compare(phases.tokensShared, phases.rs256, perSecond),
    tokensSignedP99VsFloor: compare(phases.tokensSigned, phases.rs256, p99, latencyFloorMs),
    createVsArgon2: compare(phases.createLatch, phases.argon2, perSecond),
    createVsArgon2Capped: compare(phases.createLatch, phases.argon2Capped, perSecond),
    signInVsArgon2: compare(phases.signIn, phases.argon2, perSecond),
    signInVsArgon2Capped: compare(phases.signIn, phases.argon2Capped, perSecond),
  };
  const errors = Object.values(phases).reduce((sum, phase) => sum + phase.errors + phase.warmupErrors, 0);
  checks.noErrors = { errors, pass: errors === 0 };

  const results = {
    schema: 2,
    startedAt: startedAt.toISOString(),
    totalSeconds: (Date.now() - startedAt.getTime()) / 1000,
    environment: env,
    config: {
      recordedSeconds: SECONDS,
      rounds: ROUNDS,
      get: GET_LOAD,
      tokens: TOKEN_LOAD,
      rs256: RS256_LOAD,
      create: CREATE_LOAD,
      signIn: { ...SIGN_IN_LOAD, users: SIGN_IN_USERS },
      latchHashCap: LATCH_HASH_CAP,
      browserOrigin: BROWSER_ORIGIN,
    },
    phases,
    ratios,
    checks,
    notes,
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

function report({ environment: env, config, phases, ratios, checks, notes, totalSeconds }) {
  const n = (value, digits = 0) =>
    value == null
      ? '—'
      : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const ms = (value) => (value == null ? '—' : value < 10 ? n(value, 2) : value < 100 ? n(value, 1) : n(value));
  const x = (value) => (value == null ? '—' : `${n(value, 2)}×`);
  const spread = (c) => (c ? `${x(c.ratio)} (rounds ${x(c.min)}–${x(c.max)})` : '—');
  const columns = [
    ['phase', 46, 'left'],
    ['conc', 5],
    ['done', 9],
    ['per s', 9],
    ['p50 ms', 8],
    ['p99 ms', 8],
    ['errors', 7],
    ['srv CPU%', 9],
    ['srv loop%', 10],
    ['lag max ms', 11],
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
      ms(r.server?.loopDelay?.maxMs),
      n(r.load?.cpuPercent),
    ]);
  const { memoryCost, timeCost, parallelism } = checks.argon2Digest.parameters;
  const hash = `argon2id m=${memoryCost},t=${timeCost},p=${parallelism}`;
  const rsa = `RS256 sign, ${checks.rs256.modulusBits}-bit, 1 thread`;
  const signInMissing = 'sign-in endpoint not available';
  const signs = (r) => n(r.signaturesPerRequest, 2);
  const lag = (r) => `${ms(r.server?.loopDelay?.p99Ms)} / ${ms(r.server?.loopDelay?.maxMs)} ms`;
  /** The server's main-thread CPU per completed request (Linux), beside the hashing on its workers. */
  const mainPerOp = (r) =>
    r.server?.mainThreadCpuMs != null && r.ok > 0
      ? `; main thread ${ms(r.server.mainThreadCpuMs / r.ok)} ms CPU per request`
      : '';
  const out = [
    '',
    `Latch benchmark — Node ${env.node}, ${env.cpus} × ${env.cpuModel}, ${env.platform}, commit ${env.commit ?? '?'}`,
    `${config.recordedSeconds} s recorded per row in ${config.rounds} alternating rounds, after a warm-up; ` +
      'HTTP load from a separate process over 127.0.0.1 keep-alive connections. Latch on SQLite.',
    '',
    line(columns.map(([title]) => title)),
    line(columns.map(([, width]) => '─'.repeat(width))),
    row('GET /api/v1/users/{id}        bare Hono', phases.getBare),
    row('GET /api/v1/users/{id}        Latch', phases.getLatch),
    row('GET /v1/client (signed in)    Latch', phases.getClient),
    row('GET /v1/environment           Latch', phases.getEnvironment),
    row('POST …/tokens  64 sessions, skip_cache', phases.tokensSigned),
    row('POST …/tokens  64 sessions', phases.tokensSessions),
    row('POST …/tokens  1 session', phases.tokensShared),
    row(rsa, phases.rs256),
    row('POST /api/v1/users + pw       Latch', phases.createLatch),
    phases.signIn
      ? row('POST /v1/client/sign_ins pw   Latch', phases.signIn)
      : line(['POST /v1/client/sign_ins pw   Latch', signInMissing]),
    row(`${hash}  raw`, phases.argon2),
    row(`${hash}  raw, Latch's cap`, phases.argon2Capped),
    '',
    'Ratios, same run (1.00× = matches the baseline):',
    `  GET user     Latch / bare Hono       req/s ${spread(ratios.getThroughput)}   p99 ${spread(ratios.getP99)}`,
    `  GET client   Latch / bare Hono       req/s ${spread(ratios.clientThroughput)}   p99 ${spread(ratios.clientP99)}`,
    `  GET env      Latch / bare Hono       req/s ${spread(ratios.environmentThroughput)}   p99 ${spread(ratios.environmentP99)}  (no target: the page load's other request)`,
    `  tokens       Latch / raw RS256       req/s ${spread(ratios.tokensSignedVsRS256)}  every request signs ` +
      `(RSA signatures/request ${signs(phases.tokensSigned)}, signing thread ` +
      `${n(phases.tokensSigned.signingThreadPercent)}% busy) ← the honest number`,
    `                                       p99 ${spread(ratios.tokensSignedP99VsFloor)} vs the floor ` +
      `${ms(latencyFloorMs(phases.rs256))} ms (64 signatures back to back)`,
    `                                       req/s ${spread(ratios.tokensSessionsVsRS256)}  64 sessions, clerk-js's ` +
      `call: tokens reused for 5 s (signatures/request ${signs(phases.tokensSessions)})`,
    `                                       req/s ${spread(ratios.tokensSharedVsRS256)}  1 session, 64 connections ` +
      `(signatures/request ${signs(phases.tokensShared)})`,
    `  create user  Latch / raw argon2id    per s ${spread(ratios.createVsArgon2)} at concurrency ${phases.argon2.concurrency}`,
    `                                       per s ${spread(ratios.createVsArgon2Capped)} vs raw at concurrency ` +
      `${phases.argon2Capped.concurrency} (Latch's hash cap)`,
    phases.signIn
      ? `  sign-in pw   Latch / raw argon2id    per s ${spread(ratios.signInVsArgon2)} at concurrency ` +
        `${phases.argon2.concurrency}, ${spread(ratios.signInVsArgon2Capped)} vs the cap; server loop ` +
        `${n(phases.signIn.server?.eventLoopPercent)}% busy, loop delay p99/max ${lag(phases.signIn)}` +
        `${mainPerOp(phases.signIn)}`
      : `  sign-in pw   ${signInMissing} (${notes.signIn?.reason?.slice(0, 60) ?? '?'})`,
    '',
    `Checks: users in the database ${checks.usersCreated.actual}/${checks.usersCreated.expected} ` +
      `${checks.usersCreated.pass ? 'ok' : 'MISMATCH'}; errors ${checks.noErrors.errors}; ` +
      `skip_cache signatures/request ${n(checks.everyTokenSigned.signaturesPerRequest, 3)} ` +
      `${checks.everyTokenSigned.pass ? 'ok' : 'NOT ~1'}; RSA key ${checks.rs256.modulusBits} bits ` +
      `(Latch's: ${checks.rs256.latchKeyBits ?? '?'}) ${checks.rs256.pass ? 'ok' : 'MISMATCH'}; digest ${checks.argon2Digest.prefix}`,
    "CPU% is of one core, all threads of that process; loop% is the main thread's event-loop utilization;",
    'lag max is the largest event-loop delay in the Latch process over the recorded window (1 ms resolution).',
    `Load average at start ${n(env.loadAverageAtStart, 2)}. Total ${n(totalSeconds, 1)} s. Full results: bench/results/latest.json`,
    '',
  ];
  return `${out.join('\n')}\n`;
}

/**
 * The latency floor when every request signs: a server doing nothing but sign, one signature at a
 * time, answers TOKEN_LOAD.concurrency waiting browsers in that many signatures' time.
 */
function latencyFloorMs(rs256) {
  return rs256.perSecond > 0 ? (TOKEN_LOAD.concurrency * 1000) / rs256.perSecond : null;
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
