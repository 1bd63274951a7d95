import { useId, useState } from 'react';
import { bapi, canChange, type Operator, query } from '../api.js';
import { formatTime, Link, Loading, Notice, useAction, useLoad } from '../components.js';
import { navigate } from '../router.js';
import type { Session, User } from '../types.js';
import { UserOrganizationMemberships } from './organization-user-memberships.js';
import { fullName, primaryEmail } from './users.js';

type MetadataKind = 'public_metadata' | 'private_metadata' | 'unsafe_metadata';

/** One user: profile, email addresses, sessions, metadata, and what an operator can do to the account. */
export function UserPage({ operator, userId }: { operator: Operator; userId: string }) {
  const user = useLoad(() => bapi<User>(`/users/${encodeURIComponent(userId)}`), [userId]);
  const sessions = useLoad(
    () => bapi<Session[]>(`/sessions${query({ user_id: userId, status: 'active', limit: 100 })}`),
    [userId],
  );
  const { run, busy, notice } = useAction();
  const writer = canChange(operator);

  if (user.error) {
    return (
      <section aria-labelledby="user-title" className="stack">
        <p>
          <Link to="/users">← Users</Link>
        </p>
        <h1 id="user-title">User</h1>
        <Notice kind="error">{user.error}</Notice>
      </section>
    );
  }
  if (!user.data) return <Loading />;
  const u = user.data;

  const act = (action: string, done: string) =>
    run(() => bapi(`/users/${u.id}/${action}`, { method: 'POST' }), done).then(() => {
      user.reload();
      // A ban revokes every session of the user.
      sessions.reload();
    });

  return (
    <section aria-labelledby="user-title" className="stack">
      <p>
        <Link to="/users">← Users</Link>
      </p>
      <h1 id="user-title">{primaryEmail(u)}</h1>
      {notice}
      <dl className="card grid">
        <dt>Name</dt>
        <dd>{fullName(u)}</dd>
        <dt>User id</dt>
        <dd>
          <code>{u.id}</code>
        </dd>
        <dt>Username</dt>
        <dd>{u.username ?? '—'}</dd>
        <dt>External id</dt>
        <dd>{u.external_id ?? '—'}</dd>
        <dt>Status</dt>
        <dd>
          {u.banned ? <span className="badge danger">banned</span> : null}
          {u.locked ? <span className="badge warning">locked</span> : null}
          {!u.banned && !u.locked ? <span className="badge">active</span> : null}
        </dd>
        <dt>Last sign-in</dt>
        <dd>{formatTime(u.last_sign_in_at)}</dd>
        <dt>Created</dt>
        <dd>{formatTime(u.created_at)}</dd>
      </dl>

      <fieldset className="row wrap plain">
        <legend className="visually-hidden">Account actions</legend>
        {writer &&
          (u.banned ? (
            <button type="button" disabled={busy} onClick={() => act('unban', 'User unbanned.')}>
              Unban
            </button>
          ) : (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                if (
                  !window.confirm(`Ban ${primaryEmail(u)}? Their sessions end and they cannot sign in until unbanned.`)
                )
                  return;
                act('ban', 'User banned. Their sessions have ended.');
              }}
            >
              Ban
            </button>
          ))}
        {u.locked ? (
          <button type="button" disabled={busy} onClick={() => act('unlock', 'User unlocked.')}>
            Unlock
          </button>
        ) : (
          writer && (
            <button type="button" className="secondary" disabled={busy} onClick={() => act('lock', 'User locked.')}>
              Lock
            </button>
          )
        )}
        {writer && (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={async () => {
              if (!window.confirm(`Delete ${primaryEmail(u)} for good? This cannot be undone.`)) return;
              if (await run(() => bapi(`/users/${u.id}`, { method: 'DELETE' }), 'User deleted.')) navigate('/users');
            }}
          >
            Delete user
          </button>
        )}
      </fieldset>

      {writer && <ResetPassword userId={u.id} />}

      <h2>Email addresses</h2>
      <ul className="card list">
        {u.email_addresses.map((email) => (
          <li key={email.id}>
            {email.email_address} {email.id === u.primary_email_address_id && <span className="badge">primary</span>}{' '}
            <span className="muted small">{email.verification?.status ?? 'unverified'}</span>
          </li>
        ))}
      </ul>

      <h2>Active sessions</h2>
      {sessions.error && <Notice kind="error">{sessions.error}</Notice>}
      {sessions.data && sessions.data.length === 0 && <p className="muted">No active sessions.</p>}
      {sessions.data && sessions.data.length > 0 && (
        <ul className="card list">
          {sessions.data.map((session) => (
            <li key={session.id} className="row wrap">
              <span className="grow">
                <code>{session.id}</code>
                <span className="muted small"> last active {formatTime(session.last_active_at)}</span>
              </span>
              {writer && (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  aria-label={`Revoke session ${session.id}`}
                  onClick={() =>
                    run(() => bapi(`/sessions/${session.id}/revoke`, { method: 'POST' }), 'Session revoked.').then(
                      sessions.reload,
                    )
                  }
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <UserOrganizationMemberships userId={u.id} />

      <h2>Metadata</h2>
      {(['public_metadata', 'private_metadata', 'unsafe_metadata'] as const).map((kind) => (
        <MetadataEditor key={kind} user={u} kind={kind} readOnly={!writer} onSaved={user.reload} />
      ))}
    </section>
  );
}

const LABELS: Record<MetadataKind, string> = {
  public_metadata: 'Public metadata (in tokens and the browser)',
  private_metadata: 'Private metadata (Backend API only)',
  unsafe_metadata: 'Unsafe metadata (the user can change it)',
};

/** A JSON editor: validated as you type, a diff before saving, saved wholesale (PUT …/metadata). */
function MetadataEditor({
  user,
  kind,
  readOnly,
  onSaved,
}: {
  user: User;
  kind: MetadataKind;
  readOnly: boolean;
  onSaved: () => void;
}) {
  const original = JSON.stringify(user[kind], null, 2);
  const [text, setText] = useState(original);
  const [reviewing, setReviewing] = useState(false);
  const { run, busy, notice } = useAction();
  const id = useId();
  let parsed: Record<string, unknown> | null = null;
  let error: string | null = null;
  try {
    const value = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) error = 'Must be a JSON object.';
    else parsed = value;
  } catch (failure) {
    error = `Invalid JSON: ${(failure as Error).message}`;
  }
  const changed = parsed !== null && JSON.stringify(parsed, null, 2) !== original;

  return (
    <div className="card stack">
      <label htmlFor={id}>{LABELS[kind]}</label>
      <textarea
        id={id}
        value={text}
        rows={Math.min(12, Math.max(3, text.split('\n').length))}
        spellCheck={false}
        readOnly={readOnly}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setReviewing(false);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {notice}
      {!readOnly && changed && !reviewing && (
        <button type="button" className="secondary" onClick={() => setReviewing(true)}>
          Review changes
        </button>
      )}
      {!readOnly && changed && reviewing && parsed && (
        <div className="stack">
          <Diff before={user[kind]} after={parsed} />
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                () => bapi(`/users/${user.id}/metadata`, { method: 'PUT', body: { [kind]: parsed } }),
                'Metadata saved.',
              ).then((ok) => ok && onSaved())
            }
          >
            Save {kind.replace('_', ' ')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Top-level keys added, removed or changed. */
function Diff({ before, after }: { before: Record<string, unknown>; after: Record<string, unknown> }) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const rows = keys.flatMap((key) => {
    const a = JSON.stringify(before[key]);
    const b = JSON.stringify(after[key]);
    if (a === b) return [];
    if (a === undefined) return [{ key, sign: '+', text: `${key}: ${b}` }];
    if (b === undefined) return [{ key, sign: '−', text: `${key}: ${a}` }];
    return [
      { key: `${key}-old`, sign: '−', text: `${key}: ${a}` },
      { key: `${key}-new`, sign: '+', text: `${key}: ${b}` },
    ];
  });
  return (
    <pre className="diff" data-testid="metadata-diff">
      {rows.map((row) => (
        <span key={row.key} className={row.sign === '+' ? 'added' : 'removed'}>
          {row.sign} {row.text}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

/** Sets a new password (sessions stay: revoke them above if the account was taken over). */
function ResetPassword({ userId }: { userId: string }) {
  const { run, busy, notice } = useAction();
  return (
    <details className="card">
      <summary>Reset password</summary>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const password = String(new FormData(form).get('new_password') ?? '');
          if (await run(() => bapi(`/users/${userId}`, { method: 'PATCH', body: { password } }), 'Password changed.'))
            form.reset();
        }}
      >
        {notice}
        <label>
          New password
          <input name="new_password" type="password" autoComplete="new-password" required />
        </label>
        <button type="submit" disabled={busy}>
          Set password
        </button>
      </form>
    </details>
  );
}
