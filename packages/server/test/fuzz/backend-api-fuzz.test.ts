import type { Endpoint } from '@latch/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BACKEND_API_ROUTES } from '../../src/http/bapi/routes.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { changedTables, type Fingerprinter, openFingerprinter } from './db-fingerprint.js';
import { printableRequestArbitrary } from './fuzz-arbitraries.js';
import {
  checkResponse,
  checkState,
  FuzzFailure,
  maintainPool,
  renderRequest,
  type SeedDigests,
  type Snapshot,
  seedDigests,
  seedPool,
  send,
  takeSnapshot,
} from './fuzz-harness.js';

/**
 * Property-based fuzzing of every Backend API endpoint (BACKEND_API_ROUTES, so new endpoints are
 * covered without edits) with random, malformed and near-valid requests, asserting that
 *  (a) nothing answers 5xx; every error is Clerk-shaped (`{errors:[{code,message,long_message,meta?}],
 *      clerk_trace_id}`) with status 400/401/404/413/422 and no stack trace or source path in it;
 *      bad credentials always get a 401; 2xx bodies match the endpoint's response schema;
 *  (b) a rejected request (and any GET) leaves the database exactly as it was — every row of every
 *      table, by fingerprint — and an accepted one changes only the user it names (creates add one
 *      user, deletes remove the one named) and reports what it stored (compared through the Store).
 *
 * LATCH_FUZZ_SCALE multiplies the number of runs; LATCH_FUZZ_SEED replays a fast-check seed.
 */

const SCALE = Number(process.env.LATCH_FUZZ_SCALE ?? 1);
const SEED = process.env.LATCH_FUZZ_SEED ? { seed: Number(process.env.LATCH_FUZZ_SEED) } : {};

const ENDPOINTS = BACKEND_API_ROUTES.map((route) => route.endpoint);
/** Events kept before the log is emptied between two requests (see `trimEventLog`). */
const EVENT_LOG_BOUND = 200;

/**
 * Endpoints whose accepted requests cost real CPU by design (a signing-key rotation generates an
 * RSA-2048 key pair, ~0.2 s): their body has one boolean to explore, so a few dozen runs cover it.
 */
const EXPENSIVE_PATHS = new Set(['/instance/signing_keys/rotate']);

/** Requests per endpoint: more where a query or body gives more to explore. */
function runsFor(endpoint: Endpoint): number {
  if (EXPENSIVE_PATHS.has(endpoint.path)) return Math.max(1, Math.round(40 * SCALE));
  let runs = 120;
  if (endpoint.params) runs += 35;
  if (endpoint.query) runs += 95;
  if (endpoint.body) runs += 165;
  return Math.max(1, Math.round(runs * SCALE));
}

describe.each(DATABASES)('Backend API fuzz [%s]', (database) => {
  let t: TestServer;
  let fingerprints: Fingerprinter;
  let digests: SeedDigests;
  /** The state after the last request, which is the next one's "before" while nothing else writes. */
  let state: { prints: Record<string, string>; snapshot: Snapshot } | null = null;
  const currentState = async () => ({
    prints: await fingerprints.fingerprint(),
    snapshot: await takeSnapshot(t.server.store),
  });
  const statuses = new Map<string, Map<number, number>>();
  let started = 0;

  beforeAll(async () => {
    t = await startTestServer(database, { webhookWorker: false });
    fingerprints = await openFingerprinter(t.database);
    digests = await seedDigests();
    await seedPool(t, digests);
    started = performance.now();
  });

  afterAll(async () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    let total = 0;
    const lines = [...statuses].map(([name, counts]) => {
      const sum = [...counts.values()].reduce((a, b) => a + b, 0);
      total += sum;
      const histogram = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
      return `  ${name.padEnd(40)} ${String(sum).padStart(5)}  ${histogram.join(' ')}`;
    });
    console.info(`[${database}] ${total} fuzzed requests in ${seconds}s\n${lines.join('\n')}`);
    await fingerprints?.close();
    await t?.stop();
  });

  for (const { endpoint } of BACKEND_API_ROUTES) {
    const name = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
    const runs = runsFor(endpoint);
    it(`${name} survives ${runs} random requests`, { timeout: 300_000 }, async () => {
      const counts = new Map<number, number>();
      statuses.set(name, counts);
      const property = fc.asyncProperty(printableRequestArbitrary(endpoint), async (request) => {
        // A bounded event log keeps every fingerprint (one per request) about equally cheap.
        if (await fingerprints.trimEventLog(EVENT_LOG_BOUND)) state = null;
        let before = state ?? (await currentState());
        state = null;
        if (await maintainPool(t, digests, before.snapshot)) before = await currentState();
        const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
        const wire = renderRequest(t, endpoint, ENDPOINTS, request, before.snapshot);
        const sent = await send(wire);
        const prints = await fingerprints.fingerprint();
        const changed = changedTables(before.prints, prints);
        // The Store's view is re-read only when some table changed.
        const after = changed.length > 0 ? await takeSnapshot(t.server.store) : before.snapshot;
        state = { prints, snapshot: after };
        const x = { ...sent, before: before.snapshot, after, changedTables: changed };
        counts.set(x.status, (counts.get(x.status) ?? 0) + 1);
        checkResponse(endpoint, x);
        checkState(endpoint, x);
        if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeKeys || 'polluted' in {}) {
          throw new FuzzFailure('Object.prototype was polluted', wire, x.status, x.text);
        }
      });
      await fc.assert(property, { numRuns: runs, ...SEED });
    });
  }
});
