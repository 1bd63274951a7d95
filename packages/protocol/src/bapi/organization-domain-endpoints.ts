import { defineEndpoint } from '../endpoint.js';
import { DeletedObjectJSON } from '../resources/common.js';
import { OrganizationDomainJSON, paginatedOf } from '../resources/organization.js';
import {
  CreateDomainBody,
  ListDomainsQuery,
  OrganizationDomainParams,
  OrganizationIdParams,
  UpdateDomainBody,
} from './organization-params.js';

const tag = 'Organization Domains';

export const createDomain = defineEndpoint({
  method: 'post',
  path: '/organizations/{organization_id}/domains',
  operationId: 'CreateOrganizationDomain',
  summary: 'Add a domain to an organization; `verified: true` skips email verification.',
  tag,
  params: OrganizationIdParams,
  body: CreateDomainBody,
  response: OrganizationDomainJSON,
  errors: [403, 404],
});

export const listDomains = defineEndpoint({
  method: 'get',
  path: '/organizations/{organization_id}/domains',
  operationId: 'ListOrganizationDomains',
  summary: "List an organization's domains.",
  tag,
  params: OrganizationIdParams,
  query: ListDomainsQuery,
  response: paginatedOf(OrganizationDomainJSON),
  errors: [404],
});

export const updateDomain = defineEndpoint({
  method: 'patch',
  path: '/organizations/{organization_id}/domains/{domain_id}',
  operationId: 'UpdateOrganizationDomain',
  summary: "Change a domain's enrollment mode or verified state.",
  tag,
  params: OrganizationDomainParams,
  body: UpdateDomainBody,
  response: OrganizationDomainJSON,
  errors: [403, 404],
});

export const deleteDomain = defineEndpoint({
  method: 'delete',
  path: '/organizations/{organization_id}/domains/{domain_id}',
  operationId: 'DeleteOrganizationDomain',
  summary: 'Remove a domain from an organization.',
  tag,
  params: OrganizationDomainParams,
  response: DeletedObjectJSON,
  errors: [404],
});

export const listInstanceDomains = defineEndpoint({
  method: 'get',
  path: '/organization_domains',
  operationId: 'ListAllOrganizationDomains',
  summary: 'List the domains of every organization.',
  tag,
  query: ListDomainsQuery,
  response: paginatedOf(OrganizationDomainJSON),
});
