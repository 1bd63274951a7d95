import { type ClerkClient, createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The official `@clerk/backend` organization methods against a real Latch: the SDK's own
 * deserialisers (`Organization`, `OrganizationMembership`, `OrganizationInvitation`, `DeletedObject`)
 * must read what Latch sends.
 */
describe.each(DATABASES)('official @clerk/backend organizations against Latch [%s]', (database) => {
  let t: TestServer;
  let clerk: ClerkClient;
  beforeAll(async () => {
    t = await startTestServer(database);
    clerk = createClerkClient({ apiUrl: `${t.server.url}/api`, secretKey: t.secretKey, telemetry: { disabled: true } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates, lists, updates, manages members and invitations, and deletes', async () => {
    const stamp = Date.now().toString(36);
    const owner = await clerk.users.createUser({
      emailAddress: [`owner.${stamp}@example.com`],
      password: 'sdk password 123',
    });
    const member = await clerk.users.createUser({
      emailAddress: [`member.${stamp}@example.com`],
      password: 'sdk password 123',
    });

    const organization = await clerk.organizations.createOrganization({
      name: 'SDK Corp',
      slug: `sdk-${stamp}`,
      createdBy: owner.id,
      publicMetadata: { tier: 'gold' },
      privateMetadata: { account: 42 },
    });
    expect(organization).toMatchObject({
      name: 'SDK Corp',
      slug: `sdk-${stamp}`,
      membersCount: 1,
      publicMetadata: { tier: 'gold' },
      privateMetadata: { account: 42 },
      adminDeleteEnabled: true,
    });
    expect(organization.id).toMatch(/^org_/);
    expect(organization.createdAt).toBeGreaterThan(0);

    const bySlug = await clerk.organizations.getOrganization({ slug: `sdk-${stamp}` });
    expect(bySlug.id).toBe(organization.id);
    const list = await clerk.organizations.getOrganizationList({ query: `sdk-${stamp}` });
    expect(list.totalCount).toBe(1);
    expect(list.data[0]?.id).toBe(organization.id);

    const renamed = await clerk.organizations.updateOrganization(organization.id, { name: 'SDK Corporation' });
    expect(renamed.name).toBe('SDK Corporation');
    const merged = await clerk.organizations.updateOrganizationMetadata(organization.id, {
      publicMetadata: { region: 'eu' },
    });
    expect(merged.publicMetadata).toEqual({ tier: 'gold', region: 'eu' });

    const added = await clerk.organizations.createOrganizationMembership({
      organizationId: organization.id,
      userId: member.id,
      role: 'org:member',
    });
    expect(added.role).toBe('org:member');
    expect(added.publicUserData?.userId).toBe(member.id);
    expect(added.publicUserData?.identifier).toBe(`member.${stamp}@example.com`);
    expect(added.organization.id).toBe(organization.id);

    const memberships = await clerk.organizations.getOrganizationMembershipList({ organizationId: organization.id });
    expect(memberships.totalCount).toBe(2);
    const mine = await clerk.users.getOrganizationMembershipList({ userId: member.id });
    expect(mine.data.map((m) => m.organization.id)).toEqual([organization.id]);

    const promoted = await clerk.organizations.updateOrganizationMembership({
      organizationId: organization.id,
      userId: member.id,
      role: 'org:admin',
    });
    expect(promoted.role).toBe('org:admin');
    expect(promoted.permissions).toContain('org:sys_memberships:manage');

    const invitation = await clerk.organizations.createOrganizationInvitation({
      organizationId: organization.id,
      emailAddress: `guest.${stamp}@example.com`,
      role: 'org:member',
      inviterUserId: owner.id,
    });
    expect(invitation).toMatchObject({
      emailAddress: `guest.${stamp}@example.com`,
      role: 'org:member',
      status: 'pending',
    });
    const invitations = await clerk.organizations.getOrganizationInvitationList({
      organizationId: organization.id,
      status: ['pending'],
    });
    expect(invitations.data.map((i) => i.id)).toEqual([invitation.id]);
    const revoked = await clerk.organizations.revokeOrganizationInvitation({
      organizationId: organization.id,
      invitationId: invitation.id,
      requestingUserId: owner.id,
    });
    expect(revoked.status).toBe('revoked');

    // Errors come back as Clerk API errors with Clerk's codes.
    const error = await clerk.organizations.createOrganization({ name: 'Dup', slug: `sdk-${stamp}` }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isClerkAPIResponseError(error)).toBe(true);
    expect((error as { errors: { code: string; meta?: { paramName?: string } }[] }).errors[0]).toMatchObject({
      code: 'form_identifier_exists',
      meta: { paramName: 'slug' },
    });

    await clerk.organizations.deleteOrganizationMembership({ organizationId: organization.id, userId: member.id });
    const deleted = await clerk.organizations.deleteOrganization(organization.id);
    expect(deleted).toMatchObject({ id: organization.id, deleted: true });
  });
});
