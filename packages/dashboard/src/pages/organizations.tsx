import { type FormEvent, useState } from 'react';
import { bapi, canChange, type Operator, query } from '../api.js';
import { formatTime, Link, Loading, Notice, Pagination, useAction, useLoad } from '../components.js';
import { navigate } from '../router.js';
import type { Organization, Paginated } from '../types.js';

const PAGE_SIZE = 20;

/** Organizations: search by name, slug or id, pagination with member counts, create. */
export function OrganizationsPage({ operator }: { operator: Operator }) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useLoad(
    () =>
      bapi<Paginated<Organization>>(
        `/organizations${query({ query: search.trim() || undefined, limit: PAGE_SIZE, offset, order_by: '-created_at' })}`,
      ),
    [search, offset],
  );

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(String(new FormData(event.currentTarget).get('q') ?? ''));
    setOffset(0);
  };

  return (
    <section aria-labelledby="organizations-title" className="stack">
      <div className="row wrap">
        <h1 id="organizations-title" className="grow">
          Organizations
        </h1>
        <Link to="/organizations/roles">Roles &amp; permissions</Link>
      </div>
      <search>
        <form onSubmit={onSearch} className="row wrap">
          <label className="grow">
            <span className="visually-hidden">Search organizations</span>
            <input name="q" type="search" placeholder="Name, slug or id" defaultValue={search} />
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
            {list.data.total_count} organization{list.data.total_count === 1 ? '' : 's'}
            {search ? ` matching “${search}”` : ''}
          </p>
          {list.data.data.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Members</th>
                    <th scope="col">Invitations</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.data.map((organization) => (
                    <tr key={organization.id}>
                      <td>
                        <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                        <div className="muted small">{organization.slug}</div>
                      </td>
                      <td>{organization.members_count}</td>
                      <td>{organization.pending_invitations_count} pending</td>
                      <td>
                        <time dateTime={new Date(organization.created_at).toISOString()}>
                          {formatTime(organization.created_at).slice(0, 10)}
                        </time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination offset={offset} pageSize={PAGE_SIZE} total={list.data.total_count} onChange={setOffset} />
        </>
      ) : null}
      {canChange(operator) && <CreateOrganization />}
    </section>
  );
}

function CreateOrganization() {
  const { run, busy, notice } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    let createdId = '';
    const ok = await run(async () => {
      const created = await bapi<Organization>('/organizations', {
        method: 'POST',
        // No creator: members are added on the organization's page (an existing user, or an invitation).
        body: { name: text('name'), slug: text('slug') },
      });
      createdId = created.id;
    }, 'Organization created.');
    if (ok) navigate(`/organizations/${createdId}`);
  };
  return (
    <details className="card">
      <summary>Create an organization</summary>
      <form onSubmit={submit} className="stack">
        {notice}
        <label>
          Name
          <input name="name" required maxLength={256} />
        </label>
        <label>
          Slug (optional: derived from the name)
          <input name="slug" />
        </label>
        <button type="submit" disabled={busy}>
          Create organization
        </button>
      </form>
    </details>
  );
}
