import { __experimental_JWTPayloadToAuthObjectProperties as authFromClaims } from '@clerk/shared/jwtPayloadParser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationClaims } from '../../src/domain/tokens/organization-claim.js';
import { expectError, expectOk, type JSONBody, signedInUser } from '../fapi/me/support/browser.js';
import { DATABASES } from '../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { bapi, createOrganizationAs, eventsSince, rolesOf } from './support.js';

describe.each(DATABASES)('organizations end to end [%s]', (database) => {
  let t: TestServer;
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startTestServer(database, { smtpUrl: sink.url });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  /** The session's organization claims, decoded the way @clerk/backend decodes a v2 token. */
  async function authOf(sessionId: string) {
    const session = await t.server.store.sessions.findById(sessionId);
    if (!session) throw new Error('no session');
    const claims = await organizationClaims(t.server.store, session);
    return { claims, auth: authFromClaims({ v: 2, ...(claims ?? {}) } as never) };
  }

  it('create, invite by email, accept, change role, custom role, remove, leave and delete', async () => {
    const since = Date.now();
    const alice = await signedInUser(t, { first_name: 'Alice' });
    const bob = await signedInUser(t, { first_name: 'Bob' });
    const carol = await signedInUser(t);

    // Alice creates Acme from the browser and is its admin.
    const acme = await createOrganizationAs(alice.browser, 'Acme');
    expect(acme).toMatchObject({ object: 'organization', name: 'Acme', slug: 'acme', members_count: 1 });
    expect(acme.private_metadata).toBeUndefined();
    const mine = expectOk(
      await alice.browser.call('GET', '/me/organization_memberships', { query: { paginated: 'true' } }),
    ).response;
    expect(mine.total_count).toBe(1);
    expect(mine.data[0]).toMatchObject({ object: 'organization_membership', role: 'org:admin', role_name: 'Admin' });
    expect(mine.data[0].permissions).toEqual(
      expect.arrayContaining(['org:sys_memberships:manage', 'org:sys_memberships:read', 'org:sys_profile:manage']),
    );
    expect(mine.data[0].organization.id).toBe(acme.id);

    // Alice invites Bob; the email arrives at Bob's real mailbox.
    const invited = expectOk(
      await alice.browser.call('POST', `/organizations/${acme.id}/invitations`, {
        form: { email_address: bob.email, role: 'org:member' },
      }),
    ).response;
    expect(invited).toMatchObject({ object: 'organization_invitation', status: 'pending', role: 'org:member' });
    const mail = await sink.waitForMessage({ to: bob.email });
    expect(mail.subject).toContain('Acme');
    expect(mail.text).toContain('Alice');

    // Carol cannot accept Bob's invitation: it does not exist for her.
    expectError(
      await carol.browser.call('POST', `/me/organization_invitations/${invited.id}/accept`),
      404,
      'resource_not_found',
    );

    // Bob sees it (with the organization's public data) and accepts.
    const bobs = expectOk(
      await bob.browser.call('GET', '/me/organization_invitations', {
        query: { status: 'pending', paginated: 'true' },
      }),
    ).response;
    expect(bobs.data.map((i: JSONBody) => i.id)).toEqual([invited.id]);
    expect(bobs.data[0].public_organization_data).toMatchObject({ id: acme.id, name: 'Acme', slug: 'acme' });
    const accepted = expectOk(
      await bob.browser.call('POST', `/me/organization_invitations/${invited.id}/accept`),
    ).response;
    expect(accepted.status).toBe('accepted');
    expect(await rolesOf(t, acme.id)).toEqual({ [alice.userId]: 'org:admin', [bob.userId]: 'org:member' });

    // Lists filter by role and by a search over the member's names and addresses, and page.
    const admins = await bapi(t, `/organizations/${acme.id}/memberships?role=org:admin`);
    expect(admins.data.map((m: JSONBody) => m.public_user_data.user_id)).toEqual([alice.userId]);
    const found = expectOk(
      await alice.browser.call('GET', `/organizations/${acme.id}/memberships`, {
        query: { paginated: 'true', query: bob.email.toUpperCase() },
      }),
    ).response;
    expect(found.data.map((m: JSONBody) => m.public_user_data.user_id)).toEqual([bob.userId]);
    expect(found.data[0].private_metadata).toBeUndefined();
    const page = await bapi(t, `/organizations/${acme.id}/memberships?limit=1&offset=1&order_by=created_at`);
    expect(page.total_count).toBe(2);
    expect(page.data.map((m: JSONBody) => m.public_user_data.user_id)).toEqual([bob.userId]);

    // Bob switches to Acme: the session says so, and his token's claims carry it.
    const touched = expectOk(
      await bob.browser.call('POST', `/client/sessions/${bob.browser.sessionId}/touch`, {
        form: { active_organization_id: acme.id, intent: 'select_org' },
      }),
    ).response;
    expect(touched.last_active_organization_id).toBe(acme.id);
    let { auth } = await authOf(bob.browser.sessionId as string);
    expect(auth).toMatchObject({ orgId: acme.id, orgSlug: 'acme', orgRole: 'org:member' });
    expect(auth.orgPermissions).toContain('org:sys_memberships:read');
    expect(auth.orgPermissions).not.toContain('org:sys_memberships:manage');

    // A member cannot manage members; nothing changes.
    expectError(
      await bob.browser.call('POST', `/organizations/${acme.id}/invitations`, {
        form: { email_address: carol.email, role: 'org:member' },
      }),
      403,
      'missing_organization_permission',
    );
    expectError(
      await bob.browser.call('PATCH', `/organizations/${acme.id}/memberships/${alice.userId}`, {
        form: { role: 'org:member' },
      }),
      403,
      'missing_organization_permission',
    );
    expectError(
      await bob.browser.call('DELETE', `/organizations/${acme.id}/memberships/${alice.userId}`),
      403,
      'missing_organization_permission',
    );
    expect(await rolesOf(t, acme.id)).toEqual({ [alice.userId]: 'org:admin', [bob.userId]: 'org:member' });

    // Alice makes Bob an admin, and back.
    const promoted = expectOk(
      await alice.browser.call('PATCH', `/organizations/${acme.id}/memberships/${bob.userId}`, {
        form: { role: 'org:admin' },
      }),
    ).response;
    expect(promoted.role).toBe('org:admin');
    expect((await authOf(bob.browser.sessionId as string)).auth.orgRole).toBe('org:admin');

    // A custom permission and a custom role, through the Backend API.
    const permission = await bapi(t, '/organization_permissions', {
      method: 'POST',
      body: { key: 'org:reports:read', name: 'Read reports' },
    });
    expect(permission).toMatchObject({ object: 'permission', key: 'org:reports:read', type: 'user' });
    const role = await bapi(t, '/organization_roles', {
      method: 'POST',
      body: { key: 'org:analyst', name: 'Analyst', permissions: [permission.id] },
    });
    expect(role.permissions.map((p: JSONBody) => p.key)).toEqual(['org:reports:read']);
    const roles = expectOk(
      await alice.browser.call('GET', `/organizations/${acme.id}/roles`, { query: { paginated: 'true' } }),
    ).response;
    expect(roles.data.map((r: JSONBody) => r.key)).toEqual(
      expect.arrayContaining(['org:admin', 'org:member', 'org:analyst']),
    );
    const analyst = expectOk(
      await alice.browser.call('PATCH', `/organizations/${acme.id}/memberships/${bob.userId}`, {
        form: { role: 'org:analyst' },
      }),
    ).response;
    expect(analyst.permissions).toEqual(['org:reports:read']);
    ({ auth } = await authOf(bob.browser.sessionId as string));
    expect(auth).toMatchObject({ orgRole: 'org:analyst', orgPermissions: ['org:reports:read'] });

    // Alice removes Bob: his next token has no organization.
    expectOk(await alice.browser.call('DELETE', `/organizations/${acme.id}/memberships/${bob.userId}`));
    const after = await authOf(bob.browser.sessionId as string);
    expect(after.claims).toBeNull();
    expect(after.auth.orgId).toBeUndefined();
    expect(await rolesOf(t, acme.id)).toEqual({ [alice.userId]: 'org:admin' });

    // Carol joins through the Backend API, then leaves.
    await bapi(t, `/organizations/${acme.id}/memberships`, {
      method: 'POST',
      body: { user_id: carol.userId, role: 'org:member' },
    });
    expectOk(await carol.browser.call('DELETE', `/me/organization_memberships/${acme.id}`));
    expect(await rolesOf(t, acme.id)).toEqual({ [alice.userId]: 'org:admin' });

    // The last admin can neither leave nor be removed.
    expectError(
      await alice.browser.call('DELETE', `/me/organization_memberships/${acme.id}`),
      400,
      'organization_minimum_permissions_needed',
    );
    expect(await rolesOf(t, acme.id)).toEqual({ [alice.userId]: 'org:admin' });

    // Alice deletes Acme.
    const deleted = expectOk(await alice.browser.call('DELETE', `/organizations/${acme.id}`)).response;
    expect(deleted).toEqual({ object: 'organization', id: acme.id, deleted: true });
    expectError(
      await alice.browser.call('GET', `/organizations/${acme.id}`),
      404,
      'organization_not_found_or_unauthorized',
    );
    const gone = await t.api(`/organizations/${acme.id}`);
    expect(gone.status).toBe(404);

    // Every change was recorded as a Clerk webhook event (events of one transaction share a millisecond,
    // so compare them as a multiset).
    const types = (
      await eventsSince(t, since, [
        'organization.created',
        'organization.deleted',
        'organizationMembership.created',
        'organizationMembership.updated',
        'organizationMembership.deleted',
        'organizationInvitation.created',
        'organizationInvitation.accepted',
        'role.created',
        'permission.created',
      ])
    ).map((event) => event.type);
    expect(types.sort()).toEqual(
      [
        'organization.created',
        'organizationMembership.created',
        'organizationInvitation.created',
        'organizationMembership.created',
        'organizationInvitation.accepted',
        'organizationMembership.updated',
        'permission.created',
        'role.created',
        'organizationMembership.updated',
        'organizationMembership.deleted',
        'organizationMembership.created',
        'organizationMembership.deleted',
        'organization.deleted',
      ].sort(),
    );
  });
});
