import { type FormEvent, useId, useState } from 'react';
import { bapi, type Operator, type OperatorRole } from '../api.js';
import { formatTime, Loading, Notice, useAction, useLoad } from '../components.js';

interface OperatorEntry {
  id: string;
  email: string;
  name: string | null;
  role: OperatorRole;
  has_password: boolean;
  totp_enabled: boolean;
  last_sign_in_at: number | null;
  created_at: number;
}

interface SignInLink {
  operator_id: string;
  url: string;
  expires_at: number;
}

const ROLES: { value: OperatorRole; label: string; hint: string }[] = [
  { value: 'owner', label: 'Owner', hint: 'everything, including who runs the instance' },
  { value: 'admin', label: 'Admin', hint: 'users, organizations, webhooks and settings' },
  { value: 'support', label: 'Support', hint: 'reads everything; unlocks users and resends' },
];

/** Who runs this instance: invite (with a one-time link to hand over), change roles, remove. Owners only. */
export function OperatorsPage({ operator }: { operator: Operator }) {
  const operators = useLoad(() => bapi<OperatorEntry[]>('/operators'), []);
  // Development: a link signs in. Production: a link sets up a new operator's password and
  // authenticator (then they sign in with those), so only operators not set up yet get one.
  const instance = useLoad(() => bapi<{ environment_type: string }>('/instance'), []);
  const production = instance.data?.environment_type === 'production';
  const [link, setLink] = useState<{ email: string; link: SignInLink } | null>(null);
  // A removed operator's row (and its notice) goes away, so the page says it.
  const [removed, setRemoved] = useState<string | null>(null);
  const owner = operator.role === 'owner';
  return (
    <section aria-labelledby="operators-title" className="stack">
      <h1 id="operators-title">Operators</h1>
      <p className="muted">People who can sign in to this dashboard. They are separate from your app's users.</p>
      {!owner && <Notice kind="info">Only owners can invite, change or remove operators.</Notice>}
      {operators.error && <Notice kind="error">{operators.error}</Notice>}
      {operators.loading && !operators.data && <Loading />}
      {removed && <Notice kind="success">{removed} was removed and signed out.</Notice>}
      {link && <LinkOnce email={link.email} link={link.link} setup={production} onDone={() => setLink(null)} />}
      {operators.data && (
        <div className="table-wrap card">
          <table>
            <thead>
              <tr>
                <th scope="col">Operator</th>
                <th scope="col">Role</th>
                <th scope="col">Last sign-in</th>
                {owner && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {operators.data.map((entry) => (
                <OperatorRow
                  key={entry.id}
                  entry={entry}
                  self={entry.id === operator.id}
                  owner={owner}
                  production={production}
                  onChanged={operators.reload}
                  onRemoved={() => {
                    setRemoved(entry.email);
                    operators.reload();
                  }}
                  onLink={
                    instance.data && (!production || !entry.has_password)
                      ? (issued) => setLink({ email: entry.email, link: issued })
                      : null
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {owner && production && (
        <Notice kind="info">
          Production operators sign in with a password and an authenticator code: an invited operator sets both up from
          their one-time link.
        </Notice>
      )}
      {owner && instance.data && (
        <InviteOperator
          onInvited={(email, issued) => {
            setLink({ email, link: issued });
            operators.reload();
          }}
        />
      )}
    </section>
  );
}

function OperatorRow({
  entry,
  self,
  owner,
  onChanged,
  onRemoved,
  onLink,
  production,
}: {
  entry: OperatorEntry;
  self: boolean;
  owner: boolean;
  onChanged: () => void;
  onRemoved: () => void;
  /** Null where a link would do nothing (production, an operator already set up). */
  onLink: ((link: SignInLink) => void) | null;
  /** Production: links set up operators who have no password yet. */
  production: boolean;
}) {
  const { run, busy, notice } = useAction();
  const pending = production && !entry.has_password;
  const linkKind = production ? 'setup' : 'sign-in';
  const [confirming, setConfirming] = useState(false);
  const base = `/operators/${entry.id}`;
  return (
    <tr>
      <td>
        <strong className="break">{entry.email}</strong> {self && <span className="badge">you</span>}
        <div className="muted small">
          {entry.name ?? 'No name'} · {pending ? 'not set up yet' : entry.totp_enabled ? 'TOTP on' : 'no TOTP'}
        </div>
        {notice}
      </td>
      <td>
        {owner && !self ? (
          <label className="inline">
            <span className="visually-hidden">Role for {entry.email}</span>
            <select
              value={entry.role}
              disabled={busy}
              onChange={(event) =>
                run(
                  () => bapi(base, { method: 'PATCH', body: { role: event.target.value } }),
                  `Role changed to ${event.target.value}.`,
                ).then((ok) => ok && onChanged())
              }
            >
              {ROLES.map((role) => (
                <option key={role.value} value={role.value}>
                  {role.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="badge">{entry.role}</span>
        )}
      </td>
      <td>{formatTime(entry.last_sign_in_at)}</td>
      {owner && (
        <td>
          <div className="row wrap">
            {onLink && (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={`New ${linkKind} link for ${entry.email}`}
                onClick={() =>
                  run(
                    async () => onLink(await bapi<SignInLink>(`${base}/sign_in_links`, { method: 'POST' })),
                    'Link created.',
                  )
                }
              >
                New {linkKind} link
              </button>
            )}
            {!self && !confirming && (
              <button
                type="button"
                className="danger"
                disabled={busy}
                aria-label={`Remove ${entry.email}`}
                onClick={() => setConfirming(true)}
              >
                Remove
              </button>
            )}
          </div>
          {confirming && (
            <div className="stack">
              <p className="small">Remove {entry.email}? They are signed out at once.</p>
              <div className="row wrap">
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={() =>
                    run(() => bapi(base, { method: 'DELETE' }), 'Operator removed.').then((ok) => ok && onRemoved())
                  }
                >
                  Remove operator
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

/** The one-time link, shown once: the server keeps only its hash. */
function LinkOnce({
  email,
  link,
  setup,
  onDone,
}: {
  email: string;
  link: SignInLink;
  /** Production: the link sets up a password and an authenticator instead of signing in. */
  setup: boolean;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const what = setup ? 'Setup link' : 'Sign-in link';
  return (
    <section className="card stack" aria-labelledby="link-title">
      <h2 id="link-title">
        {what} for {email}
      </h2>
      <p className="small">
        Send it to them privately. It works once, until {formatTime(link.expires_at)} UTC, and is shown only now.
        {setup && ' They open it to choose a password and add an authenticator app.'}
      </p>
      <label>
        One-time {setup ? 'setup' : 'sign-in'} link
        <input readOnly value={link.url} data-testid="operator-link" onFocus={(event) => event.target.select()} />
      </label>
      <div className="row wrap">
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(link.url).then(
              () => setCopied('Link copied.'),
              () => setCopied('Copying is blocked here: select the link and copy it.'),
            )
          }
        >
          Copy link
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
      {copied && <Notice kind="info">{copied}</Notice>}
    </section>
  );
}

function InviteOperator({ onInvited }: { onInvited: (email: string, link: SignInLink) => void }) {
  const { run, busy, notice } = useAction();
  const roleId = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = {
      email: String(form.get('email')),
      name: String(form.get('name') ?? '') || null,
      role: String(form.get('role')),
    };
    await run(async () => {
      const created = await bapi<{ email: string; sign_in_link: SignInLink }>('/operators', { method: 'POST', body });
      formElement.reset();
      onInvited(created.email, created.sign_in_link);
    }, 'Operator invited. Hand them the sign-in link.');
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite an operator</h2>
      {notice}
      <div className="row wrap">
        <label className="grow">
          Email address
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <label className="grow">
          Name (optional)
          <input name="name" autoComplete="off" />
        </label>
      </div>
      <label htmlFor={roleId}>Role</label>
      <select id={roleId} name="role" defaultValue="support">
        {ROLES.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label} — {role.hint}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        Invite operator
      </button>
    </form>
  );
}
