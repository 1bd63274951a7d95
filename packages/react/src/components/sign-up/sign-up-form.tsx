'use client';
import type { SignUpCreateParams, SignUp as SignUpResource } from '@latch/js';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { PrimaryButton } from '../primitives/buttons.js';
import { CheckboxField, Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { PasswordHints } from '../primitives/password-hints.js';
import { useUI } from '../ui-context.js';

const FIELDS = ['first_name', 'last_name', 'username', 'email_address', 'password', 'legal_accepted'] as const;

/**
 * The sign-up fields. Which ones show follows the instance's settings; before the settings arrive the
 * common shape (email + password) is rendered, so the card does not jump on load in the usual setup.
 */
export function SignUpForm({
  initialValues,
  unsafeMetadata,
  onCreated,
}: {
  initialValues: { emailAddress?: string; username?: string; firstName?: string; lastName?: string } | undefined;
  unsafeMetadata: Record<string, unknown> | undefined;
  onCreated(signUp: SignUpResource): Promise<void>;
}) {
  const { el, l, layout } = useUI();
  const { latch, whenLoaded } = useLatchContext();
  const form = useFormFlow({
    first_name: initialValues?.firstName ?? '',
    last_name: initialValues?.lastName ?? '',
    username: initialValues?.username ?? '',
    email_address: initialValues?.emailAddress ?? '',
    password: '',
  });
  const [legalAccepted, setLegalAccepted] = useState(false);
  const settings = latch?.environment?.userSettings;
  const attributes = settings?.attributes;
  const shows = (name: string) => attributes?.[name]?.enabled === true;
  const required = (name: string) => attributes?.[name]?.required === true;
  const showNames = shows('first_name') || shows('last_name');
  const showPassword = attributes ? shows('password') : true;
  const legalConsent = settings?.signUp.legal_consent_enabled === true;

  const bind = (name: keyof typeof form.values) => ({
    id: form.idFor(name),
    name,
    value: form.values[name],
    onValueChange: (value: string) => form.setValue(name, value),
    error: form.errors.fields[name],
  });

  return (
    <form
      {...el('form')}
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        if (legalConsent && !legalAccepted) {
          throw { errors: [{ code: 'form_param_missing', message: '', meta: { paramName: 'legal_accepted' } }] };
        }
        const instance = await whenLoaded;
        const client = instance.client;
        if (!client) throw new Error('Latch client is not loaded');
        const params: SignUpCreateParams = { emailAddress: values.email_address.trim(), password: values.password };
        if (shows('first_name') && values.first_name) params.firstName = values.first_name.trim();
        if (shows('last_name') && values.last_name) params.lastName = values.last_name.trim();
        if (shows('username') && values.username) params.username = values.username.trim();
        if (unsafeMetadata) params.unsafeMetadata = unsafeMetadata;
        if (legalConsent) params.legalAccepted = legalAccepted;
        await onCreated(await client.signUp.create(params));
      }, FIELDS)}
    >
      <Alert message={form.errors.global} />
      {showNames ? (
        <div {...el('formFieldRow')}>
          {shows('first_name') ? (
            <Field
              {...bind('first_name')}
              label={l.formFieldLabel__firstName}
              autoComplete="given-name"
              optional={!required('first_name')}
              autoFocus
            />
          ) : null}
          {shows('last_name') ? (
            <Field
              {...bind('last_name')}
              label={l.formFieldLabel__lastName}
              autoComplete="family-name"
              optional={!required('last_name')}
            />
          ) : null}
        </div>
      ) : null}
      {shows('username') ? (
        <Field
          {...bind('username')}
          label={l.formFieldLabel__username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          optional={!required('username') && layout.showOptionalFields !== false}
        />
      ) : null}
      <Field
        {...bind('email_address')}
        label={l.formFieldLabel__emailAddress}
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus={!showNames}
      />
      {showPassword ? (
        <Field
          {...bind('password')}
          label={l.formFieldLabel__password}
          type="password"
          autoComplete="new-password"
          revealable
          hint={<PasswordHints password={form.values.password} />}
        />
      ) : null}
      {legalConsent ? (
        <CheckboxField
          id={form.idFor('legal_accepted')}
          checked={legalAccepted}
          onChange={setLegalAccepted}
          error={form.errors.fields.legal_accepted}
          label={
            <LegalConsentLabel
              template={l.signUp.legalConsent.checkboxLabel}
              terms={layout.termsPageUrl}
              privacy={layout.privacyPageUrl}
              fmtTerms={l.signUp.legalConsent.termsOfService}
              fmtPrivacy={l.signUp.legalConsent.privacyPolicy}
            />
          }
        />
      ) : null}
      <PrimaryButton busy={form.busy}>{l.formButtonPrimary}</PrimaryButton>
    </form>
  );
}

/** "I agree to the Terms of Service and Privacy Policy" with the two names linked when URLs are configured. */
function LegalConsentLabel({
  template,
  terms,
  privacy,
  fmtTerms,
  fmtPrivacy,
}: {
  template: string;
  terms: string | undefined;
  privacy: string | undefined;
  fmtTerms: string;
  fmtPrivacy: string;
}) {
  const { el } = useUI();
  const parts = template.split(/(\{\{termsOfService\}\}|\{\{privacyPolicy\}\})/);
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}:${part}`;
        if (part === '{{termsOfService}}') {
          return terms ? (
            <a key={key} {...el('footerActionLink')} href={terms} target="_blank" rel="noreferrer">
              {fmtTerms}
            </a>
          ) : (
            <span key={key}>{fmtTerms}</span>
          );
        }
        if (part === '{{privacyPolicy}}') {
          return privacy ? (
            <a key={key} {...el('footerActionLink')} href={privacy} target="_blank" rel="noreferrer">
              {fmtPrivacy}
            </a>
          ) : (
            <span key={key}>{fmtPrivacy}</span>
          );
        }
        return <span key={key}>{part}</span>;
      })}
    </>
  );
}
