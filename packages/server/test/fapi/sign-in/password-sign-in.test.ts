import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { Browser, createUser, expectError, expectOk, PASSWORD, setSettings, signInWithPassword } from './support.js';

describe.each(DATABASES)('Frontend API sign-in with a password [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database, { trustProxy: 'true' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const browser = () => new Browser(t.server.url);

  it('signs in by email and password in one call, as the UI sends it', async () => {
    const user = await createUser(t, { first_name: 'Ada', last_name: 'Lovelace' });
    const b = browser();
    const body = await signInWithPassword(b, user.email.toUpperCase());
    const signIn = body.response;
    expect(signIn).toMatchObject({
      object: 'sign_in_attempt',
      status: 'complete',
      identifier: user.email,
      supported_identifiers: ['email_address', 'username'],
      user_data: { first_name: 'Ada', last_name: 'Lovelace', image_url: '', has_image: false },
      first_factor_verification: { status: 'verified', strategy: 'password' },
      second_factor_verification: null,
      supported_second_factors: null,
    });
    expect(signIn.id).toMatch(/^sia_/);
    expect(signIn.created_session_id).toMatch(/^sess_/);
    expect(signIn.abandon_at).toBeGreaterThan(Date.now());
    // The piggy-backed client: the new session is active, the completed sign-in is no longer current.
    expect(body.client.sign_in).toBeNull();
    expect(body.client.last_active_session_id).toBe(signIn.created_session_id);
    expect(body.client.sessions).toHaveLength(1);
    expect(body.client.sessions[0]).toMatchObject({ id: signIn.created_session_id, status: 'active' });
    expect(body.client.sessions[0].user).toMatchObject({ id: user.id, first_name: 'Ada' });
    expect(b.cookies.get('__client')).toBeTruthy();
    expect(Number(b.cookies.get('__client_uat'))).toBeGreaterThan(0);

    // The client points at the attempt, and the session carries the browser's device data.
    const stored = await t.server.store.clients.findById(body.client.id);
    expect(stored?.signInId).toBe(signIn.id);
    const session = await t.server.store.sessions.findById(signIn.created_session_id);
    expect(session).toMatchObject({ userId: user.id, clientId: body.client.id });
    expect(session?.activity).toMatchObject({ browserName: 'Chrome', osName: 'macOS', ipAddress: b.ip });

    // The session works: it mints a token.
    const token = await b.post(`/client/sessions/${signIn.created_session_id}/tokens`);
    expect(token.status, token.text).toBe(200);
    expect(token.body.jwt).toMatch(/^ey/);

    // last_sign_in_at moved (Backend API view).
    const apiUser = (await (await t.api(`/users/${user.id}`)).json()) as { last_sign_in_at: number | null };
    expect(apiUser.last_sign_in_at).toBeGreaterThan(0);
  });

  it('signs in by username', async () => {
    const user = await createUser(t);
    const body = await signInWithPassword(browser(), user.username.toUpperCase());
    expect(body.response).toMatchObject({ status: 'complete', identifier: user.username });
    expect(body.client.sessions[0].user.id).toBe(user.id);
  });

  it('offers the factors of the account, then accepts the password at attempt_first_factor', async () => {
    const user = await createUser(t);
    const b = browser();
    const created = expectOk(
      await b.post('/client/sign_ins', { identifier: user.email, locale: 'en-US', timezone: 'UTC' }),
    );
    const signIn = created.response;
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.supported_first_factors).toEqual([
      { strategy: 'password' },
      { strategy: 'email_code', email_address_id: user.primaryEmailId, safe_identifier: user.email, primary: true },
      {
        strategy: 'reset_password_email_code',
        email_address_id: user.primaryEmailId,
        safe_identifier: user.email,
        primary: true,
      },
    ]);
    expect(signIn.first_factor_verification).toBeNull();
    expect(created.client.sign_in).toMatchObject({ id: signIn.id, status: 'needs_first_factor' });
    expect(created.client.sessions).toEqual([]);

    // GET shows the same attempt.
    const fetched = expectOk(await b.get(`/client/sign_ins/${signIn.id}`)).response;
    expect(fetched).toEqual(signIn);

    const done = expectOk(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
    );
    expect(done.response).toMatchObject({ id: signIn.id, status: 'complete' });
    expect(done.client.last_active_session_id).toBe(done.response.created_session_id);
  });

  it('masks addresses the user did not type (sign-in by username)', async () => {
    const user = await createUser(t);
    const signIn = expectOk(await browser().post('/client/sign_ins', { identifier: user.username })).response;
    const emailFactor = signIn.supported_first_factors.find(
      (factor: { strategy: string }) => factor.strategy === 'email_code',
    );
    expect(emailFactor.safe_identifier).toBe(`${user.email[0]}***@e***.com`);
    expect(emailFactor.email_address_id).toBe(user.primaryEmailId);
  });

  it('rejects a wrong password with form_password_incorrect and leaves no attempt behind', async () => {
    const user = await createUser(t);
    const b = browser();
    const wrong = await b.post('/client/sign_ins', {
      identifier: user.email,
      strategy: 'password',
      password: 'not it at all',
    });
    expectError(wrong, 422, 'form_password_incorrect', 'password');
    const client = expectOk(await b.get('/client')).response;
    expect(client.sign_in).toBeNull();
    expect(client.sessions).toEqual([]);

    const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
    const attempt = await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, {
      strategy: 'password',
      password: 'still wrong',
    });
    expectError(attempt, 422, 'form_password_incorrect', 'password');
    expect(expectOk(await b.get(`/client/sign_ins/${signIn.id}`)).response.status).toBe('needs_first_factor');
    // The right one still works afterwards, and resets the failure count.
    expectOk(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
    );
    expect((await t.server.store.users.findById(user.id))?.failedVerificationAttempts).toBe(0);
  });

  it('answers form_identifier_not_found for an unknown identifier (enumeration protection off)', async () => {
    const b = browser();
    expectError(
      await b.post('/client/sign_ins', { identifier: 'nobody-here@example.com' }),
      422,
      'form_identifier_not_found',
      'identifier',
    );
    expectError(
      await b.post('/client/sign_ins', { identifier: 'nobody_here', strategy: 'password', password: PASSWORD }),
      422,
      'form_identifier_not_found',
      'identifier',
    );
    expectError(
      await b.post('/client/sign_ins', { identifier: '+14155550100' }),
      422,
      'form_identifier_not_found',
      'identifier',
    );
  });

  it('signs in with an imported bcrypt digest and upgrades it to argon2id', async () => {
    const user = await createUser(t, {
      password: undefined,
      password_hasher: 'bcrypt',
      // bcrypt of "correct horse battery staple" (cost 4).
      password_digest: '$2b$04$G20nL8Fz4inN//Z5D6IRu.DVT9/bgcN5TJLXWTADyQtVeFAonPh6m',
    });
    expect((await t.server.store.users.findById(user.id))?.password?.hasher).toBe('bcrypt');
    expect((await signInWithPassword(browser(), user.email)).response.status).toBe('complete');
    const upgraded = await t.server.store.users.findById(user.id);
    expect(upgraded?.password?.hasher).toBe('argon2id');
    expect(upgraded?.password?.digest).toMatch(/^\$argon2id\$/);
    expect((await signInWithPassword(browser(), user.email)).response.status).toBe('complete');
  });

  it('refuses a second sign-in while signed in (single-session mode): session_exists', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const b = browser();
    await signInWithPassword(b, user.email);
    expectError(await b.post('/client/sign_ins', { identifier: other.email }), 422, 'session_exists');
    expectError(
      await b.post('/client/sign_ins', { identifier: other.email, strategy: 'password', password: PASSWORD }),
      422,
      'session_exists',
    );
  });

  it('allows several users on one client in multi-session mode, but not the same one twice', async () => {
    setSettings(t, (settings) => ({ ...settings, sessions: { ...settings.sessions, mode: 'multi' } }));
    try {
      const first = await createUser(t);
      const second = await createUser(t);
      const b = browser();
      await signInWithPassword(b, first.email);
      const body = await signInWithPassword(b, second.email);
      expect(body.client.sessions).toHaveLength(2);
      expect(body.client.last_active_session_id).toBe(body.response.created_session_id);
      expectError(
        await b.post('/client/sign_ins', { identifier: first.username }),
        422,
        'identifier_already_signed_in',
        'identifier',
      );
    } finally {
      setSettings(t, (settings) => ({ ...settings, sessions: { ...settings.sessions, mode: 'single' } }));
    }
  });

  it('does not advance a completed sign-in', async () => {
    const user = await createUser(t);
    const b = browser();
    const signIn = (await signInWithPassword(b, user.email)).response;
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
      422,
      'client_state_invalid',
    );
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/prepare_first_factor`, {
        strategy: 'email_code',
        email_address_id: user.primaryEmailId,
      }),
      422,
      'client_state_invalid',
    );
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/reset_password`, { password: 'a brand new password' }),
      422,
      'client_state_invalid',
    );
    expect(await t.server.store.sessions.count({ userId: user.id })).toBe(1);
    // GET still shows it, complete.
    expect(expectOk(await b.get(`/client/sign_ins/${signIn.id}`)).response.status).toBe('complete');
  });

  it('answers 404 for another client’s sign-in and for unknown ids', async () => {
    const user = await createUser(t);
    const owner = browser();
    const signIn = expectOk(await owner.post('/client/sign_ins', { identifier: user.email })).response;
    const stranger = browser();
    await stranger.get('/client');
    expectError(await stranger.get(`/client/sign_ins/${signIn.id}`), 404, 'resource_not_found');
    for (const step of [
      'prepare_first_factor',
      'attempt_first_factor',
      'reset_password',
      'prepare_second_factor',
      'attempt_second_factor',
    ]) {
      const form: Record<string, string> =
        step === 'reset_password' ? { password: 'x'.repeat(12) } : { strategy: 'password', password: PASSWORD };
      expectError(await stranger.post(`/client/sign_ins/${signIn.id}/${step}`, form), 404, 'resource_not_found');
    }
    // Without any client at all.
    expectError(await new Browser(t.server.url).get(`/client/sign_ins/${signIn.id}`), 404, 'resource_not_found');
    expectError(await owner.get('/client/sign_ins/sia_doesnotexist'), 404, 'resource_not_found');
    // The owner's attempt is untouched.
    expect(expectOk(await owner.get(`/client/sign_ins/${signIn.id}`)).response.status).toBe('needs_first_factor');
  });

  it('answers 422 naming the parameter for bad input', async () => {
    const user = await createUser(t);
    const b = browser();
    expectError(
      await b.post('/client/sign_ins', { identifier: user.email, strategy: 'oauth_google' }),
      422,
      'form_param_value_invalid',
      'strategy',
    );
    expectError(
      await b.post('/client/sign_ins', { identifier: user.email, strategy: 'password' }),
      422,
      'form_param_missing',
      'password',
    );
    expectError(
      await b.post('/client/sign_ins', { strategy: 'password', password: PASSWORD }),
      422,
      'form_param_missing',
      'identifier',
    );
    expectError(
      await b.post('/client/sign_ins', { identifier: 'x'.repeat(400) }),
      422,
      'form_param_max_length_exceeded',
      'identifier',
    );
    expectError(
      await b.post('/client/sign_ins', { identifier: `a\u0000b@example.com` }),
      422,
      'form_param_format_invalid',
      'identifier',
    );

    const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
    const attempt = (form: Record<string, string>) =>
      b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, form);
    expectError(await attempt({ strategy: 'totp', code: '123456' }), 422, 'form_param_value_invalid', 'strategy');
    expectError(await attempt({ password: PASSWORD }), 422, 'form_param_missing', 'strategy');
    expectError(await attempt({ strategy: 'password' }), 422, 'form_param_missing', 'password');
    expectError(await attempt({ strategy: 'email_code' }), 422, 'form_param_missing', 'code');
    // A code strategy before any code was sent.
    expectError(await attempt({ strategy: 'email_code', code: '123456' }), 422, 'client_state_invalid');
    const prepare = (form: Record<string, string>) =>
      b.post(`/client/sign_ins/${signIn.id}/prepare_first_factor`, form);
    expectError(await prepare({ strategy: 'phone_code' }), 422, 'form_param_value_invalid', 'strategy');
    expectError(
      await prepare({ strategy: 'email_code', email_address_id: 'idn_someone_else' }),
      422,
      'form_param_value_invalid',
      'email_address_id',
    );
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/reset_password`, {}),
      422,
      'form_param_missing',
      'password',
    );
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/reset_password`, {
        password: 'a brand new password',
        sign_out_of_other_sessions: 'maybe',
      }),
      422,
      'form_param_value_invalid',
      'sign_out_of_other_sessions',
    );
    // Not at needs_new_password.
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/reset_password`, { password: 'a brand new password' }),
      422,
      'client_state_invalid',
    );
    // Nothing of that changed the attempt.
    const after = expectOk(await b.get(`/client/sign_ins/${signIn.id}`)).response;
    expect(after.status).toBe('needs_first_factor');
    expect(after.first_factor_verification).toBeNull();
  });

  it('refuses a password factor the account does not have', async () => {
    const user = await createUser(t, { password: undefined });
    const b = browser();
    const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
    expect(signIn.supported_first_factors.map((factor: { strategy: string }) => factor.strategy)).toEqual([
      'email_code',
    ]);
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
      422,
      'strategy_for_user_invalid',
      'strategy',
    );
    expectError(
      await b.post('/client/sign_ins', { identifier: user.email, strategy: 'password', password: PASSWORD }),
      422,
      'strategy_for_user_invalid',
      'strategy',
    );
  });

  it('refuses second factors with 422: none are enabled', async () => {
    const user = await createUser(t);
    const b = browser();
    const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/prepare_second_factor`, { strategy: 'phone_code' }),
      422,
      'strategy_for_user_invalid',
      'strategy',
    );
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy: 'totp', code: '123456' }),
      422,
      'strategy_for_user_invalid',
      'strategy',
    );
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_second_factor`, {}),
      422,
      'form_param_missing',
      'strategy',
    );
  });

  it('expires: an abandoned attempt reads abandoned and cannot be advanced', async () => {
    const user = await createUser(t);
    const b = browser();
    const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
    const stored = await t.server.store.signIns.findById(signIn.id);
    if (!stored) throw new Error('sign-in not stored');
    await t.server.store.signIns.update({ ...stored, abandonAt: Date.now() - 1000 });
    expect(expectOk(await b.get(`/client/sign_ins/${signIn.id}`)).response.status).toBe('abandoned');
    expectError(
      await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
      422,
      'sign_in_expired',
    );
    expect(await t.server.store.sessions.count({ userId: user.id })).toBe(0);
  });

  it('starts with needs_identifier when no identifier is given', async () => {
    const b = browser();
    const body = expectOk(await b.post('/client/sign_ins', { locale: 'en-US' }));
    expect(body.response).toMatchObject({
      status: 'needs_identifier',
      identifier: null,
      user_data: null,
      supported_first_factors: [],
    });
    expect(body.client.sign_in.id).toBe(body.response.id);
    expectError(
      await b.post(`/client/sign_ins/${body.response.id}/attempt_first_factor`, {
        strategy: 'password',
        password: PASSWORD,
      }),
      422,
      'client_state_invalid',
    );
  });
});
