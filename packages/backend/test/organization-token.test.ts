import { createLatchClient, type LatchClient } from '@latch/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import {
  APP_ORIGIN,
  apiUrlOf,
  appRequest,
  mintFapiToken,
  signedInBrowser,
  startLatch,
  stopLatch,
  type TestServer,
  unique,
} from './support/latch.js';

/**
 * A real session token with an active organization: the browser switches organization through the
 * Frontend API (`touch` with `active_organization_id`, as clerk-js's setActive does), the Frontend API
 * mints a token with the v2 `o`/`fea` claims, and toAuth() decodes them into what Backend API says.
 */
describe.each(DATABASES)('organization claims of real session tokens [%s]', (database) => {
  let t: TestServer;
  let latch: LatchClient;

  beforeAll(async () => {
    t = await startLatch(database);
    latch = createLatchClient({ secretKey: t.secretKey, publishableKey: t.server.publishableKey, apiUrl: apiUrlOf(t) });
  });
  afterAll(async () => {
    await stopLatch(t);
  });

  it('orgId, orgSlug, orgRole and orgPermissions match the membership; has() answers from them', async () => {
    const signedIn = await signedInBrowser(t);
    const slug = unique('acme').toLowerCase();
    const organization = await latch.organizations.createOrganization({
      name: 'Acme',
      slug,
      createdBy: signedIn.userId,
    });
    const memberships = await latch.users.getOrganizationMembershipList({ userId: signedIn.userId });
    const membership = memberships.data.find((item) => item.organization.id === organization.id);
    expect(membership?.role).toBe('org:admin');
    // The creator's admin role carries permissions, so the bitmap decoding is really exercised.
    expect(membership?.permissions.length).toBeGreaterThan(0);

    const touched = await signedIn.browser.post(`/client/sessions/${signedIn.sessionId}/touch`, {
      active_organization_id: organization.id,
    });
    expect(touched.status, touched.text).toBe(200);
    const token = await mintFapiToken(signedIn.browser, signedIn.sessionId);

    const state = await latch.authenticateRequest(
      appRequest('/api', { kind: 'fetch', headers: { authorization: `Bearer ${token}` } }),
      { authorizedParties: [APP_ORIGIN] },
    );
    expect(state.status).toBe('signed-in');
    const auth = state.toAuth();
    if (!auth?.isAuthenticated) throw new Error('expected a signed-in auth object');
    expect(auth).toMatchObject({ orgId: organization.id, orgSlug: slug, orgRole: membership?.role });
    expect([...(auth.orgPermissions ?? [])].sort()).toEqual([...(membership?.permissions ?? [])].sort());
    expect(auth.has({ role: membership?.role as string })).toBe(true);
    for (const permission of membership?.permissions ?? []) expect(auth.has({ permission }), permission).toBe(true);
    expect(auth.has({ permission: 'org:nothing:here' })).toBe(false);

    // Back to the personal account: the next token has no organization.
    await signedIn.browser.post(`/client/sessions/${signedIn.sessionId}/touch`, { active_organization_id: '' });
    const personal = await latch.authenticateRequest(
      appRequest('/api', {
        kind: 'fetch',
        headers: { authorization: `Bearer ${await mintFapiToken(signedIn.browser, signedIn.sessionId)}` },
      }),
      { authorizedParties: [APP_ORIGIN] },
    );
    expect(personal.toAuth()).toMatchObject({ userId: signedIn.userId, orgId: undefined, orgRole: undefined });
  });
});
