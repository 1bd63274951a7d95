import { formError, LatchAPIError } from '../../errors.js';
import type { OrganizationPermissionRecord, OrganizationRoleRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { createId } from '../ids.js';
import { organizationErrors } from './organization-errors.js';
import { type ChangeContext, deletedObject, emitOrganizationEvent } from './organization-events.js';
import { permissionJSON } from './organization-json.js';

const keyTaken = (what: string) =>
  LatchAPIError.single(422, 'form_identifier_exists', 'is taken', `A ${what} with this key already exists.`, 'key');

const systemPermissionNotModifiable = () =>
  LatchAPIError.single(
    403,
    'organization_system_permission_not_modifiable',
    'organization system permission cannot be modified',
    'This organization permission cannot be modified because it is a system permission.',
  );

/** Every id must name an existing permission: a 422 on `permissions` otherwise. */
async function assertPermissionsExist(store: Store, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    if (!(await store.organizations.permissions.findById(id))) {
      throw formError('form_param_value_invalid', 'permissions', 'is invalid', `No permission has the id ${id}.`);
    }
  }
  return unique;
}

async function saveRole(store: Store, role: OrganizationRoleRecord, type: string, change: ChangeContext) {
  try {
    await store.transaction(async (tx) => {
      if (type === 'role.created') await tx.organizations.roles.insert(role);
      else if (!(await tx.organizations.roles.update(role))) throw organizationErrors.notFound('role');
      await emitOrganizationEvent(tx, type, (json) => json.roleJSON(role), change);
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw keyTaken('role');
    throw error;
  }
  return role;
}

/** Creates a custom role `org:<name>` with permissions (by id). */
export async function createRole(
  store: Store,
  input: {
    key: string;
    name: string;
    description?: string | null | undefined;
    permissionIds?: string[] | null | undefined;
  },
  change: ChangeContext,
): Promise<OrganizationRoleRecord> {
  const permissionIds = await assertPermissionsExist(store, input.permissionIds ?? []);
  const role: OrganizationRoleRecord = {
    id: createId('role', change.now),
    key: input.key,
    name: input.name,
    description: input.description ?? '',
    permissionIds,
    system: false,
    createdAt: change.now,
    updatedAt: change.now,
  };
  return saveRole(store, role, 'role.created', change);
}

/** Updates a role. A system role keeps its key; its name, description and permissions may change. */
export async function updateRole(
  store: Store,
  role: OrganizationRoleRecord,
  input: {
    key?: string | undefined;
    name?: string | undefined;
    description?: string | null | undefined;
    permissionIds?: string[] | null | undefined;
  },
  change: ChangeContext,
): Promise<OrganizationRoleRecord> {
  if (role.system && input.key !== undefined && input.key !== role.key) {
    throw organizationErrors.notAllowed('The key of a system role cannot change.');
  }
  const permissionIds =
    input.permissionIds === undefined || input.permissionIds === null
      ? role.permissionIds
      : await assertPermissionsExist(store, input.permissionIds);
  const updated: OrganizationRoleRecord = {
    ...role,
    key: input.key ?? role.key,
    name: input.name ?? role.name,
    description: input.description === undefined ? role.description : (input.description ?? ''),
    permissionIds,
    updatedAt: change.now,
  };
  return saveRole(store, updated, 'role.updated', change);
}

/** Adds or removes one permission of a role. */
export async function setRolePermission(
  store: Store,
  role: OrganizationRoleRecord,
  permission: OrganizationPermissionRecord,
  present: boolean,
  change: ChangeContext,
): Promise<OrganizationRoleRecord> {
  const has = role.permissionIds.includes(permission.id);
  if (present && has) {
    throw LatchAPIError.single(
      409,
      'organization_role_permission_association_exists',
      'permission already assigned to role',
      'This organization permission is already associated to this organization role.',
    );
  }
  if (!present && !has) throw organizationErrors.notFound('permission of this role');
  const permissionIds = present
    ? [...role.permissionIds, permission.id]
    : role.permissionIds.filter((id) => id !== permission.id);
  return saveRole(store, { ...role, permissionIds, updatedAt: change.now }, 'role.updated', change);
}

/**
 * Deletes a custom role. Refused for system roles, the creator and default roles, and roles a
 * member or a pending invitation still holds (Clerk's codes for each).
 */
export async function deleteRole(store: Store, role: OrganizationRoleRecord, change: ChangeContext): Promise<void> {
  if (role.system) throw organizationErrors.notAllowed('System roles cannot be deleted.');
  const settings = await store.organizations.getSettings();
  if (settings.creatorRoleId === role.id) {
    throw LatchAPIError.single(
      422,
      'organization_role_default_creator_role',
      'role is used as the creator role',
      'The organization role cannot be deleted as it is currently used as the creator role.',
    );
  }
  if (settings.domainsDefaultRoleId === role.id) {
    throw LatchAPIError.single(
      422,
      'organization_role_domain_default_role',
      'role is used as the domain default role',
      'The organization role cannot be deleted as it is currently used as the default domain role.',
    );
  }
  await store.transaction(async (tx) => {
    if ((await tx.organizations.memberships.count({ roleIds: [role.id] })) > 0) {
      throw LatchAPIError.single(
        422,
        'organization_role_assigned_members',
        'role is assigned to organization members',
        'The organization role is currently assigned to one or more organization members.',
      );
    }
    if ((await tx.organizations.invitations.count({ roleId: role.id, statuses: ['pending'] })) > 0) {
      throw LatchAPIError.single(
        422,
        'organization_role_exists_in_invitations',
        'role exists in pending organization invitations',
        'The organization role exists in one or more pending organization invitations. Please revoke these invitations to proceed.',
      );
    }
    // Accepted, revoked and expired invitations keep pointing at the role; they go with it.
    for (const invitation of await tx.organizations.invitations.list(
      { roleId: role.id },
      { limit: 100_000, offset: 0 },
    )) {
      await tx.organizations.invitations.delete(invitation.id);
    }
    await tx.organizations.roles.delete(role.id);
    await emitOrganizationEvent(tx, 'role.deleted', () => deletedObject('role', role.id), change);
  });
}

async function savePermission(
  store: Store,
  permission: OrganizationPermissionRecord,
  type: string,
  change: ChangeContext,
) {
  try {
    await store.transaction(async (tx) => {
      if (type === 'permission.created') await tx.organizations.permissions.insert(permission);
      else if (!(await tx.organizations.permissions.update(permission)))
        throw organizationErrors.notFound('permission');
      await emitOrganizationEvent(tx, type, () => permissionJSON(permission), change);
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw keyTaken('permission');
    throw error;
  }
  return permission;
}

function assertCustomKey(key: string) {
  if (key.startsWith('org:sys_')) {
    throw formError(
      'form_param_format_invalid',
      'key',
      'is invalid',
      'Keys starting with org:sys_ are reserved for system permissions.',
    );
  }
}

/** Creates a custom permission `org:<feature>:<action>`. */
export async function createPermission(
  store: Store,
  input: { key: string; name: string; description?: string | null | undefined },
  change: ChangeContext,
): Promise<OrganizationPermissionRecord> {
  assertCustomKey(input.key);
  const permission: OrganizationPermissionRecord = {
    id: createId('perm', change.now),
    key: input.key,
    name: input.name,
    description: input.description ?? '',
    type: 'user',
    createdAt: change.now,
    updatedAt: change.now,
  };
  return savePermission(store, permission, 'permission.created', change);
}

export async function updatePermission(
  store: Store,
  permission: OrganizationPermissionRecord,
  input: { key?: string | undefined; name?: string | undefined; description?: string | null | undefined },
  change: ChangeContext,
): Promise<OrganizationPermissionRecord> {
  if (permission.type === 'system') throw systemPermissionNotModifiable();
  if (input.key !== undefined) assertCustomKey(input.key);
  const updated: OrganizationPermissionRecord = {
    ...permission,
    key: input.key ?? permission.key,
    name: input.name ?? permission.name,
    description: input.description === undefined ? permission.description : (input.description ?? ''),
    updatedAt: change.now,
  };
  return savePermission(store, updated, 'permission.updated', change);
}

/** Deletes a custom permission; every role that had it loses it (`role.updated` each). */
export async function deletePermission(
  store: Store,
  permission: OrganizationPermissionRecord,
  change: ChangeContext,
): Promise<void> {
  if (permission.type === 'system') throw systemPermissionNotModifiable();
  await store.transaction(async (tx) => {
    for (const role of await tx.organizations.roles.list({}, { limit: 10_000, offset: 0 })) {
      if (!role.permissionIds.includes(permission.id)) continue;
      const updated = {
        ...role,
        permissionIds: role.permissionIds.filter((id) => id !== permission.id),
        updatedAt: change.now,
      };
      await tx.organizations.roles.update(updated);
      await emitOrganizationEvent(tx, 'role.updated', (json) => json.roleJSON(updated), change);
    }
    await tx.organizations.permissions.delete(permission.id);
    await emitOrganizationEvent(tx, 'permission.deleted', () => deletedObject('permission', permission.id), change);
  });
}
