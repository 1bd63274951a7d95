import { isLatchAPIResponseError, type Latch, LatchAPIResponseError } from '@latch/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from './support/latch-server.js';
import type { NodeBrowser } from './support/node-browser.js';

/** The rejection of `promise`, which must be a Frontend API error answer. */
async function apiError(promise: Promise<unknown>): Promise<LatchAPIResponseError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LatchAPIResponseError);
  if (!isLatchAPIResponseError(error)) throw new Error('expected a LatchAPIResponseError');
  return error;
}

describe.each(DATABASES)('@latch/js organization list items have clerk-js methods (%s)', (database) => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest(database);
  });
  afterAll(async () => {
    await latch?.stop();
  });

  /** A user (created through the Backend API) signed in in a browser of their own. */
  async function signedIn(email: string): Promise<{ id: string; sdk: Latch; browser: NodeBrowser }> {
    const id = await latch.createUser(email);
    const { latch: sdk, browser } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({ identifier: email, strategy: 'password', password: PASSWORD });
    await sdk.setActive({ session: signIn.createdSessionId });
    return { id, sdk, browser };
  }

  async function addMember(organizationId: string, userId: string, role = 'org:member') {
    const response = await latch.t.api(`/organizations/${organizationId}/memberships`, {
      method: 'POST',
      body: { user_id: userId, role },
    });
    expect(response.status).toBe(200);
  }

  it('memberships: an admin changes a role and removes a member; a member with the permission leaves', async () => {
    const alice = await signedIn('alice.members@example.com');
    const bob = await signedIn('bob.members@example.com');
    const carol = await signedIn('carol.members@example.com');
    const dave = await signedIn('dave.members@example.com');
    const organization = await alice.sdk.createOrganization({ name: 'Members Inc' });
    for (const user of [bob, carol, dave]) await addMember(organization.id, user.id);
    await alice.sdk.setActive({ organization });

    const members = await alice.sdk.organization!.getMemberships({ pageSize: 10 });
    expect(members.total_count).toBe(4);
    const byUser = (userId: string) => {
      const membership = members.data.find((m) => m.publicUserData.userId === userId);
      if (!membership) throw new Error(`no membership of ${userId}`);
      return membership;
    };
    const bobs = byUser(bob.id);
    // Methods do not travel with the data: JSON and spreading keep only the fields.
    for (const name of ['destroy', 'update']) {
      expect(typeof (bobs as Record<string, unknown>)[name]).toBe('function');
      expect(Object.keys(bobs)).not.toContain(name);
      expect(Object.keys({ ...bobs })).not.toContain(name);
      expect(Object.keys(JSON.parse(JSON.stringify(bobs)))).not.toContain(name);
    }
    expect(JSON.parse(JSON.stringify(bobs))).toMatchObject({ id: bobs.id, role: 'org:member' });

    // `update({ role })`: PATCH …/memberships/{userId} (as ?_method=PATCH), acting as Alice's session.
    const promoted = await bobs.update({ role: 'org:admin' });
    expect(promoted).toMatchObject({ id: bobs.id, role: 'org:admin', publicUserData: { userId: bob.id } });
    expect(promoted.createdAt).toBeInstanceOf(Date);
    expect(promoted.permissions).toContain('org:sys_memberships:manage');
    expect(typeof promoted.destroy).toBe('function');
    const patch = alice.browser.requestsTo(new RegExp(`/memberships/${bob.id}$`)).at(-1);
    expect(patch?.url.pathname).toBe(`/v1/organizations/${organization.id}/memberships/${bob.id}`);
    expect(patch?.url.searchParams.get('_method')).toBe('PATCH');
    expect(patch?.url.searchParams.get('_clerk_session_id')).toBe(alice.sdk.session?.id);
    expect(new URLSearchParams(patch?.body).get('role')).toBe('org:admin');

    // `destroy()`: DELETE …/memberships/{userId}; resolves to the removed membership.
    const removed = await byUser(carol.id).destroy();
    expect(removed).toMatchObject({ role: 'org:member', publicUserData: { userId: carol.id } });
    expect(
      alice.browser
        .requestsTo(new RegExp(`/memberships/${carol.id}$`))
        .at(-1)
        ?.url.searchParams.get('_method'),
    ).toBe('DELETE');
    expect((await carol.sdk.user!.getOrganizationMemberships()).total_count).toBe(0);

    // Dave, a plain member, sees his membership; removing it needs a permission he lacks: a typed 403.
    const davesOwn = (await dave.sdk.user!.getOrganizationMemberships()).data[0]!;
    expect(davesOwn.organization.id).toBe(organization.id);
    const forbidden = await apiError(davesOwn.destroy());
    expect(forbidden.status).toBe(403);
    expect(forbidden.code).toBe('missing_organization_permission');
    expect((await apiError(davesOwn.update({ role: 'org:admin' }))).code).toBe('missing_organization_permission');
    // What clerk-js's "Leave organization" calls works for any member.
    expect(await dave.sdk.user!.leaveOrganization(organization.id)).toMatchObject({ deleted: true });
    expect((await dave.sdk.user!.getOrganizationMemberships()).total_count).toBe(0);

    // Bob, now an admin, leaves through the membership `user.getOrganizationMemberships()` hands him;
    // its organization is a resource too, with the organization's lists.
    const bobsOwn = await bob.sdk.user!.getOrganizationMemberships();
    expect(bobsOwn.data[0]).toMatchObject({ role: 'org:admin', organization: { id: organization.id } });
    expect((await bobsOwn.data[0]!.organization.getMemberships()).total_count).toBe(2);
    const left = await bobsOwn.data[0]!.destroy();
    expect(left.publicUserData.userId).toBe(bob.id);
    expect(
      bob.browser
        .requestsTo(/\/memberships\//)
        .at(-1)
        ?.url.searchParams.get('_clerk_session_id'),
    ).toBe(bob.sdk.session?.id);
    expect((await bob.sdk.user!.getOrganizationMemberships()).total_count).toBe(0);

    // The last admin can neither step down nor go: the server's error, typed.
    const remaining = await alice.sdk.organization!.getMemberships();
    expect(remaining.data.map((m) => m.publicUserData.userId)).toEqual([alice.id]);
    const alices = remaining.data.find((m) => m.publicUserData.userId === alice.id)!;
    expect((await apiError(alices.update({ role: 'org:member' }))).code).toBe(
      'organization_minimum_permissions_needed',
    );
    expect((await apiError(alices.destroy())).code).toBe('organization_minimum_permissions_needed');
  });

  it('invitations: an admin revokes one, the invitee accepts another', async () => {
    const admin = await signedIn('admin.invitations@example.com');
    const organization = await admin.sdk.createOrganization({ name: 'Inviters' });
    for (const email of ['erin.invited@example.com', 'frank.invited@example.com']) {
      const invited = await latch.t.api(`/organizations/${organization.id}/invitations`, {
        method: 'POST',
        body: { email_address: email, role: 'org:member', inviter_user_id: admin.id },
      });
      expect(invited.status).toBe(200);
    }
    await admin.sdk.setActive({ organization });

    const pending = await admin.sdk.organization!.getInvitations({ status: ['pending'] });
    expect(pending.total_count).toBe(2);
    const franks = pending.data.find((i) => i.emailAddress === 'frank.invited@example.com')!;
    expect(Object.keys(JSON.parse(JSON.stringify(franks)))).not.toContain('revoke');
    const revoked = await franks.revoke();
    expect(revoked).toMatchObject({ id: franks.id, status: 'revoked', organizationId: organization.id });
    expect(revoked.createdAt).toBeInstanceOf(Date);
    expect(typeof revoked.revoke).toBe('function');
    expect(admin.browser.requestsTo(/\/revoke$/).at(-1)?.url.pathname).toBe(
      `/v1/organizations/${organization.id}/invitations/${franks.id}/revoke`,
    );
    // Revoking it again: the server's 400, typed.
    expect((await apiError(revoked.revoke())).code).toBe('organization_invitation_not_pending');
    expect((await admin.sdk.organization!.getInvitations({ status: ['pending'] })).total_count).toBe(1);

    const frank = await signedIn('frank.invited@example.com');
    expect((await frank.sdk.user!.getOrganizationInvitations({ status: 'pending' })).total_count).toBe(0);

    const erin = await signedIn('erin.invited@example.com');
    const mine = await erin.sdk.user!.getOrganizationInvitations({ status: 'pending' });
    expect(mine.total_count).toBe(1);
    const invitation = mine.data[0]!;
    expect(invitation).toMatchObject({ status: 'pending', publicOrganizationData: { id: organization.id } });
    expect(Object.keys({ ...invitation })).not.toContain('accept');
    const accepted = await invitation.accept();
    expect(accepted).toMatchObject({
      id: invitation.id,
      status: 'accepted',
      publicOrganizationData: { id: organization.id },
    });
    expect(typeof accepted.accept).toBe('function');
    expect(erin.browser.requestsTo(/\/accept$/).at(-1)?.url.pathname).toBe(
      `/v1/me/organization_invitations/${invitation.id}/accept`,
    );
    const memberships = await erin.sdk.user!.getOrganizationMemberships();
    expect(memberships.data.map((m) => [m.organization.id, m.role])).toEqual([[organization.id, 'org:member']]);
    // Accepting twice is the server's error, typed.
    expect(isLatchAPIResponseError(await accepted.accept().catch((caught: unknown) => caught))).toBe(true);
  });

  it('domains: verify, change the enrollment mode, answer the requests suggestions lead to, delete', async () => {
    const domainName = `resources-${database}.test`.toLowerCase();
    const admin = await signedIn(`admin@${domainName}`);
    const organization = await admin.sdk.createOrganization({ name: 'Domainers' });
    const created = await latch.t.api(`/organizations/${organization.id}/domains`, {
      method: 'POST',
      body: { name: domainName, enrollment_mode: 'manual_invitation', verified: false },
    });
    expect(created.status).toBe(200);
    await admin.sdk.setActive({ organization });

    const domains = await admin.sdk.organization!.getDomains();
    expect(domains.total_count).toBe(1);
    const domain = domains.data[0]!;
    expect(domain).toMatchObject({ name: domainName, organizationId: organization.id, verification: null });
    const json = Object.keys(JSON.parse(JSON.stringify(domain)));
    for (const name of ['delete', 'updateEnrollmentMode', 'prepareAffiliationVerification']) {
      expect(json).not.toContain(name);
    }

    // An address elsewhere cannot prove the domain: the server's 422 names the field.
    const elsewhere = await apiError(
      domain.prepareAffiliationVerification({ affiliationEmailAddress: 'it@else.test' }),
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.errors[0]?.meta?.paramName).toBe('affiliation_email_address');

    const prepared = await domain.prepareAffiliationVerification({ affiliationEmailAddress: `it@${domainName}` });
    expect(prepared.verification).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    expect(prepared.affiliationEmailAddress).toBe(`it@${domainName}`);
    const prepare = admin.browser.requestsTo(/\/prepare_affiliation_verification$/).at(-1);
    expect(Object.fromEntries(new URLSearchParams(prepare?.body))).toEqual({
      affiliation_email_address: `it@${domainName}`,
    });
    const code = await latch.codeFor(`it@${domainName}`);
    const wrong = await apiError(
      prepared.attemptAffiliationVerification({ code: code === '000000' ? '111111' : '000000' }),
    );
    expect(wrong.code).toBe('form_code_incorrect');
    const verified = await prepared.attemptAffiliationVerification({ code });
    expect(verified.verification).toMatchObject({ status: 'verified' });

    const suggesting = await verified.updateEnrollmentMode({
      enrollmentMode: 'automatic_suggestion',
      deletePending: true,
    });
    expect(suggesting).toMatchObject({ id: domain.id, enrollmentMode: 'automatic_suggestion' });
    expect(suggesting.updatedAt).toBeInstanceOf(Date);
    const update = admin.browser.requestsTo(/\/update_enrollment_mode$/).at(-1);
    expect(Object.fromEntries(new URLSearchParams(update?.body))).toEqual({
      enrollment_mode: 'automatic_suggestion',
      delete_pending: 'true',
    });

    // Users at the domain are suggested the organization; accepting asks the admins.
    const hank = await signedIn(`hank@${domainName}`);
    const ivan = await signedIn(`ivan@${domainName}`);
    for (const user of [hank, ivan]) {
      const suggestions = await user.sdk.user!.getOrganizationSuggestions({ status: 'pending' });
      expect(suggestions.total_count).toBe(1);
      const suggestion = suggestions.data[0]!;
      expect(suggestion).toMatchObject({ status: 'pending', publicOrganizationData: { id: organization.id } });
      expect(Object.keys(JSON.parse(JSON.stringify(suggestion)))).not.toContain('accept');
      const accepted = await suggestion.accept();
      expect(accepted).toMatchObject({ id: suggestion.id, status: 'accepted' });
      expect(typeof accepted.accept).toBe('function');
      expect(user.browser.requestsTo(/\/accept$/).at(-1)?.url.pathname).toBe(
        `/v1/me/organization_suggestions/${suggestion.id}/accept`,
      );
    }

    const requests = await admin.sdk.organization!.getMembershipRequests({ status: 'pending' });
    expect(requests.total_count).toBe(2);
    const requestOf = (userId: string) => requests.data.find((r) => r.publicUserData.userId === userId)!;
    expect(Object.keys({ ...requestOf(hank.id) })).not.toContain('reject');
    const letIn = await requestOf(hank.id).accept();
    expect(letIn).toMatchObject({ status: 'accepted', organizationId: organization.id });
    expect(typeof letIn.reject).toBe('function');
    const turnedAway = await requestOf(ivan.id).reject();
    expect(turnedAway).toMatchObject({ status: 'rejected', publicUserData: { userId: ivan.id } });
    expect(admin.browser.requestsTo(/\/reject$/).at(-1)?.url.pathname).toBe(
      `/v1/organizations/${organization.id}/membership_requests/${requestOf(ivan.id).id}/reject`,
    );
    expect((await admin.sdk.organization!.getMembershipRequests({ status: 'pending' })).total_count).toBe(0);
    expect((await hank.sdk.user!.getOrganizationMemberships()).data[0]?.organization.id).toBe(organization.id);
    expect((await ivan.sdk.user!.getOrganizationMemberships()).total_count).toBe(0);

    // Hank, now a member, may read the domains but not manage them: his domain's methods act as his
    // session, and the server's 403 comes back typed.
    const hanksDomain = (await (await hank.sdk.getOrganization(organization.id)).getDomains()).data[0]!;
    expect(hanksDomain.id).toBe(domain.id);
    const forbidden = await apiError(hanksDomain.delete());
    expect(forbidden.status).toBe(403);
    expect(forbidden.code).toBe('missing_organization_permission');
    expect(
      hank.browser
        .requestsTo(new RegExp(`/domains/${domain.id}$`))
        .at(-1)
        ?.url.searchParams.get('_clerk_session_id'),
    ).toBe(hank.sdk.session?.id);

    // `delete()` resolves to nothing, like clerk-js's; the domain is gone.
    await expect(suggesting.delete()).resolves.toBeUndefined();
    expect(
      admin.browser
        .requestsTo(new RegExp(`/domains/${domain.id}$`))
        .at(-1)
        ?.url.searchParams.get('_method'),
    ).toBe('DELETE');
    expect(await admin.sdk.organization!.getDomains()).toEqual({ data: [], total_count: 0 });
    expect((await apiError(suggesting.delete())).status).toBe(404);
  });
});
