import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { OrganizationInvitationJSON, paginatedOf } from '../resources/organization.js';
import {
  CreateInvitationBody,
  ListInvitationsQuery,
  OrganizationIdParams,
  OrganizationInvitationParams,
  RevokeInvitationBody,
  UserIdOnlyParams,
} from './organization-params.js';

const tag = 'Organization Invitations';

export const createInvitation = defineEndpoint({
  method: 'post',
  path: '/organizations/{organization_id}/invitations',
  operationId: 'CreateOrganizationInvitation',
  summary: 'Invite an email address to an organization; the invitation email is sent unless `notify` is false.',
  tag,
  params: OrganizationIdParams,
  body: CreateInvitationBody,
  response: OrganizationInvitationJSON,
  errors: [403, 404],
});

export const createInvitationsBulk = defineEndpoint({
  method: 'post',
  path: '/organizations/{organization_id}/invitations/bulk',
  operationId: 'CreateOrganizationInvitationBulk',
  // The body is a JSON *array* of CreateOrganizationInvitationBody (BulkInvitationBody), which the
  // route validates itself; it is left out here because every other body, and the tooling built on
  // them (OpenAPI test, fuzzer), is a JSON object.
  summary:
    'Invite several email addresses at once (body: a JSON array of invitations, at most 10): all are created or none is.',
  tag,
  params: OrganizationIdParams,
  response: z.array(OrganizationInvitationJSON),
  errors: [403, 404],
});

export const listInvitations = defineEndpoint({
  method: 'get',
  path: '/organizations/{organization_id}/invitations',
  operationId: 'ListOrganizationInvitations',
  summary: "List an organization's invitations, optionally in some statuses.",
  tag,
  params: OrganizationIdParams,
  query: ListInvitationsQuery,
  response: paginatedOf(OrganizationInvitationJSON),
  errors: [404],
});

export const getInvitation = defineEndpoint({
  method: 'get',
  path: '/organizations/{organization_id}/invitations/{invitation_id}',
  operationId: 'GetOrganizationInvitation',
  summary: 'Retrieve an invitation of the organization.',
  tag,
  params: OrganizationInvitationParams,
  response: OrganizationInvitationJSON,
  errors: [404],
});

export const revokeInvitation = defineEndpoint({
  method: 'post',
  path: '/organizations/{organization_id}/invitations/{invitation_id}/revoke',
  operationId: 'RevokeOrganizationInvitation',
  summary: 'Revoke a pending invitation.',
  tag,
  params: OrganizationInvitationParams,
  body: RevokeInvitationBody,
  response: OrganizationInvitationJSON,
  errors: [404],
});

export const listInstanceInvitations = defineEndpoint({
  method: 'get',
  path: '/organization_invitations',
  operationId: 'ListInstanceOrganizationInvitations',
  summary: 'List the invitations of every organization.',
  tag,
  query: ListInvitationsQuery,
  response: paginatedOf(OrganizationInvitationJSON),
});

export const listUserInvitations = defineEndpoint({
  method: 'get',
  path: '/users/{user_id}/organization_invitations',
  operationId: 'UsersGetOrganizationInvitations',
  summary: "List the invitations sent to a user's email addresses.",
  tag,
  params: UserIdOnlyParams,
  query: ListInvitationsQuery,
  response: paginatedOf(OrganizationInvitationJSON),
  errors: [404],
});
