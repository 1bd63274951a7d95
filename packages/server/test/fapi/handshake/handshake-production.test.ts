import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../bapi/support.js';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import type { TestServer } from '../../support/test-server.js';
import {
  Browser,
  expectedSuffix,
  handshakePath,
  parseDirective,
  redeemNonce,
  setCookies,
  signedInBrowser,
  verifyWithJWKS,
} from './browser.js';
import { PRODUCTION_APP_ORIGIN, startProductionServer } from './production-server.js';

const REDIRECT = `${PRODUCTION_APP_ORIGIN}/dashboard`;

/** The handshake of a production instance: payload in a cookie, never in the URL; no dev browser. */
describe.each(DATABASES)('GET /v1/client/handshake, production instance [%s]', (database) => {
  let sink: SMTPSink;
  let t: TestServer;
  let signedIn: Awaited<ReturnType<typeof signedInBrowser>>;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startProductionServer(database, sink);
    signedIn = await signedInBrowser(t);
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('format=nonce: 307 to exactly redirect_url, the nonce in a short-lived HttpOnly cookie', async () => {
    const response = await signedIn.browser.get(
      handshakePath(REDIRECT, { format: 'nonce', suffixed_cookies: 'false' }),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(REDIRECT);
    const cookies = setCookies(response);
    const nonceCookie = cookies.get('__clerk_handshake_nonce');
    expect(nonceCookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(nonceCookie?.attributes.get('max-age')).toBe('60');
    expect(nonceCookie?.attributes.has('httponly')).toBe(true);
    expect(nonceCookie?.attributes.has('secure')).toBe(true);
    expect(nonceCookie?.attributes.get('samesite')).toBe('Lax');
    // Reached over 127.0.0.1 (no shared parent with the app): host-only.
    expect(nonceCookie?.attributes.has('domain')).toBe(false);
    expect(cookies.get('__client_uat')?.value).toMatch(/^[1-9]\d+$/);

    const { byName } = await redeemNonce(t, nonceCookie?.value as string);
    expect([...byName.keys()].sort()).toEqual(
      ['__session', '__client_uat', '__clerk_handshake_nonce', '__clerk_handshake'].sort(),
    );
    const session = byName.get('__session');
    expect(session?.attributes.has('secure')).toBe(true); // the app is https
    expect(session?.attributes.has('httponly')).toBe(false);
    const { payload } = await verifyWithJWKS(t, session?.value as string);
    expect(payload).toMatchObject({
      sub: signedIn.userId,
      sid: signedIn.session.id,
      azp: PRODUCTION_APP_ORIGIN,
      iss: 'https://clerk.example.test',
    });
  });

  it('plants the transport cookie on the parent domain the Frontend API and the app share', async () => {
    const response = await signedIn.browser.get(
      handshakePath(REDIRECT, { format: 'nonce', suffixed_cookies: 'true' }),
      {
        'x-forwarded-host': 'clerk.example.test',
      },
    );
    const nonceCookie = setCookies(response).get('__clerk_handshake_nonce');
    expect(nonceCookie?.attributes.get('domain')).toBe('example.test');
    const { byName } = await redeemNonce(t, nonceCookie?.value as string);
    // Clearing must name the same Domain, or the app's response would not remove it.
    expect(byName.get('__clerk_handshake_nonce')?.attributes.get('domain')).toBe('example.test');
    const suffix = expectedSuffix(t.server.publishableKey);
    expect(byName.get(`__session_${suffix}`)?.value).toBe(byName.get('__session')?.value);
    expect(byName.get(`__client_uat_${suffix}`)?.value).toBe(byName.get('__client_uat')?.value);
    expect([...byName.keys()].some((name) => name.startsWith('__clerk_db_jwt'))).toBe(false);
  });

  it('format=token: the signed payload in a __clerk_handshake cookie', async () => {
    const response = await signedIn.browser.get(handshakePath(REDIRECT, { format: 'token' }));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(REDIRECT);
    const cookie = setCookies(response).get('__clerk_handshake');
    expect(cookie?.attributes.has('httponly')).toBe(true);
    const { payload } = await verifyWithJWKS(t, cookie?.value as string);
    const directives = (payload.handshake as string[]).map(parseDirective);
    const session = directives.find((directive) => directive.name === '__session');
    expect((await verifyWithJWKS(t, session?.value as string)).payload.sid).toBe(signedIn.session.id);
  });

  it('a browser without a client is signed out and no client is created', async () => {
    const browser = new Browser(t.server.url);
    const response = await browser.get(handshakePath(REDIRECT, { format: 'nonce' }));
    expect(response.status).toBe(307);
    expect(browser.cookies.has('__client')).toBe(false);
    const { byName } = await redeemNonce(t, browser.cookies.get('__clerk_handshake_nonce') as string);
    expect(byName.get('__session')?.value).toBe('');
    expect(byName.get('__session')?.attributes.get('max-age')).toBe('0');
    expect(byName.get('__client_uat')?.value).toBe('0');
  });

  it('only allowed origins: localhost is no longer one', async () => {
    await expectError(
      await new Browser(t.server.url).get(handshakePath('http://localhost:3000/')),
      422,
      'redirect_url_invalid',
      'redirect_url',
    );
    const ok = await new Browser(t.server.url).get(handshakePath('https://clerk.example.test/account'));
    expect(ok.status).toBe(307);
  });

  it('POST /v1/dev_browser does not exist in production', async () => {
    await expectError(
      await new Browser(t.server.url).post('/v1/dev_browser', {}, PRODUCTION_APP_ORIGIN),
      404,
      'feature_not_enabled',
    );
  });
});
