'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';
import { FormButtons } from '../user-profile/profile-section.js';
import { type DomainJSON, orgRequest } from './org-fapi.js';
import { notifyOrganizationsChanged } from './use-org-data.js';

/**
 * Proving a domain from the browser (Clerk's affiliation flow): an address at the domain receives a
 * code, and entering it verifies the domain, which turns its enrollment mode on.
 */
export function VerifyDomainForm({
  organizationId,
  domain,
  onDone,
}: {
  organizationId: string;
  domain: DomainJSON;
  onDone(): void;
}) {
  const { el, l, fmt } = useUI();
  const { latch } = useLatchContext();
  const strings = l.organization.profile.generalPage;
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormFlow({ affiliation_email_address: '', code: '' });
  const base = `/organizations/${organizationId}/domains/${domain.id}`;
  if (!latch) return null;
  return (
    <form
      {...el('form', 'latch-profileSectionForm')}
      noValidate
      aria-label={fmt(strings.verifyDomainLabel, { domain: domain.name })}
      onSubmit={form.onSubmit(async ({ affiliation_email_address, code }) => {
        if (!sentTo) {
          const address = affiliation_email_address.trim();
          await orgRequest(latch, 'POST', `${base}/prepare_affiliation_verification`, {
            affiliation_email_address: address,
          });
          setSentTo(address);
          return;
        }
        await orgRequest(latch, 'POST', `${base}/attempt_affiliation_verification`, { code: code.trim() });
        notifyOrganizationsChanged();
        onDone();
      })}
    >
      <Alert message={form.errors.global} />
      {sentTo ? (
        <Field
          key="code"
          id={form.idFor('code')}
          name="code"
          label={l.formFieldLabel__code}
          autoComplete="one-time-code"
          inputMode="numeric"
          autoFocus
          hint={sentTo}
          value={form.values.code}
          onValueChange={(value) => form.setValue('code', value)}
          error={form.errors.fields.code}
        />
      ) : (
        <Field
          key="email"
          id={form.idFor('affiliation_email_address')}
          name="affiliation_email_address"
          type="email"
          label={fmt(strings.affiliationEmailLabel, { domain: domain.name })}
          autoComplete="email"
          autoFocus
          value={form.values.affiliation_email_address}
          onValueChange={(value) => form.setValue('affiliation_email_address', value)}
          error={form.errors.fields.affiliation_email_address}
        />
      )}
      <FormButtons busy={form.busy} onCancel={onDone} submitLabel={sentTo ? strings.verifyDomain : strings.sendCode} />
    </form>
  );
}
