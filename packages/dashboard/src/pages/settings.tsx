import { type FormEvent, useState } from 'react';
import { bapi, canChange, type Operator } from '../api.js';
import { Loading, Notice, useAction, useLoad } from '../components.js';
import { OrganizationSettingsForm } from './organization-settings.js';

type Settings = Record<string, Record<string, unknown> | unknown>;

type Field =
  | { key: string; label: string; type: 'boolean' }
  | { key: string; label: string; type: 'choice'; options: string[] }
  | { key: string; label: string; type: 'number'; nullable?: boolean; min?: number }
  | { key: string; label: string; type: 'list'; hint: string };

/** What each choice means, in words; the value itself is what the API stores. */
const CHOICE_LABELS: Record<string, string> = {
  public: 'Public: anyone can sign up',
  restricted: 'Restricted: by invitation only',
  off: 'Off',
  optional: 'Optional',
  required: 'Required',
  single: 'One session per browser',
  multi: 'Several sessions per browser (account switching)',
};

/** Every section of `GET /instance/settings` the page edits, in the order people look for them. */
const SECTIONS: { key: string; title: string; fields: Field[] }[] = [
  {
    key: 'sign_in',
    title: 'Sign-in methods',
    fields: [
      { key: 'email_address', label: 'Sign in with email address', type: 'boolean' },
      { key: 'username', label: 'Sign in with username', type: 'boolean' },
      { key: 'password', label: 'Password', type: 'boolean' },
      { key: 'email_code', label: 'Email code', type: 'boolean' },
    ],
  },
  {
    key: 'sign_up',
    title: 'Sign-up',
    fields: [
      { key: 'mode', label: 'Sign-up mode', type: 'choice', options: ['public', 'restricted'] },
      { key: 'username', label: 'Username', type: 'choice', options: ['off', 'optional', 'required'] },
      { key: 'first_name', label: 'First name', type: 'choice', options: ['off', 'optional', 'required'] },
      { key: 'last_name', label: 'Last name', type: 'choice', options: ['off', 'optional', 'required'] },
      { key: 'password', label: 'Password', type: 'choice', options: ['off', 'optional', 'required'] },
      { key: 'legal_consent', label: 'Ask for legal consent', type: 'boolean' },
    ],
  },
  {
    key: 'password_policy',
    title: 'Password policy',
    fields: [
      { key: 'min_length', label: 'Minimum length', type: 'number', min: 1 },
      { key: 'max_length', label: 'Maximum length', type: 'number', min: 1 },
      { key: 'require_lowercase', label: 'Require a lowercase letter', type: 'boolean' },
      { key: 'require_uppercase', label: 'Require an uppercase letter', type: 'boolean' },
      { key: 'require_numbers', label: 'Require a number', type: 'boolean' },
      { key: 'require_special_character', label: 'Require a special character', type: 'boolean' },
    ],
  },
  {
    key: 'sessions',
    title: 'Sessions',
    fields: [
      { key: 'mode', label: 'Sessions', type: 'choice', options: ['single', 'multi'] },
      { key: 'lifetime_seconds', label: 'Lifetime (seconds)', type: 'number', min: 60 },
      {
        key: 'inactivity_timeout_seconds',
        label: 'Inactivity timeout (seconds, empty = none)',
        type: 'number',
        nullable: true,
        min: 60,
      },
      { key: 'token_lifetime_seconds', label: 'Session token lifetime (seconds)', type: 'number', min: 30 },
    ],
  },
  {
    key: 'protection',
    title: 'Attack protection',
    fields: [
      {
        key: 'max_failed_attempts',
        label: 'Lock an account after this many failed attempts (empty = never)',
        type: 'number',
        nullable: true,
        min: 1,
      },
      { key: 'lockout_seconds', label: 'Lockout duration (seconds)', type: 'number', min: 60 },
      {
        key: 'enumeration_protection',
        label: 'Do not reveal whether an account exists (enumeration protection)',
        type: 'boolean',
      },
      { key: 'reject_breached_passwords', label: 'Reject commonly breached passwords', type: 'boolean' },
    ],
  },
  {
    key: 'restrictions',
    title: 'Restrictions',
    fields: [
      { key: 'allowlist', label: 'Only allowlisted emails and domains may sign up', type: 'boolean' },
      { key: 'blocklist', label: 'Blocklisted emails and domains may not sign up', type: 'boolean' },
      {
        key: 'allowlist_blocklist_disabled_on_sign_in',
        label: 'Apply the lists to sign-ups only (existing users may always sign in)',
        type: 'boolean',
      },
      { key: 'block_email_subaddresses', label: 'Refuse addresses with “+tag”', type: 'boolean' },
      { key: 'allowlist_identifiers', label: 'Allowlist', type: 'list', hint: 'One email or domain per line' },
      { key: 'blocklist_identifiers', label: 'Blocklist', type: 'list', hint: 'One email or domain per line' },
    ],
  },
];

