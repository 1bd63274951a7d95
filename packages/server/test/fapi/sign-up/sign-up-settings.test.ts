import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
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
  type SettingsPatch,
  type SignUpServer,
  startSignUpServer,
  uniqueEmail,
} from './sign-up-server.js';

let usernames = 0;
const uniqueUsername = () => {
  usernames += 1;
  return `User_${Date.now().toString(36)}${usernames}`;
};

describe.each(DATABASES)('Frontend API sign-up: what the instance settings require [%s]', (database) => {
  let sink: SMTPSink;
  const servers: SignUpServer[] = [];
  const start = async (settings: SettingsPatch) => {
    const server = await startSignUpServer(database, { sink, settings });
    servers.push(server);
    return server;
  };
  beforeAll(async () => {
    sink = await startSMTPSink();
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await sink?.close();
  });

  describe('username, names and legal consent required', () => {
    let t: SignUpServer;
    beforeAll(async () => {
      t = await start({
        signUp: { username: 'required', firstName: 'required', lastName: 'required', legalConsent: true },
      });
    });

    it('keeps the sign-up open after the code until PATCH supplies the rest, then completes', async () => {
      const browser = t.browser();
      const email = uniqueEmail();
      const { id, code } = await preparedSignUp(browser, sink, email);
      const created = expectEnvelope(await browser.get(`/client/sign_ups/${id}`)).response;
      expect(created.required_fields).toEqual([
        'email_address',
        'password',
        'username',
        'first_name',
        'last_name',
        'legal_accepted',
      ]);
      expect(created.optional_fields).toEqual([]);
      expect(created.missing_fields).toEqual(['username', 'first_name', 'last_name', 'legal_accepted']);

      const verified = expectEnvelope(await attempt(browser, id, code)).response;
      expect(verified).toMatchObject({ status: 'missing_requirements', unverified_fields: [], created_user_id: null });
      expect(verified.missing_fields).toEqual(['username', 'first_name', 'last_name', 'legal_accepted']);
      expectError(await attempt(browser, id, code), 400, 'verification_already_verified', 'code');

      const partly = expectEnvelope(
        await browser.patch(`/client/sign_ups/${id}`, { first_name: 'Ada', last_name: 'Lovelace' }),
      );
      expect(partly.response.missing_fields).toEqual(['username', 'legal_accepted']);
      // Declining the terms is not accepting them.
      const declined = expectEnvelope(await browser.patch(`/client/sign_ups/${id}`, { legal_accepted: 'false' }));
      expect(declined.response.missing_fields).toEqual(['username', 'legal_accepted']);

      const username = uniqueUsername();
      const completed = await browser.patch(`/client/sign_ups/${id}`, { username, legal_accepted: 'true' });
      expectNoSecrets(completed, PASSWORD, code);
      const done = expectEnvelope(completed);
      expect(done.response).toMatchObject({ status: 'complete', username: username.toLowerCase(), missing_fields: [] });
      expect(done.response.legal_accepted_at).toBeGreaterThan(0);
      expect(done.client.last_active_session_id).toBe(done.response.created_session_id);
      const user = await t.server.store.users.findById(done.response.created_user_id);
      expect(user).toMatchObject({ username: username.toLowerCase(), firstName: 'Ada', lastName: 'Lovelace' });
      expect(user?.legalAcceptedAt).toBe(done.response.legal_accepted_at);
    });

    it('completes straight from the code when every field came with the create', async () => {
      const browser = t.browser();
      const username = uniqueUsername();
      const { id, code } = await preparedSignUp(browser, sink, uniqueEmail(), {
        password: PASSWORD,
        username,
        first_name: 'Grace',
        last_name: 'Hopper',
        legal_accepted: 'true',
      });
      const done = expectEnvelope(await attempt(browser, id, code));
      expect(done.response.status).toBe('complete');
      expect(done.client.sessions[0].user.username).toBe(username.toLowerCase());

      // The username is now taken, whatever its case, on create and on update.
      const other = t.browser();
      expectError(
        await other.post('/client/sign_ups', {
          email_address: uniqueEmail(),
          password: PASSWORD,
          username: username.toUpperCase(),
        }),
        422,
        'form_identifier_exists',
        'username',
      );
      const { id: otherId } = await createSignUp(other, { email_address: uniqueEmail(), password: PASSWORD });
      expectError(
        await other.patch(`/client/sign_ups/${otherId}`, { username }),
        422,
        'form_identifier_exists',
        'username',
      );
    });

    it('checks username format with Clerk codes', async () => {
      const browser = t.browser();
      const base = { email_address: uniqueEmail(), password: PASSWORD };
      expectError(
        await browser.post('/client/sign_ups', { ...base, username: 'ab' }),
        422,
        'form_username_invalid_length',
        'username',
      );
      expectError(
        await browser.post('/client/sign_ups', { ...base, username: 'has space' }),
        422,
        'form_username_invalid_character',
        'username',
      );
    });
  });

  describe('enumeration protection, optional password, breached list off, multi-session', () => {
    let t: SignUpServer;
    beforeAll(async () => {
      t = await start({
        signUp: { password: 'optional' },
        protection: { enumerationProtection: true, rejectBreachedPasswords: false },
        sessions: { mode: 'multi' },
      });
    });

    it('does not reveal a taken email to the caller, only to whoever proves the mailbox', async () => {
      const email = uniqueEmail();
      const owner = t.browser();
      const first = await preparedSignUp(owner, sink, email);
      expectEnvelope(await attempt(owner, first.id, first.code));

      const prober = t.browser();
      const probe = await createSignUp(prober, { email_address: email, password: PASSWORD });
      expect(probe.status).toBe('missing_requirements');
      expectEnvelope(await prepare(prober, probe.id));
      // The code goes to the address's owner; only they can finish, and only they learn it is taken.
      const code = await codeFor(sink, email);
      expectError(await attempt(prober, probe.id, code), 422, 'form_identifier_exists', 'email_address');
      const state = expectEnvelope(await prober.get(`/client/sign_ups/${probe.id}`));
      expect(state.response).toMatchObject({ status: 'missing_requirements', created_user_id: null });
      expect(state.client.sessions).toEqual([]);
      expect(await t.server.store.users.count({ emailAddresses: [email.toLowerCase()] })).toBe(1);
    });

    it('accepts a breached password when the instance allows it, and no password when optional', async () => {
      const breached = await createSignUp(t.browser(), { email_address: uniqueEmail(), password: 'password123' });
      expect(breached.has_password).toBe(true);

      const browser = t.browser();
      const { id, code } = await preparedSignUp(browser, sink, uniqueEmail(), {});
      const done = expectEnvelope(await attempt(browser, id, code));
      expect(done.response).toMatchObject({ status: 'complete', has_password: false });
      expect((await t.server.store.users.findById(done.response.created_user_id))?.password).toBeNull();
    });

    it('lets a signed-in browser sign up another account and keeps both sessions', async () => {
      const browser = t.browser();
      const first = await preparedSignUp(browser, sink, uniqueEmail());
      const one = expectEnvelope(await attempt(browser, first.id, first.code));
      const second = await preparedSignUp(browser, sink, uniqueEmail());
      const two = expectEnvelope(await attempt(browser, second.id, second.code));
      expect(two.client.sessions.map((session: { id: string }) => session.id).sort()).toEqual(
        [one.response.created_session_id, two.response.created_session_id].sort(),
      );
      expect(two.client.last_active_session_id).toBe(two.response.created_session_id);
    });
  });

  describe('password off', () => {
    let t: SignUpServer;
    beforeAll(async () => {
      t = await start({ signUp: { password: 'off' } });
    });

    it('refuses a password by name and signs up with the code alone', async () => {
      const browser = t.browser();
      expectError(
        await browser.post('/client/sign_ups', { email_address: uniqueEmail(), password: PASSWORD }),
        422,
        'form_param_unknown',
        'password',
      );
      const email = uniqueEmail();
      const signUp = await createSignUp(browser, { email_address: email });
      expect(signUp.required_fields).toEqual(['email_address']);
      expect(signUp.missing_fields).toEqual([]);
      expectEnvelope(await prepare(browser, signUp.id));
      const code = await codeFor(sink, email);
      const done = expectEnvelope(await attempt(browser, signUp.id, code));
      expect(done.response.status).toBe('complete');
    });
  });

  describe('restricted sign-up', () => {
    let t: SignUpServer;
    beforeAll(async () => {
      t = await start({ signUp: { mode: 'restricted' } });
    });

    it('answers 403 sign_up_restricted and creates nothing', async () => {
      const browser = t.browser();
      expectError(
        await browser.post('/client/sign_ups', { email_address: uniqueEmail(), password: PASSWORD }),
        403,
        'sign_up_restricted',
      );
      expect(browser.cookies.get('__client')).toBeUndefined();
    });
  });
});
