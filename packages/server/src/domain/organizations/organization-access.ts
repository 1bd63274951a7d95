import type { OrganizationMembershipRecord, OrganizationRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { organizationErrors } from './organization-errors.js';
import { permissionKeysOf } from './organization-roles.js';

export interface OrganizationAccess {
  organization: OrganizationRecord;
  membership: OrganizationMembershipRecord;
  permissions: string[];
}

/**
 * What a signed-in user may do in an organization. Not a member, or no such organization, is the
 * same 404 (`organization_not_found_or_unauthorized`); a member without `permission` gets 403
 * `missing_organization_permission`.
 *
 * @example
 * const { organization } = await requireOrganizationAccess(store, orgId, user.id, 'org:sys_memberships:manage');
 */
export async function requireOrganizationAccess(
  store: Store,
  organizationId: string,
  userId: string,
  permission?: string,
): Promise<OrganizationAccess> {
  const organization =
    organizationId.length <= 128 ? await store.organizations.organizations.findById(organizationId) : null;
  const [membership] = organization
    ? await store.organizations.memberships.list({ organizationId, userId }, { limit: 1, offset: 0 })
    : [];
  if (!organization || !membership) throw organizationErrors.notFoundOrUnauthorized();
  const role = await store.organizations.roles.findById(membership.roleId);
  const permissions = role ? await permissionKeysOf(store, role) : [];
  if (permission && !permissions.includes(permission)) throw organizationErrors.missingPermission(permission);
  return { organization, membership, permissions };
}

/** The membership of `userId` in `organizationId`, if any. */
export async function findMembership(
  store: Store,
  organizationId: string,
  userId: string,
): Promise<OrganizationMembershipRecord | null> {
  const [membership] = await store.organizations.memberships.list({ organizationId, userId }, { limit: 1, offset: 0 });
  return membership ?? null;
}
