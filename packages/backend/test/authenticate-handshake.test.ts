import { AuthErrorReason, clearJWKSCache, createLatchClient, type LatchClient } from '@latch/backend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FapiClient } from '../../server/test/fapi/support/fapi-client.js';
import { DATABASES } from '../../server/test/support/databases.js';
import { AppCookies, followHandshake } from './support/app-cookies.js';
import {
  APP_ORIGIN,
  apiUrlOf,
  appRequest,
  instanceSigningKey,
  recordingLogger,
  type SignedInBrowser,
  sessionClaims,
  signedInBrowser,
  signToken,
  startLatch,
  startSkewedLatch,
  stopLatch,
  type TestServer,
} from './support/latch.js';

/**
 * The handshake end to end on a development instance: the SDK redirects, a browser with a Latch
 * client follows it through the Frontend API, the SDK redeems the nonce and applies the cookies.
 */
describe.each(DATABASES)('authenticateRequest handshake through the Frontend API [%s]', (database) => {
  let t: TestServer;
  let latch: LatchClient;
  const options = () => ({ proxyUrl: t.server.url, authorizedParties: [APP_ORIGIN] });
  const cookiesOf = (s: SignedInBrowser, token = s.token) => ({
    __session: token,
    __client_uat: s.clientUat,
    __clerk_db_jwt: s.browser.cookies.get('__client') as string,
  });

  beforeAll(async () => {
    t = await startLatch(database);
    latch = createLatchClient({ secretKey: t.secretKey, publishableKey: t.server.publishableKey, apiUrl: apiUrlOf(t) });
  });
  afterAll(async () => {
    await stopLatch(t);
  });
  beforeEach(() => {
    clearJWKSCache();
  });

  it('first visit: dev-browser-missing → handshake → nonce → signed in; then signed in with no redirect', async () => {
    const signedIn = await signedInBrowser(t);
    const app = new AppCookies();
    const first = await latch.authenticateRequest(app.request(`${APP_ORIGIN}/dashboard`), options());
    expect(first).toMatchObject({ status: 'handshake', reason: AuthErrorReason.DevBrowserMissing });

    const { next } = await followHandshake(signedIn.browser, first.headers.get('location') as string);
    expect(new URL(next).searchParams.has('__clerk_handshake_nonce')).toBe(true);
    const resolved = await latch.authenticateRequest(app.request(next), options());
    expect(resolved.status).toBe('signed-in');
    expect(resolved.toAuth()).toMatchObject({ userId: signedIn.userId, sessionId: signedIn.sessionId });
    // Development: on to the same URL without the nonce, with the cookies the handshake decided.
    expect(resolved.headers.get('location')).toBe(`${APP_ORIGIN}/dashboard`);
    app.apply(resolved.headers);
    expect(app.get('__session')).toBe(resolved.token);
    expect(Number(app.get('__client_uat'))).toBeGreaterThan(0);
    expect(app.get('__clerk_db_jwt')).toBeTruthy();

    const settled = await latch.authenticateRequest(app.request(`${APP_ORIGIN}/dashboard`), options());
    expect(settled.status).toBe('signed-in');
    expect(settled.headers.get('location')).toBeNull();
    expect(settled.toAuth()?.userId).toBe(signedIn.userId);
  });

  it('a browser without a session resolves to signed-out and its cookies are cleared', async () => {
    const browser = new FapiClient(t.server.url);
    const app = new AppCookies([['__client_uat', '1700000000']]);
    const first = await latch.authenticateRequest(app.request(`${APP_ORIGIN}/`), options());
    expect(first.status).toBe('handshake');
    const { next } = await followHandshake(browser, first.headers.get('location') as string);
    const resolved = await latch.authenticateRequest(app.request(next), options());
    expect(resolved).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.SessionTokenMissing });
    app.apply(resolved.headers);
    expect(app.get('__client_uat')).toBe('0');
    expect(app.has('__session')).toBe(false);
    const settled = await latch.authenticateRequest(app.request(`${APP_ORIGIN}/`), options());
    expect(settled.status).toBe('signed-out');
    expect(settled.headers.get('location')).toBeNull();
  });

  it('an expired cookie is refreshed through the handshake', async () => {
    const signedIn = await signedInBrowser(t);
    const { kid, privateKeyPem } = await instanceSigningKey(t);
    const expired = await signToken(
      privateKeyPem,
      sessionClaims(t, signedIn, { iat: Number(signedIn.clientUat) - Math.floor(Date.now() / 1000), exp: -60 }),
      { kid },
    );
    const app = new AppCookies(Object.entries(cookiesOf(signedIn, expired)));
    const first = await latch.authenticateRequest(app.request(`${APP_ORIGIN}/account`), options());
    expect(first.status).toBe('handshake');
    const { next } = await followHandshake(signedIn.browser, first.headers.get('location') as string);
    const resolved = await latch.authenticateRequest(app.request(next), options());
    expect(resolved.status).toBe('signed-in');
    expect(resolved.token).not.toBe(expired);
    expect(resolved.toAuth()?.sessionId).toBe(signedIn.sessionId);
  });
});

describe('authenticateRequest with a Latch whose clock runs 2 minutes ahead (SQLite)', () => {
  let t: TestServer;
  let latch: LatchClient;
  beforeAll(async () => {
    t = await startSkewedLatch('sqlite', 120_000);
    latch = createLatchClient({ secretKey: t.secretKey, publishableKey: t.server.publishableKey, apiUrl: apiUrlOf(t) });
  });
  afterAll(async () => {
    await stopLatch(t);
  });

  it('development: a fresh handshake token "from the future" is accepted (clock-skew tolerance, as Clerk)', async () => {
    const signedIn = await signedInBrowser(t);
    const logger = recordingLogger();
    const options = { proxyUrl: t.server.url, logger };
    const app = new AppCookies();
    const first = await latch.authenticateRequest(app.request(`${APP_ORIGIN}/`), options);
    expect(first.status).toBe('handshake');
    const { next } = await followHandshake(signedIn.browser, first.headers.get('location') as string);
    const resolved = await latch.authenticateRequest(app.request(next), options);
    expect(resolved.status).toBe('signed-in');
    expect(resolved.toAuth()?.userId).toBe(signedIn.userId);
    expect(logger.lines.join('\n')).toContain('token-not-active-yet');
    // Outside a handshake the skewed token is still refused: a fetch call is signed out.
    const state = await latch.authenticateRequest(
      appRequest('/api', { kind: 'fetch', headers: { authorization: `Bearer ${signedIn.token}` } }),
      options,
    );
    expect(state).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.SessionTokenNBF });
  });
});
