import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk, signedInUser } from '../fapi/me/support/browser.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createOrganizationAs } from './support.js';

/**
 * What clerk-js does after an organization switch: every token refresh names the active organization
 * (`organization_id`), and every client response embeds the user's memberships, from which it derives
 * `Clerk.organization`.
 */
describe.each(DATABASES)('organizations in session tokens and the client [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('mints for an organization the user belongs to, and refuses one they do not', async () => {
    const alice = await signedInUser(t);
    const mallory = await signedInUser(t);
    const acme = await createOrganizationAs(alice.browser, 'Acme Tokens');
    const tokens = `/client/sessions/${alice.browser.sessionId}/tokens`;

    const personal = expectOk(await alice.browser.call('POST', tokens, { form: { organization_id: '' } }));
    expect(decodeJwt(personal.jwt).o).toBeUndefined();

    const forAcme = expectOk(await alice.browser.call('POST', tokens, { form: { organization_id: acme.id } }));
    expect(decodeJwt(forAcme.jwt).o).toMatchObject({ id: acme.id, slg: acme.slug, rol: 'admin' });

    // Not a member: 404, and nothing about the session changed.
    const malloryTokens = `/client/sessions/${mallory.browser.sessionId}/tokens`;
    expectError(
      await mallory.browser.call('POST', malloryTokens, { form: { organization_id: acme.id } }),
      404,
      'resource_not_found',
      'organization_id',
    );
    const session = await t.server.store.sessions.findById(mallory.browser.sessionId as string);
    expect(session?.lastActiveOrganizationId).toBeNull();
  });

  it('embeds the memberships in the client, the touch response and /v1/me, without private metadata', async () => {
    const alice = await signedInUser(t);
    const acme = await createOrganizationAs(alice.browser, 'Acme Embedded');
    await t.api(`/organizations/${acme.id}`, { method: 'PATCH', body: { private_metadata: { secret: 'x' } } });

    const touched = expectOk(
      await alice.browser.call('POST', `/client/sessions/${alice.browser.sessionId}/touch`, {
        form: { active_organization_id: acme.id },
      }),
    ).response;
    expect(touched.user.organization_memberships).toHaveLength(1);
    expect(touched.user.organization_memberships[0]).toMatchObject({
      object: 'organization_membership',
      role: 'org:admin',
      organization: { id: acme.id },
    });

    const client = expectOk(await alice.browser.call('GET', '/client')).response;
    const session = client.sessions.find((s: { id: string }) => s.id === alice.browser.sessionId);
    expect(session.last_active_organization_id).toBe(acme.id);
    expect(
      session.user.organization_memberships.map((m: { organization: { id: string } }) => m.organization.id),
    ).toEqual([acme.id]);

    const me = expectOk(await alice.browser.call('GET', '/me')).response;
    expect(me.organization_memberships[0].organization.id).toBe(acme.id);
    expect(JSON.stringify([touched, client, me])).not.toContain('private_metadata');
  });
});
