'use client';
import type { SignIn as SignInResource } from '@latch/js';
import { Alert } from '../primitives/alert.js';
import { PrimaryButton } from '../primitives/buttons.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';

/** Factor one by password, with "Forgot password?" next to the label (as in Clerk). */
export function SignInPassword({
  signIn,
  identifier,
  onAttempted,
  onForgotPassword,
}: {
  signIn: SignInResource;
  identifier: string;
  onAttempted(signIn: SignInResource): Promise<void>;
  onForgotPassword?: (() => Promise<void>) | undefined;
}) {
  const { el, l } = useUI();
  const form = useFormFlow({ password: '' });
  return (
    <form
      {...el('form')}
      noValidate
      onSubmit={form.onSubmit(async ({ password }) => {
        await onAttempted(await signIn.attemptFirstFactor({ strategy: 'password', password }));
      })}
    >
      <Alert message={form.errors.global} />
      {/* A hidden username field lets password managers pair the password with the account. */}
      <input type="text" name="username" autoComplete="username" value={identifier} readOnly hidden />
      <Field
        id={form.idFor('password')}
        name="password"
        label={l.formFieldLabel__password}
        type="password"
        autoComplete="current-password"
        revealable
        autoFocus
        value={form.values.password}
        onValueChange={(value) => form.setValue('password', value)}
        error={form.errors.fields.password}
        labelAction={
          onForgotPassword ? (
            <button
              type="button"
              {...el('formFieldAction')}
              onClick={() => void form.submit(async () => onForgotPassword(), ['password'])}
            >
              {l.formFieldAction__forgotPassword}
            </button>
          ) : null
        }
      />
      <PrimaryButton busy={form.busy}>{l.formButtonPrimary}</PrimaryButton>
    </form>
  );
}
