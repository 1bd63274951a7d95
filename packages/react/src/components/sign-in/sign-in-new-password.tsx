'use client';
import type { SignIn as SignInResource } from '@latch/js';
import { useState } from 'react';
import { Alert } from '../primitives/alert.js';
import { PrimaryButton } from '../primitives/buttons.js';
import { CheckboxField, Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { PasswordHints } from '../primitives/password-hints.js';
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
          if (password !== confirm) {
            throw {
              errors: [
                {
                  code: 'password_mismatch',
                  message: l.formFieldError__passwordMismatch,
                  meta: { paramName: 'confirm' },
                },
              ],
            };
          }
          await onReset(await signIn.resetPassword({ password, signOutOfOtherSessions: signOutOthers }));
        },
        ['password', 'confirm'],
      )}
    >
      <Alert message={form.errors.global} />
      <input type="text" name="username" autoComplete="username" value={signIn.identifier ?? ''} readOnly hidden />
      <Field
        id={form.idFor('password')}
        name="password"
        label={l.formFieldLabel__newPassword}
        type="password"
        autoComplete="new-password"
        revealable
        autoFocus
        value={form.values.password}
        onValueChange={(value) => form.setValue('password', value)}
        error={form.errors.fields.password}
        hint={<PasswordHints password={form.values.password} />}
      />
      <Field
        id={form.idFor('confirm')}
        name="confirm"
        label={l.formFieldLabel__confirmPassword}
        type="password"
        autoComplete="new-password"
        value={form.values.confirm}
        onValueChange={(value) => form.setValue('confirm', value)}
        error={form.errors.fields.confirm}
      />
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
