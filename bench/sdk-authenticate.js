// @latch/backend `authenticateRequest` on a request with a valid `__session` cookie, against raw jose
// RS256 `jwtVerify` of the same token with the same (cached) key. Issue 4's target: the SDK keeps
// >= 80% of jose's verifications per second, i.e. cookie parsing, the §3.2 decisions and the claim
// checks cost little next to the RSA signature check.
//
//   npx tsc -b packages/server packages/backend   # the children import the built dist/
//   node bench/sdk-authenticate.js                # BENCH_SECONDS (default 6), BENCH_ROUNDS (4), BENCH_CONCURRENCY (4)
//
// Processes (each measured thing in its own child, like run.js):
// - a Latch server (servers/latch.js) mints a real session token (Backend API `POST /sessions` +
//   `/sessions/{id}/tokens`, 1-hour lifetime) and serves the JWKS once; it is stopped before any
//   measurement, so a hot path that touched the network would fail loudly;
// - "sdk": `createLatchClient(...).authenticateRequest(request)` — JWKS fetched from the Backend API
//   once during setup, then cached; the request (cookies `__session`, `__client_uat`, `__clerk_db_jwt`,
//   a document navigation) is built once, as a middleware receives it;
// - "jose": `jwtVerify(token, key, { algorithms: ['RS256'] })` with the key imported once from the same JWKS.
// Both run the same closed loop in alternating rounds (A B, B A, …); the ratio compares pooled ops/s.
import { fileURLToPath } from 'node:url';
import { runClosedLoop } from './lib/closed-loop.js';
import { emit, serveCalls, spawnChild } from './lib/ipc.js';

const CHILD_FLAG = 'LATCH_SDK_BENCH_CHILD';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CONCURRENCY ?? 4));
const TARGET_RATIO = 0.8;
const APP_ORIGIN = 'http://localhost:3000';

if (process.env[CHILD_FLAG] === '1') serveChild();
else await main();

/** Child: one side of the comparison, chosen by `setup({ side })`. */
function serveChild() {
  /** @type {() => Promise<string | null>} */
  let op = async () => 'not set up';
  serveCalls({
    /** @param {{ side: 'sdk' | 'jose', token: string, secretKey: string, apiUrl: string, publishableKey: string }} args */
    async setup({ side, token, secretKey, apiUrl, publishableKey }) {
      if (side === 'sdk') {
        const { createLatchClient } = await import('@latch/backend');
        const latch = createLatchClient({ secretKey, apiUrl, publishableKey });
        const issuedAt = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).iat;
        const request = new Request(`${APP_ORIGIN}/dashboard`, {
          headers: {
            cookie: `__session=${token}; __client_uat=${issuedAt}; __clerk_db_jwt=dvb_bench`,
            'sec-fetch-dest': 'document',
            accept: 'text/html',
          },
        });
        const options = { authorizedParties: [APP_ORIGIN] };
        op = async () => {
          const state = await latch.authenticateRequest(request, options);
          return state.status === 'signed-in' ? null : `${state.status}: ${state.reason}`;
        };
      } else {
        const { importJWK, jwtVerify } = await import('jose');
        const response = await fetch(`${apiUrl}/v1/jwks`, { headers: { authorization: `Bearer ${secretKey}` } });
        const { keys } = await response.json();
        const kid = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;
        const key = await importJWK(
          keys.find((candidate) => candidate.kid === kid),
          'RS256',
        );
        op = async () => {
          const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'] });
          return payload.sub ? null : 'no sub';
        };
      }
      const failure = await op(); // also fills the SDK's JWKS cache while the server is still up
      if (failure) throw new Error(`${side}: the first verification failed: ${failure}`);
      return { side };
    },
    /** @param {{ concurrency: number, warmupMs: number, durationMs: number, maxOps: number }} phase */
    async run(phase) {
      const result = await runClosedLoop({
        ...phase,
        keepLatencies: false,
        op: () => op(),
        onMeasureStart: () => emit('measure-start'),
      });
      emit('measure-end');
      return result;
    },
  });
}

