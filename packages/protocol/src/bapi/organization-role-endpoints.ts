import { defineEndpoint } from '../endpoint.js';
import { DeletedObjectJSON } from '../resources/common.js';
import { InstanceOrganizationSettingsJSON, PermissionJSON, paginatedOf, RoleJSON } from '../resources/organization.js';
import {
  CreatePermissionBody,
  CreateRoleBody,
  ListRolesQuery,
  PermissionIdParams,
  RoleIdParams,
  RolePermissionParams,
  UpdateOrganizationSettingsBody,
  UpdatePermissionBody,
  UpdateRoleBody,
} from './organization-params.js';

const tag = 'Organization Roles and Permissions';

export const listRoles = defineEndpoint({
  method: 'get',
  path: '/organization_roles',
  operationId: 'ListOrganizationRoles',
  summary: 'List the organization roles of the instance, system ones included.',
  tag,
  query: ListRolesQuery,
  response: paginatedOf(RoleJSON),
});

export const createRole = defineEndpoint({
  method: 'post',
  path: '/organization_roles',
  operationId: 'CreateOrganizationRole',
  summary: 'Create a custom role (`org:<name>`) with a set of permissions.',
  tag,
  body: CreateRoleBody,
  response: RoleJSON,
});

export const getRole = defineEndpoint({
  method: 'get',
  path: '/organization_roles/{organization_role_id}',
  operationId: 'GetOrganizationRole',
  summary: 'Retrieve a role.',
  tag,
  params: RoleIdParams,
  response: RoleJSON,
  errors: [404],
});

export const updateRole = defineEndpoint({
  method: 'patch',
  path: '/organization_roles/{organization_role_id}',
  operationId: 'UpdateOrganizationRole',
  summary: "Update a role's name, key, description or permissions (system roles: name and description only).",
  tag,
  params: RoleIdParams,
  body: UpdateRoleBody,
  response: RoleJSON,
  errors: [403, 404],
});

export const deleteRole = defineEndpoint({
  method: 'delete',
  path: '/organization_roles/{organization_role_id}',
  operationId: 'DeleteOrganizationRole',
  summary: 'Delete a custom role that no member or pending invitation holds.',
  tag,
  params: RoleIdParams,
  response: DeletedObjectJSON,
  errors: [403, 404],
});

export const assignPermission = defineEndpoint({
  method: 'post',
  path: '/organization_roles/{organization_role_id}/permissions/{permission_id}',
  operationId: 'AssignPermissionToOrganizationRole',
  summary: 'Add a permission to a role.',
  tag,
  params: RolePermissionParams,
  response: RoleJSON,
  errors: [404, 409],
});

export const removePermission = defineEndpoint({
  method: 'delete',
  path: '/organization_roles/{organization_role_id}/permissions/{permission_id}',
  operationId: 'RemovePermissionFromOrganizationRole',
  summary: 'Remove a permission from a role.',
  tag,
  params: RolePermissionParams,
  response: RoleJSON,
  errors: [404],
});

export const listPermissions = defineEndpoint({
  method: 'get',
  path: '/organization_permissions',
  operationId: 'ListOrganizationPermissions',
  summary: 'List the organization permissions of the instance, system ones included.',
  tag,
  query: ListRolesQuery,
  response: paginatedOf(PermissionJSON),
});

export const createPermission = defineEndpoint({
  method: 'post',
  path: '/organization_permissions',
  operationId: 'CreateOrganizationPermission',
  summary: 'Create a custom permission `org:<feature>:<action>`.',
  tag,
  body: CreatePermissionBody,
  response: PermissionJSON,
});

export const getPermission = defineEndpoint({
  method: 'get',
  path: '/organization_permissions/{permission_id}',
  operationId: 'GetOrganizationPermission',
  summary: 'Retrieve a permission.',
  tag,
  params: PermissionIdParams,
  response: PermissionJSON,
  errors: [404],
});

export const updatePermission = defineEndpoint({
  method: 'patch',
  path: '/organization_permissions/{permission_id}',
  operationId: 'UpdateOrganizationPermission',
  summary: 'Update a custom permission.',
  tag,
  params: PermissionIdParams,
  body: UpdatePermissionBody,
  response: PermissionJSON,
  errors: [403, 404],
});

export const deletePermission = defineEndpoint({
  method: 'delete',
  path: '/organization_permissions/{permission_id}',
  operationId: 'DeleteOrganizationPermission',
  summary: 'Delete a custom permission; roles lose it.',
  tag,
  params: PermissionIdParams,
  response: DeletedObjectJSON,
  errors: [403, 404],
});

export const getOrganizationSettings = defineEndpoint({
  method: 'get',
  path: '/instance/organization_settings',
  operationId: 'GetInstanceOrganizationSettings',
  summary: "The instance's organization settings.",
  tag,
  response: InstanceOrganizationSettingsJSON,
});

export const updateOrganizationSettings = defineEndpoint({
  method: 'patch',
  path: '/instance/organization_settings',
  operationId: 'UpdateInstanceOrganizationSettings',
  summary: "Update the instance's organization settings (creator role, default role, domains…).",
  tag,
  body: UpdateOrganizationSettingsBody,
  response: InstanceOrganizationSettingsJSON,
  errors: [404],
});
