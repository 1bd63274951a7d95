import { AuthErrorReason, clearJWKSCache, createLatchClient, type LatchClient } from '@latch/backend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PRODUCTION_APP_ORIGIN, startProductionServer } from '../../server/test/fapi/handshake/production-server.js';
import { DATABASES } from '../../server/test/support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../server/test/support/smtp-sink.js';
import { AppCookies, followHandshake } from './support/app-cookies.js';
import { apiUrlOf, signedInBrowser, stopLatch, type TestServer } from './support/latch.js';

/**
 * A production instance: Frontend API at https://clerk.example.test, app at https://app.example.test.
 * No dev browser; the handshake nonce travels as a cookie on the shared parent domain.
 */
describe.each(DATABASES)('authenticateRequest against a production Latch [%s]', (database) => {
  let sink: SMTPSink;
  let t: TestServer;
  let latch: LatchClient;
  const options = { authorizedParties: [PRODUCTION_APP_ORIGIN] };
  const fapiHost = { 'x-forwarded-host': 'clerk.example.test' };

  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startProductionServer(database, sink);
    latch = createLatchClient({ secretKey: t.secretKey, publishableKey: t.server.publishableKey, apiUrl: apiUrlOf(t) });
  });
  afterAll(async () => {
    await stopLatch(t);
    await sink?.close();
  });
  beforeEach(() => {
    clearJWKSCache();
  });

  it('no cookies: signed-out without any redirect (production has no dev browser)', async () => {
    const state = await latch.authenticateRequest(new AppCookies().request(`${PRODUCTION_APP_ORIGIN}/`), options);
    expect(state).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.SessionTokenAndUATMissing });
  });

  it('uat without session → handshake at https://clerk.example.test → nonce cookie → signed in', async () => {
    // Signed in from the app's page: an Origin the production instance allows.
    const { browser, userId, sessionId, clientUat } = await signedInBrowser(t, PRODUCTION_APP_ORIGIN);
    const app = new AppCookies([['__client_uat', clientUat]]);
    const state = await latch.authenticateRequest(app.request(`${PRODUCTION_APP_ORIGIN}/dashboard`), options);
    expect(state).toMatchObject({ status: 'handshake', reason: AuthErrorReason.ClientUATWithoutSessionToken });
    const location = new URL(state.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe('https://clerk.example.test/v1/client/handshake');
    expect(location.searchParams.has('__clerk_db_jwt')).toBe(false);

    const { next, headers } = await followHandshake(browser, location.href, fapiHost);
    expect(next).toBe(`${PRODUCTION_APP_ORIGIN}/dashboard`);
    app.apply(headers);
    expect(app.has('__clerk_handshake_nonce')).toBe(true);

    const resolved = await latch.authenticateRequest(app.request(next), options);
    expect(resolved.status).toBe('signed-in');
    expect(resolved.toAuth()).toMatchObject({ userId, sessionId });
    // Production: no redirect, the cookies are set on this very response (and the nonce cleared).
    expect(resolved.headers.get('location')).toBeNull();
    app.apply(resolved.headers);
    expect(app.has('__clerk_handshake_nonce')).toBe(false);
    expect(app.get('__session')).toBe(resolved.token);

    const settled = await latch.authenticateRequest(app.request(`${PRODUCTION_APP_ORIGIN}/dashboard`), options);
    expect(settled.status).toBe('signed-in');
    expect(settled.toAuth()?.sessionId).toBe(sessionId);
  });

  it('format=token: the __clerk_handshake JWT is verified against the JWKS and its cookies applied', async () => {
    const { browser, userId, sessionId } = await signedInBrowser(t, PRODUCTION_APP_ORIGIN);
    const response = await browser.get(
      `/client/handshake?${new URLSearchParams({ redirect_url: `${PRODUCTION_APP_ORIGIN}/`, format: 'token' })}`,
      { headers: fapiHost },
    );
    expect(response.status, response.text).toBe(307);
    const app = new AppCookies().apply(response.headers);
    expect(app.has('__clerk_handshake')).toBe(true);
    const resolved = await latch.authenticateRequest(app.request(`${PRODUCTION_APP_ORIGIN}/`), options);
    expect(resolved.status).toBe('signed-in');
    expect(resolved.toAuth()).toMatchObject({ userId, sessionId });
    expect(resolved.headers.getSetCookie().some((cookie) => cookie.startsWith('__session='))).toBe(true);
  });
});
