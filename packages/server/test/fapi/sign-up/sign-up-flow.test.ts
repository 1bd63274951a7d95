import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyArgon2 } from '../../../src/domain/passwords/argon2id.js';
import { DATABASES } from '../../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import {
  attempt,
  codeFor,
  createSignUp,
  expectEnvelope,
  expectError,
  expectNoSecrets,
  PASSWORD,
  prepare,
  preparedSignUp,
  type SignUpServer,
  startSignUpServer,
  uniqueEmail,
} from './sign-up-server.js';

describe.each(DATABASES)('Frontend API sign-up: email, password and code [%s]', (database) => {
  let sink: SMTPSink;
  let t: SignUpServer;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startSignUpServer(database, { sink });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('signs up end to end: create, prepare, the code from the mailbox, a user and an active session', async () => {
    const browser = t.browser();
    const email = uniqueEmail('Ada');
    const created = await browser.post('/client/sign_ups', {
      email_address: email,
      password: PASSWORD,
      first_name: 'Ada',
      last_name: 'Lovelace',
      unsafe_metadata: { plan: 'free' },
      locale: 'en-US',
      timezone: 'Europe/London',
      captcha_token: 'ignored',
    });
    expectNoSecrets(created, PASSWORD);
    const { response: signUp, client } = expectEnvelope(created);
    expect(browser.cookies.get('__client')).toBeTruthy();
    expect(signUp).toMatchObject({
      object: 'sign_up_attempt',
      status: 'missing_requirements',
      required_fields: ['email_address', 'password'],
      optional_fields: ['first_name', 'last_name'],
      missing_fields: [],
      unverified_fields: ['email_address'],
      verifications: { email_address: null, phone_number: null, web3_wallet: null, external_account: null },
      email_address: email.toLowerCase(),
      first_name: 'Ada',
      last_name: 'Lovelace',
      username: null,
      has_password: true,
      unsafe_metadata: { plan: 'free' },
      created_user_id: null,
      created_session_id: null,
      locale: 'en-US',
    });
    expect(signUp.id).toMatch(/^sua_/);
    expect(signUp.abandon_at - t.clock.now()).toBeGreaterThan(23 * 3600_000);
    expect(signUp.abandon_at - t.clock.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(client.sign_up.id).toBe(signUp.id);
    expect(client.sessions).toEqual([]);
    // Only the digest is kept, never the password.
    const stored = await t.server.store.signUps.findById(signUp.id);
    expect(stored?.passwordDigest?.startsWith('$argon2id$')).toBe(true);
    expect(await verifyArgon2(stored?.passwordDigest as string, PASSWORD)).toBe(true);

    const fetched = await browser.get(`/client/sign_ups/${signUp.id}`);
    expect(expectEnvelope(fetched).response).toEqual(signUp);

    const prepared = await prepare(browser, signUp.id);
    expectNoSecrets(prepared);
    const verification = expectEnvelope(prepared).response.verifications.email_address;
    expect(verification).toMatchObject({
      status: 'unverified',
      strategy: 'email_code',
      attempts: 0,
      next_action: 'needs_attempt',
      supported_strategies: ['email_code'],
    });
    expect(verification.expire_at).toBeGreaterThan(t.clock.now());
    const message = await sink.waitForMessage({ to: email });
    expect(message.subject.length).toBeGreaterThan(0);
    const code = extractCode(message.text);
    expectNoSecrets(prepared, code);

    const attempted = await browser.post(`/client/sign_ups/${signUp.id}/attempt_verification`, {
      strategy: 'email_code',
      code,
    });
    expectNoSecrets(attempted, PASSWORD, code);
    const done = expectEnvelope(attempted);
    expect(done.response).toMatchObject({ status: 'complete', missing_fields: [], unverified_fields: [] });
    expect(done.response.verifications.email_address.status).toBe('verified');
    expect(done.response.created_user_id).toMatch(/^user_/);
    expect(done.response.created_session_id).toMatch(/^sess_/);
    expect(done.client.last_active_session_id).toBe(done.response.created_session_id);
    expect(done.client.sign_up).toBeNull();
    expect(done.client.sessions).toHaveLength(1);
    const [session] = done.client.sessions;
    expect(session).toMatchObject({ id: done.response.created_session_id, status: 'active' });
    expect(session.user).toMatchObject({
      id: done.response.created_user_id,
      first_name: 'Ada',
      last_name: 'Lovelace',
      unsafe_metadata: { plan: 'free' },
      password_enabled: true,
    });
    expect(session.user.email_addresses[0]).toMatchObject({
      email_address: email.toLowerCase(),
      verification: { status: 'verified', strategy: 'email_code' },
    });
    expect(Number(browser.cookies.get('__client_uat'))).toBeGreaterThan(0);

    const user = await t.server.store.users.findById(done.response.created_user_id);
    expect(user?.password?.hasher).toBe('argon2id');
    expect(user?.password?.digest).toBe(stored?.passwordDigest);
    expect(user?.locale).toBe('en-US');
    expect(user?.emailAddresses[0]?.verificationStrategy).toBe('email_code');
    expect(user?.primaryEmailAddressId).toBe(user?.emailAddresses[0]?.id);
    const sessionRecord = await t.server.store.sessions.findById(done.response.created_session_id);
    expect(sessionRecord?.activity.browserName).toBe('Chrome');
    expect(sessionRecord?.activity.ipAddress).toBe(browser.ip);

    // The finished attempt stays readable, and cannot be advanced again — the code is spent.
    const after = expectEnvelope(await browser.get(`/client/sign_ups/${signUp.id}`)).response;
    expect(after.status).toBe('complete');
    const replay = await attempt(browser, signUp.id, code);
    expectError(replay, 400, 'client_state_invalid');
    expectError(await browser.patch(`/client/sign_ups/${signUp.id}`, { first_name: 'X' }), 400, 'client_state_invalid');
    expectError(await prepare(browser, signUp.id), 400, 'client_state_invalid');
    // Single-session instance: a signed-in browser must sign out before signing up again.
    expectError(
      await browser.post('/client/sign_ups', { email_address: uniqueEmail(), password: PASSWORD }),
      422,
      'session_exists',
    );
  });

  it('accepts JSON bodies and unsafe_metadata as a JSON string in forms', async () => {
    const json = t.browser();
    const fromJSON = await json.post(
      '/client/sign_ups',
      { email_address: uniqueEmail(), password: PASSWORD, unsafe_metadata: { a: { b: 1 } }, legal_accepted: true },
      { json: true },
    );
    const signUp = expectEnvelope(fromJSON).response;
    expect(signUp.unsafe_metadata).toEqual({ a: { b: 1 } });
    expect(signUp.legal_accepted_at).toBeGreaterThan(0);

    const form = t.browser();
    const fromForm = await form.post('/client/sign_ups', {
      email_address: uniqueEmail(),
      password: PASSWORD,
      unsafe_metadata: '{"a":{"b":1}}',
      legal_accepted: 'false',
      first_name: null,
    });
    const formSignUp = expectEnvelope(fromForm).response;
    expect(formSignUp.unsafe_metadata).toEqual({ a: { b: 1 } });
    expect(formSignUp.legal_accepted_at).toBeNull();
    expect(formSignUp.first_name).toBeNull();

    const { id, code } = await preparedSignUp(t.browser(), sink, uniqueEmail(), { password: PASSWORD });
    expect(id).toMatch(/^sua_/);
    expect(code).toMatch(/^\d{6}$/);
  });

  it('updates fields with POST ?_method=PATCH and completes when the last piece arrives', async () => {
    const browser = t.browser();
    const email = uniqueEmail();
    // Without a password the sign-up is missing one; the code alone cannot finish it.
    const signUp = await createSignUp(browser, { email_address: email });
    expect(signUp.missing_fields).toEqual(['password']);
    expectEnvelope(await prepare(browser, signUp.id));
    const code = await codeFor(sink, email);
    const verified = expectEnvelope(await attempt(browser, signUp.id, code)).response;
    expect(verified).toMatchObject({
      status: 'missing_requirements',
      missing_fields: ['password'],
      unverified_fields: [],
    });
    expect(verified.verifications.email_address.status).toBe('verified');
    expect(verified.created_user_id).toBeNull();

    // A verified code is spent: replaying it fails even though the sign-up is still open.
    expectError(await attempt(browser, signUp.id, code), 400, 'verification_already_verified', 'code');

    const patched = await browser.patch(`/client/sign_ups/${signUp.id}`, { first_name: 'Grace', password: PASSWORD });
    expectNoSecrets(patched, PASSWORD);
    const done = expectEnvelope(patched);
    expect(done.response).toMatchObject({ status: 'complete', first_name: 'Grace', has_password: true });
    expect(done.client.last_active_session_id).toBe(done.response.created_session_id);
    const user = await t.server.store.users.findById(done.response.created_user_id);
    expect(await verifyArgon2(user?.password?.digest as string, PASSWORD)).toBe(true);
  });

  it('drops the verification when the email address changes', async () => {
    const browser = t.browser();
    const first = uniqueEmail();
    const { id, code } = await preparedSignUp(browser, sink, first);
    const second = uniqueEmail();
    const patched = expectEnvelope(await browser.patch(`/client/sign_ups/${id}`, { email_address: second })).response;
    expect(patched).toMatchObject({ email_address: second, unverified_fields: ['email_address'] });
    expect(patched.verifications.email_address).toBeNull();
    // The code sent to the first address proves nothing about the second.
    expectError(await attempt(browser, id, code), 400, 'client_state_invalid');
  });

  it('counts wrong codes (saved), then refuses every code after the last try', async () => {
    const browser = t.browser();
    const email = uniqueEmail();
    const { id, code } = await preparedSignUp(browser, sink, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let tries = 1; tries <= 4; tries += 1) {
      const result = await attempt(browser, id, wrong);
      expectError(result, 422, 'form_code_incorrect', 'code');
      const state = expectEnvelope(await browser.get(`/client/sign_ups/${id}`)).response;
      expect(state.verifications.email_address).toMatchObject({ status: 'unverified', attempts: tries });
    }
    expectError(await attempt(browser, id, wrong), 400, 'verification_failed', 'code');
    // Even the right code is refused now.
    expectError(await attempt(browser, id, code), 400, 'verification_failed', 'code');
    const failed = expectEnvelope(await browser.get(`/client/sign_ups/${id}`)).response;
    expect(failed.verifications.email_address).toMatchObject({ status: 'failed', attempts: 5, next_action: '' });
    expect(failed.status).toBe('missing_requirements');

    // A new code starts a new budget.
    expectEnvelope(await prepare(browser, id));
    const fresh = await codeFor(sink, email);
    const done = expectEnvelope(await attempt(browser, id, fresh));
    expect(done.response.status).toBe('complete');
  });

  it('refuses an expired code, and a new one works', async () => {
    const browser = t.browser();
    const email = uniqueEmail();
    const { id, code } = await preparedSignUp(browser, sink, email);
    t.clock.advance(10 * 60_000 + 1_000);
    expectError(await attempt(browser, id, code), 400, 'verification_expired', 'code');
    const state = expectEnvelope(await browser.get(`/client/sign_ups/${id}`)).response;
    expect(state.verifications.email_address.status).toBe('expired');
    expectEnvelope(await prepare(browser, id));
    const fresh = await codeFor(sink, email);
    expect(expectEnvelope(await attempt(browser, id, fresh)).response.status).toBe('complete');
  });

  it('abandons a sign-up after a day', async () => {
    const browser = t.browser();
    const email = uniqueEmail();
    const { id, code } = await preparedSignUp(browser, sink, email);
    t.clock.advance(24 * 3600_000 + 1_000);
    const state = expectEnvelope(await browser.get(`/client/sign_ups/${id}`));
    expect(state.response.status).toBe('abandoned');
    expect(state.client.sign_up.status).toBe('abandoned');
    expectError(await attempt(browser, id, code), 400, 'sign_up_expired');
    expectError(await browser.patch(`/client/sign_ups/${id}`, { first_name: 'Late' }), 400, 'sign_up_expired');
    expect((await t.server.store.signUps.findById(id))?.createdUserId).toBeNull();
  });
});
