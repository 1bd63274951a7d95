'use client';
import type { User } from '@latch/js';
import { useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { Avatar } from '../primitives/avatar.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';
import { FormButtons, ProfileSection } from './profile-section.js';

/** Avatar and name, with an inline form to change first/last name. */
export function ProfileDetailsSection({ user }: { user: User }) {
  const { el, l } = useUI();
  const [editing, setEditing] = useState(false);
  const form = useFormFlow({ first_name: user.firstName ?? '', last_name: user.lastName ?? '' });
  const { latch } = useLatchContext();
  const attributes = latch?.environment?.userSettings.attributes;
  const namesEnabled = attributes
    ? attributes.first_name?.enabled !== false || attributes.last_name?.enabled !== false
    : true;
  const name = user.fullName ?? '';
  return (
    <ProfileSection title={l.userProfile.profilePage.profileSection} id="profile">
      {editing ? (
        <form
          {...el('form', 'latch-profileSectionForm')}
          noValidate
          onSubmit={form.onSubmit(async ({ first_name, last_name }) => {
            await user.update({ firstName: first_name.trim(), lastName: last_name.trim() });
            setEditing(false);
          })}
        >
          <Alert message={form.errors.global} />
          <div {...el('formFieldRow')}>
            <Field
              id={form.idFor('first_name')}
              name="first_name"
              label={l.formFieldLabel__firstName}
              autoComplete="given-name"
              autoFocus
              optional
              value={form.values.first_name}
              onValueChange={(value) => form.setValue('first_name', value)}
              error={form.errors.fields.first_name}
            />
            <Field
              id={form.idFor('last_name')}
              name="last_name"
              label={l.formFieldLabel__lastName}
              autoComplete="family-name"
              optional
              value={form.values.last_name}
              onValueChange={(value) => form.setValue('last_name', value)}
              error={form.errors.fields.last_name}
            />
          </div>
          <FormButtons busy={form.busy} onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <div {...el('profileSectionItem')}>
          <div className="latch-profileSectionItemMain">
            <Avatar person={{ ...user, identifier: user.primaryEmailAddress?.emailAddress ?? null }} size="3rem" />
            <span data-testid="profile-name">{name}</span>
          </div>
          {namesEnabled ? (
            <button
              type="button"
              {...el('profileSectionPrimaryButton')}
              onClick={() => {
                form.setValues({ first_name: user.firstName ?? '', last_name: user.lastName ?? '' });
                setEditing(true);
              }}
            >
              {l.userProfile.profilePage.editProfile}
            </button>
          ) : null}
        </div>
      )}
    </ProfileSection>
  );
}

/** The username (when the instance enables usernames), with an inline form to change it. */
export function UsernameSection({ user }: { user: User }) {
  const { el, l } = useUI();
  const [editing, setEditing] = useState(false);
  const form = useFormFlow({ username: user.username ?? '' });
  return (
    <ProfileSection title={l.userProfile.profilePage.usernameSection} id="username">
      {editing ? (
        <form
          {...el('form', 'latch-profileSectionForm')}
          noValidate
          onSubmit={form.onSubmit(async ({ username }) => {
            await user.update({ username: username.trim() });
            setEditing(false);
          })}
        >
          <Alert message={form.errors.global} />
          <Field
            id={form.idFor('username')}
            name="username"
            label={l.formFieldLabel__username}
            autoComplete="username"
            autoFocus
            value={form.values.username}
            onValueChange={(value) => form.setValue('username', value)}
            error={form.errors.fields.username}
          />
          <FormButtons busy={form.busy} onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <div {...el('profileSectionItem')}>
          <span>{user.username}</span>
          <button type="button" {...el('profileSectionPrimaryButton')} onClick={() => setEditing(true)}>
            {l.userProfile.profilePage.usernameSection}
          </button>
        </div>
      )}
    </ProfileSection>
  );
}
