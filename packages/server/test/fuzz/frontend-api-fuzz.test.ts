import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FapiRoute } from '../../src/http/fapi/fapi-route.js';
import { FRONTEND_API_ROUTES } from '../../src/http/fapi/routes/index.js';
import { FapiClient, type JSONBody } from '../fapi/support/fapi-client.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  describeFapiWire,
  type FapiAnswer,
  fapiErrorProblem,
  fapiRequestArbitrary,
  type LiveValues,
  renderFapiRequest,
  sendFapiWire,
} from './fapi-fuzz-requests.js';

/**
 * Property-based fuzzing of every Frontend API route (FRONTEND_API_ROUTES, so new routes are covered
 * without edits) with what a browser — or someone posing as one — can send: form bodies with real
 * and random field names and garbage values, JSON and malformed bodies, `_method` overrides, real ids
 * of this client and of other clients, missing/forged `__client` cookies, allowed and foreign
 * `Origin`s, random query strings and `_clerk_session_id`s. Asserted:
 *  (a) nothing answers 5xx; every other non-2xx is a Clerk-shaped error with status
 *      400/401/403/404/413/422/429 and no stack trace (3xx only from the handshake and touch redirects);
 *  (b) a rejected request leaves the other browsers alone — their `GET /v1/client` is unchanged —
 *      and changes no user (lockout counters aside: a wrong password legitimately counts).
 *
 * LATCH_FUZZ_SCALE multiplies the number of runs; LATCH_FUZZ_SEED replays a fast-check seed.
 */

const SCALE = Number(process.env.LATCH_FUZZ_SCALE ?? 1);
const SEED = process.env.LATCH_FUZZ_SEED ? { seed: Number(process.env.LATCH_FUZZ_SEED) } : {};
const PASSWORD = 'violet tractor 42 harbours';
const REDIRECT_ROUTES = new Set(['/client/handshake', '/client/touch']);

/** Requests per route: more where a body gives more to explore. */
function runsFor(route: FapiRoute): number {
  const runs = route.method === 'GET' ? 38 : 52;
  return Math.max(1, Math.round(runs * SCALE));
}

interface SeedUser {
  id: string;
  email: string;
  username: string;
}

/** Users as the store holds them, without the lockout bookkeeping a wrong password may move. */
async function usersJSON(t: TestServer): Promise<string> {
  const users = await t.server.store.users.list({}, { limit: 500, offset: 0, orderBy: 'created_at', direction: 'asc' });
  return JSON.stringify(
    users.map(({ locked: _l, lockoutExpiresAt: _e, failedVerificationAttempts: _f, updatedAt: _u, ...rest }) => rest),
  );
}

