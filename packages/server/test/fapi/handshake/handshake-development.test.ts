import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../bapi/support.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import {
  APP_ORIGIN,
  Browser,
  clientIdOf,
  expectedSuffix,
  handshakePath,
  parseDirective,
  redeemNonce,
  setCookies,
  signedInBrowser,
  verifyWithJWKS,
} from './browser.js';

const REDIRECT = `${APP_ORIGIN}/dashboard?tab=1`;

/** The handshake of a development instance: payload in the URL, dev-browser cookie planted. */
describe.each(DATABASES)('GET /v1/client/handshake, development instance [%s]', (database) => {
  let t: TestServer;
  let signedIn: Awaited<ReturnType<typeof signedInBrowser>>;
  beforeAll(async () => {
    t = await startTestServer(database);
    signedIn = await signedInBrowser(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('format=nonce: 307 back to redirect_url with the nonce; directives sign the app in', async () => {
    const { browser, userId, session } = signedIn;
    const response = await browser.get(
      handshakePath(REDIRECT, { format: 'nonce', suffixed_cookies: 'false', __clerk_hs_reason: 'dev-browser-missing' }),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = new URL(response.headers.get('location') as string);
    expect(location.origin).toBe(APP_ORIGIN);
    expect(location.pathname).toBe('/dashboard');
    expect(location.searchParams.get('tab')).toBe('1');
    const nonce = location.searchParams.get('__clerk_handshake_nonce') as string;
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The Frontend API's own response carries __client_uat too; no nonce cookie in development.
    const fapiCookies = setCookies(response);
    expect(fapiCookies.get('__client_uat')?.value).toMatch(/^[1-9]\d+$/);
    expect(fapiCookies.has('__clerk_handshake_nonce')).toBe(false);

    const { raw, byName } = await redeemNonce(t, nonce);
    expect([...byName.keys()].sort()).toEqual(
      ['__session', '__client_uat', '__clerk_db_jwt', '__clerk_handshake_nonce', '__clerk_handshake'].sort(),
    );
    expect(raw.some((directive) => directive.includes(`_${expectedSuffix(t.server.publishableKey)}=`))).toBe(false);
    const sessionCookie = byName.get('__session');
    expect(sessionCookie?.attributes.get('path')).toBe('/');
    expect(sessionCookie?.attributes.get('samesite')).toBe('Lax');
    expect(sessionCookie?.attributes.has('httponly')).toBe(false);
    expect(sessionCookie?.attributes.has('secure')).toBe(false); // the app is on http://localhost
    const client = await t.server.store.clients.findById(session.clientId);
    expect(byName.get('__client_uat')?.value).toBe(String(Math.floor((client?.updatedAt ?? 0) / 1000)));
    // The dev-browser token is the browser's client token (the HttpOnly cookie the FAPI set).
    expect(byName.get('__clerk_db_jwt')?.value).toBe(browser.cookies.get('__client'));
    for (const name of ['__clerk_handshake_nonce', '__clerk_handshake']) {
      expect(byName.get(name)?.value).toBe('');
      expect(byName.get(name)?.attributes.get('max-age')).toBe('0');
    }

    const { header, payload } = await verifyWithJWKS(t, sessionCookie?.value as string);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', cat: 'cl_B7d4PD111AAA' });
    expect(payload).toMatchObject({
      sub: userId,
      sid: session.id,
      azp: APP_ORIGIN,
      iss: 'https://127.0.0.1:4000',
      v: 2,
      sts: 'active',
    });
    const now = Math.floor(Date.now() / 1000);
    expect(payload.exp).toBe((payload.iat as number) + 60);
    expect(Math.abs((payload.iat as number) - now)).toBeLessThanOrEqual(5);
    expect(payload.iat as number).toBeGreaterThanOrEqual(Number(byName.get('__client_uat')?.value));
  });

  it('a nonce can be redeemed more than once while it lives', async () => {
    const response = await signedIn.browser.get(handshakePath(REDIRECT, { format: 'nonce' }));
    const nonce = new URL(response.headers.get('location') as string).searchParams.get(
      '__clerk_handshake_nonce',
    ) as string;
    const first = await redeemNonce(t, nonce);
    const second = await redeemNonce(t, nonce);
    expect(second.raw).toEqual(first.raw);
  });

  it('suffixed_cookies=true writes both the plain and the suffixed names', async () => {
    const suffix = expectedSuffix(t.server.publishableKey);
    const response = await signedIn.browser.get(handshakePath(REDIRECT, { format: 'nonce', suffixed_cookies: 'true' }));
    const nonce = new URL(response.headers.get('location') as string).searchParams.get(
      '__clerk_handshake_nonce',
    ) as string;
    const { byName } = await redeemNonce(t, nonce);
    for (const name of ['__session', '__client_uat', '__clerk_db_jwt']) {
      expect(byName.has(name), name).toBe(true);
      expect(byName.get(`${name}_${suffix}`)?.value, `${name}_${suffix}`).toBe(byName.get(name)?.value);
    }
    expect((await verifyWithJWKS(t, byName.get(`__session_${suffix}`)?.value as string)).payload.sid).toBe(
      signedIn.session.id,
    );
  });

  it('format=token (the default): a signed JWT {handshake:[…]} in the URL', async () => {
    const response = await signedIn.browser.get(handshakePath(REDIRECT));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') as string);
    expect(location.searchParams.has('__clerk_handshake_nonce')).toBe(false);
    const token = location.searchParams.get('__clerk_handshake') as string;
    const { header, payload } = await verifyWithJWKS(t, token);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', cat: 'cl_B7d4PD111AAA' });
    const directives = (payload.handshake as string[]).map(parseDirective);
    const session = directives.find((directive) => directive.name === '__session');
    expect((await verifyWithJWKS(t, session?.value as string)).payload.sub).toBe(signedIn.userId);
    expect(directives.map((directive) => directive.name)).toContain('__clerk_db_jwt');
  });

  it('a browser without a session gets signed-out directives', async () => {
    const browser = new Browser(t.server.url);
    await clientIdOf(browser);
    const response = await browser.get(handshakePath(REDIRECT, { format: 'nonce', suffixed_cookies: 'true' }));
    const nonce = new URL(response.headers.get('location') as string).searchParams.get(
      '__clerk_handshake_nonce',
    ) as string;
    const { byName } = await redeemNonce(t, nonce);
    const suffix = expectedSuffix(t.server.publishableKey);
    for (const name of ['__session', `__session_${suffix}`]) {
      expect(byName.get(name)?.value, name).toBe('');
      expect(byName.get(name)?.attributes.get('max-age'), name).toBe('0');
    }
    for (const name of ['__client_uat', `__client_uat_${suffix}`]) expect(byName.get(name)?.value, name).toBe('0');
    expect(byName.get('__clerk_db_jwt')?.value).toBe(browser.cookies.get('__client'));
    expect(setCookies(response).get('__client_uat')?.value).toBe('0');
  });

  it('a browser with no client at all gets one, so the dev-browser token names a real client', async () => {
    const browser = new Browser(t.server.url);
    const response = await browser.get(handshakePath(REDIRECT, { format: 'nonce' }));
    expect(response.status).toBe(307);
    const clientToken = browser.cookies.get('__client') as string;
    expect(clientToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookies(response).get('__client')?.attributes.has('httponly')).toBe(true);
    const nonce = new URL(response.headers.get('location') as string).searchParams.get(
      '__clerk_handshake_nonce',
    ) as string;
    const { byName } = await redeemNonce(t, nonce);
    expect(byName.get('__clerk_db_jwt')?.value).toBe(clientToken);
    expect(byName.get('__session')?.value).toBe('');
    // The same browser then sees that very client.
    const hash = createHash('sha256').update(clientToken).digest('base64url');
    expect((await t.server.store.clients.findByTokenHash(hash))?.id).toBe(await clientIdOf(browser));
  });

  it('an ended session is not handed out', async () => {
    const { browser, session } = await signedInBrowser(t);
    const ended = await browser.post(`/v1/client/sessions/${session.id}/end`);
    expect(ended.status).toBe(200);
    const response = await browser.get(handshakePath(REDIRECT, { format: 'nonce' }));
    const nonce = new URL(response.headers.get('location') as string).searchParams.get(
      '__clerk_handshake_nonce',
    ) as string;
    const { byName } = await redeemNonce(t, nonce);
    expect(byName.get('__session')?.value).toBe('');
    expect(byName.get('__client_uat')?.value).toBe('0');
  });

  it('refuses a redirect_url that is missing, malformed, not http(s) or on a foreign origin', async () => {
    const browser = new Browser(t.server.url);
    const cases: [string, string][] = [
      ['/v1/client/handshake?format=nonce', 'form_param_missing'],
      [handshakePath('not a url'), 'redirect_url_invalid'],
      [handshakePath('/dashboard'), 'redirect_url_invalid'],
      [handshakePath('javascript:alert(1)'), 'redirect_url_invalid'],
      [handshakePath('https://evil.example/steal'), 'redirect_url_invalid'],
      [handshakePath('http://user:pass@localhost:3000/'), 'redirect_url_invalid'],
      [handshakePath(`${APP_ORIGIN}/${'x'.repeat(5000)}`), 'form_param_max_length_exceeded'],
    ];
    for (const [path, code] of cases) {
      const response = await browser.get(path);
      expect(response.headers.get('location'), path).toBeNull();
      await expectError(response, 422, code, 'redirect_url');
    }
    // Nothing was created on the way.
    expect(browser.cookies.size).toBe(0);
  });

  it('refuses an unknown format, naming it', async () => {
    await expectError(
      await new Browser(t.server.url).get(handshakePath(REDIRECT, { format: 'xml' })),
      422,
      'form_param_value_invalid',
      'format',
    );
  });
});
