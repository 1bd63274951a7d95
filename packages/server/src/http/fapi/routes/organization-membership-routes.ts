import { RoleKey } from '@latch/protocol';
import { z } from 'zod';
import { listOrganizationMemberships } from '../../../domain/organizations/list-memberships.js';
import {
  addMember,
  assertRoomForMember,
  changeMemberRole,
  removeMember,
  requireMembership,
} from '../../../domain/organizations/organization-memberships.js';
import { requireRoleByKey } from '../../../domain/organizations/organization-roles.js';
import { resourceNotFound } from '../../../errors.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { actInOrganization, frontendChange, listPayload, listQuery } from './organization-routes-support.js';

const READ = 'org:sys_memberships:read';
const MANAGE = 'org:sys_memberships:manage';

const list = fapiRoute('GET', '/organizations/:organization_id/memberships', async (context, { organization_id }) => {
  const query = listQuery(context);
  const { access, json } = await actInOrganization(context, organization_id as string, READ);
  const { memberships, total } = await listOrganizationMemberships(context.app.store, access.organization.id, {
    roleKeys: query.role,
    query: query.query,
    orderBy: query.order_by,
    limit: query.limit,
    offset: query.offset,
  });
  return { response: listPayload(await Promise.all(memberships.map((m) => json.membership(m))), total, query) };
});

const CreateBody = z.strictObject({ user_id: z.string().min(1).max(128), role: RoleKey });

/** An admin adds an existing user directly (no invitation). */
const create = fapiRoute(
  'POST',
  '/organizations/:organization_id/memberships',
  async (context, { organization_id }) => {
    const body = parseFields(CreateBody, context.body);
    const { access, json, user } = await actInOrganization(context, organization_id as string, MANAGE);
    const { store } = context.app;
    const role = await requireRoleByKey(store, body.role);
    if (!(await store.users.findById(body.user_id))) throw resourceNotFound('user');
    await assertRoomForMember(store, access.organization);
    const membership = await addMember(
      store,
      access.organization,
      body.user_id,
      role.id,
      frontendChange(context, user.id),
    );
    return { response: await json.membership(membership) };
  },
);

const UpdateBody = z.strictObject({ role: RoleKey });

const update = fapiRoute(
  'PATCH',
  '/organizations/:organization_id/memberships/:user_id',
  async (context, { organization_id, user_id }) => {
    const body = parseFields(UpdateBody, context.body);
    const { access, json, user } = await actInOrganization(context, organization_id as string, MANAGE);
    const { store } = context.app;
    const membership = await requireMembership(store, access.organization.id, user_id as string);
    const role = await requireRoleByKey(store, body.role);
    const updated = await changeMemberRole(store, membership, role.id, frontendChange(context, user.id));
    return { response: await json.membership(updated) };
  },
);

const remove = fapiRoute(
  'DELETE',
  '/organizations/:organization_id/memberships/:user_id',
  async (context, { organization_id, user_id }) => {
    const { access, json, user } = await actInOrganization(context, organization_id as string, MANAGE);
    const { store } = context.app;
    const membership = await requireMembership(store, access.organization.id, user_id as string);
    const rendered = await json.membership(membership);
    await removeMember(store, membership, frontendChange(context, user.id));
    return { response: rendered };
  },
);

export const ORGANIZATION_MEMBERSHIP_ROUTES = [list, create, update, remove];
