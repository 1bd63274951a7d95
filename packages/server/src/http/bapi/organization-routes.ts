import { organizationEndpoints } from '@latch/protocol';
import type { AppContext } from '../../app-context.js';
import { createOrganization } from '../../domain/organizations/create-organization.js';
import { requireOrganization } from '../../domain/organizations/find-organization.js';
import { parseOrderBy } from '../../domain/organizations/list-memberships.js';
import type { ChangeContext } from '../../domain/organizations/organization-events.js';
import { OrganizationJSONBuilder } from '../../domain/organizations/organization-json.js';
import {
  deleteOrganization,
  mergeMetadata,
  updateOrganization,
} from '../../domain/organizations/update-organization.js';
import { clientAddress } from '../client-address.js';
import { route } from './route.js';

/**
 * Backend API changes. No explicit actor: the event context names the caller from the request —
 * the secret key (with its id) or the dashboard operator behind an `opa_…` token.
 */
export function backendChange(request: Request, context: AppContext): ChangeContext {
  return {
    now: context.clock.now(),
    event: {
      httpRequest: { clientIp: clientAddress(request), userAgent: request.headers.get('user-agent') },
    },
  };
}

const listOrganizationsRoute = route(organizationEndpoints.listOrganizations, async ({ query }, { store }) => {
  let ids = query.organization_id;
  if (query.user_id?.length) {
    const memberOf = new Set<string>();
    for (const userId of query.user_id) {
      for (const membership of await store.organizations.memberships.list({ userId }, { limit: 10_000, offset: 0 })) {
        memberOf.add(membership.organizationId);
      }
    }
    ids = ids ? ids.filter((id) => memberOf.has(id)) : [...memberOf];
  }
  const filter = { ...(ids ? { ids } : {}), ...(query.query ? { query: query.query } : {}) };
  const [organizations, total] = await Promise.all([
    store.organizations.organizations.list(filter, {
      limit: query.limit,
      offset: query.offset,
      orderBy: parseOrderBy(query.order_by),
    }),
    store.organizations.organizations.count(filter),
  ]);
  const json = new OrganizationJSONBuilder(store, 'backend');
  return { data: await Promise.all(organizations.map((o) => json.organization(o))), total_count: total };
});

const createOrganizationRoute = route(organizationEndpoints.createOrganization, async ({ body, request }, context) => {
  const organization = await createOrganization(
    context.store,
    {
      name: body.name,
      slug: body.slug,
      createdBy: body.created_by,
      maxAllowedMemberships: body.max_allowed_memberships,
      publicMetadata: body.public_metadata,
      privateMetadata: body.private_metadata,
    },
    backendChange(request, context),
  );
  return new OrganizationJSONBuilder(context.store, 'backend').organization(organization);
});

const getOrganizationRoute = route(organizationEndpoints.getOrganization, async ({ params }, { store }) =>
  new OrganizationJSONBuilder(store, 'backend').organization(await requireOrganization(store, params.organization_id)),
);

const updateOrganizationRoute = route(
  organizationEndpoints.updateOrganization,
  async ({ params, body, request }, context) => {
    const organization = await requireOrganization(context.store, params.organization_id);
    const updated = await updateOrganization(
      context.store,
      organization,
      {
        name: body.name,
        slug: body.slug,
        maxAllowedMemberships: body.max_allowed_memberships,
        adminDeleteEnabled: body.admin_delete_enabled,
        publicMetadata: body.public_metadata,
        privateMetadata: body.private_metadata,
      },
      backendChange(request, context),
    );
    return new OrganizationJSONBuilder(context.store, 'backend').organization(updated);
  },
);

const deleteOrganizationRoute = route(
  organizationEndpoints.deleteOrganization,
  async ({ params, request }, context) => {
    const organization = await requireOrganization(context.store, params.organization_id);
    await deleteOrganization(context.store, organization, backendChange(request, context));
    return { object: 'organization', id: organization.id, deleted: true };
  },
);

const mergeOrganizationMetadataRoute = route(
  organizationEndpoints.mergeOrganizationMetadata,
  async ({ params, body, request }, context) => {
    const organization = await requireOrganization(context.store, params.organization_id);
    const updated = await updateOrganization(
      context.store,
      organization,
      {
        publicMetadata: body.public_metadata && mergeMetadata(organization.publicMetadata, body.public_metadata),
        privateMetadata: body.private_metadata && mergeMetadata(organization.privateMetadata, body.private_metadata),
      },
      backendChange(request, context),
    );
    return new OrganizationJSONBuilder(context.store, 'backend').organization(updated);
  },
);

/** `/organizations`: create, read, update, delete, metadata. */
export const ORGANIZATION_ROUTES = [
  listOrganizationsRoute,
  createOrganizationRoute,
  getOrganizationRoute,
  updateOrganizationRoute,
  deleteOrganizationRoute,
  mergeOrganizationMetadataRoute,
];
