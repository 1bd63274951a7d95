import { organizationRoleEndpoints } from '@latch/protocol';
import { parseOrderBy } from '../../domain/organizations/list-memberships.js';
import {
  createPermission,
  createRole,
  deletePermission,
  deleteRole,
  setRolePermission,
  updatePermission,
  updateRole,
} from '../../domain/organizations/manage-roles.js';
import { organizationErrors } from '../../domain/organizations/organization-errors.js';
import { OrganizationJSONBuilder, permissionJSON } from '../../domain/organizations/organization-json.js';
import {
  organizationSettingsJSON,
  updateOrganizationSettings,
} from '../../domain/organizations/organization-settings.js';
import type { Store } from '../../store/store.js';
import { backendChange } from './organization-routes.js';
import { route } from './route.js';

async function requireRole(store: Store, id: string) {
  const role = await store.organizations.roles.findById(id);
  if (!role) throw organizationErrors.notFound('organization role');
  return role;
}

async function requirePermission(store: Store, id: string) {
  const permission = await store.organizations.permissions.findById(id);
  if (!permission) throw organizationErrors.notFound('organization permission');
  return permission;
}

const listRolesRoute = route(organizationRoleEndpoints.listRoles, async ({ query }, { store }) => {
  const filter = query.query ? { query: query.query } : {};
  const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
  const [roles, total] = await Promise.all([
    store.organizations.roles.list(filter, page),
    store.organizations.roles.count(filter),
  ]);
  const json = new OrganizationJSONBuilder(store, 'backend');
  return { data: await Promise.all(roles.map((role) => json.roleJSON(role))), total_count: total };
});

const createRoleRoute = route(organizationRoleEndpoints.createRole, async ({ body, request }, context) => {
  const role = await createRole(
    context.store,
    { key: body.key, name: body.name, description: body.description, permissionIds: body.permissions },
    backendChange(request, context),
  );
  return new OrganizationJSONBuilder(context.store, 'backend').roleJSON(role);
});

const getRoleRoute = route(organizationRoleEndpoints.getRole, async ({ params }, { store }) =>
  new OrganizationJSONBuilder(store, 'backend').roleJSON(await requireRole(store, params.organization_role_id)),
);

const updateRoleRoute = route(organizationRoleEndpoints.updateRole, async ({ params, body, request }, context) => {
  const role = await requireRole(context.store, params.organization_role_id);
  const updated = await updateRole(
    context.store,
    role,
    { key: body.key, name: body.name, description: body.description, permissionIds: body.permissions },
    backendChange(request, context),
  );
  return new OrganizationJSONBuilder(context.store, 'backend').roleJSON(updated);
});

const deleteRoleRoute = route(organizationRoleEndpoints.deleteRole, async ({ params, request }, context) => {
  const role = await requireRole(context.store, params.organization_role_id);
  await deleteRole(context.store, role, backendChange(request, context));
  return { object: 'role', id: role.id, deleted: true };
});

const rolePermissionRoute = (present: boolean) =>
  route(
    present ? organizationRoleEndpoints.assignPermission : organizationRoleEndpoints.removePermission,
    async ({ params, request }, context) => {
      const role = await requireRole(context.store, params.organization_role_id);
      const permission = await requirePermission(context.store, params.permission_id);
      const updated = await setRolePermission(
        context.store,
        role,
        permission,
        present,
        backendChange(request, context),
      );
      return new OrganizationJSONBuilder(context.store, 'backend').roleJSON(updated);
    },
  );

const listPermissionsRoute = route(organizationRoleEndpoints.listPermissions, async ({ query }, { store }) => {
  const filter = query.query ? { query: query.query } : {};
  const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
  const [permissions, total] = await Promise.all([
    store.organizations.permissions.list(filter, page),
    store.organizations.permissions.count(filter),
  ]);
  return { data: permissions.map(permissionJSON), total_count: total };
});

const createPermissionRoute = route(organizationRoleEndpoints.createPermission, async ({ body, request }, context) =>
  permissionJSON(
    await createPermission(
      context.store,
      { key: body.key, name: body.name, description: body.description },
      backendChange(request, context),
    ),
  ),
);

const getPermissionRoute = route(organizationRoleEndpoints.getPermission, async ({ params }, { store }) =>
  permissionJSON(await requirePermission(store, params.permission_id)),
);

const updatePermissionRoute = route(
  organizationRoleEndpoints.updatePermission,
  async ({ params, body, request }, context) => {
    const permission = await requirePermission(context.store, params.permission_id);
    return permissionJSON(
      await updatePermission(
        context.store,
        permission,
        { key: body.key, name: body.name, description: body.description },
        backendChange(request, context),
      ),
    );
  },
);

const deletePermissionRoute = route(
  organizationRoleEndpoints.deletePermission,
  async ({ params, request }, context) => {
    const permission = await requirePermission(context.store, params.permission_id);
    await deletePermission(context.store, permission, backendChange(request, context));
    return { object: 'permission', id: permission.id, deleted: true };
  },
);

const getSettingsRoute = route(organizationRoleEndpoints.getOrganizationSettings, async (_input, { store }) =>
  organizationSettingsJSON(store, await store.organizations.getSettings()),
);

const updateSettingsRoute = route(
  organizationRoleEndpoints.updateOrganizationSettings,
  async ({ body }, { store, clock }) => {
    const settings = await updateOrganizationSettings(
      store,
      {
        enabled: body.enabled,
        maxAllowedMemberships: body.max_allowed_memberships,
        adminDeleteEnabled: body.admin_delete_enabled,
        domainsEnabled: body.domains_enabled,
        domainsEnrollmentModes: body.domains_enrollment_modes,
        creatorRoleId: body.creator_role_id,
        domainsDefaultRoleId: body.domains_default_role_id,
      },
      clock.now(),
    );
    return organizationSettingsJSON(store, settings);
  },
);

/** `/organization_roles`, `/organization_permissions`, `/instance/organization_settings`. */
export const ORGANIZATION_ROLE_ROUTES = [
  listRolesRoute,
  createRoleRoute,
  getRoleRoute,
  updateRoleRoute,
  deleteRoleRoute,
  rolePermissionRoute(true),
  rolePermissionRoute(false),
  listPermissionsRoute,
  createPermissionRoute,
  getPermissionRoute,
  updatePermissionRoute,
  deletePermissionRoute,
  getSettingsRoute,
  updateSettingsRoute,
];