describe.each(DATABASES)('Frontend API fuzz [%s]', (database) => {
  let t: TestServer;
  /** The browser the fuzzer plays: its cookie goes on most requests, and it may be changed at will. */
  let own: FapiClient;
  /** Browsers the fuzzer must not be able to touch: one signed in (with a sign-in under way), one signing up. */
  let victims: FapiClient[];
  let attacker: SeedUser;
  const users: SeedUser[] = [];
  const live: LiveValues = { ownClient: '', otherClients: [], ids: {}, sessionIds: [], identifiers: [] };
  const foreignIds: Record<string, string[]> = {};
  const ownIds: Record<string, string[]> = {};
  let state: { victims: string[]; users: string } | null = null;
  const statuses = new Map<string, Map<number, number>>();
  let started = 0;

  const createUser = async (label: string): Promise<SeedUser> => {
    const email = `fuzz-${label}-${Date.now().toString(36)}-${users.length}@example.com`;
    const username = `fuzz_${label}_${Date.now().toString(36)}_${users.length}`;
    const response = await t.api('/users', {
      method: 'POST',
      body: { email_address: [email], username, password: PASSWORD, private_metadata: { secret: 'PRIVATE' } },
    });
    const body = (await response.json()) as JSONBody;
    expect(response.status, JSON.stringify(body)).toBe(200);
    const user = { id: body.id as string, email, username };
    users.push(user);
    return user;
  };

  // The session token in `last_active_token` is re-minted as it ages; everything else must stay put.
  const victimState = async () => ({
    victims: await Promise.all(
      victims.map(async (victim) =>
        // The token is minted per call and factor_verification_age counts minutes since sign-in: both
        // change with time alone, not with state.
        JSON.stringify((await victim.get('/client')).body, (key, value) =>
          key === 'last_active_token' || key === 'factor_verification_age' ? undefined : value,
        ),
      ),
    ),
    users: await usersJSON(t),
  });

  /** Keeps the fuzzing browser signed in and its ids current. */
  const refreshOwn = async () => {
    let client = (await own.get('/client')).body?.response;
    if (!client || !Array.isArray(client.sessions) || client.sessions.length === 0) {
      // A fresh user each time: the fuzzer's wrong guesses may have rate-limited or locked the last one.
      attacker = await createUser('attacker');
      own = new FapiClient(t.server.url);
      const signedIn = await own.post('/client/sign_ins', {
        identifier: attacker.email,
        strategy: 'password',
        password: PASSWORD,
      });
      expect(signedIn.status, signedIn.text).toBe(200);
      client = (await own.get('/client')).body.response;
    }
    live.ownClient = own.cookies.get('__client') ?? '';
    ownIds.session_id = client.sessions.map((session: JSONBody) => session.id);
    ownIds.sign_in_id = client.sign_in ? [client.sign_in.id] : [];
    ownIds.sign_up_id = client.sign_up ? [client.sign_up.id] : [];
    const attackerRecord = await t.server.store.users.findById(attacker.id);
    ownIds.email_id = attackerRecord ? attackerRecord.emailAddresses.map((email) => email.id) : [];
    for (const name of ['session_id', 'sign_in_id', 'sign_up_id', 'email_id']) {
      live.ids[name] = [...(ownIds[name] ?? []), ...(foreignIds[name] ?? [])];
    }
    live.ids.template_name = ['fuzz', 'fuzz', 'missing-template'];
    live.sessionIds = [...(ownIds.session_id ?? []), ...(foreignIds.session_id ?? [])];
  };

  beforeAll(async () => {
    // trustProxy: every fuzzed request carries its own random X-Forwarded-For, so per-IP rate limits
    // see many addresses instead of one loopback client, and not everything turns into a 429.
    t = await startTestServer(database, { trustProxy: 'true' });
    attacker = await createUser('attacker');
    const victimUser = await createUser('victim');
    const bystander = await createUser('bystander');
    await createUser('other');
    const template = await t.api('/jwt_templates', {
      method: 'POST',
      body: { name: 'fuzz', claims: { sub: '{{user.id}}' } },
    });
    expect(template.status, await template.clone().text()).toBe(200);

    // Victim 1: signed in through the real password flow.
    const signedIn = new FapiClient(t.server.url);
    const done = await signedIn.post('/client/sign_ins', {
      identifier: victimUser.email,
      strategy: 'password',
      password: PASSWORD,
    });
    expect(done.status, done.text).toBe(200);
    // …and, where the instance allows it, a second sign-in under way on the same client.
    await signedIn.post('/client/sign_ins', { identifier: bystander.email });
    // Victim 2: a sign-up waiting for its email code.
    const signingUp = new FapiClient(t.server.url);
    const signUp = await signingUp.post('/client/sign_ups', {
      email_address: `fuzz-signup-${Date.now().toString(36)}@example.com`,
      password: PASSWORD,
    });
    expect(signUp.status, signUp.text).toBe(200);
    const signUpId = signUp.body.response.id as string;
    const prepared = await signingUp.post(`/client/sign_ups/${signUpId}/prepare_verification`, {
      strategy: 'email_code',
    });
    expect(prepared.status, prepared.text).toBe(200);
    victims = [signedIn, signingUp];

    const victimClients = await Promise.all(victims.map(async (victim) => (await victim.get('/client')).body.response));
    foreignIds.session_id = victimClients.flatMap((client) => client.sessions.map((session: JSONBody) => session.id));
    foreignIds.sign_in_id = [done.body.response.id, ...victimClients.flatMap((c) => (c.sign_in ? [c.sign_in.id] : []))];
    foreignIds.sign_up_id = [signUpId];
    const victimRecord = await t.server.store.users.findById(victimUser.id);
    foreignIds.email_id = victimRecord?.emailAddresses.map((email) => email.id) ?? [];
    expect(foreignIds.session_id.length).toBeGreaterThan(0);
    live.otherClients = victims.map((victim) => victim.cookies.get('__client') ?? '');
    // The fuzzer may sign in as anyone but the victims' users, with their real password.
    live.identifiers = users.filter((user) => user.id !== victimUser.id).flatMap((user) => [user.email, user.username]);

    own = new FapiClient(t.server.url);
    await refreshOwn();
    started = performance.now();
  });

  afterAll(async () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    let total = 0;
    const lines = [...statuses].map(([name, counts]) => {
      const sum = [...counts.values()].reduce((a, b) => a + b, 0);
      total += sum;
      const histogram = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
      return `  ${name.padEnd(58)} ${String(sum).padStart(5)}  ${histogram.join(' ')}`;
    });
    console.info(`[${database}] ${total} fuzzed Frontend API requests in ${seconds}s\n${lines.join('\n')}`);
    await t?.stop();
  });

  for (const route of FRONTEND_API_ROUTES) {
    const name = `${route.method} ${route.path}`;
    const runs = runsFor(route);
    it(`${name} survives ${runs} random requests`, { timeout: 120_000 }, async () => {
      const counts = new Map<number, number>();
      statuses.set(name, counts);
      const property = fc.asyncProperty(fapiRequestArbitrary(route), async (request) => {
        const before = state ?? (await victimState());
        state = null;
        const wire = renderFapiRequest(t.server.url, route, request, live, PASSWORD);
        const fail = (problem: string, status?: number, text?: string): never => {
          throw new Error(
            `${problem}\n  request: ${describeFapiWire(wire)}${status === undefined ? '' : `\n  response: ${status} ${(text ?? '').slice(0, 1200)}`}`,
          );
        };
        let answer: FapiAnswer;
        try {
          answer = await sendFapiWire(wire);
        } catch (error) {
          const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : '';
          return fail(`request failed without a response: ${String(error)}${cause}`);
        }
        const { status, text } = answer;
        counts.set(status, (counts.get(status) ?? 0) + 1);

        // (a) the answer itself.
        if (status >= 500) fail(`server error ${status}`, status, text);
        if (status >= 300 && status < 400 && !REDIRECT_ROUTES.has(route.path))
          fail(`redirect ${status} from a route that never redirects`, status, text);
        if (status >= 400) {
          const problem = fapiErrorProblem(status, answer.contentType, text);
          if (problem) fail(`not a Clerk error: ${problem}`, status, text);
        }
        if ('polluted' in {}) fail('Object.prototype was polluted', status, text);

        // The fuzzing browser keeps what the server set on its own cookie (a rotated `__client`).
        if (wire.ownCookie) {
          for (const raw of answer.setCookies) {
            const match = /^__client=([^;]*)/.exec(raw);
            if (match) own.cookies.set('__client', match[1] as string);
          }
        }
        if (status < 400) await refreshOwn();

        // (b) a rejected request changed no other browser and no user.
        const after = await victimState();
        state = after;
        if (status >= 400) {
          after.victims.forEach((json, i) => {
            if (json !== before.victims[i])
              fail(
                `rejected request changed another browser's client:\n  before ${before.victims[i]}\n  after  ${json}`,
                status,
                text,
              );
          });
          if (after.users !== before.users) fail('rejected request changed a user', status, text);
        }
      });
      await fc.assert(property, { numRuns: runs, ...SEED });
    });
  }

  it('the victims are still signed in and signing up', async () => {
    const [signedIn, signingUp] = await Promise.all(
      (victims ?? []).map(async (victim) => (await victim.get('/client')).body.response),
    );
    expect(signedIn.sessions.length).toBeGreaterThan(0);
    expect(signingUp.sign_up?.status).toBe('missing_requirements');
  });
});
