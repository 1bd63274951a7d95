import { type FormEvent, useState } from 'react';
import { bapi, canChange, type Operator, query } from '../api.js';
import { formatTime, Link, Loading, Notice, Pagination, useAction, useLoad } from '../components.js';
import { navigate } from '../router.js';
import type { User } from '../types.js';

const PAGE_SIZE = 20;

type Filters = Record<string, string | number | undefined>;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas neutralised for spreadsheets. */
function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function downloadCSV(users: User[]): void {
  const header = [
    'id',
    'email',
    'first_name',
    'last_name',
    'username',
    'external_id',
    'banned',
    'locked',
    'created_at',
  ];
  const lines = users.map((user) =>
    [
      user.id,
      primaryEmail(user),
      user.first_name,
      user.last_name,
      user.username,
      user.external_id,
      user.banned,
      user.locked,
      new Date(user.created_at).toISOString(),
    ]
      .map(csvField)
      .join(','),
  );
  const blob = new Blob([`${[header.join(','), ...lines].join('\r\n')}\r\n`], { type: 'text/csv' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `latch-users-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export const primaryEmail = (user: User) =>
  user.email_addresses.find((email) => email.id === user.primary_email_address_id)?.email_address ??
  user.email_addresses[0]?.email_address ??
  '—';

export const fullName = (user: User) => [user.first_name, user.last_name].filter(Boolean).join(' ') || '—';

/** Users: search (email, username, name, id, external id), pagination, create. */
export function UsersPage({ operator }: { operator: Operator }) {
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const list = useLoad(async () => {
    const where = { query: search.trim() || undefined, ...filters };
    const [users, count] = await Promise.all([
      bapi<User[]>(`/users${query({ ...where, limit: PAGE_SIZE, offset, order_by: '-created_at' })}`),
      bapi<{ total_count: number }>(`/users/count${query(where)}`),
    ]);
    return { users, total: count.total_count };
  }, [search, filters, offset]);
  const exporting = useAction();

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = String(form.get('status') ?? '');
    const day = (name: string) => {
      const value = String(form.get(name) ?? '');
      return value ? Date.parse(`${value}T00:00:00Z`) : undefined;
    };
    const before = day('created_before');
    setSearch(String(form.get('q') ?? ''));
    setFilters({
      banned: status === 'banned' ? 'true' : undefined,
      locked: status === 'locked' ? 'true' : undefined,
      created_at_after: day('created_after'),
      // The whole "until" day counts.
      created_at_before: before === undefined ? undefined : before + 86_400_000,
    });
    setOffset(0);
  };

  const exportCSV = () =>
    exporting.run(async () => {
      const where = { query: search.trim() || undefined, ...filters };
      const rows: User[] = [];
      // 500 per page (the API's maximum), up to 50 000 users: enough for a spreadsheet.
      for (let page = 0; page < 100; page++) {
        const batch = await bapi<User[]>(`/users${query({ ...where, limit: 500, offset: page * 500 })}`);
        rows.push(...batch);
        if (batch.length < 500) break;
      }
      downloadCSV(rows);
    }, 'Export ready.');

  return (
    <section aria-labelledby="users-title" className="stack">
      <h1 id="users-title">Users</h1>
      <search>
        <form onSubmit={onSearch} className="row wrap">
          <label className="grow">
            <span className="visually-hidden">Search users</span>
            <input
              name="q"
              type="search"
              placeholder="Email, username, name, id or external id"
              defaultValue={search}
            />
          </label>
          <label>
            Status
            <select name="status" defaultValue="">
              <option value="">Any</option>
              <option value="banned">Banned</option>
              <option value="locked">Locked</option>
            </select>
          </label>
          <label>
            Created from
            <input name="created_after" type="date" />
          </label>
          <label>
            Created until
            <input name="created_before" type="date" />
          </label>
          <button type="submit">Search</button>
        </form>
      </search>
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data ? (
        <>
          <p className="muted" aria-live="polite">
            {list.data.total} user{list.data.total === 1 ? '' : 's'}
            {search ? ` matching “${search}”` : ''}
          </p>
          {list.data.users.length === 0 && (
            <p className="muted">
              {search || Object.values(filters).some((value) => value !== undefined)
                ? 'No users match. Try another search or fewer filters.'
                : 'No users yet. They appear here as they sign up.'}
            </p>
          )}
          <div className="table-wrap" hidden={list.data.users.length === 0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {list.data.users.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <Link to={`/users/${user.id}`}>{primaryEmail(user)}</Link>
                      <div className="muted small">{user.id}</div>
                    </td>
                    <td>{fullName(user)}</td>
                    <td>
                      {user.banned && <span className="badge danger">banned</span>}
                      {user.locked && <span className="badge warning">locked</span>}
                      {!user.banned && !user.locked && <span className="badge">active</span>}
                    </td>
                    <td>{formatTime(user.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination offset={offset} pageSize={PAGE_SIZE} total={list.data.total} onChange={setOffset} />
        </>
      ) : null}
      <div className="row wrap">
        <button type="button" className="secondary" disabled={exporting.busy} onClick={exportCSV}>
          Export CSV
        </button>
        {exporting.notice}
      </div>
      {canChange(operator) && <CreateUser />}
    </section>
  );
}

function CreateUser() {
  const { run, busy, notice } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    let createdId = '';
    const ok = await run(async () => {
      const created = await bapi<User>('/users', {
        method: 'POST',
        body: {
          email_address: [text('email')],
          password: text('password'),
          first_name: text('first_name'),
          last_name: text('last_name'),
          skip_password_requirement: text('password') === undefined,
        },
      });
      createdId = created.id;
    }, 'User created.');
    if (ok) navigate(`/users/${createdId}`);
  };
  return (
    <details className="card">
      <summary>Create a user</summary>
      <form onSubmit={submit} className="stack">
        {notice}
        <label>
          Email
          <input name="email" type="email" required />
        </label>
        <div className="row wrap">
          <label className="grow">
            First name
            <input name="first_name" />
          </label>
          <label className="grow">
            Last name
            <input name="last_name" />
          </label>
        </div>
        <label>
          Password (optional)
          <input name="password" type="password" autoComplete="new-password" />
        </label>
        <button type="submit" disabled={busy}>
          Create user
        </button>
      </form>
    </details>
  );
}