async function main() {
  const here = fileURLToPath(import.meta.url);
  const latch = spawnChild(fileURLToPath(new URL('./servers/latch.js', import.meta.url)), 'Latch server');
  const children = [latch];
  try {
    const { url, secretKey } = await latch.call('start');
    const apiUrl = `${url}/api`;
    const token = await mintSessionToken(apiUrl, secretKey);
    const issuer = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).iss;
    // A development instance's publishable key names its Frontend API host, which the token's iss carries.
    const publishableKey = `pk_test_${btoa(`${new URL(issuer).host}$`).replace(/=+$/, '')}`;

    process.env[CHILD_FLAG] = '1'; // inherited by the forks below: they serve calls instead of running main()
    const sides = { sdk: spawnChild(here, 'sdk child'), jose: spawnChild(here, 'jose child') };
    children.push(sides.sdk, sides.jose);
    for (const [side, child] of Object.entries(sides)) {
      await child.call('setup', { side, token, secretKey, apiUrl, publishableKey });
    }
    await latch.stop();
    children.splice(children.indexOf(latch), 1);

    const rounds = { sdk: [], jose: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['sdk', 'jose'] : ['jose', 'sdk'];
      console.error(`[sdk-authenticate] round ${round + 1}/${ROUNDS} (${order.join(', ')})`);
      for (const side of order) {
        const phase = {
          concurrency: CONCURRENCY,
          warmupMs: round === 0 ? 1000 : 300,
          durationMs: (SECONDS * 1000) / ROUNDS,
          maxOps: 5_000_000,
        };
        rounds[side].push(await sides[side].call('run', phase, phase.warmupMs + phase.durationMs + 60_000));
      }
    }

    const pooled = Object.fromEntries(
      Object.entries(rounds).map(([side, results]) => {
        const ok = results.reduce((sum, result) => sum + result.ok, 0);
        const errors = results.reduce((sum, result) => sum + result.errors, 0);
        const elapsedMs = results.reduce((sum, result) => sum + result.elapsedMs, 0);
        const failures = Object.assign({}, ...results.map((result) => result.failures));
        return [
          side,
          { ok, errors, perSecond: ok / (elapsedMs / 1000), failures, rounds: results.map((r) => r.perSecond) },
        ];
      }),
    );
    const ratio = pooled.sdk.perSecond / pooled.jose.perSecond;
    const row = (label, side) =>
      `${label.padEnd(52)} ${pooled[side].perSecond.toFixed(0).padStart(9)} ops/s   rounds: ${pooled[side].rounds
        .map((value) => value.toFixed(0))
        .join(
          ' / ',
        )}${pooled[side].errors ? `   ERRORS ${pooled[side].errors} ${JSON.stringify(pooled[side].failures)}` : ''}`;
    console.log(`\n@latch/backend authenticateRequest vs jose jwtVerify (RS256, 2048-bit, concurrency ${CONCURRENCY})`);
    console.log(row('authenticateRequest, valid __session cookie', 'sdk'));
    console.log(row('jose jwtVerify, same token, key imported once', 'jose'));
    console.log(
      `ratio sdk / jose: ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO.toFixed(2)}x) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`,
    );
    if (pooled.sdk.errors || pooled.jose.errors) process.exitCode = 1;
  } finally {
    for (const child of children) await child.stop();
  }
}

/** A user and a session through the Backend API, and a 1-hour session token for it (stays valid all run). */
async function mintSessionToken(apiUrl, secretKey) {
  const call = async (method, path, body) => {
    const response = await fetch(`${apiUrl}/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const user = await call('POST', '/users', {
    email_address: [`bench-${Date.now()}@example.com`],
    password: 'a bench passphrase that is long',
  });
  const session = await call('POST', '/sessions', { user_id: user.id });
  const { jwt } = await call('POST', `/sessions/${session.id}/tokens`, { expires_in_seconds: 3600 });
  return jwt;
}
