'use client';
import type { SignIn as SignInResource } from '@latch/js';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { PrimaryButton } from '../primitives/buttons.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';

/** First step: the identifier (email address and/or username, as the instance allows). */
export function SignInStart({
  initialIdentifier,
  onStarted,
}: {
  initialIdentifier: string;
  onStarted(signIn: SignInResource, identifier: string): Promise<void>;
}) {
  const { el, l } = useUI();
  const { whenLoaded, latch } = useLatchContext();
  const form = useFormFlow({ identifier: initialIdentifier });
  const attributes = latch?.environment?.userSettings.attributes;
  const usernameAllowed = attributes?.username?.enabled === true && attributes.username.used_for_first_factor === true;
  const emailAllowed = attributes?.email_address?.used_for_first_factor !== false;
  const label = usernameAllowed
    ? emailAllowed
      ? l.formFieldLabel__emailAddress_username
      : l.formFieldLabel__username
    : l.formFieldLabel__emailAddress;

  return (
    <form
      {...el('form')}
      noValidate
      onSubmit={form.onSubmit(async ({ identifier }) => {
        const instance = await whenLoaded;
        const client = instance.client;
        if (!client) throw new Error('Latch client is not loaded');
        const signIn = await client.signIn.create({ identifier: identifier.trim() });
        await onStarted(signIn, identifier.trim());
      })}
    >
      <Alert message={form.errors.global} />
      <Field
        id={form.idFor('identifier')}
        name="identifier"
        label={label}
        type={usernameAllowed ? 'text' : 'email'}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        value={form.values.identifier}
        onValueChange={(value) => form.setValue('identifier', value)}
        error={form.errors.fields.identifier}
      />
      <PrimaryButton busy={form.busy}>{l.formButtonPrimary}</PrimaryButton>
    </form>
  );
}
