import { type FormEvent, useState } from 'react';
import { bapi, canChange, type Operator } from '../api.js';
import { Loading, Notice, useAction, useLoad } from '../components.js';

interface OrganizationSettings {
  enabled: boolean;
  max_allowed_memberships: number;
  creator_role: string;
  admin_delete_enabled: boolean;
  domains_enabled: boolean;
  slug_disabled: boolean;
  domains_enrollment_modes: string[];
  domains_default_role: string;
}

interface Role {
  id: string;
  key: string;
  name: string;
}

const ENROLLMENT_MODES: { mode: string; label: string }[] = [
  { mode: 'manual_invitation', label: 'Manual invitations only' },
  { mode: 'automatic_invitation', label: 'Automatic invitations for verified domains' },
  { mode: 'automatic_suggestion', label: 'Suggestions for verified domains' },
];

/**
 * The instance's organization settings (`/instance/organization_settings`, Clerk's shape): whether
 * organizations are on, their limits, the creator's and domain members' roles. Saved on its own,
 * applied at once.
 */
export function OrganizationSettingsForm({ operator }: { operator: Operator }) {
  const settings = useLoad(() => bapi<OrganizationSettings>('/instance/organization_settings'), []);
  const roles = useLoad(() => bapi<{ data: Role[] }>('/organization_roles?limit=100'), []);
  const [version, setVersion] = useState(0);
  const { run, busy, notice } = useAction();
  const readOnly = !canChange(operator);

  if (settings.error) return <Notice kind="error">{settings.error}</Notice>;
  if (!settings.data || !roles.data) return <Loading />;
  const current = settings.data;
  const roleList = roles.data.data;
  const roleIdOf = (key: string) => roleList.find((role) => role.key === key)?.id ?? '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      enabled: form.get('enabled') === 'on',
      max_allowed_memberships: Number(form.get('max_allowed_memberships')),
      admin_delete_enabled: form.get('admin_delete_enabled') === 'on',
      domains_enabled: form.get('domains_enabled') === 'on',
      slug_disabled: form.get('slug_disabled') === 'on',
      domains_enrollment_modes: ENROLLMENT_MODES.map(({ mode }) => mode).filter((mode) => form.get(mode) === 'on'),
      creator_role_id: String(form.get('creator_role_id')),
      domains_default_role_id: String(form.get('domains_default_role_id')),
    };
    const saved = await run(
      () => bapi('/instance/organization_settings', { method: 'PATCH', body }),
      'Organization settings saved. They apply now.',
    );
    if (saved) {
      settings.reload();
      setVersion(version + 1);
    }
  };

  return (
    <form key={version} onSubmit={submit} className="stack" aria-labelledby="organization-settings-title">
      <fieldset className="card stack" disabled={readOnly}>
        <legend id="organization-settings-title">Organizations</legend>
        <label className="inline">
          <input type="checkbox" name="enabled" defaultChecked={current.enabled} /> Organizations are enabled
        </label>
        <label>
          Members per organization <span className="muted small">(0 = no limit)</span>
          <input
            type="number"
            name="max_allowed_memberships"
            min={0}
            required
            defaultValue={current.max_allowed_memberships}
          />
        </label>
        <label>
          Creator's role
          <select name="creator_role_id" defaultValue={roleIdOf(current.creator_role)}>
            {roleList.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name} ({role.key})
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" name="admin_delete_enabled" defaultChecked={current.admin_delete_enabled} /> Admins may
          delete their organization
        </label>
        <label className="inline">
          <input type="checkbox" name="slug_disabled" defaultChecked={current.slug_disabled} /> Hide slugs
        </label>
        <label className="inline">
          <input type="checkbox" name="domains_enabled" defaultChecked={current.domains_enabled} /> Verified domains
        </label>
        <fieldset className="plain stack">
          <legend>Enrollment modes for verified domains</legend>
          {ENROLLMENT_MODES.map(({ mode, label }) => (
            <label key={mode} className="inline">
              <input type="checkbox" name={mode} defaultChecked={current.domains_enrollment_modes.includes(mode)} />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <label>
          Role of members who join through a domain
          <select name="domains_default_role_id" defaultValue={roleIdOf(current.domains_default_role)}>
            {roleList.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name} ({role.key})
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {notice}
      {!readOnly && (
        <button type="submit" disabled={busy}>
          Save organization settings
        </button>
      )}
    </form>
  );
}
