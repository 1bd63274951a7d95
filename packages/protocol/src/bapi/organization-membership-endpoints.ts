import { defineEndpoint } from '../endpoint.js';
import { OrganizationMembershipJSON, paginatedOf } from '../resources/organization.js';
import {
  CreateMembershipBody,
  ListInstanceMembershipsQuery,
  ListMembershipsQuery,
  OrganizationIdParams,
  OrganizationMetadataBody,
  OrganizationUserParams,
  UpdateMembershipBody,
  UserIdOnlyParams,
} from './organization-params.js';

const tag = 'Organization Memberships';

export const listMemberships = defineEndpoint({
  method: 'get',
  path: '/organizations/{organization_id}/memberships',
  operationId: 'ListOrganizationMemberships',
  summary: 'List the members of an organization, filtered by role, user or a search query.',
  tag,
  params: OrganizationIdParams,
  query: ListMembershipsQuery,
  response: paginatedOf(OrganizationMembershipJSON),
  errors: [404],
});

export const createMembership = defineEndpoint({
  method: 'post',
  path: '/organizations/{organization_id}/memberships',
  operationId: 'CreateOrganizationMembership',
  summary: 'Add a user to an organization with a role.',
  tag,
  params: OrganizationIdParams,
  body: CreateMembershipBody,
  response: OrganizationMembershipJSON,
  errors: [403, 404],
});

export const updateMembership = defineEndpoint({
  method: 'patch',
  path: '/organizations/{organization_id}/memberships/{user_id}',
  operationId: 'UpdateOrganizationMembership',
  summary: "Change a member's role; the last member able to manage members cannot be demoted.",
  tag,
  params: OrganizationUserParams,
  body: UpdateMembershipBody,
  response: OrganizationMembershipJSON,
  errors: [404],
});

export const deleteMembership = defineEndpoint({
  method: 'delete',
  path: '/organizations/{organization_id}/memberships/{user_id}',
  operationId: 'DeleteOrganizationMembership',
  summary: 'Remove a member; the last member able to manage members cannot be removed.',
  tag,
  params: OrganizationUserParams,
  response: OrganizationMembershipJSON,
  errors: [404],
});

export const mergeMembershipMetadata = defineEndpoint({
  method: 'patch',
  path: '/organizations/{organization_id}/memberships/{user_id}/metadata',
  operationId: 'UpdateOrganizationMembershipMetadata',
  summary: "Deep-merge a membership's public and private metadata.",
  tag,
  params: OrganizationUserParams,
  body: OrganizationMetadataBody,
  response: OrganizationMembershipJSON,
  errors: [404],
});

export const listInstanceMemberships = defineEndpoint({
  method: 'get',
  path: '/organization_memberships',
  operationId: 'InstanceGetOrganizationMemberships',
  summary: 'List every organization membership of the instance.',
  tag,
  query: ListInstanceMembershipsQuery,
  response: paginatedOf(OrganizationMembershipJSON),
});

export const listUserMemberships = defineEndpoint({
  method: 'get',
  path: '/users/{user_id}/organization_memberships',
  operationId: 'UsersGetOrganizationMemberships',
  summary: "List a user's organization memberships.",
  tag,
  params: UserIdOnlyParams,
  query: ListInstanceMembershipsQuery,
  response: paginatedOf(OrganizationMembershipJSON),
  errors: [404],
});
