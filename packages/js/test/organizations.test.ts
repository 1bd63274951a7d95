import { isLatchAPIResponseError } from '@latch/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import { claimsOf } from './support/jwt.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from './support/latch-server.js';

describe.each(DATABASES)('@latch/js organizations against a real Latch (%s)', (database) => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest(database);
  });
  afterAll(async () => {
    await latch?.stop();
  });

  it('creates an organization, makes it active, and goes back to the personal account', async () => {
    await latch.createUser('founder@example.com');
    const { latch: sdk, browser } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({
      identifier: 'founder@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await sdk.setActive({ session: signIn.createdSessionId });

    const organization = await sdk.createOrganization({ name: 'Acme Inc', slug: 'acme' });
    expect(organization).toMatchObject({ name: 'Acme Inc', slug: 'acme' });
    expect(organization.id).toMatch(/^org_/);
    expect((await sdk.getOrganization(organization.id)).name).toBe('Acme Inc');

    const touches = browser.requestsTo(/\/touch$/).length;
    await sdk.setActive({ organization });
    const touch = browser.requestsTo(/\/touch$/).at(-1);
    expect(browser.requestsTo(/\/touch$/)).toHaveLength(touches + 1);
    expect(new URLSearchParams(touch?.body).get('active_organization_id')).toBe(organization.id);
    expect(new URLSearchParams(touch?.body).get('intent')).toBe('select_org');
    expect(sdk.session?.lastActiveOrganizationId).toBe(organization.id);
    // __session follows the switch: it holds the token of the session as it is now.
    const orgToken = await sdk.session!.getToken();
    expect(browser.appCookies.get('__session')).toBe(orgToken);
    expect(claimsOf(orgToken).sid).toBe(sdk.session?.id);

    await sdk.setActive({ organization: null });
    expect(new URLSearchParams(browser.requestsTo(/\/touch$/).at(-1)?.body).get('active_organization_id')).toBe('');
    expect(sdk.session?.lastActiveOrganizationId).toBeNull();
    expect(sdk.organization).toBeNull();
  });

  it("lists like clerk-js: the user's memberships and invitations, the organization's members, invitations and domains", async () => {
    const ownerId = await latch.createUser('lister@example.com');
    const memberId = await latch.createUser('member.lister@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({
      identifier: 'lister@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await sdk.setActive({ session: signIn.createdSessionId });
    const organization = await sdk.createOrganization({ name: 'Listers', slug: 'listers' });
    const added = await latch.t.api(`/organizations/${organization.id}/memberships`, {
      method: 'POST',
      body: { user_id: memberId, role: 'org:member' },
    });
    expect(added.status).toBe(200);
    const invited = await latch.t.api(`/organizations/${organization.id}/invitations`, {
      method: 'POST',
      body: { email_address: 'invitee.lister@example.com', role: 'org:member', inviter_user_id: ownerId },
    });
    expect(invited.status).toBe(200);
    await sdk.setActive({ organization });

    const mine = await sdk.user!.getOrganizationMemberships();
    expect(mine.total_count).toBe(1);
    expect(mine.data[0]).toMatchObject({
      role: 'org:admin',
      organization: { id: organization.id, name: 'Listers', slug: 'listers' },
      publicUserData: { userId: ownerId, identifier: 'lister@example.com' },
    });
    expect(mine.data[0]?.createdAt).toBeInstanceOf(Date);
    expect(await sdk.user!.getOrganizationInvitations({ status: 'pending' })).toEqual({ data: [], total_count: 0 });

    const active = sdk.organization!;
    expect(active.id).toBe(organization.id);
    // The methods do not show up when the organization is spread or serialized.
    expect(Object.keys(JSON.parse(JSON.stringify(active)))).not.toContain('getMemberships');
    const firstPage = await active.getMemberships({ pageSize: 1 });
    expect(firstPage.total_count).toBe(2);
    expect(firstPage.data).toHaveLength(1);
    const secondPage = await active.getMemberships({ pageSize: 1, initialPage: 2 });
    const identifiers = [...firstPage.data, ...secondPage.data].map(
      (membership) => (membership.publicUserData as { identifier: string }).identifier,
    );
    expect(identifiers.sort()).toEqual(['lister@example.com', 'member.lister@example.com']);
    const admins = await active.getMemberships({ role: ['org:admin'] });
    expect(admins.data.map((membership) => membership.role)).toEqual(['org:admin']);
    const invitations = await active.getInvitations({ status: ['pending'] });
    expect(invitations.total_count).toBe(1);
    expect(invitations.data[0]).toMatchObject({ emailAddress: 'invitee.lister@example.com', status: 'pending' });
    expect(await active.getDomains()).toEqual({ data: [], total_count: 0 });
  });

  it('refuses an organization the user does not belong to with a typed 404', async () => {
    await latch.createUser('outsider@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({
      identifier: 'outsider@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await sdk.setActive({ session: signIn.createdSessionId });
    const error = await sdk.setActive({ organization: 'org_not_mine' }).catch((caught: unknown) => caught);
    expect(isLatchAPIResponseError(error) && error.status).toBe(404);
    expect(sdk.session?.lastActiveOrganizationId).toBeNull();
  });
});
