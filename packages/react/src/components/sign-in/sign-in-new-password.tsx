'use client';
import type { SignIn as SignInResource } from '@latch/js';
import { useState } from 'react';
import { Alert } from '../primitives/alert.js';
import { PrimaryButton } from '../primitives/buttons.js';
import { CheckboxField } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { assertPasswordsMatch, NewPasswordFields } from '../primitives/new-password-fields.js';
import { useUI } from '../ui-context.js';

/** After a correct reset code: the new password (twice) and "sign out of all other devices". */
export function SignInNewPassword({
  signIn,
  onReset,
}: {
  signIn: SignInResource;
  onReset(signIn: SignInResource): Promise<void>;
}) {
  const { el, l } = useUI();
  const form = useFormFlow({ password: '', confirm: '' });
  const [signOutOthers, setSignOutOthers] = useState(true);
  return (
    <form
      {...el('form')}
      noValidate
      onSubmit={form.onSubmit(
        async ({ password, confirm }) => {
          assertPasswordsMatch(password, confirm, l.formFieldError__passwordMismatch);
          await onReset(await signIn.resetPassword({ password, signOutOfOtherSessions: signOutOthers }));
        },
        ['password', 'confirm'],
      )}
    >
      <Alert message={form.errors.global} />
      <input type="text" name="username" autoComplete="username" value={signIn.identifier ?? ''} readOnly hidden />
      <NewPasswordFields form={form} name="password" autoFocus />
      <CheckboxField
        id={form.idFor('signOutOthers')}
        label={l.signIn.resetPassword.signOutOfOtherSessions}
        checked={signOutOthers}
        onChange={setSignOutOthers}
      />
      <PrimaryButton busy={form.busy}>{l.signIn.resetPassword.formButtonPrimary}</PrimaryButton>
    </form>
  );
}
