import { defineEndpoint } from '../endpoint.js';
import { DeletedObjectJSON } from '../resources/common.js';
import { OrganizationJSON, paginatedOf } from '../resources/organization.js';
import {
  CreateOrganizationBody,
  ListOrganizationsQuery,
  OrganizationIdParams,
  OrganizationMetadataBody,
  UpdateOrganizationBody,
} from './organization-params.js';

const tag = 'Organizations';

export const listOrganizations = defineEndpoint({
  method: 'get',
  path: '/organizations',
  operationId: 'ListOrganizations',
  summary: 'List organizations, newest first, optionally matching a query or having one of the given members.',
  tag,
  query: ListOrganizationsQuery,
  response: paginatedOf(OrganizationJSON),
});

export const createOrganization = defineEndpoint({
  method: 'post',
  path: '/organizations',
  operationId: 'CreateOrganization',
  summary: 'Create an organization; `created_by` becomes a member with the creator role.',
  tag,
  body: CreateOrganizationBody,
  response: OrganizationJSON,
});

export const getOrganization = defineEndpoint({
  method: 'get',
  path: '/organizations/{organization_id}',
  operationId: 'GetOrganization',
  summary: 'Retrieve an organization by id or slug.',
  tag,
  params: OrganizationIdParams,
  response: OrganizationJSON,
  errors: [404],
});

export const updateOrganization = defineEndpoint({
  method: 'patch',
  path: '/organizations/{organization_id}',
  operationId: 'UpdateOrganization',
  summary: 'Update an organization; omitted fields keep their value.',
  tag,
  params: OrganizationIdParams,
  body: UpdateOrganizationBody,
  response: OrganizationJSON,
  errors: [404],
});

export const deleteOrganization = defineEndpoint({
  method: 'delete',
  path: '/organizations/{organization_id}',
  operationId: 'DeleteOrganization',
  summary: 'Delete an organization with its memberships, invitations and domains.',
  tag,
  params: OrganizationIdParams,
  response: DeletedObjectJSON,
  errors: [404],
});

export const mergeOrganizationMetadata = defineEndpoint({
  method: 'patch',
  path: '/organizations/{organization_id}/metadata',
  operationId: 'MergeOrganizationMetadata',
  summary: 'Deep-merge public and private metadata; a key set to null is removed.',
  tag,
  params: OrganizationIdParams,
  body: OrganizationMetadataBody,
  response: OrganizationJSON,
  errors: [404],
});
