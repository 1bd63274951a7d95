'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';
import { FormButtons, ProfileSection } from '../user-profile/profile-section.js';
import { type MembershipJSON, orgRequest, refreshResources } from './org-fapi.js';
import { OrganizationPreview } from './organization-preview.js';
import { notifyOrganizationsChanged } from './use-org-data.js';

/** The organization's avatar, name and slug; admins (`org:sys_profile:manage`) edit name and slug inline. */
export function OrganizationDetailsSection({ membership }: { membership: MembershipJSON }) {
  const { el, l } = useUI();
  const { latch } = useLatchContext();
  const strings = l.organization.profile;
  const organization = membership.organization;
  const [editing, setEditing] = useState(false);
  const form = useFormFlow({ name: organization.name, slug: organization.slug ?? '' });
  const mayEdit = membership.permissions.includes('org:sys_profile:manage');
  return (
    <ProfileSection title={strings.generalPage.profileSection} id="organizationProfile">
      {editing && latch ? (
        <form
          {...el('form', 'latch-profileSectionForm')}
          noValidate
          onSubmit={form.onSubmit(async ({ name, slug }) => {
            await orgRequest(latch, 'PATCH', `/organizations/${organization.id}`, {
              name: name.trim(),
              slug: slug.trim(),
            });
            await refreshResources(latch);
            notifyOrganizationsChanged();
            setEditing(false);
          })}
        >
          <Alert message={form.errors.global} />
          <Field
            id={form.idFor('name')}
            name="name"
            label={l.organization.create.nameLabel}
            autoComplete="organization"
            autoFocus
            value={form.values.name}
            onValueChange={(value) => form.setValue('name', value)}
            error={form.errors.fields.name}
          />
          <Field
            id={form.idFor('slug')}
            name="slug"
            label={l.organization.create.slugLabel}
            autoComplete="off"
            hint={l.organization.create.slugHint}
            value={form.values.slug}
            onValueChange={(value) => form.setValue('slug', value)}
            error={form.errors.fields.slug}
          />
          <FormButtons busy={form.busy} onCancel={() => setEditing(false)} submitLabel={strings.formButtonPrimary} />
        </form>
      ) : (
        <div {...el('profileSectionItem')}>
          <div className="latch-profileSectionItemMain" data-testid="organization-name">
            <OrganizationPreview
              name={organization.name}
              imageUrl={organization.image_url}
              hasImage={organization.has_image}
              secondary={organization.slug}
            />
          </div>
          {mayEdit ? (
            <button
              type="button"
              {...el('profileSectionPrimaryButton')}
              onClick={() => {
                form.setValues({ name: organization.name, slug: organization.slug ?? '' });
                setEditing(true);
              }}
            >
              {strings.generalPage.editProfile}
            </button>
          ) : null}
        </div>
      )}
    </ProfileSection>
  );
}
