import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/domain/organizations/create-organization.js';
import {
  acceptInvitation,
  createInvitation,
  DEFAULT_INVITATION_DAYS,
  expireInvitations,
  revokeInvitation,
} from '../../src/domain/organizations/organization-invitations.js';
import type { Store } from '../../src/store/store.js';
import { NOW, newUser } from '../store/factories.js';
import { openTestStore, type TestStore } from '../store/open-test-store.js';
import { DATABASES } from '../support/databases.js';

const DAY = 24 * 3600 * 1000;

describe.each(DATABASES)('organization invitations expire [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** A user owning `email`, verified. */
  async function userWith(email: string) {
    const user = newUser({ emails: [email] });
    await store.users.insert(user);
    return (await store.users.findById(user.fields.id)) as NonNullable<Awaited<ReturnType<Store['users']['findById']>>>;
  }

  it('cannot be accepted after its expiry, and reads as expired', async () => {
    const organization = await createOrganization(store, { name: 'Expiry', slug: 'expiry-co' }, { now: NOW });
    const [member] = await store.organizations.roles.list({ key: 'org:member' });
    const invitee = await userWith('late@example.com');
    const invitation = await createInvitation(
      store,
      organization,
      { emailAddress: 'Late@Example.com', roleId: member?.id as string, expiresInDays: 2 },
      { now: NOW },
    );
    expect(invitation).toMatchObject({ emailAddress: 'late@example.com', expiresAt: NOW + 2 * DAY });

    await expect(acceptInvitation(store, invitation.id, invitee, { now: NOW + 2 * DAY })).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 'organization_invitation_not_pending' }],
    });
    // The refused acceptance changed nothing; the next read marks it expired.
    expect((await store.organizations.invitations.findById(invitation.id))?.status).toBe('pending');
    await expireInvitations(store, { organizationId: organization.id }, NOW + 2 * DAY);
    expect((await store.organizations.invitations.findById(invitation.id))?.status).toBe('expired');
    expect(await store.organizations.memberships.count({ organizationId: organization.id })).toBe(0);
    // An expired invitation no longer blocks a new one, which defaults to 30 days.
    const again = await createInvitation(
      store,
      organization,
      { emailAddress: 'late@example.com', roleId: member?.id as string },
      { now: NOW + 3 * DAY },
    );
    expect(again.expiresAt).toBe(NOW + 3 * DAY + DEFAULT_INVITATION_DAYS * DAY);
    await revokeInvitation(store, again, { now: NOW + 3 * DAY });
    await expect(acceptInvitation(store, again.id, invitee, { now: NOW + 3 * DAY })).rejects.toMatchObject({
      status: 400,
    });
  });
});
