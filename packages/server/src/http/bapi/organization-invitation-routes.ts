import {
  BulkInvitationBody,
  CreateInvitationBody,
  ORGANIZATION_LIMITS,
  OrganizationIdParams,
  organizationInvitationEndpoints,
} from '@latch/protocol';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { requireOrganization } from '../../domain/organizations/find-organization.js';
import { sendInvitationEmail } from '../../domain/organizations/invitation-email.js';
import { parseOrderBy } from '../../domain/organizations/list-memberships.js';
import type { ChangeContext } from '../../domain/organizations/organization-events.js';
import {
  createInvitation,
  expireInvitations,
  revokeInvitation,
} from '../../domain/organizations/organization-invitations.js';
import { OrganizationJSONBuilder } from '../../domain/organizations/organization-json.js';
import { requireRoleByKey } from '../../domain/organizations/organization-roles.js';
import { formError, LatchAPIError, resourceNotFound } from '../../errors.js';
import type { OrganizationRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { readLimitedBody } from '../read-limited-body.js';
import { zodErrorToAPIError } from '../zod-issues.js';
import { backendChange } from './organization-routes.js';
import { type Route, route } from './route.js';

interface InvitationInput {
  email_address: string;
  role: string;
  inviter_user_id?: string | null | undefined;
  public_metadata?: Record<string, unknown> | undefined;
  private_metadata?: Record<string, unknown> | undefined;
  redirect_url?: string | undefined;
  expires_in_days?: number | undefined;
  notify?: boolean | undefined;
}

/** Validates the role and inviter, then creates the invitation (in the caller's transaction when given one). */
async function invite(store: Store, organization: OrganizationRecord, input: InvitationInput, change: ChangeContext) {
  const role = await requireRoleByKey(store, input.role);
  if (input.inviter_user_id && !(await store.users.findById(input.inviter_user_id))) {
    throw formError('form_param_value_invalid', 'inviter_user_id', 'is invalid', 'No user has that id.');
  }
  return createInvitation(
    store,
    organization,
    {
      emailAddress: input.email_address,
      roleId: role.id,
      inviterUserId: input.inviter_user_id,
      expiresInDays: input.expires_in_days,
      publicMetadata: input.public_metadata,
      privateMetadata: input.private_metadata,
    },
    change,
  );
}

async function notify(
  context: AppContext,
  organization: OrganizationRecord,
  invitation: Awaited<ReturnType<typeof invite>>,
  input: InvitationInput,
) {
  if (input.notify !== false) {
    await sendInvitationEmail(context, invitation, organization, { redirectUrl: input.redirect_url });
  }
}

const createInvitationRoute = route(
  organizationInvitationEndpoints.createInvitation,
  async ({ params, body, request }, context) => {
    const organization = await requireOrganization(context.store, params.organization_id);
    const invitation = await invite(context.store, organization, body, backendChange(request, context));
    await notify(context, organization, invitation, body);
    return new OrganizationJSONBuilder(context.store, 'backend').invitation(invitation);
  },
);

/**
 * Clerk's bulk body is a JSON *array*, which the shared body reader (objects only) refuses; this
 * route reads and validates it itself, with the same schema the OpenAPI document shows.
 */
const createInvitationsBulkRoute: Route = {
  endpoint: organizationInvitationEndpoints.createInvitationsBulk as Route['endpoint'],
  async serve(request, pathParams, context) {
    const params = validated(OrganizationIdParams, pathParams);
    const text = (await readLimitedBody(request, context.config.maxBodyBytes)).trim();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text || 'null');
    } catch {
      throw LatchAPIError.single(
        400,
        'malformed_request_body',
        'malformed request body',
        'The request body is not valid JSON.',
      );
    }
    if (!Array.isArray(parsed)) {
      throw LatchAPIError.single(
        400,
        'malformed_request_body',
        'malformed request body',
        'The request body must be a JSON array of invitations.',
      );
    }
    if (parsed.length === 0 || parsed.length > ORGANIZATION_LIMITS.bulkInvitationsMax) {
      throw formError(
        'form_param_value_invalid',
        'email_address',
        'is invalid',
        `Send between 1 and ${ORGANIZATION_LIMITS.bulkInvitationsMax} invitations.`,
      );
    }
    // Each entry on its own, so an error names the field (`email_address`), not the array index.
    for (const entry of parsed) validated(CreateInvitationBody, entry);
    // PostgreSQL cannot store U+0000 (see route.ts); checked after the shape, so depth is bounded.
    if (containsNul(parsed)) {
      throw formError(
        'form_param_format_invalid',
        'email_address',
        'is invalid',
        'Values must not contain NUL characters.',
      );
    }
    const body = validated(BulkInvitationBody, parsed);
    return bulkInvite(params, body, request, context);
  },
};

/** Whether any string or key holds U+0000; stops at a depth no real body reaches (no stack overflow). */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

function validated<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw zodErrorToAPIError(result.error, value);
  return result.data;
}

