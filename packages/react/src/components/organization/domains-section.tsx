'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { LatchInstance } from '../../latch-types.js';
import { toDisplayErrors } from '../errors.js';
import { Alert } from '../primitives/alert.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { FormButtons, ProfileSection } from '../user-profile/profile-section.js';
import { useOrgUI } from './org-elements.js';
import { type DomainJSON, listParams, type MembershipJSON, orgRequest, type Page } from './org-fapi.js';
import { notifyOrganizationsChanged, useOrgData } from './use-org-data.js';
import { VerifyDomainForm } from './verify-domain-form.js';

const MODES = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'] as const;

/**
 * Verified domains: the list with each one's enrollment mode and verification state; with
 * `org:sys_domains:manage`, adding one (name + enrollment mode) and removing. Verification of a new
 * domain is the affiliation-email flow of the Frontend API (not offered here yet).
 */
export function DomainsSection({ membership }: { membership: MembershipJSON }) {
  const { el, oel, l, fmt } = useOrgUI();
  const { latch } = useLatchContext();
  const strings = l.organization.profile.generalPage;
  const organizationId = membership.organization.id;
  const mayManage = membership.permissions.includes('org:sys_domains:manage');
  const [adding, setAdding] = useState(false);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const form = useFormFlow({ name: '', enrollment_mode: 'manual_invitation' });
  const domains = useOrgData(latch && `domains:${organizationId}`, () =>
    orgRequest<Page<DomainJSON>>(
      latch as LatchInstance,
      'GET',
      `/organizations/${organizationId}/domains`,
      listParams(50, 0),
    ),
  );
  const modeLabel = (mode: string) => strings[`enrollment__${mode}` as keyof typeof strings] ?? mode;
  const list = domains.data?.data ?? [];
  return (
    <ProfileSection title={strings.domainsSection} id="domains">
      <Alert message={listError ?? (domains.error ? toDisplayErrors(domains.error, l, []).global : null)} />
      {list.length === 0 ? (
        <p style={{ margin: 0, color: 'var(--latch-color-text-secondary)' }}>{strings.noDomains}</p>
      ) : (
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }} aria-label={strings.domainsSection}>
          {list.map((domain) => (
            <li key={domain.id} {...el('profileSectionItem')} data-domain={domain.name}>
              <span className="latch-profileSectionItemMain">
                <span>{domain.name}</span>
                {/* Neutral badge: the base warning variant is under 4.5:1 on its tint (reported to the UI owner). */}
                <span {...el('badge')} data-verified={domain.verification?.status === 'verified'}>
                  {domain.verification?.status === 'verified' ? strings.domainVerified : strings.domainUnverified}
                </span>
                <span {...el('badge')}>{modeLabel(domain.enrollment_mode)}</span>
              </span>
              {mayManage && domain.verification?.status !== 'verified' ? (
                <button
                  type="button"
                  {...el('profileSectionItemButton')}
                  aria-label={fmt(strings.verifyDomainLabel, { domain: domain.name })}
                  aria-expanded={verifying === domain.id}
                  onClick={() => setVerifying(verifying === domain.id ? null : domain.id)}
                >
                  {strings.verifyDomain}
                </button>
              ) : null}
              {mayManage ? (
                <button
                  type="button"
                  {...el('profileSectionItemButton')}
                  aria-label={fmt(strings.removeDomainLabel, { domain: domain.name })}
                  onClick={async () => {
                    if (!latch) return;
                    setListError(null);
                    try {
                      await orgRequest(latch, 'DELETE', `/organizations/${organizationId}/domains/${domain.id}`);
                      notifyOrganizationsChanged();
                    } catch (caught) {
                      setListError(toDisplayErrors(caught, l, []).global);
                    }
                  }}
                >
                  {strings.removeDomain}
                </button>
              ) : null}
              {verifying === domain.id ? (
                <div style={{ flexBasis: '100%' }}>
                  <VerifyDomainForm organizationId={organizationId} domain={domain} onDone={() => setVerifying(null)} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayManage && latch ? (
        adding ? (
          <form
            {...el('form', 'latch-profileSectionForm')}
            noValidate
            onSubmit={form.onSubmit(async ({ name, enrollment_mode }) => {
              await orgRequest(latch, 'POST', `/organizations/${organizationId}/domains`, {
                name: name.trim(),
                enrollment_mode,
              });
              form.setValues({ name: '', enrollment_mode: 'manual_invitation' });
              setAdding(false);
              notifyOrganizationsChanged();
            })}
          >
            <Alert message={form.errors.global} />
            <Field
              id={form.idFor('name')}
              name="name"
              label={strings.domainLabel}
              autoComplete="off"
              autoFocus
              placeholder="example.com"
              value={form.values.name}
              onValueChange={(value) => form.setValue('name', value)}
              error={form.errors.fields.name}
            />
            <div {...el('formField')} data-field="enrollment_mode">
              <div {...el('formFieldLabelRow')}>
                <label {...el('formFieldLabel')} htmlFor={form.idFor('enrollment_mode')}>
                  {strings.enrollmentModeLabel}
                </label>
              </div>
              <select
                {...oel('organizationProfileRoleSelect')}
                id={form.idFor('enrollment_mode')}
                name="enrollment_mode"
                value={form.values.enrollment_mode}
                onChange={(event) => form.setValue('enrollment_mode', event.target.value)}
              >
                {MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {modeLabel(mode)}
                  </option>
                ))}
              </select>
            </div>
            <FormButtons busy={form.busy} onCancel={() => setAdding(false)} submitLabel={strings.addDomain} />
          </form>
        ) : (
          <div {...el('profileSectionItem')}>
            <span />
            <button type="button" {...el('profileSectionPrimaryButton')} onClick={() => setAdding(true)}>
              {strings.addDomain}
            </button>
          </div>
        )
      ) : null}
    </ProfileSection>
  );
}
