import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/domain/clients/client-credential.js';
import { CLIENT_STATE_FRESH_MS, createClientStateCache } from '../../src/domain/clients/client-state-cache.js';
import { DEFAULT_INSTANCE_SETTINGS } from '../../src/domain/instance-settings.js';
import { createSession } from '../../src/domain/sessions/create-session.js';
import { touchSession } from '../../src/domain/sessions/touch-session.js';
import { createStore } from '../../src/store/create-store.js';
import type { SessionRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.js';
import { instanceRecord, newUser } from './factories.js';

const ACTIVITY = {
  browserName: 'Chrome',
  browserVersion: '130',
  deviceType: null,
  osName: 'Linux',
  ipAddress: '192.0.2.7',
  city: null,
  country: null,
  isMobile: false,
};

/**
 * The per-process client-state cache behind `GET /v1/client` and token refreshes. Two stores on one
 * database stand for two Latch processes: this process's writes invalidate a cached state at once;
 * another process's writes show once the freshness bound has passed.
 */
describe.each(DATABASES)('client-state cache [%s]', (databaseName) => {
  let database: TestDatabase;
  let store: Store;
  /** Another process on the same database: its writes are not recorded in `store.changes`. */
  let otherProcess: Store;
  let monotonic = 0;
  const cache = () => createClientStateCache({ monotonicNow: () => monotonic });

  beforeAll(async () => {
    database = await createTestDatabase(databaseName);
    store = await createStore(database.location);
    otherProcess = await createStore(database.location, { migrate: false });
    await store.instance.insert(instanceRecord());
  });
  afterAll(async () => {
    await otherProcess?.close();
    await store?.close();
    await database?.drop();
  });

  async function signedInBrowser() {
    const user = newUser({ emails: [`cache-${Math.random().toString(36).slice(2)}@example.com`] });
    await store.users.insert(user);
    const now = Date.now();
    const { client, token } = await createClient(store, now);
    const session = await createSession(store, {
      client,
      userId: user.fields.id,
      settings: DEFAULT_INSTANCE_SETTINGS.sessions,
      activity: ACTIVITY,
      now,
    });
    return { userId: user.fields.id, client, token, session };
  }

  const revoked = (session: SessionRecord): SessionRecord => ({
    ...session,
    status: 'revoked',
    endedAt: Date.now(),
    updatedAt: Date.now(),
  });

  it('loads the client with its live session and user, and answers unknown tokens with null', async () => {
    const { userId, client, token, session } = await signedInBrowser();
    const states = cache();
    const state = await states.byToken(store, token);
    expect(state?.client.id).toBe(client.id);
    expect(state?.client.lastActiveSessionId).toBe(session.id);
    expect(state?.sessions.map((candidate) => candidate.id)).toEqual([session.id]);
    expect(state?.users.get(userId)?.emailAddresses).toHaveLength(1);
    expect(await states.byId(store, client.id)).toBe(state);
    expect(await states.byToken(store, 'x'.repeat(43))).toBeNull();
    expect(await states.byToken(store, 'not a token')).toBeNull();
  });

  it("sees this process's writes at once: a revoked session, a banned user, an ended client", async () => {
    const { client, token, session } = await signedInBrowser();
    const states = cache();
    expect((await states.byToken(store, token))?.sessions).toHaveLength(1);

    await store.sessions.update(revoked(session));
    expect((await states.byToken(store, token))?.sessions).toEqual([]);

    const afterBan = await signedInBrowser();
    await states.byToken(store, afterBan.token);
    await store.users.update(afterBan.userId, { banned: true });
    expect((await states.byToken(store, afterBan.token))?.users.get(afterBan.userId)?.banned).toBe(true);

    await store.clients.update({ ...client, endedAt: Date.now(), updatedAt: Date.now() });
    expect(await states.byToken(store, token)).toBeNull();
    expect(await states.byId(store, client.id)).toBeNull();
  });

  it('sees writes made inside a transaction once it commits', async () => {
    const { token, session } = await signedInBrowser();
    const states = cache();
    expect((await states.byToken(store, token))?.sessions).toHaveLength(1);
    await store.transaction(async (tx) => {
      await tx.sessions.update(revoked(session));
    });
    expect((await states.byToken(store, token))?.sessions).toEqual([]);
  });

  it('sees a touch (a cached session is touched on its stored row, not on the cached copy)', async () => {
    const { token, session } = await signedInBrowser();
    const states = cache();
    const cached = (await states.byToken(store, token))?.sessions[0] as SessionRecord;
    // Another process revokes the session; this process still holds the live copy and touches it.
    await otherProcess.sessions.update(revoked(session));
    const touched = await touchSession(store, cached, DEFAULT_INSTANCE_SETTINGS.sessions, {}, Date.now() + 1000);
    expect(touched.status).toBe('revoked');
    expect((await store.sessions.findById(session.id))?.status).toBe('revoked');
    expect((await states.byToken(store, token))?.sessions).toEqual([]);
  });

  it("sees another process's writes once the freshness bound has passed, not long before", async () => {
    const revokedElsewhere = await signedInBrowser();
    const bannedElsewhere = await signedInBrowser();
    const states = cache();
    monotonic = 1_000;
    expect((await states.byToken(store, revokedElsewhere.token))?.sessions).toHaveLength(1);
    expect((await states.byToken(store, bannedElsewhere.token))?.users.get(bannedElsewhere.userId)?.banned).toBe(false);

    await otherProcess.sessions.update(revoked(revokedElsewhere.session));
    await otherProcess.users.update(bannedElsewhere.userId, { banned: true });
    // Entries are re-read between half and all of the bound after their read (jittered).
    monotonic += CLIENT_STATE_FRESH_MS / 2 - 1;
    expect((await states.byToken(store, revokedElsewhere.token))?.sessions).toHaveLength(1);
    expect((await states.byToken(store, bannedElsewhere.token))?.users.get(bannedElsewhere.userId)?.banned).toBe(false);

    monotonic += CLIENT_STATE_FRESH_MS / 2 + 1;
    expect((await states.byToken(store, revokedElsewhere.token))?.sessions).toEqual([]);
    expect((await states.byToken(store, bannedElsewhere.token))?.users.get(bannedElsewhere.userId)?.banned).toBe(true);
  });

  it('peeks by the raw token only at states a request proved the token for, and never reads the store', async () => {
    const { client, token, session } = await signedInBrowser();
    const states = cache();
    // Nothing in memory yet: a peek does not load.
    expect(states.peekByToken(store, token)).toBeNull();
    // Loaded by id (as after a sign-in), the raw token is still unknown until a request presents it.
    const byId = await states.byId(store, client.id);
    expect(states.peekByToken(store, token)).toBeNull();
    expect(await states.byToken(store, token)).toBe(byId);
    expect(states.peekByToken(store, token)).toBe(byId);
    // Another token, a near miss and the hash the database keeps find nothing.
    expect(states.peekByToken(store, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(states.peekByToken(store, client.tokenHash)).toBeNull();
    // A write drops the entry: the peek misses, and the next read loads the new state, token known.
    await store.sessions.update(revoked(session));
    expect(states.peekByToken(store, token)).toBeNull();
    const reloaded = await states.byToken(store, token);
    expect(reloaded?.sessions).toEqual([]);
    expect(states.peekByToken(store, token)).toBe(reloaded);
  });

  it('stops peeking once the freshness bound has passed or the client has ended', async () => {
    const { client, token } = await signedInBrowser();
    const states = cache();
    monotonic = 50_000;
    const state = await states.byToken(store, token);
    monotonic += CLIENT_STATE_FRESH_MS / 2 - 1;
    expect(states.peekByToken(store, token)).toBe(state);
    monotonic += CLIENT_STATE_FRESH_MS / 2 + 1;
    expect(states.peekByToken(store, token)).toBeNull();
    expect(await states.byToken(store, token)).not.toBeNull();
    await store.clients.update({ ...client, endedAt: Date.now(), updatedAt: Date.now() });
    expect(states.peekByToken(store, token)).toBeNull();
    expect(await states.byToken(store, token)).toBeNull();
    expect(states.peekByToken(store, token)).toBeNull();
  });
});
