'use client';
import type { User } from '@latch/js';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';
import { FormButtons, ProfileSection } from './profile-section.js';

/** Deleting the account, behind typing a confirmation phrase (as in Clerk). */
export function DeleteAccountSection({ user }: { user: User }) {
  const { el, l, fmt } = useUI();
  const { options, navigate } = useLatchContext();
  const [confirming, setConfirming] = useState(false);
  const form = useFormFlow({ confirmation: '' });
  const phrase = l.userProfile.securityPage.deletePhrase;
  return (
    <ProfileSection title={l.userProfile.securityPage.deleteSection} id="delete">
      {confirming ? (
        <form
          {...el('form', 'latch-profileSectionForm')}
          noValidate
          onSubmit={form.onSubmit(async ({ confirmation }) => {
            if (confirmation.trim() !== phrase) {
              throw {
                errors: [
                  {
                    code: 'confirmation_mismatch',
                    message: fmt(l.userProfile.securityPage.deleteConfirm, { phrase }),
                    meta: { paramName: 'confirmation' },
                  },
                ],
              };
            }
            await user.delete();
            navigate(options.afterSignOutUrl ?? '/');
          })}
        >
          <Alert message={form.errors.global} />
          <Field
            id={form.idFor('confirmation')}
            name="confirmation"
            label={l.userProfile.securityPage.deleteConfirmLabel}
            hint={fmt(l.userProfile.securityPage.deleteConfirm, { phrase })}
            autoComplete="off"
            autoFocus
            value={form.values.confirmation}
            onValueChange={(value) => form.setValue('confirmation', value)}
            error={form.errors.fields.confirmation}
          />
          <FormButtons
            busy={form.busy}
            onCancel={() => setConfirming(false)}
            submitLabel={l.userProfile.securityPage.deleteAccount}
          />
        </form>
      ) : (
        <div {...el('profileSectionItem')}>
          <span />
          <button
            type="button"
            {...el('profileSectionItemButton')}
            style={{ color: 'var(--latch-color-danger)' }}
            onClick={() => setConfirming(true)}
          >
            {l.userProfile.securityPage.deleteAccount}
          </button>
        </div>
      )}
    </ProfileSection>
  );
}
