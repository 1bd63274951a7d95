import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import {
  CHROME_ON_MACOS,
  expectError,
  expectOk,
  SAFARI_ON_IPHONE,
  signedInUser,
  signInBrowser,
} from './support/browser.js';

describe.each(DATABASES)('FAPI /v1/me/sessions [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('GET /v1/me/sessions/active', () => {
    it('is a bare array of the user’s live sessions on every device, with device data', async () => {
      const { browser, userId } = await signedInUser(t, {}, CHROME_ON_MACOS);
      const phone = await signInBrowser(t, userId, SAFARI_ON_IPHONE);
      const stranger = await signedInUser(t);
      const result = await browser.call('GET', '/me/sessions/active');
      const body = expectOk(result);
      expect(Array.isArray(body)).toBe(true);
      expect(body.map((session: { id: string }) => session.id).sort()).toEqual(
        [browser.sessionId, phone.sessionId].sort(),
      );
      expect(body.map((session: { id: string }) => session.id)).not.toContain(stranger.browser.sessionId);
      const desktop = body.find((session: { id: string }) => session.id === browser.sessionId);
      expect(desktop).toMatchObject({
        object: 'session',
        status: 'active',
        latest_activity: {
          object: 'session_activity',
          browser_name: 'Chrome',
          browser_version: '124.0.6367.91',
          device_type: 'Desktop',
          ip_address: '203.0.113.7',
          city: null,
          country: null,
          is_mobile: false,
        },
      });
      expect(typeof desktop.latest_activity.id).toBe('string');
      expect(typeof desktop.expire_at).toBe('number');
      expect(typeof desktop.last_active_at).toBe('number');
      const mobile = body.find((session: { id: string }) => session.id === phone.sessionId);
      expect(mobile.latest_activity).toMatchObject({ browser_name: 'Safari', device_type: 'Mobile', is_mobile: true });
      // One device never receives another device's session token.
      expect(result.text).not.toContain('last_active_token');
      expect(result.text).not.toContain('"jwt"');
    });

    it('drops ended sessions and answers 401 to a wrong session id', async () => {
      const { browser, userId } = await signedInUser(t);
      const phone = await signInBrowser(t, userId);
      expectOk(await phone.call('POST', `/client/sessions/${phone.sessionId}/end`));
      const body = expectOk(await browser.call('GET', '/me/sessions/active'));
      expect(body.map((session: { id: string }) => session.id)).toEqual([browser.sessionId]);
      expectError(
        await browser.call('GET', '/me/sessions/active', { sessionId: phone.sessionId }),
        401,
        'authentication_invalid',
      );
    });
  });

  describe('GET /v1/me/sessions', () => {
    it('lists every session of the user, ended ones too, enveloped', async () => {
      const { browser, userId } = await signedInUser(t);
      const phone = await signInBrowser(t, userId);
      expectOk(await phone.call('POST', `/client/sessions/${phone.sessionId}/end`));
      const body = expectOk(await browser.call('GET', '/me/sessions'));
      expect(body.client.id).toBe(browser.clientId);
      const statuses = Object.fromEntries(
        body.response.map((session: { id: string; status: string }) => [session.id, session.status]),
      );
      expect(statuses).toStrictEqual({ [browser.sessionId!]: 'active', [phone.sessionId!]: 'ended' });
    });
  });

  describe('POST /v1/me/sessions/{id}/revoke', () => {
    it('signs another device out', async () => {
      const { browser, userId } = await signedInUser(t);
      const phone = await signInBrowser(t, userId, SAFARI_ON_IPHONE);
      const body = expectOk(await browser.call('POST', `/me/sessions/${phone.sessionId}/revoke`));
      expect(body.response).toMatchObject({ object: 'session', id: phone.sessionId, status: 'revoked' });
      expect(body.response.latest_activity.browser_name).toBe('Safari');
      expect(body.client.sessions.map((session: { id: string }) => session.id)).toEqual([browser.sessionId]);
      expectError(await phone.call('GET', '/me'), 401, 'authentication_invalid');
      const client = expectOk(await phone.call('GET', '/client')).response;
      expect(client.sessions).toEqual([]);
      expect(client.last_active_session_id).toBeNull();
      expect(expectOk(await browser.call('GET', '/me/sessions/active')).map((s: { id: string }) => s.id)).toEqual([
        browser.sessionId,
      ]);
      // Revoking again is harmless.
      expect(expectOk(await browser.call('POST', `/me/sessions/${phone.sessionId}/revoke`)).response.status).toBe(
        'revoked',
      );
    });

    it('can revoke the acting session itself, signing this browser out', async () => {
      const { browser } = await signedInUser(t);
      const body = expectOk(await browser.call('POST', `/me/sessions/${browser.sessionId}/revoke`));
      expect(body.response.status).toBe('revoked');
      expect(body.client.sessions).toEqual([]);
      expect(browser.cookies.get('__client_uat')).toBe('0');
    });

    it('treats another user’s or an unknown session as not found', async () => {
      const ada = await signedInUser(t);
      const bob = await signedInUser(t);
      expectError(
        await ada.browser.call('POST', `/me/sessions/${bob.browser.sessionId}/revoke`),
        404,
        'resource_not_found',
      );
      expectError(await ada.browser.call('POST', '/me/sessions/sess_unknown/revoke'), 404, 'resource_not_found');
      expectError(await ada.browser.call('POST', `/me/sessions/${'s'.repeat(500)}/revoke`), 404, 'resource_not_found');
      expectError(
        await ada.browser.call('POST', `/me/sessions/${bob.browser.sessionId}/revoke`, { form: { force: 'true' } }),
        422,
        'form_param_unknown',
        'force',
      );
      expectError(
        await ada.browser.call('POST', `/me/sessions/${ada.browser.sessionId}/revoke`, {
          sessionId: bob.browser.sessionId,
        }),
        401,
        'authentication_invalid',
      );
      expect(expectOk(await bob.browser.call('GET', '/me')).response.id).toBe(bob.userId);
      expect(expectOk(await ada.browser.call('GET', '/me')).response.id).toBe(ada.userId);
    });
  });
});
