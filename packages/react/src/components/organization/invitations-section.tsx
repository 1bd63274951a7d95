'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { LatchInstance } from '../../latch-types.js';
import { toDisplayErrors } from '../errors.js';
import { Alert } from '../primitives/alert.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { FormButtons, ProfileSection } from '../user-profile/profile-section.js';
import { useOrgUI } from './org-elements.js';
import { type InvitationJSON, listParams, type MembershipJSON, orgRequest, type Page } from './org-fapi.js';
import { RoleSelectField } from './role-select-field.js';
import { notifyOrganizationsChanged, useOrgData } from './use-org-data.js';
import { useOrganizationRoles } from './use-organization-roles.js';

/**
 * Inviting by email with a role (the server emails the invitation) and the pending invitations, each
 * revocable. Shown to members with `org:sys_memberships:manage`.
 */
export function InvitationsSection({ membership }: { membership: MembershipJSON }) {
  const { el, l, fmt } = useOrgUI();
  const { latch } = useLatchContext();
  const strings = l.organization.profile.membersPage;
  const organizationId = membership.organization.id;
  const roles = useOrganizationRoles(organizationId);
  const [inviting, setInviting] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const form = useFormFlow({ email_address: '', role: 'org:member' });
  const invitations = useOrgData(latch && `invitations:${organizationId}`, () =>
    orgRequest<Page<InvitationJSON>>(latch as LatchInstance, 'GET', `/organizations/${organizationId}/invitations`, {
      ...listParams(50, 0),
      status: 'pending',
    }),
  );
  const pending = invitations.data?.data ?? [];

  return (
    <ProfileSection title={strings.invitationsSection} id="invitations">
      <Alert message={sent} variant="success" />
      {inviting && latch ? (
        <form
          {...el('form', 'latch-profileSectionForm latch-organizationProfileInviteForm')}
          noValidate
          onSubmit={form.onSubmit(async ({ email_address, role }) => {
            await orgRequest(latch, 'POST', `/organizations/${organizationId}/invitations`, {
              email_address: email_address.trim(),
              role,
            });
            setSent(fmt(strings.invitationSent, { email: email_address.trim() }));
            form.setValues({ email_address: '', role });
            setInviting(false);
            notifyOrganizationsChanged();
          })}
        >
          <Alert message={form.errors.global} />
          <Field
            id={form.idFor('email_address')}
            name="email_address"
            type="email"
            label={strings.inviteEmailLabel}
            autoComplete="off"
            autoFocus
            value={form.values.email_address}
            onValueChange={(value) => form.setValue('email_address', value)}
            error={form.errors.fields.email_address}
          />
          <RoleSelectField
            id={form.idFor('role')}
            label={strings.roleLabel}
            roles={roles}
            value={form.values.role}
            onChange={(value) => form.setValue('role', value)}
          />
          <FormButtons busy={form.busy} onCancel={() => setInviting(false)} submitLabel={strings.sendInvitation} />
        </form>
      ) : (
        <div {...el('profileSectionItem')}>
          <span />
          <button
            type="button"
            {...el('profileSectionPrimaryButton', 'latch-membersPageInviteButton')}
            onClick={() => {
              setSent(null);
              setInviting(true);
            }}
          >
            {strings.invite}
          </button>
        </div>
      )}
      <Alert message={listError} />
      {pending.length === 0 ? (
        <p style={{ margin: 0, color: 'var(--latch-color-text-secondary)' }}>{strings.noInvitations}</p>
      ) : (
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }} aria-label={strings.invitationsSection}>
          {pending.map((invitation) => (
            <li key={invitation.id} {...el('profileSectionItem')} data-invitation={invitation.email_address}>
              <span className="latch-profileSectionItemMain">
                <span>{invitation.email_address}</span>
                <span {...el('badge')}>{invitation.role_name ?? invitation.role}</span>
              </span>
              <button
                type="button"
                {...el('profileSectionItemButton')}
                aria-label={fmt(strings.revokeLabel, { email: invitation.email_address })}
                onClick={async () => {
                  if (!latch) return;
                  setListError(null);
                  try {
                    await orgRequest(
                      latch,
                      'POST',
                      `/organizations/${organizationId}/invitations/${invitation.id}/revoke`,
                    );
                    notifyOrganizationsChanged();
                  } catch (caught) {
                    setListError(toDisplayErrors(caught, l, []).global);
                  }
                }}
              >
                {strings.revoke}
              </button>
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}
