import { defineEndpoint, OrganizationInvitationJSON, OrganizationInvitationParams } from '@latch/protocol';
import { requireOrganization } from '../../domain/organizations/find-organization.js';
import { sendInvitationEmail } from '../../domain/organizations/invitation-email.js';
import { organizationErrors } from '../../domain/organizations/organization-errors.js';
import { expireInvitations } from '../../domain/organizations/organization-invitations.js';
import { OrganizationJSONBuilder } from '../../domain/organizations/organization-json.js';
import { resourceNotFound } from '../../errors.js';
import { route } from './route.js';

/**
 * Latch's own addition (Clerk has no such call): emails a pending invitation again, for an invitee
 * who lost or never got the first message. The invitation itself is unchanged. Support operators may
 * call it (operator-permissions.ts); the sent message's `email.created` event names the caller.
 */
export const resendInvitationEndpoint = defineEndpoint({
  method: 'post',
  path: '/organizations/{organization_id}/invitations/{invitation_id}/resend',
  operationId: 'ResendOrganizationInvitation',
  summary: 'Email a pending invitation again (Latch only); anything else is `organization_invitation_not_pending`.',
  tag: 'Organization Invitations',
  params: OrganizationInvitationParams,
  response: OrganizationInvitationJSON,
  errors: [404],
});

export const resendInvitationRoute = route(resendInvitationEndpoint, async ({ params }, context) => {
  const { store, clock } = context;
  const organization = await requireOrganization(store, params.organization_id);
  await expireInvitations(store, { organizationId: organization.id }, clock.now());
  const invitation = await store.organizations.invitations.findById(params.invitation_id);
  // Another organization's invitation does not exist from here.
  if (!invitation || invitation.organizationId !== organization.id) throw resourceNotFound('organization invitation');
  if (invitation.status !== 'pending') throw organizationErrors.invitationNotPending();
  await sendInvitationEmail(context, invitation, organization);
  return new OrganizationJSONBuilder(store, 'backend').invitation(invitation);
});