const bulkInvite = async (
  params: { organization_id: string },
  body: InvitationInput[],
  request: Request,
  context: AppContext,
) => {
  {
    const organization = await requireOrganization(context.store, params.organization_id);
    const change = backendChange(request, context);
    // All or nothing: one bad entry leaves no invitation behind and sends no email.
    const invitations = await context.store.transaction(async (tx) => {
      const created = [];
      for (const input of body) created.push(await invite(tx, organization, input, change));
      return created;
    });
    for (const [index, invitation] of invitations.entries()) {
      await notify(context, organization, invitation, body[index] as InvitationInput);
    }
    const json = new OrganizationJSONBuilder(context.store, 'backend');
    return Promise.all(invitations.map((invitation) => json.invitation(invitation)));
  }
};

const listInvitationsRoute = route(
  organizationInvitationEndpoints.listInvitations,
  async ({ params, query }, { store, clock }) => {
    const organization = await requireOrganization(store, params.organization_id);
    await expireInvitations(store, { organizationId: organization.id }, clock.now());
    const filter = {
      organizationId: organization.id,
      ...(query.status?.length ? { statuses: query.status } : {}),
      ...(query.email_address ? { emailAddresses: [query.email_address.toLowerCase()] } : {}),
    };
    const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
    const [invitations, total] = await Promise.all([
      store.organizations.invitations.list(filter, page),
      store.organizations.invitations.count(filter),
    ]);
    const json = new OrganizationJSONBuilder(store, 'backend');
    return { data: await Promise.all(invitations.map((i) => json.invitation(i))), total_count: total };
  },
);

async function requireInvitation(store: Store, organizationId: string, invitationId: string) {
  const organization = await requireOrganization(store, organizationId);
  const invitation = await store.organizations.invitations.findById(invitationId);
  // Another organization's invitation does not exist from here.
  if (!invitation || invitation.organizationId !== organization.id) throw resourceNotFound('organization invitation');
  return invitation;
}

const getInvitationRoute = route(
  organizationInvitationEndpoints.getInvitation,
  async ({ params }, { store, clock }) => {
    const invitation = await requireInvitation(store, params.organization_id, params.invitation_id);
    await expireInvitations(store, { organizationId: invitation.organizationId }, clock.now());
    const current = (await store.organizations.invitations.findById(invitation.id)) ?? invitation;
    return new OrganizationJSONBuilder(store, 'backend').invitation(current);
  },
);

const revokeInvitationRoute = route(
  organizationInvitationEndpoints.revokeInvitation,
  async ({ params, request }, context) => {
    const invitation = await requireInvitation(context.store, params.organization_id, params.invitation_id);
    const revoked = await revokeInvitation(context.store, invitation, backendChange(request, context));
    return new OrganizationJSONBuilder(context.store, 'backend').invitation(revoked);
  },
);

const listInstanceInvitationsRoute = route(
  organizationInvitationEndpoints.listInstanceInvitations,
  async ({ query }, { store, clock }) => {
    await expireInvitations(store, {}, clock.now());
    const filter = {
      ...(query.status?.length ? { statuses: query.status } : {}),
      ...(query.email_address ? { emailAddresses: [query.email_address.toLowerCase()] } : {}),
    };
    const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
    const [invitations, total] = await Promise.all([
      store.organizations.invitations.list(filter, page),
      store.organizations.invitations.count(filter),
    ]);
    const json = new OrganizationJSONBuilder(store, 'backend');
    return { data: await Promise.all(invitations.map((i) => json.invitation(i))), total_count: total };
  },
);

const listUserInvitationsRoute = route(
  organizationInvitationEndpoints.listUserInvitations,
  async ({ params, query }, { store, clock }) => {
    const user = await store.users.findById(params.user_id);
    if (!user) throw resourceNotFound('user');
    const emailAddresses = user.emailAddresses.map((email) => email.value.toLowerCase());
    await expireInvitations(store, { emailAddresses }, clock.now());
    const filter = { emailAddresses, ...(query.status?.length ? { statuses: query.status } : {}) };
    const page = { limit: query.limit, offset: query.offset, orderBy: parseOrderBy(query.order_by) };
    const [invitations, total] = await Promise.all([
      store.organizations.invitations.list(filter, page),
      store.organizations.invitations.count(filter),
    ]);
    const json = new OrganizationJSONBuilder(store, 'backend');
    return {
      data: await Promise.all(invitations.map((i) => json.invitation(i, { withOrganization: true }))),
      total_count: total,
    };
  },
);

/** `/organizations/{id}/invitations…`, `/organization_invitations`, `/users/{id}/organization_invitations`. */
export const ORGANIZATION_INVITATION_ROUTES = [
  createInvitationsBulkRoute,
  createInvitationRoute,
  listInvitationsRoute,
  getInvitationRoute,
  revokeInvitationRoute,
  listInstanceInvitationsRoute,
  listUserInvitationsRoute,
];
