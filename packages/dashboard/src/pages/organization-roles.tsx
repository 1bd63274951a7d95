import { type FormEvent, useId } from 'react';
import { bapi, canChange, type Operator, query } from '../api.js';
import { Link, Loading, Notice, useAction, useLoad } from '../components.js';
import type { OrganizationPermission, OrganizationRole, Paginated } from '../types.js';
import { useRoles } from './organization-members.js';

/** The two roles every instance starts with; the Backend API refuses to delete them or change their keys. */
const SYSTEM_ROLE_KEYS = new Set(['org:admin', 'org:member']);
export const isSystemRole = (role: OrganizationRole) => SYSTEM_ROLE_KEYS.has(role.key);

/** Roles & permissions, shared by every organization: system ones read-only, custom ones editable. */
export function OrganizationRolesPage({ operator }: { operator: Operator }) {
  const roles = useRoles();
  const permissions = useLoad(
    () =>
      bapi<Paginated<OrganizationPermission>>(`/organization_permissions${query({ limit: 500, order_by: 'name' })}`),
    [],
  );
  const writer = canChange(operator);
  const reload = () => {
    roles.reload();
    permissions.reload();
  };
  // Page-level, so the outcome stays on screen after the deleted role's card is gone.
  const deletion = useAction();
  const deleteRole = async (role: OrganizationRole) => {
    if (!window.confirm(`Delete the role ${role.name}?`)) return;
    if (
      await deletion.run(
        () => bapi(`/organization_roles/${role.id}`, { method: 'DELETE' }),
        `Role ${role.name} deleted.`,
      )
    ) {
      reload();
    }
  };

  return (
    <section aria-labelledby="roles-title" className="stack">
      <p>
        <Link to="/organizations">← Organizations</Link>
      </p>
      <h1 id="roles-title">Roles &amp; permissions</h1>
      <p className="muted">
        Roles and permissions are shared by every organization. A member's role decides the permissions in their session
        token (<code>org_permissions</code>). System roles and permissions cannot be changed.
      </p>
      <h2>Roles</h2>
      {roles.error && <Notice kind="error">{roles.error}</Notice>}
      {deletion.notice}
      {(roles.loading || permissions.loading) && (!roles.data || !permissions.data) && <Loading />}
      {roles.data && permissions.data && (
        <ul className="list">
          {roles.data.data.map((role) => (
            <li key={role.id}>
              <RoleCard
                role={role}
                permissions={permissions.data?.data ?? []}
                writer={writer}
                busy={deletion.busy}
                onChanged={reload}
                onDelete={() => deleteRole(role)}
              />
            </li>
          ))}
        </ul>
      )}
      {writer && permissions.data && <RoleForm permissions={permissions.data.data} onSaved={reload} />}

      <h2>Permissions</h2>
      {permissions.error && <Notice kind="error">{permissions.error}</Notice>}
      {permissions.data && <PermissionList permissions={permissions.data.data} writer={writer} onChanged={reload} />}
      {writer && <PermissionForm onCreated={reload} />}
    </section>
  );
}

function RoleCard({
  role,
  permissions,
  writer,
  busy,
  onChanged,
  onDelete,
}: {
  role: OrganizationRole;
  permissions: OrganizationPermission[];
  writer: boolean;
  busy: boolean;
  onChanged: () => void;
  onDelete: () => void;
}) {
  const system = isSystemRole(role);
  const titleId = useId();
  return (
    <article className="card stack" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {role.name} {system && <span className="badge">system</span>}
      </h3>
      <p className="muted small">
        <code>{role.key}</code>
        {role.description ? ` · ${role.description}` : ''}
      </p>
      {role.permissions.length === 0 ? (
        <p className="muted">No permissions.</p>
      ) : (
        <ul className="list" aria-label={`Permissions of ${role.name}`}>
          {role.permissions.map((permission) => (
            <li key={permission.id}>
              <code>{permission.key}</code> <span className="muted small">{permission.name}</span>
            </li>
          ))}
        </ul>
      )}
      {writer && !system && (
        <>
          <details>
            <summary>Edit {role.name}</summary>
            <RoleForm role={role} permissions={permissions} onSaved={onChanged} />
          </details>
          <div>
            <button type="button" className="danger" disabled={busy} onClick={onDelete}>
              Delete role {role.name}
            </button>
          </div>
        </>
      )}
    </article>
  );
}

