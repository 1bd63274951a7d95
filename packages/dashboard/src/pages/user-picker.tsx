import { useState } from 'react';
import { bapi, query } from '../api.js';
import { useLoad } from '../components.js';
import type { User } from '../types.js';
import { primaryEmail } from './users.js';

/**
 * "Find a user" and the first five matches as radio buttons (the JWT template preview, adding a
 * member). It owns its search; remount it (a new `key`) to clear it.
 */
export function UserPicker({
  group,
  legend,
  selectedId,
  onSelect,
  listWhenEmpty = false,
}: {
  /** The radio group's name, unique on the page. */
  group: string;
  /** What the choice is for, for screen readers. */
  legend: string;
  selectedId: string | null;
  onSelect(userId: string): void;
  /** List the newest users before anything is typed (otherwise only matches are listed). */
  listWhenEmpty?: boolean;
}) {
  const [search, setSearch] = useState('');
  const term = search.trim();
  const users = useLoad(
    () =>
      term || listWhenEmpty
        ? bapi<User[]>(`/users${query({ query: term || undefined, limit: 5 })}`)
        : Promise.resolve([] as User[]),
    [term],
  );
  return (
    <>
      <label>
        Find a user
        <input
          type="search"
          value={search}
          placeholder="Email, username, name or id"
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      {users.data && users.data.length > 0 && (
        <fieldset className="plain">
          <legend className="visually-hidden">{legend}</legend>
          <ul className="list">
            {users.data.map((user) => (
              <li key={user.id}>
                <label className="inline">
                  <input
                    type="radio"
                    name={group}
                    checked={selectedId === user.id}
                    onChange={() => onSelect(user.id)}
                  />
                  {primaryEmail(user)} <span className="muted small">{user.id}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {users.data && users.data.length === 0 && term && <p className="muted">No user matches.</p>}
    </>
  );
}
