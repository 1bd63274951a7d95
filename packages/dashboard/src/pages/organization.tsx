import { type FormEvent, type MouseEvent, type ReactNode, useId } from 'react';
import { bapi, canChange, type Operator } from '../api.js';
import { formatTime, Link, Loading, Notice, useAction, useLoad } from '../components.js';
import { BASE, navigate } from '../router.js';
import type { Organization } from '../types.js';
import { OrganizationDomains } from './organization-domains.js';
import { OrganizationInvitations } from './organization-invitations.js';
import { OrganizationMembers } from './organization-members.js';

export type OrganizationTab = 'settings' | 'members' | 'invitations' | 'domains';

const TABS: { tab: OrganizationTab; label: string; path: string }[] = [
  { tab: 'settings', label: 'Settings', path: '' },
  { tab: 'members', label: 'Members', path: '/members' },
  { tab: 'invitations', label: 'Invitations', path: '/invitations' },
  { tab: 'domains', label: 'Verified domains', path: '/domains' },
];

/** One organization: settings (name, slug, limit, metadata, delete), members, invitations, domains. */
export function OrganizationPage({
  operator,
  organizationId,
  tab,
}: {
  operator: Operator;
  organizationId: string;
  tab: OrganizationTab;
}) {
  const organization = useLoad(
    () => bapi<Organization>(`/organizations/${encodeURIComponent(organizationId)}`),
    [organizationId],
  );
  if (organization.error) return <Notice kind="error">{organization.error}</Notice>;
  if (!organization.data) return <Loading />;
  const org = organization.data;
  const writer = canChange(operator);

  return (
    <section aria-labelledby="organization-title" className="stack">
      <p>
        <Link to="/organizations">← Organizations</Link>
      </p>
      <h1 id="organization-title">{org.name}</h1>
      <dl className="card grid">
        <dt>Organization id</dt>
        <dd>
          <code>{org.id}</code>
        </dd>
        <dt>Slug</dt>
        <dd>{org.slug}</dd>
        <dt>Members</dt>
        <dd>
          {org.members_count}
          {org.max_allowed_memberships > 0 ? ` of at most ${org.max_allowed_memberships}` : ''}
        </dd>
        <dt>Pending invitations</dt>
        <dd>{org.pending_invitations_count}</dd>
        <dt>Created</dt>
        <dd>{formatTime(org.created_at)}</dd>
      </dl>
      <nav aria-label="Organization sections" className="row wrap" style={{ columnGap: '1.25rem' }}>
        {TABS.map((item) => (
          <TabLink key={item.tab} to={`/organizations/${org.id}${item.path}`} current={item.tab === tab}>
            {item.label}
          </TabLink>
        ))}
      </nav>
      {tab === 'settings' && <OrganizationSettings organization={org} writer={writer} onSaved={organization.reload} />}
      {tab === 'members' && <OrganizationMembers organization={org} writer={writer} onChanged={organization.reload} />}
      {tab === 'invitations' && (
        <OrganizationInvitations organization={org} writer={writer} onChanged={organization.reload} />
      )}
      {tab === 'domains' && <OrganizationDomains organization={org} writer={writer} />}
    </section>
  );
}

/** A section link: a real link (new tab works) marked `aria-current` when it is the section shown. */
function TabLink({ to, current, children }: { to: string; current: boolean; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={`${BASE}${to}`}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
      // The stylesheet is shared; the current section is marked here, like the main navigation's.
      style={current ? { fontWeight: 600, borderBottom: '2px solid var(--accent)' } : { textDecoration: 'none' }}
    >
      {children}
    </a>
  );
}

/** A JSON object from a textarea, or an error naming the field. */
function parseObject(text: string, label: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || '{}');
  } catch (failure) {
    throw new Error(`${label}: invalid JSON (${(failure as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${label} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function OrganizationSettings({
  organization,
  writer,
  onSaved,
}: {
  organization: Organization;
  writer: boolean;
  onSaved: () => void;
}) {
  const { run, busy, notice } = useAction();
  const id = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const saved = await run(
      () =>
        bapi(`/organizations/${organization.id}`, {
          method: 'PATCH',
          body: {
            name: text('name').trim(),
            slug: text('slug').trim(),
            max_allowed_memberships: Number(text('max_allowed_memberships') || 0),
            // Replaced wholesale, as Clerk's PATCH does; parse errors stop the save before any call.
            public_metadata: parseObject(text('public_metadata'), 'Public metadata'),
            private_metadata: parseObject(text('private_metadata'), 'Private metadata'),
          },
        }),
      'Organization saved.',
    );
    if (saved) onSaved();
  };
  const remove = async () => {
    if (
      !window.confirm(`Delete ${organization.name} and all its memberships and invitations? This cannot be undone.`)
    ) {
      return;
    }
    if (await run(() => bapi(`/organizations/${organization.id}`, { method: 'DELETE' }), 'Organization deleted.')) {
      navigate('/organizations');
    }
  };

  return (
    <div className="stack">
      <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Settings</h2>
        {!writer && <p className="muted">Support operators can read an organization but not change it.</p>}
        {notice}
        <div className="row wrap">
          <label className="grow">
            Name
            <input name="name" required maxLength={256} defaultValue={organization.name} readOnly={!writer} />
          </label>
          <label className="grow">
            Slug
            <input name="slug" required maxLength={64} defaultValue={organization.slug} readOnly={!writer} />
          </label>
          <label>
            Member limit (0: none)
            <input
              name="max_allowed_memberships"
              type="number"
              min={0}
              defaultValue={organization.max_allowed_memberships}
              readOnly={!writer}
            />
          </label>
        </div>
        <label>
          Public metadata (in session tokens and the browser)
          <textarea
            name="public_metadata"
            rows={4}
            spellCheck={false}
            defaultValue={JSON.stringify(organization.public_metadata, null, 2)}
            readOnly={!writer}
          />
        </label>
        <label>
          Private metadata (Backend API only)
          <textarea
            name="private_metadata"
            rows={4}
            spellCheck={false}
            defaultValue={JSON.stringify(organization.private_metadata, null, 2)}
            readOnly={!writer}
          />
        </label>
        {writer && (
          <div>
            <button type="submit" disabled={busy}>
              Save organization
            </button>
          </div>
        )}
      </form>
      {writer && (
        <div className="card stack">
          <h2>Delete organization</h2>
          <p className="muted">Removes every membership, invitation and domain. Members keep their accounts.</p>
          <div>
            <button type="button" className="danger" disabled={busy} onClick={remove}>
              Delete organization
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
