import { type FormEvent, useState } from 'react';
import { bapi, query } from '../api.js';
import { formatTime, Link, Loading, Notice, Pagination, useAction, useLoad } from '../components.js';
import type { Organization, OrganizationMembership, OrganizationRole, Paginated } from '../types.js';
import { UserPicker } from './user-picker.js';

const PAGE_SIZE = 20;

/** Every role, for the role pickers (an instance has a handful; 500 is the API's page maximum). */
export function useRoles() {
  return useLoad(
    () => bapi<Paginated<OrganizationRole>>(`/organization_roles${query({ limit: 500, order_by: 'name' })}`),
    [],
  );
}

const memberLabel = (membership: OrganizationMembership) =>
  membership.public_user_data.identifier ?? membership.public_user_data.user_id;

const memberName = (membership: OrganizationMembership) =>
  [membership.public_user_data.first_name, membership.public_user_data.last_name].filter(Boolean).join(' ');

/** Members: search, pagination, role change, removal, and adding an existing user. */
export function OrganizationMembers({
  organization,
  writer,
  onChanged,
}: {
  organization: Organization;
  writer: boolean;
  onChanged: () => void;
}) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const roles = useRoles();
  const members = useLoad(
    () =>
      bapi<Paginated<OrganizationMembership>>(
        `/organizations/${organization.id}/memberships${query({ query: search.trim() || undefined, limit: PAGE_SIZE, offset })}`,
      ),
    [organization.id, search, offset],
  );
  const { run, busy, notice } = useAction();
  const changed = () => {
    members.reload();
    onChanged();
  };

  const changeRole = (membership: OrganizationMembership, role: string) =>
    run(
      () =>
        bapi(`/organizations/${organization.id}/memberships/${membership.public_user_data.user_id}`, {
          method: 'PATCH',
          body: { role },
        }),
      `${memberLabel(membership)} is now ${roles.data?.data.find((r) => r.key === role)?.name ?? role}.`,
    ).then(changed);

  const remove = async (membership: OrganizationMembership) => {
    if (!window.confirm(`Remove ${memberLabel(membership)} from ${organization.name}?`)) return;
    await run(
      () =>
        bapi(`/organizations/${organization.id}/memberships/${membership.public_user_data.user_id}`, {
          method: 'DELETE',
        }),
      `${memberLabel(membership)} removed.`,
    );
    changed();
  };

  return (
    <div className="stack">
      <h2>Members</h2>
      <search>
        <form
          className="row wrap"
          onSubmit={(event) => {
            event.preventDefault();
            setSearch(String(new FormData(event.currentTarget).get('q') ?? ''));
            setOffset(0);
          }}
        >
          <label className="grow">
            <span className="visually-hidden">Search members</span>
            <input name="q" type="search" placeholder="Email, username, name or user id" defaultValue={search} />
          </label>
          <button type="submit">Search</button>
        </form>
      </search>
      {notice}
      {members.error && <Notice kind="error">{members.error}</Notice>}
      {members.loading && !members.data && <Loading />}
      {members.data && (
        <>
          <p className="muted" aria-live="polite">
            {members.data.total_count} member{members.data.total_count === 1 ? '' : 's'}
            {search ? ` matching “${search}”` : ''}
          </p>
          {members.data.data.length > 0 && (
            <ul className="card list" aria-label="Members">
              {members.data.data.map((membership) => (
                <li key={membership.id} className="row wrap">
                  <div className="grow">
                    <Link to={`/users/${membership.public_user_data.user_id}`}>{memberLabel(membership)}</Link>
                    <div className="muted small">
                      {memberName(membership) ? `${memberName(membership)} · ` : ''}joined{' '}
                      {formatTime(membership.created_at)}
                    </div>
                  </div>
                  {writer && roles.data ? (
                    <>
                      <label>
                        <span className="visually-hidden">Role of {memberLabel(membership)}</span>
                        <select
                          value={membership.role}
                          disabled={busy}
                          onChange={(event) => changeRole(membership, event.target.value)}
                        >
                          {roles.data.data.map((role) => (
                            <option key={role.id} value={role.key}>
                              {role.name}
                            </option>
                          ))}
                        </select>
                      </label>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        aria-label={`Remove ${memberLabel(membership)}`}
                        onClick={() => remove(membership)}
                      >
                        Remove
                      </button>
                    </>
                  ) : (
                    <span className="badge">{membership.role_name || membership.role}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {members.data.total_count > PAGE_SIZE && (
            <Pagination
              offset={offset}
              pageSize={PAGE_SIZE}
              total={members.data.total_count}
              onChange={setOffset}
              label="Members pagination"
            />
          )}
        </>
      )}
      {writer && roles.data && <AddMember organization={organization} roles={roles.data.data} onAdded={changed} />}
    </div>
  );
}

/** Finds an existing user and makes them a member with a role. */
function AddMember({
  organization,
  roles,
  onAdded,
}: {
  organization: Organization;
  roles: OrganizationRole[];
  onAdded: () => void;
}) {
  const [userId, setUserId] = useState<string | null>(null);
  // A new key remounts the picker, clearing its search after an add.
  const [pickerKey, setPickerKey] = useState(0);
  const { run, busy, notice } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!userId) return;
    const role = String(new FormData(event.currentTarget).get('role'));
    const added = await run(
      () => bapi(`/organizations/${organization.id}/memberships`, { method: 'POST', body: { user_id: userId, role } }),
      'Member added.',
    );
    if (added) {
      setUserId(null);
      setPickerKey(pickerKey + 1);
      onAdded();
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="add-member-title">
      <h3 id="add-member-title">Add an existing user</h3>
      {notice}
      <UserPicker key={pickerKey} group="member_user" legend="User to add" selectedId={userId} onSelect={setUserId} />
      <label>
        Role
        <select name="role" defaultValue="org:member">
          {roles.map((role) => (
            <option key={role.id} value={role.key}>
              {role.name}
            </option>
          ))}
        </select>
      </label>
      <div>
        <button type="submit" disabled={busy || !userId}>
          Add member
        </button>
      </div>
    </form>
  );
}
