import { organizationMembershipEndpoints } from '@latch/protocol';
import { requireOrganization } from '../../domain/organizations/find-organization.js';
import { listOrganizationMemberships, parseOrderBy } from '../../domain/organizations/list-memberships.js';
import { OrganizationJSONBuilder } from '../../domain/organizations/organization-json.js';
import {
  addMember,
  assertRoomForMember,
  changeMemberRole,
  removeMember,
  requireMembership,
  updateMembershipMetadata,
} from '../../domain/organizations/organization-memberships.js';
import { requireRoleByKey } from '../../domain/organizations/organization-roles.js';
import { mergeMetadata } from '../../domain/organizations/update-organization.js';
import { resourceNotFound } from '../../errors.js';
import { backendChange } from './organization-routes.js';
import { route } from './route.js';

const listMembershipsRoute = route(
  organizationMembershipEndpoints.listMemberships,
  async ({ params, query }, { store }) => {
    const organization = await requireOrganization(store, params.organization_id);
    const { memberships, total } = await listOrganizationMemberships(store, organization.id, {
      roleKeys: query.role,
      userIds: query.user_id,
      query: query.query,
      orderBy: query.order_by,
      limit: query.limit,
      offset: query.offset,
    });
    const json = new OrganizationJSONBuilder(store, 'backend');
    return { data: await Promise.all(memberships.map((m) => json.membership(m))), total_count: total };
  },
);

const createMembershipRoute = route(
  organizationMembershipEndpoints.createMembership,
  async ({ params, body, request }, context) => {
    const { store } = context;
    const organization = await requireOrganization(store, params.organization_id);
    const role = await requireRoleByKey(store, body.role);
    if (!(await store.users.findById(body.user_id))) throw resourceNotFound('user');
    await assertRoomForMember(store, organization);
    const membership = await addMember(store, organization, body.user_id, role.id, backendChange(request, context), {
      publicMetadata: body.public_metadata,
      privateMetadata: body.private_metadata,
    });
    return new OrganizationJSONBuilder(store, 'backend').membership(membership);
  },
);

const updateMembershipRoute = route(
  organizationMembershipEndpoints.updateMembership,
  async ({ params, body, request }, context) => {
    const { store } = context;
    const organization = await requireOrganization(store, params.organization_id);
    const membership = await requireMembership(store, organization.id, params.user_id);
    const role = await requireRoleByKey(store, body.role);
    const updated = await changeMemberRole(store, membership, role.id, backendChange(request, context));
    return new OrganizationJSONBuilder(store, 'backend').membership(updated);
  },
);

const deleteMembershipRoute = route(
  organizationMembershipEndpoints.deleteMembership,
  async ({ params, request }, context) => {
    const { store } = context;
    const organization = await requireOrganization(store, params.organization_id);
    const membership = await requireMembership(store, organization.id, params.user_id);
    const json = await new OrganizationJSONBuilder(store, 'backend').membership(membership);
    await removeMember(store, membership, backendChange(request, context));
    return json;
  },
);

const mergeMembershipMetadataRoute = route(
  organizationMembershipEndpoints.mergeMembershipMetadata,
  async ({ params, body, request }, context) => {
    const { store } = context;
    const organization = await requireOrganization(store, params.organization_id);
    const membership = await requireMembership(store, organization.id, params.user_id);
    const updated = await updateMembershipMetadata(
      store,
      membership,
      {
        publicMetadata: body.public_metadata
          ? mergeMetadata(membership.publicMetadata, body.public_metadata)
          : membership.publicMetadata,
        privateMetadata: body.private_metadata
          ? mergeMetadata(membership.privateMetadata, body.private_metadata)
          : membership.privateMetadata,
      },
      backendChange(request, context),
    );
    return new OrganizationJSONBuilder(store, 'backend').membership(updated);
  },
);

const listInstanceMembershipsRoute = route(
  organizationMembershipEndpoints.listInstanceMemberships,
  async ({ query }, { store }) => {
    const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
    const [memberships, total] = await Promise.all([
      store.organizations.memberships.list({}, page),
      store.organizations.memberships.count({}),
    ]);
    const json = new OrganizationJSONBuilder(store, 'backend');
    return { data: await Promise.all(memberships.map((m) => json.membership(m))), total_count: total };
  },
);

const listUserMembershipsRoute = route(
  organizationMembershipEndpoints.listUserMemberships,
  async ({ params, query }, { store }) => {
    if (!(await store.users.findById(params.user_id))) throw resourceNotFound('user');
    const filter = { userId: params.user_id };
    const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
    const [memberships, total] = await Promise.all([
      store.organizations.memberships.list(filter, page),
      store.organizations.memberships.count(filter),
    ]);
    const json = new OrganizationJSONBuilder(store, 'backend');
    return { data: await Promise.all(memberships.map((m) => json.membership(m))), total_count: total };
  },
);

/** `/organizations/{id}/memberships…`, `/organization_memberships`, `/users/{id}/organization_memberships`. */
export const ORGANIZATION_MEMBERSHIP_ROUTES = [
  listMembershipsRoute,
  createMembershipRoute,
  updateMembershipRoute,
  deleteMembershipRoute,
  mergeMembershipMetadataRoute,
  listInstanceMembershipsRoute,
  listUserMembershipsRoute,
];
