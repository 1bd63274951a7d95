import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handshakePath, setCookies, signedInBrowser } from '../../server/test/fapi/handshake/browser.js';
import { PRODUCTION_APP_ORIGIN, startProductionServer } from '../../server/test/fapi/handshake/production-server.js';
import { DATABASES } from '../../server/test/support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../server/test/support/smtp-sink.js';
import type { TestServer } from '../../server/test/support/test-server.js';
import { matchOrganizationSync } from '../src/organization-sync-patterns.js';
import { getAuth, latchMiddleware } from '../src/server/index.js';
import { DOCUMENT_HEADERS, forwardedRequestHeaders, runMiddleware } from './support/run-middleware.js';

const SYNC = { organizationPatterns: ['/org/:slug', '/org/:slug/(.*)'], personalAccountPatterns: ['/me', '/me/(.*)'] };

describe('organizationSyncOptions URL patterns', () => {
  it('reads the slug or id the URL names, organization patterns first', () => {
    expect(matchOrganizationSync('/org/acme', SYNC)).toEqual({ type: 'organization', organizationSlug: 'acme' });
    expect(matchOrganizationSync('/org/acme/settings/members', SYNC)).toEqual({
      type: 'organization',
      organizationSlug: 'acme',
    });
    expect(matchOrganizationSync('/orgs/org_123/x', { organizationPatterns: ['/orgs/:id/(.*)'] })).toEqual({
      type: 'organization',
      organizationId: 'org_123',
    });
    expect(matchOrganizationSync('/me/settings', SYNC)).toEqual({ type: 'personalAccount' });
    expect(matchOrganizationSync('/organization', SYNC)).toBeNull();
    expect(matchOrganizationSync('/org', SYNC)).toBeNull();
    expect(matchOrganizationSync('/other/org/acme', SYNC)).toBeNull();
  });
});

/**
 * The middleware half of `organizationSyncOptions` against a real Latch: a page load whose URL names
 * another organization than the token's goes through the real handshake with `organization_id`, and
 * comes back with a token (and `auth()`) for that organization.
 */
