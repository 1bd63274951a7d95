import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashClientToken } from '../../../src/domain/clients/client-credential.js';
import type { ClientRecord } from '../../../src/store/records.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { Browser, createUser, expectError, expectOk, PASSWORD, signInWithPassword } from './support.js';

/**
 * `POST /v1/client/sign_ins` from a browser without a `__client` cookie: the new client is built in
 * memory and stored with the attempt (and session) in one transaction, so a refused first call
 * leaves no client behind and sets no cookie. Tests in a file run one after another, so counting
 * the server's clients before and after a call is exact.
 */
describe.each(DATABASES)('Frontend API sign-in from a browser without a client [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database, { trustProxy: 'true' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const browser = () => new Browser(t.server.url);
  const clientCount = () => t.server.store.clients.count();

  /** The stored client the browser's `__client` cookie identifies (fails when there is none). */
  async function storedClientOf(b: Browser): Promise<ClientRecord> {
    const token = b.cookies.get('__client');
    expect(token, 'the response set a __client cookie').toBeTruthy();
    const client = await t.server.store.clients.findByTokenHash(hashClientToken(token as string));
    expect(client, 'the __client cookie identifies a stored client').not.toBeNull();
    return client as ClientRecord;
  }

  it('a password sign-in stores exactly one client, pointing at the attempt and the new session', async () => {
    const user = await createUser(t);
    const b = browser();
    expect(b.cookies.size).toBe(0);
    const before = await clientCount();

    const body = await signInWithPassword(b, user.email);
    const signIn = body.response;
    expect(signIn.status).toBe('complete');
    expect(signIn.created_session_id).toMatch(/^sess_/);
    expect(await clientCount()).toBe(before + 1);

    // The cookie names the stored client, which is the one the envelope shows.
    const client = await storedClientOf(b);
    expect(client.id).toBe(body.client.id);
    expect(client).toMatchObject({
      signInId: signIn.id,
      lastActiveSessionId: signIn.created_session_id,
      signUpId: null,
      endedAt: null,
    });
    expect(body.client.last_active_session_id).toBe(signIn.created_session_id);

    // The attempt and the session belong to that client.
    const attempt = await t.server.store.signIns.findById(signIn.id);
    expect(attempt).toMatchObject({
      clientId: client.id,
      status: 'complete',
      createdSessionId: signIn.created_session_id,
    });
    const session = await t.server.store.sessions.findById(signIn.created_session_id);
    expect(session).toMatchObject({ clientId: client.id, userId: user.id, status: 'active' });
    expect(await t.server.store.sessions.count({ userId: user.id })).toBe(1);

    // A follow-up GET /v1/client with that cookie finds the same, signed-in client.
    const current = expectOk(await b.get('/client'));
    expect(current.response).toMatchObject({
      id: client.id,
      last_active_session_id: signIn.created_session_id,
      sign_in: null,
    });
    expect(current.response.sessions).toHaveLength(1);
    expect(current.response.sessions[0]).toMatchObject({ id: signIn.created_session_id, status: 'active' });
    expect(current.response.sessions[0].user.id).toBe(user.id);
    // The client is the resource here, so the envelope's piggy-backed `client` is null, as Clerk sends it.
    expect(current.client).toBeNull();
    expect(await clientCount()).toBe(before + 1);

    // The session is usable: it mints a token.
    const token = await b.post(`/client/sessions/${signIn.created_session_id}/tokens`);
    expect(token.status, token.text).toBe(200);
    expect(token.body.jwt).toMatch(/^ey/);

    // A mutation's envelope piggy-backs the current client beside its own resource.
    const signedOut = expectOk(await b.delete('/client/sessions'));
    expect(signedOut.response).toMatchObject({ id: client.id, sessions: [], last_active_session_id: null });
    expect(signedOut.client).toEqual(signedOut.response);

    // `POST /v1/client` (clerk-js's `client.create()`) answers like the GET: the new client, and `client: null`.
    const created = expectOk(await b.post('/client', {}));
    expect(created.response).toMatchObject({ object: 'client', sessions: [] });
    expect(created.response.id).not.toBe(client.id);
    expect(created.client).toBeNull();
  });

  it('a wrong password on the first call stores no client and sets no cookie', async () => {
    const user = await createUser(t);
    const b = browser();
    const before = await clientCount();
    const wrong = await b.post('/client/sign_ins', {
      identifier: user.email,
      strategy: 'password',
      password: 'not the password at all',
    });
    expectError(wrong, 422, 'form_password_incorrect', 'password');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(b.cookies.size).toBe(0);
    expect(await clientCount()).toBe(before);
    expect(await t.server.store.sessions.count({ userId: user.id })).toBe(0);

    // The same browser then signs in properly: one client, now.
    const body = await signInWithPassword(b, user.email);
    expect(body.response.status).toBe('complete');
    expect(await clientCount()).toBe(before + 1);
    expect((await storedClientOf(b)).lastActiveSessionId).toBe(body.response.created_session_id);
  });

  it('an unknown identifier on the first call stores no client and sets no cookie, with or without a password', async () => {
    const b = browser();
    const before = await clientCount();
    for (const form of [
      { identifier: 'nobody-at-all@example.com' },
      { identifier: 'nobody_at_all', strategy: 'password', password: PASSWORD },
    ]) {
      const refused = await b.post('/client/sign_ins', form);
      expectError(refused, 422, 'form_identifier_not_found', 'identifier');
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    expect(b.cookies.size).toBe(0);
    expect(await clientCount()).toBe(before);
  });

  it('invalid input on the first call stores no client either', async () => {
    const user = await createUser(t);
    const b = browser();
    const before = await clientCount();
    const missing = await b.post('/client/sign_ins', { identifier: user.email, strategy: 'password' });
    expectError(missing, 422, 'form_param_missing', 'password');
    expect(missing.headers.getSetCookie()).toEqual([]);
    expect(await clientCount()).toBe(before);
  });

  it('an identifier-only attempt stores the client pointing at it; attempt_first_factor then completes it', async () => {
    const user = await createUser(t);
    const b = browser();
    const before = await clientCount();

    const created = expectOk(await b.post('/client/sign_ins', { identifier: user.email, locale: 'en-US' }));
    const signIn = created.response;
    expect(signIn.status).toBe('needs_first_factor');
    expect(await clientCount()).toBe(before + 1);
    const client = await storedClientOf(b);
    expect(client.id).toBe(created.client.id);
    expect(client).toMatchObject({ signInId: signIn.id, lastActiveSessionId: null, endedAt: null });
    expect(created.client.sign_in).toMatchObject({ id: signIn.id, status: 'needs_first_factor' });
    expect(created.client.sessions).toEqual([]);
    expect(await t.server.store.signIns.findById(signIn.id)).toMatchObject({
      clientId: client.id,
      status: 'needs_first_factor',
    });

    // The second step runs on the stored client and the stored attempt.
    const done = expectOk(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
    );
    expect(done.response).toMatchObject({ id: signIn.id, status: 'complete' });
    const sessionId = done.response.created_session_id;
    expect(sessionId).toMatch(/^sess_/);
    expect(done.client.id).toBe(client.id);
    expect(done.client.last_active_session_id).toBe(sessionId);
    expect(await clientCount()).toBe(before + 1);
    expect(await t.server.store.clients.findById(client.id)).toMatchObject({
      signInId: signIn.id,
      lastActiveSessionId: sessionId,
      endedAt: null,
    });
    expect(await t.server.store.sessions.findById(sessionId)).toMatchObject({ clientId: client.id, userId: user.id });

    const current = expectOk(await b.get('/client')).response;
    expect(current).toMatchObject({ id: client.id, last_active_session_id: sessionId });
    expect(current.sessions.map((session: { id: string }) => session.id)).toEqual([sessionId]);
  });

  it('an attempt without an identifier (needs_identifier) stores the client pointing at it', async () => {
    const b = browser();
    const before = await clientCount();
    const body = expectOk(await b.post('/client/sign_ins', { locale: 'en-US' }));
    expect(body.response.status).toBe('needs_identifier');
    expect(await clientCount()).toBe(before + 1);
    const client = await storedClientOf(b);
    expect(client).toMatchObject({ id: body.client.id, signInId: body.response.id, lastActiveSessionId: null });
    expect(body.client.sign_in.id).toBe(body.response.id);
  });

  it('an email-code attempt on the first call stores the client and the attempt waiting for the code', async () => {
    const user = await createUser(t);
    const b = browser();
    const before = await clientCount();
    const body = expectOk(await b.post('/client/sign_ins', { identifier: user.email, strategy: 'email_code' }));
    expect(body.response).toMatchObject({
      status: 'needs_first_factor',
      first_factor_verification: { status: 'unverified', strategy: 'email_code' },
    });
    expect(await clientCount()).toBe(before + 1);
    const client = await storedClientOf(b);
    expect(client).toMatchObject({ id: body.client.id, signInId: body.response.id, lastActiveSessionId: null });
    expect((await t.server.store.signIns.findById(body.response.id))?.firstFactorVerification).toMatchObject({
      strategy: 'email_code',
      status: 'unverified',
    });
  });

  it('a browser that already has a client keeps it: signing in adds no client', async () => {
    const user = await createUser(t);
    const b = browser();
    const existing = expectOk(await b.get('/client')).response;
    const stored = await storedClientOf(b);
    expect(stored.id).toBe(existing.id);
    const before = await clientCount();

    const body = await signInWithPassword(b, user.email);
    expect(await clientCount()).toBe(before);
    expect(body.client.id).toBe(existing.id);
    expect(await t.server.store.clients.findById(existing.id)).toStrictEqual({
      ...stored,
      signInId: body.response.id,
      lastActiveSessionId: body.response.created_session_id,
      updatedAt: expect.any(Number),
    });
  });

  it('single-session mode: a signed-in browser signing in again gets session_exists and keeps its session', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const b = browser();
    const first = await signInWithPassword(b, user.email);
    const sessionId = first.response.created_session_id;
    const client = await storedClientOf(b);
    const before = await clientCount();

    expectError(await b.post('/client/sign_ins', { identifier: other.email }), 422, 'session_exists');
    expectError(
      await b.post('/client/sign_ins', { identifier: other.email, strategy: 'password', password: PASSWORD }),
      422,
      'session_exists',
    );
    expectError(
      await b.post('/client/sign_ins', { identifier: user.email, strategy: 'password', password: PASSWORD }),
      422,
      'session_exists',
    );
    expectError(await b.post('/client/sign_ins', {}), 422, 'session_exists');

    // Nothing moved: no new client, the same active session, no session for the other user.
    expect(await clientCount()).toBe(before);
    expect(await storedClientOf(b)).toMatchObject({ id: client.id, lastActiveSessionId: sessionId });
    expect(await t.server.store.sessions.findById(sessionId)).toMatchObject({ status: 'active' });
    expect(await t.server.store.sessions.count({ userId: other.id })).toBe(0);
    expect(await t.server.store.sessions.count({ userId: user.id })).toBe(1);
  });

  it('single-session mode: two fresh browsers signing in to one user each get their own client and session', async () => {
    const user = await createUser(t);
    const before = await clientCount();
    const laptop = browser();
    const phone = browser();

    const onLaptop = await signInWithPassword(laptop, user.email);
    const onPhone = await signInWithPassword(phone, user.email);
    expect(await clientCount()).toBe(before + 2);

    const laptopClient = await storedClientOf(laptop);
    const phoneClient = await storedClientOf(phone);
    expect(laptopClient.id).not.toBe(phoneClient.id);
    expect(laptop.cookies.get('__client')).not.toBe(phone.cookies.get('__client'));
    expect(laptopClient).toMatchObject({
      signInId: onLaptop.response.id,
      lastActiveSessionId: onLaptop.response.created_session_id,
    });
    expect(phoneClient).toMatchObject({
      signInId: onPhone.response.id,
      lastActiveSessionId: onPhone.response.created_session_id,
    });
    expect(onLaptop.response.created_session_id).not.toBe(onPhone.response.created_session_id);

    // One browser's sign-in does not replace the other's session: both stay active.
    const sessions = await t.server.store.sessions.list({ userId: user.id });
    expect(sessions).toHaveLength(2);
    expect(sessions.every((session) => session.status === 'active')).toBe(true);
    expect(new Set(sessions.map((session) => session.clientId))).toEqual(new Set([laptopClient.id, phoneClient.id]));

    for (const [b, signIn] of [
      [laptop, onLaptop],
      [phone, onPhone],
    ] as const) {
      const current = expectOk(await b.get('/client')).response;
      expect(current.last_active_session_id).toBe(signIn.response.created_session_id);
      expect(current.sessions.map((session: { id: string }) => session.id)).toEqual([
        signIn.response.created_session_id,
      ]);
    }
  });
});
