'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { toDisplayErrors } from '../errors.js';
import { Alert } from '../primitives/alert.js';
import { useOrgUI } from './org-elements.js';
import { type InvitationJSON, orgRequest, refreshResources, type SuggestionJSON } from './org-fapi.js';
import { OrganizationPreview } from './organization-preview.js';
import { notifyOrganizationsChanged } from './use-org-data.js';

/**
 * Invitations to the user's addresses ("Join") and organizations suggested by a verified domain
 * ("Request to join"), as in Clerk's switcher and organization list. `onJoined` runs after an
 * invitation was accepted (the user is now a member).
 */
export function PendingInvitations({
  invitations,
  suggestions,
  onJoined,
}: {
  invitations: InvitationJSON[];
  suggestions: SuggestionJSON[];
  onJoined?: (organizationId: string) => void;
}) {
  const { el, oel, l, fmt } = useOrgUI();
  const { latch } = useLatchContext();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!latch || (invitations.length === 0 && suggestions.length === 0)) return null;
  const strings = l.organization.switcher;

  const run = async (id: string, action: () => Promise<void>) => {
    if (busy) return;
    setBusy(id);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(toDisplayErrors(caught, l, []).global);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div {...oel('organizationSwitcherInvitations')}>
      <Alert message={error} />
      {invitations.length > 0 ? (
        <section aria-label={strings.invitationsTitle}>
          <h2>{strings.invitationsTitle}</h2>
          <ul>
            {invitations.map((invitation) => {
              const organization = invitation.public_organization_data;
              const name = organization?.name ?? invitation.organization_id;
              return (
                <li key={invitation.id} data-invitation={invitation.id}>
                  <OrganizationPreview
                    name={name}
                    imageUrl={organization?.image_url ?? null}
                    hasImage={organization?.has_image ?? false}
                    secondary={invitation.role_name ?? invitation.role}
                  />
                  <button
                    type="button"
                    {...el('profileSectionItemButton', 'latch-organizationSwitcherInvitationAcceptButton')}
                    aria-label={fmt(strings.acceptInvitationLabel, { name })}
                    aria-busy={busy === invitation.id}
                    onClick={() =>
                      run(invitation.id, async () => {
                        await orgRequest(latch, 'POST', `/me/organization_invitations/${invitation.id}/accept`);
                        await refreshResources(latch);
                        notifyOrganizationsChanged();
                        onJoined?.(invitation.organization_id);
                      })
                    }
                  >
                    {strings.acceptInvitation}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {suggestions.length > 0 ? (
        <section aria-label={strings.suggestionsTitle}>
          <h2>{strings.suggestionsTitle}</h2>
          <ul>
            {suggestions.map((suggestion) => {
              const organization = suggestion.public_organization_data;
              const name = organization?.name ?? '';
              return (
                <li key={suggestion.id} data-suggestion={suggestion.id}>
                  <OrganizationPreview
                    name={name}
                    imageUrl={organization?.image_url ?? null}
                    hasImage={organization?.has_image ?? false}
                  />
                  {suggestion.status === 'accepted' ? (
                    <span {...el('badge')}>{strings.requested}</span>
                  ) : (
                    <button
                      type="button"
                      {...el('profileSectionItemButton')}
                      aria-busy={busy === suggestion.id}
                      onClick={() =>
                        run(suggestion.id, async () => {
                          await orgRequest(latch, 'POST', `/me/organization_suggestions/${suggestion.id}/accept`);
                          notifyOrganizationsChanged();
                        })
                      }
                    >
                      {strings.requestToJoin}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
