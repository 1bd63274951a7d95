'use client';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { PrimaryButton } from '../primitives/buttons.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';
import { type OrganizationJSON, refreshResources } from './org-fapi.js';
import { notifyOrganizationsChanged } from './use-org-data.js';

/** "Acme Inc." → "acme-inc": the slug suggested while the user has not typed one. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/**
 * Name and slug (suggested from the name until edited) → `createOrganization()`, then the new
 * organization becomes the active one and `onCreated` runs (navigation is the caller's choice).
 */
export function CreateOrganizationForm({
  onCreated,
  onCancel,
}: {
  onCreated(organization: OrganizationJSON): void;
  onCancel?: () => void;
}) {
  const { el, l } = useUI();
  const { latch } = useLatchContext();
  const form = useFormFlow({ name: '', slug: '' });
  const [slugEdited, setSlugEdited] = useState(false);
  const strings = l.organization.create;
  return (
    <form
      {...el('form')}
      noValidate
      onSubmit={form.onSubmit(async ({ name, slug }) => {
        if (!latch) return;
        const created = await latch.createOrganization({ name: name.trim(), slug: slug.trim() || slugify(name) });
        await latch.setActive({ organization: created.id });
        await refreshResources(latch);
        notifyOrganizationsChanged();
        onCreated({
          id: created.id,
          name: created.name,
          slug: created.slug ?? null,
          image_url: created.imageUrl ?? '',
          has_image: Boolean(created.hasImage),
        });
      })}
    >
      <Alert message={form.errors.global} />
      <Field
        id={form.idFor('name')}
        name="name"
        label={strings.nameLabel}
        autoComplete="organization"
        autoFocus
        value={form.values.name}
        onValueChange={(value) => {
          form.setValue('name', value);
          if (!slugEdited) form.setValue('slug', slugify(value));
        }}
        error={form.errors.fields.name}
      />
      <Field
        id={form.idFor('slug')}
        name="slug"
        label={strings.slugLabel}
        autoComplete="off"
        hint={strings.slugHint}
        value={form.values.slug}
        onValueChange={(value) => {
          setSlugEdited(true);
          form.setValue('slug', value);
        }}
        error={form.errors.fields.slug}
      />
      {onCancel ? (
        <div className="latch-formButtonRow">
          <button type="button" {...el('formButtonReset')} onClick={onCancel}>
            {l.organization.profile.formButtonReset}
          </button>
          <PrimaryButton busy={form.busy}>{strings.submit}</PrimaryButton>
        </div>
      ) : (
        <PrimaryButton busy={form.busy}>{strings.submit}</PrimaryButton>
      )}
    </form>
  );
}
