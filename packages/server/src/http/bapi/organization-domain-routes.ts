import { organizationDomainEndpoints } from '@latch/protocol';
import { requireOrganization } from '../../domain/organizations/find-organization.js';
import {
  createDomain,
  deleteDomain,
  isDomainVerified,
  updateDomain,
} from '../../domain/organizations/organization-domains.js';
import { OrganizationJSONBuilder } from '../../domain/organizations/organization-json.js';
import { resourceNotFound } from '../../errors.js';
import type { OrganizationDomainRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { backendChange } from './organization-routes.js';
import { route } from './route.js';

async function requireDomain(store: Store, organizationId: string, domainId: string) {
  const organization = await requireOrganization(store, organizationId);
  const domain = await store.organizations.domains.findById(domainId);
  if (!domain || domain.organizationId !== organization.id) throw resourceNotFound('organization domain');
  return domain;
}

/** `verified` and `enrollment_mode` filters, applied to one organization's (or every) domains. */
async function listDomainsPage(
  store: Store,
  filter: { organizationId?: string },
  query: {
    verified?: 'true' | 'false' | undefined;
    enrollment_mode?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const all = await store.organizations.domains.list(filter, { limit: 100_000, offset: 0 });
  const matching = all.filter(
    (domain: OrganizationDomainRecord) =>
      (query.verified === undefined || isDomainVerified(domain) === (query.verified === 'true')) &&
      (query.enrollment_mode === undefined || domain.enrollmentMode === query.enrollment_mode),
  );
  const json = new OrganizationJSONBuilder(store, 'backend');
  return {
    data: await Promise.all(matching.slice(query.offset, query.offset + query.limit).map((d) => json.domain(d))),
    total_count: matching.length,
  };
}

const createDomainRoute = route(
  organizationDomainEndpoints.createDomain,
  async ({ params, body, request }, context) => {
    const organization = await requireOrganization(context.store, params.organization_id);
    const domain = await createDomain(
      context.store,
      organization,
      { name: body.name, enrollmentMode: body.enrollment_mode, verified: body.verified ?? true },
      backendChange(request, context),
    );
    return new OrganizationJSONBuilder(context.store, 'backend').domain(domain);
  },
);

const listDomainsRoute = route(organizationDomainEndpoints.listDomains, async ({ params, query }, { store }) => {
  const organization = await requireOrganization(store, params.organization_id);
  return listDomainsPage(store, { organizationId: organization.id }, query);
});

const updateDomainRoute = route(
  organizationDomainEndpoints.updateDomain,
  async ({ params, body, request }, context) => {
    const domain = await requireDomain(context.store, params.organization_id, params.domain_id);
    const updated = await updateDomain(
      context.store,
      domain,
      { enrollmentMode: body.enrollment_mode, verified: body.verified },
      backendChange(request, context),
    );
    return new OrganizationJSONBuilder(context.store, 'backend').domain(updated);
  },
);

const deleteDomainRoute = route(organizationDomainEndpoints.deleteDomain, async ({ params, request }, context) => {
  const domain = await requireDomain(context.store, params.organization_id, params.domain_id);
  await deleteDomain(context.store, domain, backendChange(request, context));
  return { object: 'organization_domain', id: domain.id, deleted: true };
});

const listInstanceDomainsRoute = route(organizationDomainEndpoints.listInstanceDomains, async ({ query }, { store }) =>
  listDomainsPage(store, {}, query),
);

/** `/organizations/{id}/domains…`, `/organization_domains`. */
export const ORGANIZATION_DOMAIN_ROUTES = [
  createDomainRoute,
  listDomainsRoute,
  updateDomainRoute,
  deleteDomainRoute,
  listInstanceDomainsRoute,
];
