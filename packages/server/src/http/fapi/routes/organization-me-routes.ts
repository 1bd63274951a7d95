import { acceptSuggestion, offerDomainEnrollments } from '../../../domain/organizations/domain-enrollment.js';
import { findMembership } from '../../../domain/organizations/organization-access.js';
import { organizationErrors } from '../../../domain/organizations/organization-errors.js';
import { acceptInvitation, expireInvitations } from '../../../domain/organizations/organization-invitations.js';
import { OrganizationJSONBuilder } from '../../../domain/organizations/organization-json.js';
import { removeMember } from '../../../domain/organizations/organization-memberships.js';
import type { OrganizationInvitationStatus } from '../../../store/organization-store.js';
import type { UserRecord } from '../../../store/records.js';
import { fapiRoute } from '../fapi-route.js';
import { requireActingSession } from '../me/acting-session.js';
import { frontendChange, listPayload, listQuery } from './organization-routes-support.js';

/** The user's verified addresses: invitations to these are theirs. */
function verifiedEmails(user: UserRecord): string[] {
  return user.emailAddresses
    .filter((email) => email.verificationStatus === 'verified')
    .map((email) => email.value.toLowerCase());
}

/** `GET /v1/me/organization_memberships`: the switcher's list, each with its organization. */
const listMemberships = fapiRoute('GET', '/me/organization_memberships', async (context) => {
  const query = listQuery(context);
  const { user } = await requireActingSession(context);
  const { store } = context.app;
  const filter = { userId: user.id };
  const page = {
    limit: query.limit,
    offset: query.offset,
    orderBy: { field: 'created_at' as const, direction: 'asc' as const },
  };
  const [memberships, total] = await Promise.all([
    store.organizations.memberships.list(filter, page),
    store.organizations.memberships.count(filter),
  ]);
  const json = new OrganizationJSONBuilder(store, 'frontend');
  return { response: listPayload(await Promise.all(memberships.map((m) => json.membership(m))), total, query) };
});

/** `DELETE /v1/me/organization_memberships/{organization_id}`: leave. The last admin cannot. */
const leave = fapiRoute(
  'DELETE',
  '/me/organization_memberships/:organization_id',
  async (context, { organization_id }) => {
    const { user } = await requireActingSession(context);
    const { store } = context.app;
    const membership = await findMembership(store, (organization_id as string).slice(0, 128), user.id);
    if (!membership) throw organizationErrors.notFoundOrUnauthorized();
    await removeMember(store, membership, frontendChange(context, user.id));
    return { response: { object: 'organization_membership', id: membership.id, deleted: true } };
  },
);

const INVITATION_STATUSES: OrganizationInvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

/**
 * `GET /v1/me/organization_invitations`: invitations to the user's verified addresses (including the
 * ones a verified domain in `automatic_invitation` mode offers them).
 */
const listInvitations = fapiRoute('GET', '/me/organization_invitations', async (context) => {
  const query = listQuery(context);
  const { user } = await requireActingSession(context);
  const { store } = context.app;
  await offerDomainEnrollments(store, user, frontendChange(context, user.id));
  const emailAddresses = verifiedEmails(user);
  await expireInvitations(store, { emailAddresses }, context.now);
  const statuses = query.status?.filter((s): s is OrganizationInvitationStatus =>
    INVITATION_STATUSES.includes(s as never),
  );
  const filter = { emailAddresses, ...(statuses?.length ? { statuses } : {}) };
  const page = { limit: query.limit, offset: query.offset };
  const [invitations, total] = await Promise.all([
    store.organizations.invitations.list(filter, page),
    store.organizations.invitations.count(filter),
  ]);
  const json = new OrganizationJSONBuilder(store, 'frontend');
  const data = await Promise.all(invitations.map((i) => json.invitation(i, { withOrganization: true })));
  return { response: listPayload(data, total, query) };
});

const acceptInvitationRoute = fapiRoute(
  'POST',
  '/me/organization_invitations/:invitation_id/accept',
  async (context, { invitation_id }) => {
    const { user } = await requireActingSession(context);
    const { store } = context.app;
    const accepted = await acceptInvitation(store, invitation_id as string, user, frontendChange(context, user.id));
    return {
      response: await new OrganizationJSONBuilder(store, 'frontend').invitation(accepted, { withOrganization: true }),
    };
  },
);

/** `GET /v1/me/organization_suggestions`: organizations whose verified domain matches the user's email. */
const listSuggestions = fapiRoute('GET', '/me/organization_suggestions', async (context) => {
  const query = listQuery(context);
  const { user } = await requireActingSession(context);
  const { store } = context.app;
  await offerDomainEnrollments(store, user, frontendChange(context, user.id));
  const statuses = (query.status ?? []).filter((s): s is 'pending' | 'accepted' => s === 'pending' || s === 'accepted');
  const filter = { userId: user.id, ...(statuses.length ? { statuses } : {}) };
  const [suggestions, total] = await Promise.all([
    store.organizations.suggestions.list(filter, { limit: query.limit, offset: query.offset }),
    store.organizations.suggestions.count(filter),
  ]);
  const json = new OrganizationJSONBuilder(store, 'frontend');
  return { response: listPayload(await Promise.all(suggestions.map((s) => json.suggestion(s))), total, query) };
});

/** Accepting a suggestion sends a membership request to the organization's admins. */
const acceptSuggestionRoute = fapiRoute(
  'POST',
  '/me/organization_suggestions/:suggestion_id/accept',
  async (context, { suggestion_id }) => {
    const { user } = await requireActingSession(context);
    const { store } = context.app;
    const accepted = await acceptSuggestion(store, suggestion_id as string, user, frontendChange(context, user.id));
    return { response: await new OrganizationJSONBuilder(store, 'frontend').suggestion(accepted) };
  },
);

export const ORGANIZATION_ME_ROUTES = [
  listMemberships,
  leave,
  listInvitations,
  acceptInvitationRoute,
  listSuggestions,
  acceptSuggestionRoute,
];