/** Instance configuration; a save applies at once, without a restart. */
export function SettingsPage({ operator }: { operator: Operator }) {
  const settings = useLoad(() => bapi<Settings>('/instance/settings'), []);
  const [version, setVersion] = useState(0);
  const { run, busy, notice } = useAction();
  const readOnly = !canChange(operator);

  if (settings.error) return <Notice kind="error">{settings.error}</Notice>;
  if (!settings.data) return <Loading />;
  const current = settings.data;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = {};
    for (const section of SECTIONS) {
      const values: Record<string, unknown> = {};
      for (const field of section.fields) {
        const name = `${section.key}.${field.key}`;
        const raw = form.get(name);
        if (field.type === 'boolean') values[field.key] = raw === 'on';
        else if (field.type === 'number') values[field.key] = raw === '' || raw === null ? null : Number(raw);
        else if (field.type === 'list')
          values[field.key] = String(raw ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean);
        else values[field.key] = raw;
      }
      body[section.key] = values;
    }
    body.allowed_origins = String(form.get('allowed_origins') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (await run(() => bapi('/instance/settings', { method: 'PATCH', body }), 'Settings saved. They apply now.')) {
      settings.reload();
      setVersion(version + 1);
    }
  };

  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">Settings</h1>
      {readOnly && <Notice kind="info">Support operators can read the settings but not change them.</Notice>}
      <form key={version} onSubmit={submit} className="stack">
        {SECTIONS.map((section) => {
          const values = (current[section.key] ?? {}) as Record<string, unknown>;
          return (
            <fieldset key={section.key} className="card stack" disabled={readOnly}>
              <legend>{section.title}</legend>
              {section.fields.map((field) => {
                const name = `${section.key}.${field.key}`;
                const value = values[field.key];
                if (field.type === 'boolean') {
                  return (
                    <label key={name} className="inline">
                      <input type="checkbox" name={name} defaultChecked={value === true} /> {field.label}
                    </label>
                  );
                }
                if (field.type === 'choice') {
                  return (
                    <label key={name}>
                      {field.label}
                      <select name={name} defaultValue={String(value)}>
                        {field.options.map((option) => (
                          <option key={option} value={option}>
                            {CHOICE_LABELS[option] ?? option}
                          </option>
                        ))}
                      </select>
                    </label>
                  );
                }
                if (field.type === 'number') {
                  return (
                    <label key={name}>
                      {field.label}
                      <input
                        type="number"
                        name={name}
                        min={field.min}
                        required={!field.nullable}
                        defaultValue={value === null ? '' : String(value)}
                      />
                    </label>
                  );
                }
                return (
                  <label key={name}>
                    {field.label} <span className="muted small">({field.hint})</span>
                    <textarea name={name} rows={3} defaultValue={((value as string[]) ?? []).join('\n')} />
                  </label>
                );
              })}
            </fieldset>
          );
        })}
        <fieldset className="card stack" disabled={readOnly}>
          <legend>Allowed origins</legend>
          <label>
            Origins allowed to call the Frontend API <span className="muted small">(one per line)</span>
            <textarea
              name="allowed_origins"
              rows={3}
              defaultValue={((current.allowed_origins as string[]) ?? []).join('\n')}
            />
          </label>
        </fieldset>
        {notice}
        {!readOnly && (
          <button type="submit" disabled={busy}>
            Save settings
          </button>
        )}
      </form>
      <OrganizationSettingsForm operator={operator} />
    </section>
  );
}
