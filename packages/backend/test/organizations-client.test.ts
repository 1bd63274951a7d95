import {
  createLatchClient,
  isLatchAPIResponseError,
  type LatchAPIResponseError,
  type LatchClient,
} from '@latch/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import { apiUrlOf, PASSWORD, startLatch, stopLatch, type TestServer, unique } from './support/latch.js';

async function apiError(promise: Promise<unknown>): Promise<LatchAPIResponseError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the Backend API call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(isLatchAPIResponseError(error)).toBe(true);
  return error as LatchAPIResponseError;
}

describe.each(DATABASES)('latch.organizations against the real Backend API [%s]', (database) => {
  let t: TestServer;
  let latch: LatchClient;

  beforeAll(async () => {
    t = await startLatch(database);
    latch = createLatchClient({ secretKey: t.secretKey, apiUrl: apiUrlOf(t) });
  });
  afterAll(async () => {
    await stopLatch(t);
  });

  const newUser = () => latch.users.createUser({ emailAddress: [`${unique('org')}@example.com`], password: PASSWORD });

  it('organizations, memberships and invitations with Clerk method names and camelCased resources', async () => {
    const owner = await newUser();
    const member = await newUser();
    const slug = unique('acme').toLowerCase();
    const organization = await latch.organizations.createOrganization({
      name: 'Acme',
      slug,
      createdBy: owner.id,
      publicMetadata: { tier: 'gold' },
    });
    expect(organization).toMatchObject({
      object: 'organization',
      name: 'Acme',
      slug,
      publicMetadata: { tier: 'gold' },
    });
    expect(organization.id).toMatch(/^org_/);
    expect((await latch.organizations.getOrganization({ organizationId: organization.id })).slug).toBe(slug);
    expect((await latch.organizations.getOrganization({ slug })).id).toBe(organization.id);
    const listed = await latch.organizations.getOrganizationList({ query: slug });
    expect(listed.totalCount).toBe(1);
    expect(listed.data[0]?.id).toBe(organization.id);

    const membership = await latch.organizations.createOrganizationMembership({
      organizationId: organization.id,
      userId: member.id,
      role: 'org:member',
    });
    expect(membership).toMatchObject({
      object: 'organization_membership',
      role: 'org:member',
      organization: { id: organization.id },
      publicUserData: { userId: member.id },
    });
    const promoted = await latch.organizations.updateOrganizationMembership({
      organizationId: organization.id,
      userId: member.id,
      role: 'org:admin',
    });
    expect(promoted.role).toBe('org:admin');
    const members = await latch.organizations.getOrganizationMembershipList({ organizationId: organization.id });
    expect(members.data.map((item) => item.publicUserData?.userId)).toContain(member.id);
    const ofUser = await latch.users.getOrganizationMembershipList({ userId: member.id });
    expect(ofUser.data.map((item) => item.organization.id)).toEqual([organization.id]);

    const merged = await latch.organizations.updateOrganizationMetadata(organization.id, {
      privateMetadata: { crmId: 'c_1' },
    });
    expect(merged).toMatchObject({ publicMetadata: { tier: 'gold' }, privateMetadata: { crmId: 'c_1' } });

    const invitation = await latch.organizations.createOrganizationInvitation({
      organizationId: organization.id,
      emailAddress: `${unique('invitee')}@example.com`,
      role: 'org:member',
      inviterUserId: owner.id,
    });
    expect(invitation).toMatchObject({ object: 'organization_invitation', status: 'pending', role: 'org:member' });
    const invitations = await latch.organizations.getOrganizationInvitationList({ organizationId: organization.id });
    expect(invitations.data.map((item) => item.id)).toContain(invitation.id);
    const revoked = await latch.organizations.revokeOrganizationInvitation({
      organizationId: organization.id,
      invitationId: invitation.id,
      requestingUserId: owner.id,
    });
    expect(revoked.status).toBe('revoked');

    await latch.organizations.deleteOrganizationMembership({ organizationId: organization.id, userId: member.id });
    expect((await latch.users.getOrganizationMembershipList({ userId: member.id })).totalCount).toBe(0);
    expect(await latch.organizations.deleteOrganization(organization.id)).toMatchObject({
      id: organization.id,
      deleted: true,
    });
    expect((await apiError(latch.organizations.getOrganization({ organizationId: organization.id }))).status).toBe(404);
  });

  it('bad input comes back as typed errors naming the parameter', async () => {
    const missingName = await apiError(latch.organizations.createOrganization({ name: '' }));
    expect(missingName.status).toBe(422);
    expect(missingName.errors[0]?.meta?.paramName).toBe('name');
    const organization = await latch.organizations.createOrganization({
      name: 'Beta',
      slug: unique('beta').toLowerCase(),
    });
    const duplicate = await apiError(
      latch.organizations.createOrganization({ name: 'Beta again', slug: organization.slug }),
    );
    expect(duplicate.status).toBeGreaterThanOrEqual(400);
    expect(duplicate.status).toBeLessThan(500);
    expect(duplicate.errors[0]?.meta?.paramName).toBe('slug');
    const unknownUser = await apiError(
      latch.organizations.createOrganizationMembership({
        organizationId: organization.id,
        userId: 'user_missing',
        role: 'org:member',
      }),
    );
    expect(unknownUser.status).toBeGreaterThanOrEqual(400);
    expect(unknownUser.status).toBeLessThan(500);
  });
});
