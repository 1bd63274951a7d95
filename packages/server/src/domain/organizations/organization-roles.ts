import type {
  OrganizationMembershipRecord,
  OrganizationPermissionRecord,
  OrganizationRoleRecord,
} from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { organizationErrors } from './organization-errors.js';

/** The permission that makes someone an organization's manager; an organization never loses its last one. */
export const MANAGE_MEMBERSHIPS = 'org:sys_memberships:manage';

/** Every permission of the instance, by id (a few dozen at most, so one read). */
export async function permissionsById(store: Store): Promise<Map<string, OrganizationPermissionRecord>> {
  const all = await store.organizations.permissions.list({}, { limit: 10_000, offset: 0 });
  return new Map(all.map((permission) => [permission.id, permission]));
}

/**
 * The permission keys a role grants, in a stable order (system ones first, then by key).
 *
 * @example
 * await permissionKeysOf(store, adminRole) // ['org:sys_domains:manage', …]
 */
export async function permissionKeysOf(
  store: Store,
  role: OrganizationRoleRecord,
  known?: Map<string, OrganizationPermissionRecord>,
): Promise<string[]> {
  const permissions = known ?? (await permissionsById(store));
  return role.permissionIds
    .map((id) => permissions.get(id)?.key)
    .filter((key): key is string => key !== undefined)
    .sort();
}

/** The role with that key, or a 422 naming `param`. */
export async function requireRoleByKey(store: Store, key: string, param = 'role'): Promise<OrganizationRoleRecord> {
  const [role] = await store.organizations.roles.list({ key }, { limit: 1, offset: 0 });
  if (!role) throw organizationErrors.unknownRole(param);
  return role;
}

/** Ids of the roles that carry `permissionKey`. */
export async function roleIdsWithPermission(store: Store, permissionKey: string): Promise<string[]> {
  const [permission] = await store.organizations.permissions.list({ key: permissionKey }, { limit: 1, offset: 0 });
  if (!permission) return [];
  const roles = await store.organizations.roles.list({}, { limit: 10_000, offset: 0 });
  return roles.filter((role) => role.permissionIds.includes(permission.id)).map((role) => role.id);
}

/**
 * Refuses a change that would leave the organization with no member able to manage members (Clerk's
 * `organization_minimum_permissions_needed`): removing, demoting or the leaving of the last one.
 * Runs under the organization's managers lock and judges the membership as stored now (a request
 * read before the lock may be stale): returns that fresh record for the caller to change.
 *
 * @param leaving the membership that is going away or changing role
 * @param newRoleId its new role, or null when it is removed
 */
export async function assertKeepsAManager(
  store: Store,
  leaving: OrganizationMembershipRecord,
  newRoleId: string | null,
): Promise<OrganizationMembershipRecord> {
  // Two members leaving or being demoted at once must not both see "another manager remains".
  await store.lock(`organization:${leaving.organizationId}:managers`);
  const current = await store.organizations.memberships.findById(leaving.id);
  if (!current) throw organizationErrors.notFound('organization membership');
  const managerRoles = await roleIdsWithPermission(store, MANAGE_MEMBERSHIPS);
  if (!managerRoles.includes(current.roleId)) return current;
  if (newRoleId !== null && managerRoles.includes(newRoleId)) return current;
  const managers = await store.organizations.memberships.count({
    organizationId: current.organizationId,
    roleIds: managerRoles,
  });
  if (managers <= 1) throw organizationErrors.minimumPermissionsNeeded();
  return current;
}
