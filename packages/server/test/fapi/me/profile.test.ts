import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { setSettings } from '../sign-in/support.js';
import { Browser, expectError, expectOk, signedInUser, signInBrowser } from './support/browser.js';

describe.each(DATABASES)('FAPI /v1/me profile [%s]', (database) => {
  let t: TestServer;
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startTestServer(database, { smtpUrl: sink.url });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  describe('GET /v1/me', () => {
    it('returns the signed-in user, enveloped with the current client', async () => {
      const { browser, userId, email } = await signedInUser(t, { first_name: 'Ada', public_metadata: { plan: 'pro' } });
      const body = expectOk(await browser.call('GET', '/me'));
      expect(body.response).toMatchObject({
        object: 'user',
        id: userId,
        first_name: 'Ada',
        public_metadata: { plan: 'pro' },
        password_enabled: true,
        email_addresses: [expect.objectContaining({ email_address: email })],
      });
      expect(body.response).not.toHaveProperty('private_metadata');
      expect(body.client).toMatchObject({
        object: 'client',
        id: browser.clientId,
        last_active_session_id: browser.sessionId,
      });
    });

    it('falls back to the client’s last active session without _clerk_session_id', async () => {
      const { browser, userId } = await signedInUser(t);
      expect(expectOk(await browser.call('GET', '/me', { sessionId: null })).response.id).toBe(userId);
    });

    it('answers 401 for a browser with no client or no session', async () => {
      const stranger = new Browser(t.server.url);
      expectError(await stranger.call('GET', '/me', { sessionId: null }), 401, 'authentication_invalid');
      expectOk(await stranger.call('GET', '/client'));
      expectError(await stranger.call('GET', '/me', { sessionId: null }), 401, 'authentication_invalid');
    });

    it('answers 401 for a session id that is unknown, another client’s, or ended', async () => {
      const ada = await signedInUser(t);
      const bob = await signedInUser(t);
      expectError(
        await ada.browser.call('GET', '/me', { sessionId: 'sess_doesnotexist' }),
        401,
        'authentication_invalid',
      );
      expectError(
        await ada.browser.call('GET', '/me', { sessionId: bob.browser.sessionId }),
        401,
        'authentication_invalid',
      );
      expectError(await ada.browser.call('GET', '/me', { sessionId: 'x'.repeat(5000) }), 401, 'authentication_invalid');
      expectOk(await ada.browser.call('POST', `/client/sessions/${ada.browser.sessionId}/end`));
      expectError(await ada.browser.call('GET', '/me'), 401, 'authentication_invalid');
    });
  });

  describe('PATCH /v1/me', () => {
    it('updates names and a normalised username; empty values clear', async () => {
      setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, username: 'optional' } }));
      const { browser } = await signedInUser(t);
      const name = `Ada_${Date.now().toString(36)}`;
      const updated = expectOk(
        await browser.call('PATCH', '/me', {
          form: { first_name: 'Ada', last_name: 'Lovelace', username: `  ${name} ` },
        }),
      );
      expect(updated.response).toMatchObject({
        first_name: 'Ada',
        last_name: 'Lovelace',
        username: name.toLowerCase(),
      });
      // The piggy-backed client carries the same user in its session.
      expect(updated.client.sessions[0].user.first_name).toBe('Ada');
      const cleared = expectOk(await browser.call('PATCH', '/me', { form: { last_name: '', username: '' } }));
      expect(cleared.response).toMatchObject({ first_name: 'Ada', last_name: null, username: null });
    });

    it('refuses a username that is taken, malformed, or disabled', async () => {
      setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, username: 'optional' } }));
      const ada = await signedInUser(t);
      const bob = await signedInUser(t);
      const taken = `taken_${Date.now().toString(36)}`;
      expectOk(await ada.browser.call('PATCH', '/me', { form: { username: taken } }));
      expectError(
        await bob.browser.call('PATCH', '/me', { form: { username: taken.toUpperCase() } }),
        422,
        'form_identifier_exists',
        'username',
      );
      expectError(
        await bob.browser.call('PATCH', '/me', { form: { username: 'no spaces allowed' } }),
        422,
        'form_username_invalid_character',
        'username',
      );
      expectError(
        await bob.browser.call('PATCH', '/me', { form: { username: 'ab' } }),
        422,
        'form_username_invalid_length',
        'username',
      );
      setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, username: 'off' } }));
      expectError(
        await bob.browser.call('PATCH', '/me', { form: { username: 'fresh_name_1' } }),
        422,
        'form_param_unknown',
        'username',
      );
      setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, username: 'required' } }));
      expectError(
        await ada.browser.call('PATCH', '/me', { form: { username: '' } }),
        422,
        'form_param_missing',
        'username',
      );
      setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, username: 'optional' } }));
    });

    it('replaces unsafe_metadata with the JSON object sent as a form string', async () => {
      const { browser } = await signedInUser(t, { unsafe_metadata: { keep: false, old: 1 } });
      const body = expectOk(
        await browser.call('PATCH', '/me', { form: { unsafe_metadata: '{"theme":"dark","nested":{"a":1}}' } }),
      );
      expect(body.response.unsafe_metadata).toStrictEqual({ theme: 'dark', nested: { a: 1 } });
      expect(
        expectOk(await browser.call('PATCH', '/me', { form: { unsafe_metadata: '' } })).response.unsafe_metadata,
      ).toStrictEqual({});
    });

    it('refuses bad input with a 422 naming the parameter, changing nothing', async () => {
      const { browser } = await signedInUser(t, { first_name: 'Before' });
      expectError(
        await browser.call('PATCH', '/me', { form: { first_name: 'x'.repeat(300) } }),
        422,
        'form_param_max_length_exceeded',
        'first_name',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { first_name: ['a', 'b'] } }),
        422,
        'form_param_format_invalid',
        'first_name',
      );
      expectError(
        await browser.call('PATCH', '/me', { json: { first_name: 42 } }),
        422,
        'form_param_format_invalid',
        'first_name',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { favourite_colour: 'blue' } }),
        422,
        'form_param_unknown',
        'favourite_colour',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { private_metadata: '{}' } }),
        422,
        'form_param_unknown',
        'private_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { public_metadata: '{"role":"admin"}' } }),
        422,
        'form_param_unknown',
        'public_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { unsafe_metadata: 'not json' } }),
        422,
        'form_param_format_invalid',
        'unsafe_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { unsafe_metadata: '[1,2]' } }),
        422,
        'form_param_format_invalid',
        'unsafe_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { unsafe_metadata: JSON.stringify({ big: 'x'.repeat(9000) }) } }),
        422,
        'form_param_max_length_exceeded',
        'unsafe_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me', { form: { first_name: 'Nul\u0000' } }),
        422,
        'form_param_format_invalid',
        'first_name',
      );
      expect(expectOk(await browser.call('GET', '/me')).response.first_name).toBe('Before');
    });

    it('refuses a primary email address that is another user’s or unknown', async () => {
      const ada = await signedInUser(t);
      const bob = await signedInUser(t);
      expectError(
        await ada.browser.call('PATCH', '/me', { form: { primary_email_address_id: bob.primaryEmailId } }),
        422,
        'form_param_value_invalid',
        'primary_email_address_id',
      );
      expectError(
        await ada.browser.call('PATCH', '/me', { form: { primary_email_address_id: 'idn_unknown' } }),
        422,
        'form_param_value_invalid',
        'primary_email_address_id',
      );
      expectError(
        await ada.browser.call('PATCH', '/me', { form: { primary_web3_wallet_id: 'web3_x' } }),
        422,
        'form_param_value_invalid',
        'primary_web3_wallet_id',
      );
    });

    it('answers 401 for a session id of another client', async () => {
      const ada = await signedInUser(t);
      const bob = await signedInUser(t);
      expectError(
        await ada.browser.call('PATCH', '/me', { form: { first_name: 'Eve' }, sessionId: bob.browser.sessionId }),
        401,
        'authentication_invalid',
      );
      expect(expectOk(await bob.browser.call('GET', '/me')).response.first_name).toBeNull();
    });
  });

  describe('PATCH /v1/me/metadata', () => {
    it('deep-merges unsafe_metadata, null deleting keys', async () => {
      const { browser } = await signedInUser(t, { unsafe_metadata: { a: { b: 1, c: 2 }, d: 3, e: 'keep' } });
      const body = expectOk(
        await browser.call('PATCH', '/me/metadata', {
          form: { unsafe_metadata: '{"a":{"b":null,"x":9},"d":null,"f":[1]}' },
        }),
      );
      expect(body.response.unsafe_metadata).toStrictEqual({ a: { c: 2, x: 9 }, e: 'keep', f: [1] });
      expect(body.response.public_metadata).toStrictEqual({});
    });

    it('requires a JSON object and nothing else', async () => {
      const { browser } = await signedInUser(t);
      expectError(
        await browser.call('PATCH', '/me/metadata', { form: {} }),
        422,
        'form_param_missing',
        'unsafe_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me/metadata', { form: { unsafe_metadata: '"text"' } }),
        422,
        'form_param_format_invalid',
        'unsafe_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me/metadata', { form: { unsafe_metadata: '{}', public_metadata: '{}' } }),
        422,
        'form_param_unknown',
        'public_metadata',
      );
      expectError(
        await browser.call('PATCH', '/me/metadata', { form: { unsafe_metadata: '{}' }, sessionId: 'sess_nope' }),
        401,
        'authentication_invalid',
      );
    });
  });

  describe('DELETE /v1/me', () => {
    it('deletes the user, ends their sessions on every client and signs this one out', async () => {
      const { browser, userId } = await signedInUser(t);
      const other = await signedInUser(t);
      // The same user on a second browser.
      const secondBrowser = await signInBrowser(t, userId);
      const body = expectOk(await browser.call('DELETE', '/me'));
      expect(body.response).toStrictEqual({ object: 'user', id: userId, deleted: true });
      expect(body.client.sessions).toEqual([]);
      expect(body.client.last_active_session_id).toBeNull();
      expect(browser.cookies.get('__client_uat')).toBe('0');
      expect((await t.api(`/users/${userId}`)).status).toBe(404);
      expectError(await secondBrowser.call('GET', '/me'), 401, 'authentication_invalid');
      expect(expectOk(await secondBrowser.call('GET', '/client')).response.sessions).toEqual([]);
      // Another user is untouched.
      expect(expectOk(await other.browser.call('GET', '/me')).response.id).toBe(other.userId);
    });

    it('answers 403 not_allowed_access when delete_self_enabled is off, deleting nothing', async () => {
      const { browser, userId } = await signedInUser(t, { delete_self_enabled: false });
      expectError(await browser.call('DELETE', '/me'), 403, 'not_allowed_access');
      expect((await t.api(`/users/${userId}`)).status).toBe(200);
      expect(expectOk(await browser.call('GET', '/me')).response.delete_self_enabled).toBe(false);
    });

    it('refuses parameters and foreign sessions', async () => {
      const ada = await signedInUser(t);
      const bob = await signedInUser(t);
      expectError(
        await ada.browser.call('DELETE', '/me', { form: { user_id: bob.userId } }),
        422,
        'form_param_unknown',
        'user_id',
      );
      expectError(
        await ada.browser.call('DELETE', '/me', { sessionId: bob.browser.sessionId }),
        401,
        'authentication_invalid',
      );
      expect((await t.api(`/users/${bob.userId}`)).status).toBe(200);
      expect((await t.api(`/users/${ada.userId}`)).status).toBe(200);
    });
  });
});
