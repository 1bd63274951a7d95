import type { AppContext } from '../../app-context.js';
import type { OrganizationInvitationRecord, OrganizationRecord } from '../../store/organization-store.js';

/**
 * Emails an invitation (template `organization_invitation`, in the invitee's language when they
 * already have an account). Awaited, so the mail is out when the API answers; a failure is logged,
 * not raised: the invitation exists either way and can be re-sent by revoking and inviting again.
 *
 * @example
 * await sendInvitationEmail(app, invitation, organization, { redirectUrl });
 */
export async function sendInvitationEmail(
  app: Pick<AppContext, 'mailer' | 'logger' | 'store' | 'instance' | 'config'>,
  invitation: OrganizationInvitationRecord,
  organization: OrganizationRecord,
  options: { redirectUrl?: string | undefined } = {},
): Promise<void> {
  const inviter = invitation.inviterUserId ? await app.store.users.findById(invitation.inviterUserId) : null;
  const inviterName =
    [inviter?.firstName, inviter?.lastName].filter(Boolean).join(' ') ||
    inviter?.emailAddresses.find((email) => email.id === inviter.primaryEmailAddressId)?.value ||
    organization.name;
  const [invitee] = await app.store.users.list(
    { emailAddresses: [invitation.emailAddress] },
    { limit: 1, offset: 0, orderBy: 'created_at', direction: 'asc' },
  );
  const urls = app.instance.settings.urls;
  const url = options.redirectUrl ?? urls.signIn ?? urls.home ?? app.config.frontendApiUrl;
  try {
    await app.mailer.send({
      to: invitation.emailAddress,
      template: 'organization_invitation',
      locale: invitee?.locale ?? undefined,
      variables: { url, organizationName: organization.name, inviterName },
    });
  } catch (error) {
    app.logger.warn('organization invitation email not sent', {
      invitation: invitation.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
