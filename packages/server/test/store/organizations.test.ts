import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  OrganizationInvitationRecord,
  OrganizationMembershipRecord,
  OrganizationRecord,
  OrganizationRoleRecord,
} from '../../src/store/organization-store.js';
import { SYSTEM_PERMISSION_KEYS } from '../../src/store/organization-store.js';
import type { Store } from '../../src/store/store.js';
import { UniqueViolation } from '../../src/store/unique-violation.js';
import { DATABASES } from '../support/databases.js';
import { NOW, newUser, nextId } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

function organization(overrides: Partial<OrganizationRecord> = {}): OrganizationRecord {
  const id = nextId('org');
  return {
    id,
    name: `Org ${id}`,
    slug: id.replace('_', '-'),
    imageUrl: null,
    publicMetadata: { plan: 'free' },
    privateMetadata: { secret: 1 },
    maxAllowedMemberships: 0,
    adminDeleteEnabled: true,
    createdBy: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

describe.each(DATABASES)('store organizations [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  let memberRoleId: string;
  let adminRoleId: string;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
    const [admin] = await store.organizations.roles.list({ key: 'org:admin' });
    const [member] = await store.organizations.roles.list({ key: 'org:member' });
    adminRoleId = admin?.id as string;
    memberRoleId = member?.id as string;
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function user(): Promise<string> {
    const created = newUser();
    await store.users.insert(created);
    return created.fields.id;
  }

  function membership(organizationId: string, userId: string, roleId = memberRoleId): OrganizationMembershipRecord {
    return {
      id: nextId('orgmem'),
      organizationId,
      userId,
      roleId,
      publicMetadata: {},
      privateMetadata: {},
      createdAt: NOW,
      updatedAt: NOW,
    };
  }

  it('seeds the system permissions, the admin and member roles, and the settings', async () => {
    const permissions = await store.organizations.permissions.list({}, { limit: 100, offset: 0 });
    expect(permissions.map((p) => p.key).sort()).toEqual([...SYSTEM_PERMISSION_KEYS].sort());
    expect(permissions.every((p) => p.type === 'system')).toBe(true);
    const admin = await store.organizations.roles.findById(adminRoleId);
    expect(admin).toMatchObject({ key: 'org:admin', name: 'Admin', system: true });
    expect(admin?.permissionIds).toHaveLength(SYSTEM_PERMISSION_KEYS.length);
    const settings = await store.organizations.getSettings();
    expect(settings).toMatchObject({ enabled: true, creatorRoleId: adminRoleId, domainsDefaultRoleId: memberRoleId });
    await store.organizations.saveSettings({ ...settings, maxAllowedMemberships: 7 }, NOW);
    expect((await store.organizations.getSettings()).maxAllowedMemberships).toBe(7);
    await store.organizations.saveSettings(settings, NOW);
  });

  it('round-trips an organization, finds it by slug and search, updates and deletes it', async () => {
    const org = organization({ name: 'Ümlaut 100%_Corp', createdAt: NOW + 2 ** 33 });
    await store.organizations.organizations.insert(org);
    expect(await store.organizations.organizations.findById(org.id)).toEqual(org);
    expect(await store.organizations.organizations.list({ slug: org.slug })).toEqual([org]);
    // `%` and `_` are literal in searches.
    expect((await store.organizations.organizations.list({ query: '100%_c' })).map((o) => o.id)).toEqual([org.id]);
    expect(await store.organizations.organizations.count({ query: '100%x' })).toBe(0);
    expect((await store.organizations.organizations.list({ query: org.id })).map((o) => o.id)).toEqual([org.id]);
    const renamed = { ...org, name: 'Renamed', slug: `${org.slug}-2`, updatedAt: NOW + 1 };
    expect(await store.organizations.organizations.update(renamed)).toBe(true);
    expect(await store.organizations.organizations.findById(org.id)).toEqual(renamed);
    expect(await store.organizations.organizations.delete(org.id)).toBe(true);
    expect(await store.organizations.organizations.delete(org.id)).toBe(false);
    expect(await store.organizations.organizations.update(renamed)).toBe(false);
    expect(await store.organizations.organizations.findById(org.id)).toBeNull();
  });

  it('pages and orders organizations by creation time or name', async () => {
    const prefix = nextId('page');
    const orgs = ['Charlie', 'alpha', 'Bravo'].map((name, index) =>
      organization({ name: `${prefix} ${name}`, createdAt: NOW + index }),
    );
    for (const org of orgs) await store.organizations.organizations.insert(org);
    const names = async (orderBy: { field: 'created_at' | 'name'; direction: 'asc' | 'desc' }, offset = 0) =>
      (await store.organizations.organizations.list({ query: prefix }, { limit: 2, offset, orderBy })).map((o) =>
        o.name.replace(`${prefix} `, ''),
      );
    expect(await names({ field: 'created_at', direction: 'asc' })).toEqual(['Charlie', 'alpha']);
    expect(await names({ field: 'created_at', direction: 'asc' }, 2)).toEqual(['Bravo']);
    expect(await names({ field: 'name', direction: 'asc' })).toEqual(['alpha', 'Bravo']);
    expect(await names({ field: 'created_at', direction: 'desc' })).toEqual(['Bravo', 'alpha']);
    expect(await store.organizations.organizations.count({ query: prefix })).toBe(3);
    expect(await store.organizations.organizations.count({ ids: [] })).toBe(0);
  });

  it('enforces unique slugs, one membership per user and organization, unique role keys and domain names', async () => {
    const org = organization();
    await store.organizations.organizations.insert(org);
    await expect(
      store.transaction((tx) => tx.organizations.organizations.insert(organization({ slug: org.slug }))),
    ).rejects.toBeInstanceOf(UniqueViolation);
    const userId = await user();
    await store.organizations.memberships.insert(membership(org.id, userId));
    await expect(
      store.transaction((tx) => tx.organizations.memberships.insert(membership(org.id, userId))),
    ).rejects.toBeInstanceOf(UniqueViolation);
    const role = await store.organizations.roles.findById(memberRoleId);
    await expect(
      store.transaction((tx) =>
        tx.organizations.roles.insert({ ...(role as OrganizationRoleRecord), id: nextId('role') }),
      ),
    ).rejects.toBeInstanceOf(UniqueViolation);
    const domain = {
      id: nextId('orgdmn'),
      organizationId: org.id,
      name: `${nextId('d')}.test`,
      enrollmentMode: 'manual_invitation' as const,
      affiliationEmailAddress: null,
      verification: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
    await store.organizations.domains.insert(domain);
    await expect(
      store.transaction((tx) => tx.organizations.domains.insert({ ...domain, id: nextId('orgdmn') })),
    ).rejects.toBeInstanceOf(UniqueViolation);
    expect(await store.organizations.memberships.count({ organizationId: org.id })).toBe(1);
  });

  it('filters memberships, invitations, suggestions and requests; deleting the organization or user cascades', async () => {
    const org = organization();
    await store.organizations.organizations.insert(org);
    const [ada, bob] = [await user(), await user()];
    await store.organizations.memberships.insert(membership(org.id, ada, adminRoleId));
    await store.organizations.memberships.insert(membership(org.id, bob));
    expect(await store.organizations.memberships.count({ organizationId: org.id, roleIds: [adminRoleId] })).toBe(1);
    expect((await store.organizations.memberships.list({ userId: bob })).map((m) => m.organizationId)).toEqual([
      org.id,
    ]);
    const invitation: OrganizationInvitationRecord = {
      id: nextId('orginv'),
      organizationId: org.id,
      emailAddress: 'x@example.com',
      roleId: memberRoleId,
      status: 'pending',
      inviterUserId: ada,
      domainId: null,
      publicMetadata: {},
      privateMetadata: {},
      expiresAt: NOW + 1000,
      createdAt: NOW,
      updatedAt: NOW,
    };
    await store.organizations.invitations.insert(invitation);
    expect(
      await store.organizations.invitations.count({ emailAddresses: ['x@example.com'], statuses: ['pending'] }),
    ).toBe(1);
    expect(await store.organizations.invitations.count({ organizationId: org.id, statuses: ['revoked'] })).toBe(0);
    await store.organizations.invitations.update({ ...invitation, status: 'revoked' });
    expect(await store.organizations.invitations.count({ roleId: memberRoleId, statuses: ['revoked'] })).toBe(1);
    await store.organizations.suggestions.insert({
      id: nextId('orgsug'),
      organizationId: org.id,
      userId: bob,
      domainId: 'orgdmn_x',
      status: 'pending',
      createdAt: NOW,
      updatedAt: NOW,
    });
    await store.organizations.membershipRequests.insert({
      id: nextId('orgmbr'),
      organizationId: org.id,
      userId: bob,
      status: 'pending',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await store.organizations.suggestions.count({ userId: bob, statuses: ['pending'] })).toBe(1);
    expect(await store.organizations.membershipRequests.count({ organizationId: org.id })).toBe(1);

    // Deleting a user takes their memberships, suggestions and requests.
    await store.users.delete(bob);
    expect(await store.organizations.memberships.count({ organizationId: org.id })).toBe(1);
    expect(await store.organizations.suggestions.count({ organizationId: org.id })).toBe(0);
    expect(await store.organizations.membershipRequests.count({ organizationId: org.id })).toBe(0);
    // Deleting the organization takes everything else.
    await store.organizations.organizations.delete(org.id);
    expect(await store.organizations.memberships.count({ organizationId: org.id })).toBe(0);
    expect(await store.organizations.invitations.count({ organizationId: org.id })).toBe(0);
  });

  it('rolls organization writes back with the transaction', async () => {
    const org = organization();
    await expect(
      store.transaction(async (tx) => {
        await tx.organizations.organizations.insert(org);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.organizations.organizations.findById(org.id)).toBeNull();
  });
});