/** Creates a custom role, or edits one (`role` given): name, key, description and permissions. */
function RoleForm({
  role,
  permissions,
  onSaved,
}: {
  role?: OrganizationRole;
  permissions: OrganizationPermission[];
  onSaved: () => void;
}) {
  const { run, busy, notice } = useAction();
  const id = useId();
  const held = new Set(role?.permissions.map((permission) => permission.id));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = {
      name: String(form.get('name') ?? '').trim(),
      key: String(form.get('key') ?? '').trim(),
      description: String(form.get('description') ?? ''),
      permissions: form.getAll('permission').map(String),
    };
    const saved = await run(
      () =>
        role
          ? bapi(`/organization_roles/${role.id}`, { method: 'PATCH', body })
          : bapi('/organization_roles', { method: 'POST', body }),
      role ? 'Role saved.' : `Role ${body.name} created.`,
    );
    if (saved) {
      if (!role) formElement.reset();
      onSaved();
    }
  };
  return (
    <form className={role ? 'stack' : 'card stack'} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={role ? 'visually-hidden' : undefined}>
        {role ? `Edit ${role.name}` : 'Create a role'}
      </h3>
      {notice}
      <div className="row wrap">
        <label className="grow">
          Name
          <input name="name" required maxLength={256} defaultValue={role?.name} />
        </label>
        <label className="grow">
          Key
          <input
            name="key"
            required
            defaultValue={role?.key}
            placeholder="org:billing_manager"
            pattern="org:[a-z0-9_]+"
            title="org: followed by lowercase letters, digits or underscores"
          />
        </label>
      </div>
      <label>
        Description
        <input name="description" maxLength={1024} defaultValue={role?.description} />
      </label>
      <fieldset className="card">
        <legend>Permissions</legend>
        <ul className="list">
          {permissions.map((permission) => (
            <li key={permission.id}>
              <label className="inline">
                <input
                  type="checkbox"
                  name="permission"
                  value={permission.id}
                  defaultChecked={held.has(permission.id)}
                />
                <code>{permission.key}</code> <span className="muted small">{permission.name}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div>
        <button type="submit" disabled={busy}>
          {role ? `Save ${role.name}` : 'Create role'}
        </button>
      </div>
    </form>
  );
}

function PermissionList({
  permissions,
  writer,
  onChanged,
}: {
  permissions: OrganizationPermission[];
  writer: boolean;
  onChanged: () => void;
}) {
  const { run, busy, notice } = useAction();
  const remove = async (permission: OrganizationPermission) => {
    if (!window.confirm(`Delete the permission ${permission.key}? Roles that hold it lose it.`)) return;
    if (
      await run(
        () => bapi(`/organization_permissions/${permission.id}`, { method: 'DELETE' }),
        `Permission ${permission.key} deleted.`,
      )
    ) {
      onChanged();
    }
  };
  return (
    <>
      {notice}
      <ul className="card list" aria-label="Permissions">
        {permissions.map((permission) => (
          <li key={permission.id} className="row wrap">
            <div className="grow">
              <code>{permission.key}</code>{' '}
              <span className="badge">{permission.type === 'system' ? 'system' : 'custom'}</span>
              <div className="muted small">
                {permission.name}
                {permission.description ? ` · ${permission.description}` : ''}
              </div>
            </div>
            {writer && permission.type === 'user' && (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={`Delete permission ${permission.key}`}
                onClick={() => remove(permission)}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function PermissionForm({ onCreated }: { onCreated: () => void }) {
  const { run, busy, notice } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = {
      name: String(form.get('name') ?? '').trim(),
      key: String(form.get('key') ?? '').trim(),
      description: String(form.get('description') ?? ''),
    };
    if (
      await run(() => bapi('/organization_permissions', { method: 'POST', body }), `Permission ${body.key} created.`)
    ) {
      formElement.reset();
      onCreated();
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-permission-title">
      <h3 id="new-permission-title">Create a permission</h3>
      {notice}
      <div className="row wrap">
        <label className="grow">
          Name
          <input name="name" required maxLength={256} />
        </label>
        <label className="grow">
          Key
          <input
            name="key"
            required
            placeholder="org:invoices:read"
            pattern="org:[a-z0-9_]+:[a-z0-9_]+"
            title="org:<feature>:<action>, in lowercase letters, digits or underscores"
          />
        </label>
      </div>
      <label>
        Description
        <input name="description" maxLength={1024} />
      </label>
      <div>
        <button type="submit" disabled={busy}>
          Create permission
        </button>
      </div>
    </form>
  );
}