describe.each(DATABASES)('latchMiddleware organizationSyncOptions against a real Latch (%s)', (database) => {
  let sink: SMTPSink;
  let latch: TestServer;
  let signedIn: Awaited<ReturnType<typeof signedInBrowser>>;
  let middleware: ReturnType<typeof latchMiddleware>;
  let acmeId: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    sink = await startSMTPSink();
    latch = await startProductionServer(database, sink);
    signedIn = await signedInBrowser(latch);
    const created = await latch.api('/organizations', {
      method: 'POST',
      body: { name: 'Acme', slug: 'acme', created_by: signedIn.userId },
    });
    expect(created.status).toBe(200);
    acmeId = ((await created.json()) as { id: string }).id;
    const stranger = await signedInBrowser(latch);
    const globex = await latch.api('/organizations', {
      method: 'POST',
      body: { name: 'Globex', slug: 'globex', created_by: stranger.userId },
    });
    expect(globex.status).toBe(200);
    // getAuth() verifies the middleware's signed verdict with the secret key from the environment, as in an app.
    process.env.NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY = latch.server.publishableKey;
    process.env.LATCH_SECRET_KEY = latch.secretKey;
    process.env.LATCH_API_URL = `${latch.server.url}/api`;
    middleware = latchMiddleware({
      publishableKey: latch.server.publishableKey,
      secretKey: latch.secretKey,
      apiUrl: `${latch.server.url}/api`,
      organizationSyncOptions: SYNC,
    });
  });
  afterAll(async () => {
    process.env = saved;
    await latch?.stop();
    await sink?.close();
  });

  /** The browser follows a handshake redirect at the real Frontend API; returns the nonce it came back with. */
  async function followHandshake(location: string, expectedReturn: string): Promise<string> {
    const url = new URL(location);
    const response = await signedIn.browser.get(`/v1/client/handshake${url.search}`);
    expect(response.status, await response.clone().text()).toBe(307);
    expect(response.headers.get('location')).toBe(expectedReturn);
    return setCookies(response).get('__clerk_handshake_nonce')?.value as string;
  }

  function page(path: string, cookies: Record<string, string>) {
    const cookie = Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    return runMiddleware(middleware, `${PRODUCTION_APP_ORIGIN}${path}`, { headers: { ...DOCUMENT_HEADERS, cookie } });
  }

  it('switches to the organization the URL names through the handshake, then renders with it', async () => {
    const target = `${PRODUCTION_APP_ORIGIN}/org/acme/settings`;
    // A first handshake signs the app in on the personal account.
    const personalNonce = await followHandshake(
      `https://x.invalid${handshakePath(target, { format: 'nonce', suffixed_cookies: 'false' })}`,
      target,
    );
    const first = await page('/org/acme/settings', { __clerk_handshake_nonce: personalNonce });
    expect(first.status).toBe(307);
    const location = new URL(first.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${PRODUCTION_APP_ORIGIN}/__latch/v1/client/handshake`);
    expect(location.searchParams.get('organization_id')).toBe('acme');
    expect(location.searchParams.get('redirect_url')).toBe(target);
    expect(location.searchParams.get('__clerk_hs_reason')).toBe('active-organization-switch-required');
    const firstCookies = setCookies(first);
    expect(firstCookies.get('__session')?.value, 'the personal token is kept meanwhile').toMatch(/^ey/);
    expect(firstCookies.get('__latch_org_sync')?.value).toBe('acme');

    const orgNonce = await followHandshake(location.href, target);
    const second = await page('/org/acme/settings', { __clerk_handshake_nonce: orgNonce, __latch_org_sync: 'acme' });
    expect(second.headers.get('x-middleware-next')).toBe('1');
    const auth = getAuth({ headers: forwardedRequestHeaders(second) });
    expect(auth.userId).toBe(signedIn.userId);
    expect(auth.orgId).toBe(acmeId);
    expect(auth.orgSlug).toBe('acme');
    expect(auth.orgRole).toBe('org:admin');

    // On a personal-account URL the organization is left the same way.
    const orgToken = setCookies(second).get('__session')?.value as string;
    const clientUat = setCookies(second).get('__client_uat')?.value as string;
    const personal = await page('/me', { __session: orgToken, __client_uat: clientUat });
    expect(personal.status).toBe(307);
    expect(new URL(personal.headers.get('location') as string).searchParams.get('organization_id')).toBe('');
    // The URL's organization is already active: no detour.
    const same = await page('/org/acme', { __session: orgToken, __client_uat: clientUat });
    expect(same.headers.get('x-middleware-next')).toBe('1');
    // Not a document navigation (fetch, RSC): never redirected.
    const fetchRequest = await runMiddleware(middleware, `${PRODUCTION_APP_ORIGIN}/me`, {
      headers: { authorization: `Bearer ${orgToken}`, accept: '*/*', 'sec-fetch-dest': 'empty' },
    });
    expect(fetchRequest.headers.get('x-middleware-next')).toBe('1');
  });

  it('does not loop when the switch cannot happen (not a member): the page renders unchanged', async () => {
    const target = `${PRODUCTION_APP_ORIGIN}/org/globex`;
    const nonce = await followHandshake(
      `https://x.invalid${handshakePath(target, { format: 'nonce', suffixed_cookies: 'false', organization_id: '' })}`,
      target,
    );
    const first = await page('/org/globex', { __clerk_handshake_nonce: nonce });
    expect(first.status).toBe(307);
    const location = first.headers.get('location') as string;
    expect(new URL(location).searchParams.get('organization_id')).toBe('globex');
    const back = await followHandshake(location, target);
    const second = await page('/org/globex', { __clerk_handshake_nonce: back, __latch_org_sync: 'globex' });
    expect(second.headers.get('x-middleware-next')).toBe('1');
    const auth = getAuth({ headers: forwardedRequestHeaders(second) });
    expect(auth.userId).toBe(signedIn.userId);
    expect(auth.orgId ?? null).toBeNull();
  });
});
