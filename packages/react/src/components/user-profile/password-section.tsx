'use client';
import type { User } from '@latch/js';
import { useState } from 'react';
import { Alert } from '../primitives/alert.js';
import { CheckboxField, Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { assertPasswordsMatch, NewPasswordFields } from '../primitives/new-password-fields.js';
import { useUI } from '../ui-context.js';
import { FormButtons, ProfileSection } from './profile-section.js';

/** Set or change the password (the current one is asked for when there is one). */
export function PasswordSection({ user }: { user: User }) {
  const { el, l } = useUI();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const form = useFormFlow({ current_password: '', new_password: '', confirm: '' });
  const open = () => {
    form.setValues({ current_password: '', new_password: '', confirm: '' });
    setSaved(false);
    setEditing(true);
  };
  return (
    <ProfileSection title={l.userProfile.securityPage.passwordSection} id="password">
      <Alert message={saved ? l.userProfile.securityPage.passwordSaved : null} variant="success" />
      {editing ? (
        <form
          {...el('form', 'latch-profileSectionForm')}
          noValidate
          onSubmit={form.onSubmit(async ({ current_password, new_password, confirm }) => {
            assertPasswordsMatch(new_password, confirm, l.formFieldError__passwordMismatch);
            await user.updatePassword({
              newPassword: new_password,
              signOutOfOtherSessions: signOutOthers,
              ...(user.passwordEnabled ? { currentPassword: current_password } : {}),
            });
            setEditing(false);
            setSaved(true);
          })}
        >
          <Alert message={form.errors.global} />
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={user.primaryEmailAddress?.emailAddress ?? ''}
            readOnly
            hidden
          />
          {user.passwordEnabled ? (
            <Field
              id={form.idFor('current_password')}
              name="current_password"
              label={l.formFieldLabel__currentPassword}
              type="password"
              autoComplete="current-password"
              revealable
              autoFocus
              value={form.values.current_password}
              onValueChange={(value) => form.setValue('current_password', value)}
              error={form.errors.fields.current_password}
            />
          ) : null}
          <NewPasswordFields form={form} name="new_password" autoFocus={!user.passwordEnabled} />
          <CheckboxField
            id={form.idFor('sign_out_others')}
            label={l.userProfile.securityPage.signOutOfOtherSessions}
            checked={signOutOthers}
            onChange={setSignOutOthers}
          />
          <FormButtons busy={form.busy} onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <div {...el('profileSectionItem')}>
          <span aria-hidden={!user.passwordEnabled}>{user.passwordEnabled ? '••••••••••' : ''}</span>
          <button type="button" {...el('profileSectionPrimaryButton')} onClick={open}>
            {user.passwordEnabled ? l.userProfile.securityPage.changePassword : l.userProfile.securityPage.setPassword}
          </button>
        </div>
      )}
    </ProfileSection>
  );
}
