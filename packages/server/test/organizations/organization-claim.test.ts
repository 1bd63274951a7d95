import { __experimental_JWTPayloadToAuthObjectProperties as authFromClaims } from '@clerk/shared/jwtPayloadParser';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/domain/organizations/create-organization.js';
import { createPermission, createRole } from '../../src/domain/organizations/manage-roles.js';
import { addMember, changeMemberRole, removeMember } from '../../src/domain/organizations/organization-memberships.js';
import { encodePermissions, organizationClaims } from '../../src/domain/tokens/organization-claim.js';
import type { Store } from '../../src/store/store.js';
import { NOW, newUser } from '../store/factories.js';
import { openTestStore, type TestStore } from '../store/open-test-store.js';
import { DATABASES } from '../support/databases.js';

/** What @clerk/backend makes of the claims: the SDK's own decoder is the judge of the encoding. */
const decode = (claims: object | null) => authFromClaims({ v: 2, ...(claims ?? {}) } as never);

describe('encodePermissions (v2 fea/per/fpm)', () => {
  it('encodes the example of PROTOCOL.md §4.2', () => {
    expect(encodePermissions(['org:members:manage', 'org:members:read'])).toEqual({
      fea: 'o:members',
      per: 'manage,read',
      fpm: '3',
    });
  });

  it('round-trips any set of permission keys through Clerk’s decoder', () => {
    const key = fc
      .tuple(
        fc.constantFrom('members', 'sys_profile', 'reports', 'billing', 'x'),
        fc.constantFrom('read', 'manage', 'delete', 'a', 'b', 'c'),
      )
      .map(([feature, permission]) => `org:${feature}:${permission}`);
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 30 }), (keys) => {
        const { fea, per, fpm } = encodePermissions(keys);
        const auth = decode({ fea, o: { id: 'org_1', slg: 's', rol: 'admin', per, fpm } });
        expect([...(auth.orgPermissions ?? [])].sort()).toEqual([...keys].sort());
      }),
    );
  });
});

describe.each(DATABASES)('organizationClaims against a real store [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function user() {
    const created = newUser();
    await store.users.insert(created);
    return created.fields.id;
  }

  it('carries the active organization, role and permissions, and nothing once the member is gone', async () => {
    const change = { now: NOW };
    const owner = await user();
    const member = await user();
    const organization = await createOrganization(
      store,
      { name: 'Claims Inc', slug: 'claims-inc', createdBy: owner },
      change,
    );
    const [memberRole] = await store.organizations.roles.list({ key: 'org:member' });
    const membership = await addMember(store, organization, member, memberRole?.id as string, change);
    const session = { userId: member, lastActiveOrganizationId: organization.id };

    expect(await organizationClaims(store, { userId: member, lastActiveOrganizationId: null })).toBeNull();
    const claims = await organizationClaims(store, session);
    expect(claims?.o).toMatchObject({ id: organization.id, slg: 'claims-inc', rol: 'member' });
    expect(decode(claims)).toMatchObject({ orgId: organization.id, orgSlug: 'claims-inc', orgRole: 'org:member' });
    expect([...(decode(claims).orgPermissions ?? [])].sort()).toEqual([
      'org:sys_domains:read',
      'org:sys_memberships:read',
    ]);

    const reports = await createPermission(store, { key: 'org:reports:read', name: 'Read reports' }, change);
    const exportPermission = await createPermission(store, { key: 'org:reports:export', name: 'Export' }, change);
    const analyst = await createRole(
      store,
      { key: 'org:analyst', name: 'Analyst', permissionIds: [reports.id, exportPermission.id] },
      change,
    );
    const promoted = await changeMemberRole(store, membership, analyst.id, change);
    const analystClaims = await organizationClaims(store, session);
    expect(analystClaims).toEqual({
      o: { id: organization.id, slg: 'claims-inc', rol: 'analyst', per: 'export,read', fpm: '3' },
      fea: 'o:reports',
    });
    expect(decode(analystClaims).orgPermissions).toEqual(['org:reports:export', 'org:reports:read']);

    // An explicit organization (the token request's `organization_id`) wins over the session's.
    expect(await organizationClaims(store, session, null)).toBeNull();
    const [ownerClaims] = [
      await organizationClaims(store, { userId: owner, lastActiveOrganizationId: null }, organization.id),
    ];
    expect(ownerClaims?.o.rol).toBe('admin');

    await removeMember(store, promoted, change);
    expect(await organizationClaims(store, session)).toBeNull();
    expect(await organizationClaims(store, { userId: member, lastActiveOrganizationId: 'org_unknown' })).toBeNull();
  });
});
