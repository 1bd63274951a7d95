'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';
import { FormButtons, ProfileSection } from '../user-profile/profile-section.js';
import { type MembershipJSON, orgRequest, refreshResources } from './org-fapi.js';
import { notifyOrganizationsChanged } from './use-org-data.js';

/**
 * Leaving (any member; the server refuses the last admin with a Clerk error shown here) and deleting
 * (`org:sys_profile:delete` when the organization allows it, behind typing its name). Either way the
 * personal account becomes active, then `afterLeaveOrganizationUrl`.
 */
export function DangerSection({
  membership,
  afterLeaveOrganizationUrl,
}: {
  membership: MembershipJSON;
  afterLeaveOrganizationUrl: string | undefined;
}) {
  const { el, l, fmt } = useUI();
  const { latch, navigate } = useLatchContext();
  const strings = l.organization.profile.generalPage;
  const organization = membership.organization;
  const [confirming, setConfirming] = useState<'leave' | 'delete' | null>(null);
  const form = useFormFlow({ confirmation: '' });
  const mayDelete =
    membership.permissions.includes('org:sys_profile:delete') && organization.admin_delete_enabled !== false;

  const done = async () => {
    if (!latch) return;
    await latch.setActive({ organization: null });
    await refreshResources(latch);
    notifyOrganizationsChanged();
    if (afterLeaveOrganizationUrl) navigate(afterLeaveOrganizationUrl);
  };

  return (
    <>
      <ProfileSection title={strings.leaveSection} id="leaveOrganization">
        {confirming === 'leave' && latch ? (
          <form
            {...el('form', 'latch-profileSectionForm')}
            noValidate
            onSubmit={form.onSubmit(async () => {
              await orgRequest(latch, 'DELETE', `/me/organization_memberships/${organization.id}`);
              await done();
            })}
          >
            <Alert message={form.errors.global} />
            <p>{fmt(strings.leaveConfirm, { name: organization.name })}</p>
            <FormButtons busy={form.busy} onCancel={() => setConfirming(null)} submitLabel={strings.leave} />
          </form>
        ) : (
          <div {...el('profileSectionItem')}>
            <span />
            <button
              type="button"
              {...el('profileSectionItemButton')}
              style={{ color: 'var(--latch-color-danger)' }}
              onClick={() => setConfirming('leave')}
            >
              {strings.leave}
            </button>
          </div>
        )}
      </ProfileSection>
      {mayDelete ? (
        <ProfileSection title={strings.deleteSection} id="deleteOrganization">
          {confirming === 'delete' && latch ? (
            <form
              {...el('form', 'latch-profileSectionForm')}
              noValidate
              onSubmit={form.onSubmit(async ({ confirmation }) => {
                if (confirmation.trim() !== organization.name) {
                  throw {
                    errors: [
                      {
                        code: 'confirmation_mismatch',
                        message: strings.deleteMismatch,
                        meta: { paramName: 'confirmation' },
                      },
                    ],
                  };
                }
                await orgRequest(latch, 'DELETE', `/organizations/${organization.id}`);
                await done();
              })}
            >
              <Alert message={form.errors.global} />
              <Field
                id={form.idFor('confirmation')}
                name="confirmation"
                label={strings.deleteConfirmLabel}
                hint={fmt(strings.deleteConfirm, { name: organization.name })}
                autoComplete="off"
                autoFocus
                value={form.values.confirmation}
                onValueChange={(value) => form.setValue('confirmation', value)}
                error={form.errors.fields.confirmation}
              />
              <FormButtons busy={form.busy} onCancel={() => setConfirming(null)} submitLabel={strings.delete} />
            </form>
          ) : (
            <div {...el('profileSectionItem')}>
              <span />
              <button
                type="button"
                {...el('profileSectionItemButton')}
                style={{ color: 'var(--latch-color-danger)' }}
                onClick={() => {
                  form.setValues({ confirmation: '' });
                  setConfirming('delete');
                }}
              >
                {strings.delete}
              </button>
            </div>
          )}
        </ProfileSection>
      ) : null}
    </>
  );
}
