import { type ClerkClient, createClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { APP_ORIGIN, Browser, parseDirective, signedInBrowser } from './browser.js';
import { PRODUCTION_APP_ORIGIN, startProductionServer } from './production-server.js';

/** The app server's side: the cookies its domain holds, fed by the `Set-Cookie`s it emits. */
class AppCookies extends Map<string, string> {
  apply(headers: Headers): void {
    for (const raw of headers.getSetCookie()) {
      const directive = parseDirective(raw);
      if (directive.attributes.get('max-age') === '0') this.delete(directive.name);
      else this.set(directive.name, directive.value);
    }
  }

  /** A document navigation to `url`, as a browser sends it. */
  request(url: string): Request {
    const cookie = [...this].map(([name, value]) => `${name}=${value}`).join('; ');
    return new Request(url, {
      headers: { ...(cookie ? { cookie } : {}), 'sec-fetch-dest': 'document', accept: 'text/html' },
    });
  }
}

/** Follows a handshake redirect in `browser` (re-targeted at the loopback server) and returns where it leads. */
async function followHandshake(
  browser: Browser,
  location: string,
  headers: Record<string, string> = {},
): Promise<{ response: Response; next: string }> {
  const url = new URL(location);
  expect(url.pathname).toBe('/v1/client/handshake');
  const response = await browser.get(`${url.pathname}${url.search}`, headers);
  expect(response.status, await response.clone().text()).toBe(307);
  return { response, next: response.headers.get('location') as string };
}

/**
 * The real check: the official `@clerk/backend` 3.25.0 `authenticateRequest` asks Latch for a
 * handshake, redeems it at the Backend API and ends up signed in with the right user and session.
 */
describe.each(DATABASES)('@clerk/backend authenticateRequest with the Latch handshake [%s]', (database) => {
  describe('development instance', () => {
    let t: TestServer;
    let clerk: ClerkClient;
    beforeAll(async () => {
      t = await startTestServer(database);
      clerk = createClerkClient({
        apiUrl: `${t.server.url}/api`,
        secretKey: t.secretKey,
        publishableKey: t.server.publishableKey,
        telemetry: { disabled: true },
      });
    });
    afterAll(async () => {
      await t?.stop();
    });
    // A self-hosted development setup reaches the Frontend API over http: through `proxyUrl`.
    const options = () => ({ proxyUrl: t.server.url, authorizedParties: [APP_ORIGIN] });

    it('first visit: dev-browser-missing → handshake → signed in, then signed in without a handshake', async () => {
      const { browser, userId, session } = await signedInBrowser(t);
      const app = new AppCookies();
      const first = await clerk.authenticateRequest(app.request(`${APP_ORIGIN}/dashboard`), options());
      expect(first.status).toBe('handshake');
      expect(first.reason).toBe('dev-browser-missing');
      const location = first.headers.get('location') as string;
      expect(location.startsWith(`${t.server.url}/v1/client/handshake?`)).toBe(true);
      expect(new URL(location).searchParams.get('format')).toBe('nonce');

      const { next } = await followHandshake(browser, location);
      expect(new URL(next).searchParams.has('__clerk_handshake_nonce')).toBe(true);
      const resolved = await clerk.authenticateRequest(app.request(next), options());
      expect(resolved.status).toBe('signed-in');
      expect(resolved.toAuth()).toMatchObject({ userId, sessionId: session.id });
      // Development: the SDK sends the browser on to the same URL without the nonce.
      expect(resolved.headers.get('location')).toBe(`${APP_ORIGIN}/dashboard`);
      app.apply(resolved.headers);
      expect(app.get('__clerk_db_jwt')).toBe(browser.cookies.get('__client'));

      const settled = await clerk.authenticateRequest(app.request(`${APP_ORIGIN}/dashboard`), options());
      expect(settled.status).toBe('signed-in');
      expect(settled.headers.get('location')).toBeNull();
      expect(settled.toAuth()).toMatchObject({ userId, sessionId: session.id });
    });

    it('__client_uat without __session on a document GET → handshake at our /v1/client/handshake', async () => {
      const { browser, userId, session } = await signedInBrowser(t);
      const app = new AppCookies([
        ['__clerk_db_jwt', browser.cookies.get('__client') as string],
        ['__client_uat', String(Math.floor(session.createdAt / 1000))],
      ]);
      const state = await clerk.authenticateRequest(app.request(`${APP_ORIGIN}/orders?page=2`), options());
      expect(state.status).toBe('handshake');
      expect(state.reason).toBe('client-uat-but-no-session-token');
      const location = new URL(state.headers.get('location') as string);
      expect(`${location.origin}${location.pathname}`).toBe(`${t.server.url}/v1/client/handshake`);
      expect(location.searchParams.get('redirect_url')).toBe(`${APP_ORIGIN}/orders?page=2`);
      expect(location.searchParams.get('suffixed_cookies')).toBe('false');
      expect(location.searchParams.get('__clerk_hs_reason')).toBe('client-uat-but-no-session-token');

      const { next } = await followHandshake(browser, location.href);
      const resolved = await clerk.authenticateRequest(app.request(next), options());
      expect(resolved.status).toBe('signed-in');
      expect(resolved.toAuth()).toMatchObject({ userId, sessionId: session.id });
    });

    it('the same request from fetch (not a document) is simply signed out', async () => {
      const request = new Request(`${APP_ORIGIN}/api/data`, {
        headers: { cookie: '__clerk_db_jwt=x; __client_uat=1700000000', 'sec-fetch-dest': 'empty' },
      });
      const state = await clerk.authenticateRequest(request, options());
      expect(state.status).toBe('signed-out');
    });

    it('a browser without a session resolves to signed out, cookies cleared', async () => {
      const browser = new Browser(t.server.url);
      const app = new AppCookies([['__client_uat', '1700000000']]);
      const first = await clerk.authenticateRequest(app.request(`${APP_ORIGIN}/`), options());
      expect(first.status).toBe('handshake');
      const { next } = await followHandshake(browser, first.headers.get('location') as string);
      const resolved = await clerk.authenticateRequest(app.request(next), options());
      expect(resolved.status).toBe('signed-out');
      app.apply(resolved.headers);
      expect(app.get('__client_uat')).toBe('0');
      expect(app.has('__session')).toBe(false);
      const settled = await clerk.authenticateRequest(app.request(`${APP_ORIGIN}/`), options());
      expect(settled.status).toBe('signed-out');
      expect(settled.headers.get('location')).toBeNull();
    });
  });

  describe('production instance', () => {
    let sink: SMTPSink;
    let t: TestServer;
    let clerk: ClerkClient;
    beforeAll(async () => {
      sink = await startSMTPSink();
      t = await startProductionServer(database, sink);
      clerk = createClerkClient({
        apiUrl: `${t.server.url}/api`,
        secretKey: t.secretKey,
        publishableKey: t.server.publishableKey,
        telemetry: { disabled: true },
      });
    });
    afterAll(async () => {
      await t?.stop();
      await sink?.close();
    });
    const options = { authorizedParties: [PRODUCTION_APP_ORIGIN] };

    it('uat without session → handshake at https://clerk.example.test → nonce cookie → signed in', async () => {
      const { browser, userId, session } = await signedInBrowser(t);
      const app = new AppCookies([['__client_uat', String(Math.floor(session.createdAt / 1000))]]);
      const state = await clerk.authenticateRequest(app.request(`${PRODUCTION_APP_ORIGIN}/dashboard`), options);
      expect(state.status).toBe('handshake');
      expect(state.reason).toBe('client-uat-but-no-session-token');
      const location = new URL(state.headers.get('location') as string);
      expect(`${location.origin}${location.pathname}`).toBe('https://clerk.example.test/v1/client/handshake');

      // The browser talks to clerk.example.test; the nonce cookie lands on example.test, which the app shares.
      const { response, next } = await followHandshake(browser, location.href, {
        'x-forwarded-host': 'clerk.example.test',
      });
      expect(next).toBe(`${PRODUCTION_APP_ORIGIN}/dashboard`);
      app.apply(response.headers);
      expect(app.has('__clerk_handshake_nonce')).toBe(true);

      const resolved = await clerk.authenticateRequest(app.request(next), options);
      expect(resolved.status).toBe('signed-in');
      expect(resolved.toAuth()).toMatchObject({ userId, sessionId: session.id });
      expect(resolved.headers.get('location')).toBeNull();
      app.apply(resolved.headers);
      expect(app.has('__clerk_handshake_nonce')).toBe(false);

      const settled = await clerk.authenticateRequest(app.request(`${PRODUCTION_APP_ORIGIN}/dashboard`), options);
      expect(settled.status).toBe('signed-in');
      expect(settled.toAuth()).toMatchObject({ userId, sessionId: session.id });
    });

    it('format=token: the SDK verifies the __clerk_handshake JWT against the JWKS and signs in', async () => {
      const { browser, userId, session } = await signedInBrowser(t);
      const response = await browser.get(
        `/v1/client/handshake?${new URLSearchParams({ redirect_url: `${PRODUCTION_APP_ORIGIN}/`, format: 'token' })}`,
      );
      expect(response.status).toBe(307);
      const app = new AppCookies();
      app.apply(response.headers);
      expect(app.has('__clerk_handshake')).toBe(true);
      const resolved = await clerk.authenticateRequest(app.request(`${PRODUCTION_APP_ORIGIN}/`), options);
      expect(resolved.status).toBe('signed-in');
      expect(resolved.toAuth()).toMatchObject({ userId, sessionId: session.id });
    });
  });
});
