import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk, type JSONBody, signedInUser, uniqueEmail } from '../fapi/me/support/browser.js';
import { DATABASES } from '../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { bapi, bapiError, createOrganizationAs, rolesOf } from './support.js';

describe.each(DATABASES)('organizations: bad input changes nothing [%s]', (database) => {
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

  const organizationCount = async () => (await bapi(t, '/organizations?limit=1')).total_count as number;

  it('refuses duplicate and invalid slugs, an unknown creator and missing names', async () => {
    const owner = await signedInUser(t);
    const first = await bapi(t, '/organizations', {
      method: 'POST',
      body: { name: 'Dup', slug: 'dup-slug', created_by: owner.userId },
    });
    const count = await organizationCount();
    await bapiError(
      t,
      '/organizations',
      { method: 'POST', body: { name: 'Dup 2', slug: 'dup-slug' } },
      422,
      'form_identifier_exists',
      'slug',
    );
    for (const slug of ['Upper', 'with space', '-lead', 'trail-', 'dou--ble', 'é']) {
      await bapiError(
        t,
        '/organizations',
        { method: 'POST', body: { name: 'Bad', slug } },
        422,
        'form_param_format_invalid',
        'slug',
      );
    }
    await bapiError(
      t,
      '/organizations',
      { method: 'POST', body: { name: 'Ghost', created_by: 'user_doesnotexist' } },
      400,
      'organization_creator_not_found',
    );
    expectError(
      await owner.browser.call('POST', '/organizations', { form: { slug: 'no-name' } }),
      422,
      'form_param_missing',
      'name',
    );
    expect(await organizationCount()).toBe(count);
    // clerk-js sends `slug=` when the field was left empty: the slug comes from the name.
    const derived = expectOk(
      await owner.browser.call('POST', '/organizations', { form: { name: 'Empty Slug Co', slug: '' } }),
    ).response;
    expect(derived.slug).toBe('empty-slug-co');

    // Renaming onto a taken slug, from the browser and the Backend API.
    const second = await createOrganizationAs(owner.browser, 'Second');
    expectError(
      await owner.browser.call('PATCH', `/organizations/${second.id}`, { form: { slug: 'dup-slug' } }),
      422,
      'form_identifier_exists',
      'slug',
    );
    await bapiError(
      t,
      `/organizations/${second.id}`,
      { method: 'PATCH', body: { slug: 'dup-slug' } },
      422,
      'form_identifier_exists',
      'slug',
    );
    expect((await bapi(t, `/organizations/${second.id}`)).slug).toBe(second.slug);
    expect((await bapi(t, '/organizations/dup-slug')).id).toBe(first.id);
  });

  it('refuses inviting a member, a second pending invitation, an unknown role, and a full organization', async () => {
    const admin = await signedInUser(t);
    const member = await signedInUser(t);
    const org = await createOrganizationAs(admin.browser, 'Invites');
    await bapi(t, `/organizations/${org.id}/memberships`, {
      method: 'POST',
      body: { user_id: member.userId, role: 'org:member' },
    });

    expectError(
      await admin.browser.call('POST', `/organizations/${org.id}/invitations`, {
        form: { email_address: member.email, role: 'org:member' },
      }),
      400,
      'already_a_member_in_organization',
      'email_address',
    );
    await bapiError(
      t,
      `/organizations/${org.id}/memberships`,
      { method: 'POST', body: { user_id: member.userId, role: 'org:member' } },
      400,
      'already_a_member_in_organization',
    );
    const invitee = uniqueEmail('invitee');
    expectOk(
      await admin.browser.call('POST', `/organizations/${org.id}/invitations`, {
        form: { email_address: invitee, role: 'org:member' },
      }),
    );
    expectError(
      await admin.browser.call('POST', `/organizations/${org.id}/invitations`, {
        form: { email_address: invitee, role: 'org:admin' },
      }),
      400,
      'organization_invitation_not_unique',
    );
    expectError(
      await admin.browser.call('POST', `/organizations/${org.id}/invitations`, {
        form: { email_address: uniqueEmail(), role: 'org:nope' },
      }),
      422,
      'form_param_value_invalid',
      'role',
    );
    await bapiError(
      t,
      `/organizations/${org.id}/memberships/${member.userId}`,
      { method: 'PATCH', body: { role: 'org:nope' } },
      422,
      'form_param_value_invalid',
      'role',
    );
    // Bulk is all or nothing: one duplicate leaves no invitation behind.
    const fresh = uniqueEmail('bulk');
    await bapiError(
      t,
      `/organizations/${org.id}/invitations/bulk`,
      {
        method: 'POST',
        body: [
          { email_address: fresh, role: 'org:member' },
          { email_address: invitee, role: 'org:member' },
        ],
      },
      400,
      'organization_invitation_not_unique',
    );
    const pending = await bapi(t, `/organizations/${org.id}/invitations?status=pending`);
    expect(pending.data.map((i: JSONBody) => i.email_address)).toEqual([invitee]);

    // Two members and one pending invitation fill a cap of three.
    await bapi(t, `/organizations/${org.id}`, { method: 'PATCH', body: { max_allowed_memberships: 3 } });
    await bapiError(
      t,
      `/organizations/${org.id}/invitations`,
      { method: 'POST', body: { email_address: uniqueEmail(), role: 'org:member' } },
      403,
      'organization_membership_quota_exceeded',
    );
    expect((await bapi(t, `/organizations/${org.id}`)).pending_invitations_count).toBe(1);
    expect(await rolesOf(t, org.id)).toEqual({ [admin.userId]: 'org:admin', [member.userId]: 'org:member' });
  });

  it('keeps the last admin and refuses accepting twice', async () => {
    const admin = await signedInUser(t);
    const other = await signedInUser(t);
    const org = await createOrganizationAs(admin.browser, 'Last Admin');
    await bapiError(
      t,
      `/organizations/${org.id}/memberships/${admin.userId}`,
      { method: 'DELETE' },
      400,
      'organization_minimum_permissions_needed',
    );
    await bapiError(
      t,
      `/organizations/${org.id}/memberships/${admin.userId}`,
      { method: 'PATCH', body: { role: 'org:member' } },
      400,
      'organization_minimum_permissions_needed',
    );
    expectError(
      await admin.browser.call('PATCH', `/organizations/${org.id}/memberships/${admin.userId}`, {
        form: { role: 'org:member' },
      }),
      400,
      'organization_minimum_permissions_needed',
    );
    expect(await rolesOf(t, org.id)).toEqual({ [admin.userId]: 'org:admin' });

    const invitation = await bapi(t, `/organizations/${org.id}/invitations`, {
      method: 'POST',
      body: { email_address: other.email, role: 'org:member', inviter_user_id: admin.userId },
    });
    expectOk(await other.browser.call('POST', `/me/organization_invitations/${invitation.id}/accept`));
    expectError(
      await other.browser.call('POST', `/me/organization_invitations/${invitation.id}/accept`),
      400,
      'organization_invitation_not_pending',
    );
    await bapiError(
      t,
      `/organizations/${org.id}/invitations/${invitation.id}/revoke`,
      { method: 'POST', body: {} },
      400,
      'organization_invitation_not_pending',
    );
    // Deleting from the browser needs the organization's admin_delete_enabled.
    await bapi(t, `/organizations/${org.id}`, { method: 'PATCH', body: { admin_delete_enabled: false } });
    expectError(await admin.browser.call('DELETE', `/organizations/${org.id}`), 403, 'not_allowed_access');
    expect((await bapi(t, `/organizations/${org.id}`)).admin_delete_enabled).toBe(false);
    // A user who may not create organizations cannot, from the browser.
    const restricted = await signedInUser(t, { create_organization_enabled: false });
    expectError(
      await restricted.browser.call('POST', '/organizations', { form: { name: 'Nope' } }),
      403,
      'not_allowed_access',
    );
    // A second admin may now leave the first one.
    await bapi(t, `/organizations/${org.id}/memberships/${other.userId}`, {
      method: 'PATCH',
      body: { role: 'org:admin' },
    });
    expectOk(await admin.browser.call('DELETE', `/me/organization_memberships/${org.id}`));
    expect(await rolesOf(t, org.id)).toEqual({ [other.userId]: 'org:admin' });
  });

  it("cannot act on another organization's resources", async () => {
    const alice = await signedInUser(t);
    const bob = await signedInUser(t);
    const mine = await createOrganizationAs(alice.browser, 'Mine');
    const theirs = await createOrganizationAs(bob.browser, 'Theirs');
    const theirInvitation = expectOk(
      await bob.browser.call('POST', `/organizations/${theirs.id}/invitations`, {
        form: { email_address: uniqueEmail(), role: 'org:member' },
      }),
    ).response;
    const theirDomain = await bapi(t, `/organizations/${theirs.id}/domains`, {
      method: 'POST',
      body: { name: `theirs-${Date.now().toString(36)}.test`, enrollment_mode: 'manual_invitation' },
    });

    // Through my organization's paths, their objects do not exist.
    expectError(
      await alice.browser.call('POST', `/organizations/${mine.id}/invitations/${theirInvitation.id}/revoke`),
      404,
      'resource_not_found',
    );
    expectError(
      await alice.browser.call('DELETE', `/organizations/${mine.id}/domains/${theirDomain.id}`),
      404,
      'resource_not_found',
    );
    expectError(
      await alice.browser.call('DELETE', `/organizations/${mine.id}/memberships/${bob.userId}`),
      404,
      'resource_not_found',
    );
    await bapiError(t, `/organizations/${mine.id}/invitations/${theirInvitation.id}`, {}, 404, 'resource_not_found');
    await bapiError(
      t,
      `/organizations/${mine.id}/invitations/${theirInvitation.id}/revoke`,
      { method: 'POST', body: {} },
      404,
      'resource_not_found',
    );
    // Their organization itself is invisible to me.
    for (const [method, path, form] of [
      ['GET', `/organizations/${theirs.id}`, undefined],
      ['PATCH', `/organizations/${theirs.id}`, { name: 'Taken over' }],
      ['DELETE', `/organizations/${theirs.id}`, undefined],
      ['GET', `/organizations/${theirs.id}/memberships`, undefined],
      ['POST', `/organizations/${theirs.id}/invitations`, { email_address: uniqueEmail(), role: 'org:member' }],
      ['GET', `/organizations/${theirs.id}/domains`, undefined],
    ] as const) {
      expectError(
        await alice.browser.call(method, path, form ? { form } : {}),
        404,
        'organization_not_found_or_unauthorized',
      );
    }
    // Nor can I make it my active organization.
    expectError(
      await alice.browser.call('POST', `/client/sessions/${alice.browser.sessionId}/touch`, {
        form: { active_organization_id: theirs.id },
      }),
      404,
      'organization_not_found_or_unauthorized',
    );
    const session = await t.server.store.sessions.findById(alice.browser.sessionId as string);
    expect(session?.lastActiveOrganizationId).toBeNull();

    const still = await bapi(t, `/organizations/${theirs.id}/invitations/${theirInvitation.id}`);
    expect(still.status).toBe('pending');
    expect((await bapi(t, `/organizations/${theirs.id}`)).name).toBe('Theirs');
    expect(await rolesOf(t, theirs.id)).toEqual({ [bob.userId]: 'org:admin' });
  });

  it('protects system roles and permissions and roles still in use', async () => {
    const admin = await signedInUser(t);
    const org = await createOrganizationAs(admin.browser, 'Roles');
    const roles = await bapi(t, '/organization_roles?limit=100');
    const adminRole = roles.data.find((r: JSONBody) => r.key === 'org:admin');
    const permissions = await bapi(t, '/organization_permissions?limit=100');
    const system = permissions.data.find((p: JSONBody) => p.key === 'org:sys_profile:manage');
    expect(system.type).toBe('system');

    await bapiError(t, `/organization_roles/${adminRole.id}`, { method: 'DELETE' }, 403, 'not_allowed_access');
    await bapiError(
      t,
      `/organization_permissions/${system.id}`,
      { method: 'DELETE' },
      403,
      'organization_system_permission_not_modifiable',
    );
    await bapiError(
      t,
      `/organization_permissions/${system.id}`,
      { method: 'PATCH', body: { name: 'x' } },
      403,
      'organization_system_permission_not_modifiable',
    );
    await bapiError(
      t,
      '/organization_permissions',
      { method: 'POST', body: { key: 'org:sys_custom:read', name: 'x' } },
      422,
      'form_param_format_invalid',
      'key',
    );
    await bapiError(
      t,
      '/organization_permissions',
      { method: 'POST', body: { key: 'not-a-key', name: 'x' } },
      422,
      'form_param_format_invalid',
      'key',
    );
    await bapiError(
      t,
      '/organization_roles',
      { method: 'POST', body: { key: 'org:admin', name: 'Again' } },
      422,
      'form_identifier_exists',
      'key',
    );
    await bapiError(
      t,
      '/organization_roles',
      { method: 'POST', body: { key: 'org:ghost', name: 'Ghost', permissions: ['perm_missing'] } },
      422,
      'form_param_value_invalid',
      'permissions',
    );

    const custom = await bapi(t, '/organization_roles', {
      method: 'POST',
      body: { key: 'org:auditor', name: 'Auditor' },
    });
    const other = await signedInUser(t);
    await bapi(t, `/organizations/${org.id}/memberships`, {
      method: 'POST',
      body: { user_id: other.userId, role: 'org:auditor' },
    });
    await bapiError(
      t,
      `/organization_roles/${custom.id}`,
      { method: 'DELETE' },
      422,
      'organization_role_assigned_members',
    );
    await bapi(t, `/organizations/${org.id}/memberships/${other.userId}`, { method: 'DELETE' });
    const deleted = await bapi(t, `/organization_roles/${custom.id}`, { method: 'DELETE' });
    expect(deleted).toEqual({ object: 'role', id: custom.id, deleted: true });
    expect((await bapi(t, '/organization_roles?limit=100')).total_count).toBe(roles.total_count);
  });
});
