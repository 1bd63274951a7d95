'use client';
import { useOrgUI } from './org-elements.js';
import type { RoleJSON } from './org-fapi.js';

/** A labelled role picker styled like the other fields. */
export function RoleSelectField({
  id,
  label,
  roles,
  value,
  onChange,
}: {
  id: string;
  label: string;
  roles: RoleJSON[];
  value: string;
  onChange(value: string): void;
}) {
  const { el, oel } = useOrgUI();
  const choices = roles.some((role) => role.key === value) ? roles : [{ key: value, name: value }, ...roles];
  return (
    <div {...el('formField')} data-field="role">
      <div {...el('formFieldLabelRow')}>
        <label {...el('formFieldLabel')} htmlFor={id}>
          {label}
        </label>
      </div>
      <select
        {...oel('organizationProfileRoleSelect')}
        id={id}
        name="role"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {choices.map((role) => (
          <option key={role.key} value={role.key}>
            {role.name}
          </option>
        ))}
      </select>
    </div>
  );
}
