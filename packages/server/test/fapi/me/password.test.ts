import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { setSettings } from '../sign-in/support.js';
import { expectError, expectOk, signedInUser, signInBrowser } from './support/browser.js';

const NEW_PASSWORD = 'a brand new passphrase';

describe.each(DATABASES)('FAPI /v1/me passwords [%s]', (database) => {
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

  /** Whether the Backend API accepts `password` for the user. */
  async function passwordWorks(userId: string, password: string): Promise<boolean> {
    const response = await t.api(`/users/${userId}/verify_password`, { method: 'POST', body: { password } });
    return response.status === 200;
  }

  describe('POST /v1/me/change_password', () => {
    it('changes the password, tells the primary address and keeps other sessions by default', async () => {
      const { browser, userId, email, password } = await signedInUser(t);
      const phone = await signInBrowser(t, userId);
      const body = expectOk(
        await browser.call('POST', '/me/change_password', {
          form: { current_password: password, new_password: NEW_PASSWORD },
        }),
      );
      expect(body.response).toMatchObject({ id: userId, password_enabled: true });
      expect(await passwordWorks(userId, NEW_PASSWORD)).toBe(true);
      expect(await passwordWorks(userId, password)).toBe(false);
      const notice = await sink.waitForMessage({ to: email });
      expect(notice.subject).toMatch(/password was changed/);
      expect(expectOk(await phone.call('GET', '/me')).response.id).toBe(userId);
    });

    it('signs out of the other sessions on request, keeping the acting one', async () => {
      const { browser, userId, password } = await signedInUser(t);
      const phone = await signInBrowser(t, userId);
      const body = expectOk(
        await browser.call('POST', '/me/change_password', {
          form: { current_password: password, new_password: NEW_PASSWORD, sign_out_of_other_sessions: 'true' },
        }),
      );
      expect(body.client.sessions.map((session: { id: string }) => session.id)).toEqual([browser.sessionId]);
      expectError(await phone.call('GET', '/me'), 401, 'authentication_invalid');
      const revoked = await t.server.store.sessions.findById(phone.sessionId!);
      expect(revoked?.status).toBe('revoked');
      expectOk(await browser.call('GET', '/me'));
    });

    it('refuses a wrong or missing current password and a new one the policy rejects', async () => {
      const { browser, userId, password } = await signedInUser(t);
      expectError(
        await browser.call('POST', '/me/change_password', {
          form: { current_password: 'not my password', new_password: NEW_PASSWORD },
        }),
        422,
        'form_password_incorrect',
        'current_password',
      );
      expectError(
        await browser.call('POST', '/me/change_password', { form: { new_password: NEW_PASSWORD } }),
        422,
        'form_param_missing',
        'current_password',
      );
      expectError(
        await browser.call('POST', '/me/change_password', {
          form: { current_password: password, new_password: 'short' },
        }),
        422,
        'form_password_length_too_short',
        'new_password',
      );
      expectError(
        await browser.call('POST', '/me/change_password', { form: { current_password: password } }),
        422,
        'form_param_missing',
        'new_password',
      );
      expectError(
        await browser.call('POST', '/me/change_password', {
          form: { current_password: password, new_password: NEW_PASSWORD, sign_out_of_other_sessions: 'maybe' },
        }),
        422,
        'form_param_format_invalid',
        'sign_out_of_other_sessions',
      );
      expectError(
        await browser.call('POST', '/me/change_password', {
          form: { current_password: password, new_password: NEW_PASSWORD, user_id: 'x' },
        }),
        422,
        'form_param_unknown',
        'user_id',
      );
      expect(await passwordWorks(userId, password)).toBe(true);
    });

    it('lets a user without a password set one without a current password', async () => {
      const { browser, userId } = await signedInUser(t, { password: undefined, skip_password_requirement: true });
      expect(expectOk(await browser.call('GET', '/me')).response.password_enabled).toBe(false);
      const body = expectOk(
        await browser.call('POST', '/me/change_password', {
          json: { new_password: NEW_PASSWORD, sign_out_of_other_sessions: false },
        }),
      );
      expect(body.response.password_enabled).toBe(true);
      expect(await passwordWorks(userId, NEW_PASSWORD)).toBe(true);
    });

    it('rate-limits guesses at the current password', async () => {
      const { browser, password } = await signedInUser(t);
      let limited = null;
      for (let i = 0; i < 15 && !limited; i += 1) {
        const result = await browser.call('POST', '/me/change_password', {
          form: { current_password: `guess ${i}`, new_password: NEW_PASSWORD },
        });
        if (result.status === 429) limited = result;
        else expectError(result, 422, 'form_password_incorrect', 'current_password');
      }
      expect(limited).not.toBeNull();
      expectError(limited!, 429, 'too_many_requests');
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      // Even the right password waits out the window.
      expectError(
        await browser.call('POST', '/me/change_password', {
          form: { current_password: password, new_password: NEW_PASSWORD },
        }),
        429,
        'too_many_requests',
      );
    });

    it('answers 401 for another client’s session id', async () => {
      const ada = await signedInUser(t);
      const bob = await signedInUser(t);
      expectError(
        await ada.browser.call('POST', '/me/change_password', {
          form: { current_password: bob.password, new_password: NEW_PASSWORD },
          sessionId: bob.browser.sessionId,
        }),
        401,
        'authentication_invalid',
      );
      expect(await passwordWorks(bob.userId, bob.password)).toBe(true);
    });
  });

  describe('POST /v1/me/remove_password', () => {
    it('is refused while the instance requires passwords', async () => {
      const { browser, userId, password } = await signedInUser(t);
      expect(t.server.instance.settings.signUp.password).toBe('required');
      expectError(
        await browser.call('POST', '/me/remove_password', { form: { current_password: password } }),
        403,
        'not_allowed_access',
      );
      expect(await passwordWorks(userId, password)).toBe(true);
    });

    it('removes the password when it is optional and email codes remain', async () => {
      setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, password: 'optional' } }));
      try {
        const { browser, userId, password, email } = await signedInUser(t);
        expectError(
          await browser.call('POST', '/me/remove_password', { form: { current_password: 'wrong password' } }),
          422,
          'form_password_incorrect',
          'current_password',
        );
        expectError(
          await browser.call('POST', '/me/remove_password', { form: {} }),
          422,
          'form_param_missing',
          'current_password',
        );
        const body = expectOk(
          await browser.call('POST', '/me/remove_password', { form: { current_password: password } }),
        );
        expect(body.response.password_enabled).toBe(false);
        expect((await t.server.store.users.findById(userId))?.password).toBeNull();
        expect((await sink.waitForMessage({ to: email })).subject).toMatch(/password was changed/);
        expectError(
          await browser.call('POST', '/me/remove_password', { form: { current_password: password } }),
          422,
          'user_has_no_password',
        );
      } finally {
        setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, password: 'required' } }));
      }
    });

    it('keeps the password when it is the only way in', async () => {
      setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, password: 'optional' } }));
      setSettings(t, (s) => ({ ...s, signIn: { ...s.signIn, emailCode: false } }));
      try {
        const { browser, userId, password } = await signedInUser(t);
        expectError(
          await browser.call('POST', '/me/remove_password', { form: { current_password: password } }),
          422,
          'form_param_value_invalid',
        );
        expect(await passwordWorks(userId, password)).toBe(true);
      } finally {
        setSettings(t, (s) => ({ ...s, signUp: { ...s.signUp, password: 'required' } }));
        setSettings(t, (s) => ({ ...s, signIn: { ...s.signIn, emailCode: true } }));
      }
    });
  });
});
