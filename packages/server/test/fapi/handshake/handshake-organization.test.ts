import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import type { TestServer } from '../../support/test-server.js';
import { handshakePath, redeemNonce, setCookies, signedInBrowser, verifyWithJWKS } from './browser.js';
import { PRODUCTION_APP_ORIGIN, startProductionServer } from './production-server.js';

const REDIRECT = `${PRODUCTION_APP_ORIGIN}/org/acme`;

/**
 * `organization_id` on the handshake — what an app's `organizationSyncOptions` sends when the URL names
 * another organization than the session token's: Latch makes it active (by id or slug) when the user
 * belongs to it and mints the token with its `o` claim; anything else changes nothing.
 */
describe.each(DATABASES)('GET /v1/client/handshake with organization_id [%s]', (database) => {
  let sink: SMTPSink;
  let t: TestServer;
  let signedIn: Awaited<ReturnType<typeof signedInBrowser>>;
  let acme: { id: string; slug: string };
  let foreign: { id: string; slug: string };

  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startProductionServer(database, sink);
    signedIn = await signedInBrowser(t);
    acme = await createOrganization(t, 'Acme', 'acme', signedIn.userId);
    const stranger = await signedInBrowser(t);
    foreign = await createOrganization(t, 'Globex', 'globex', stranger.userId);
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  /** Runs a handshake and returns the verified claims of the `__session` it sets. */
  async function handshakeClaims(params: Record<string, string>): Promise<Record<string, unknown>> {
    const response = await signedIn.browser.get(
      handshakePath(REDIRECT, { format: 'nonce', suffixed_cookies: 'false', ...params }),
    );
    expect(response.status, await response.clone().text()).toBe(307);
    expect(response.headers.get('location')).toBe(REDIRECT);
    const nonce = setCookies(response).get('__clerk_handshake_nonce')?.value as string;
    const { byName } = await redeemNonce(t, nonce);
    return (await verifyWithJWKS(t, byName.get('__session')?.value as string)).payload;
  }

  async function activeOrganizationId(): Promise<string | null> {
    return (await t.server.store.sessions.findById(signedIn.session.id))?.lastActiveOrganizationId ?? null;
  }

  it('activates the organization the URL names by slug, and the token carries it', async () => {
    const claims = await handshakeClaims({ organization_id: 'acme' });
    expect(claims.sid).toBe(signedIn.session.id);
    expect(claims.o).toMatchObject({ id: acme.id, slg: 'acme', rol: 'admin' });
    expect(await activeOrganizationId()).toBe(acme.id);
  });

  it('keeps the active organization on a plain handshake (no organization_id)', async () => {
    const claims = await handshakeClaims({});
    expect(claims.o).toMatchObject({ id: acme.id });
    expect(await activeOrganizationId()).toBe(acme.id);
  });

  it('switches to the personal account with organization_id=""', async () => {
    const claims = await handshakeClaims({ organization_id: '' });
    expect(claims.o).toBeUndefined();
    expect(claims.sub).toBe(signedIn.userId);
    expect(await activeOrganizationId()).toBeNull();
  });

  it('activates by id too', async () => {
    const claims = await handshakeClaims({ organization_id: acme.id });
    expect(claims.o).toMatchObject({ id: acme.id });
    expect(await activeOrganizationId()).toBe(acme.id);
  });

  it('changes nothing for an organization the user is not a member of, or one that does not exist', async () => {
    for (const requested of [foreign.id, foreign.slug, 'org_does_not_exist', 'no-such-slug']) {
      const claims = await handshakeClaims({ organization_id: requested });
      expect(claims.o, requested).toMatchObject({ id: acme.id });
      expect(await activeOrganizationId()).toBe(acme.id);
    }
  });

  it('answers an over-long organization_id with a Clerk-shaped 422, not a redirect', async () => {
    const response = await signedIn.browser.get(handshakePath(REDIRECT, { organization_id: 'x'.repeat(300) }));
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { code: string; meta?: { param_name?: string } }[] };
    expect(body.errors[0]?.meta?.param_name).toBe('organization_id');
  });
});

async function createOrganization(
  t: TestServer,
  name: string,
  slug: string,
  createdBy: string,
): Promise<{ id: string; slug: string }> {
  const response = await t.api('/organizations', { method: 'POST', body: { name, slug, created_by: createdBy } });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { id: string; slug: string };
}
