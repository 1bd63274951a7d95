'use client';
import type { DisplayErrors } from '../errors.js';
import { useUI } from '../ui-context.js';
import { Field } from './field.js';
import { PasswordHints } from './password-hints.js';

/** What the fields need of a `useFormFlow` form whose values include `name` and `confirm`. */
interface NewPasswordForm<Name extends string> {
  values: Record<Name | 'confirm', string>;
  errors: DisplayErrors;
  setValue(name: Name | 'confirm', value: string): void;
  idFor(name: string): string;
}

/**
 * A new password with live policy hints and its confirmation: the pair of the reset-password step
 * and the profile's password form. Check the pair with `assertPasswordsMatch` before submitting.
 */
export function NewPasswordFields<Name extends string>({
  form,
  name,
  autoFocus,
}: {
  form: NewPasswordForm<Name>;
  /** The field that holds the new password (`password`, `new_password`): its errors come back under this name. */
  name: Name;
  autoFocus?: boolean;
}) {
  const { l } = useUI();
  const password = form.values[name];
  return (
    <>
      <Field
        id={form.idFor(name)}
        name={name}
        label={l.formFieldLabel__newPassword}
        type="password"
        autoComplete="new-password"
        revealable
        autoFocus={autoFocus}
        value={password}
        onValueChange={(value) => form.setValue(name, value)}
        error={form.errors.fields[name]}
        hint={<PasswordHints password={password} />}
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
    </>
  );
}

/**
 * Throws the error a mismatch shows on the confirmation field (Clerk's shape, so the form's usual
 * error mapping places it).
 */
export function assertPasswordsMatch(password: string, confirm: string, message: string): void {
  if (password === confirm) return;
  throw { errors: [{ code: 'password_mismatch', message, meta: { paramName: 'confirm' } }] };
}
