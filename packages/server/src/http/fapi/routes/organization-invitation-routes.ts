import { RoleKey } from '@latch/protocol';
import { z } from 'zod';
import { sendInvitationEmail } from '../../../domain/organizations/invitation-email.js';
import { parseOrderBy } from '../../../domain/organizations/list-memberships.js';
import { organizationErrors } from '../../../domain/organizations/organization-errors.js';
import {
  createInvitation,
  expireInvitations,
  revokeInvitation,
} from '../../../domain/organizations/organization-invitations.js';
import { requireRoleByKey } from '../../../domain/organizations/organization-roles.js';
import type { OrganizationInvitationStatus } from '../../../store/organization-store.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { actInOrganization, frontendChange, listPayload, listQuery } from './organization-routes-support.js';

const READ = 'org:sys_memberships:read';
const MANAGE = 'org:sys_memberships:manage';
const STATUSES: OrganizationInvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

const list = fapiRoute('GET', '/organizations/:organization_id/invitations', async (context, { organization_id }) => {
  const query = listQuery(context);
  const { access, json } = await actInOrganization(context, organization_id as string, READ);
  const { store } = context.app;
  await expireInvitations(store, { organizationId: access.organization.id }, context.now);
  const statuses = query.status?.filter((s): s is OrganizationInvitationStatus => STATUSES.includes(s as never));
  const filter = { organizationId: access.organization.id, ...(statuses?.length ? { statuses } : {}) };
  const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
  const [invitations, total] = await Promise.all([
    store.organizations.invitations.list(filter, page),
    store.organizations.invitations.count(filter),
  ]);
  return { response: listPayload(await Promise.all(invitations.map((i) => json.invitation(i))), total, query) };
});

const Email = z.email().max(320);
const CreateBody = z.strictObject({ email_address: Email, role: RoleKey });

const create = fapiRoute(
  'POST',
  '/organizations/:organization_id/invitations',
  async (context, { organization_id }) => {
    const body = parseFields(CreateBody, context.body);
    const { access, json, user } = await actInOrganization(context, organization_id as string, MANAGE);
    const { store } = context.app;
    const role = await requireRoleByKey(store, body.role);
    const invitation = await createInvitation(
      store,
      access.organization,
      { emailAddress: body.email_address, roleId: role.id, inviterUserId: user.id },
      frontendChange(context, user.id),
    );
    await sendInvitationEmail(context.app, invitation, access.organization);
    return { response: await json.invitation(invitation) };
  },
);

const BulkBody = z.strictObject({
  email_address: z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(Email).min(1).max(10)),
  role: RoleKey,
});

/** `POST …/invitations/bulk`: several addresses, one role; all are invited or none is. */
const bulk = fapiRoute(
  'POST',
  '/organizations/:organization_id/invitations/bulk',
  async (context, { organization_id }) => {
    const body = parseFields(BulkBody, context.body);
    const { access, json, user } = await actInOrganization(context, organization_id as string, MANAGE);
    const { store } = context.app;
    const role = await requireRoleByKey(store, body.role);
    const change = frontendChange(context, user.id);
    const invitations = await store.transaction(async (tx) => {
      const created = [];
      for (const emailAddress of body.email_address) {
        created.push(
          await createInvitation(
            tx,
            access.organization,
            { emailAddress, roleId: role.id, inviterUserId: user.id },
            change,
          ),
        );
      }
      return created;
    });
    for (const invitation of invitations) await sendInvitationEmail(context.app, invitation, access.organization);
    return { response: await Promise.all(invitations.map((i) => json.invitation(i))) };
  },
);

const revoke = fapiRoute(
  'POST',
  '/organizations/:organization_id/invitations/:invitation_id/revoke',
  async (context, { organization_id, invitation_id }) => {
    const { access, json, user } = await actInOrganization(context, organization_id as string, MANAGE);
    const { store } = context.app;
    const invitation = await store.organizations.invitations.findById(invitation_id as string);
    // Another organization's invitation does not exist from here.
    if (!invitation || invitation.organizationId !== access.organization.id)
      throw organizationErrors.notFound('organization invitation');
    const revoked = await revokeInvitation(store, invitation, frontendChange(context, user.id));
    return { response: await json.invitation(revoked) };
  },
);

export const ORGANIZATION_INVITATION_ROUTES = [list, bulk, create, revoke];
