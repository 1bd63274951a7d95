import { type FormEvent, useEffect, useId, useState } from 'react';
import { bapi, canChange, type Operator, query } from '../api.js';
import { formatTime, Loading, messageOf, Notice, useAction, useLoad } from '../components.js';
import type { JWTTemplate, User } from '../types.js';
import { primaryEmail } from './users.js';

const EXAMPLE =
  '{\n  "email": "{{user.primary_email_address}}",\n  "role": "{{user.public_metadata.role || \'member\'}}"\n}';

/** JWT templates: the list, and an editor with a live preview of the claims for a chosen user. */
export function JWTTemplatesPage({ operator }: { operator: Operator }) {
  const templates = useLoad(() => bapi<JWTTemplate[]>('/jwt_templates'), []);
  return (
    <section aria-labelledby="jwt-title" className="stack">
      <h1 id="jwt-title">JWT templates</h1>
      {templates.error && <Notice kind="error">{templates.error}</Notice>}
      {templates.loading && !templates.data && <Loading />}
      {templates.data && templates.data.length === 0 && <p className="muted">No templates yet.</p>}
      {templates.data && templates.data.length > 0 && (
        <ul className="card list">
          {templates.data.map((template) => (
            <li key={template.id}>
              <strong>{template.name}</strong>{' '}
              <span className="muted small">
                {template.lifetime}s · created {formatTime(template.created_at)}
              </span>
              <pre className="small">{JSON.stringify(template.claims, null, 2)}</pre>
            </li>
          ))}
        </ul>
      )}
      {canChange(operator) && <TemplateEditor onCreated={templates.reload} />}
    </section>
  );
}

function TemplateEditor({ onCreated }: { onCreated: () => void }) {
  const [claims, setClaims] = useState(EXAMPLE);
  const [userSearch, setUserSearch] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ claims?: Record<string, unknown>; error?: string } | null>(null);
  const { run, busy, notice } = useAction();
  const claimsId = useId();

  let parsed: Record<string, unknown> | null = null;
  let jsonError: string | null = null;
  try {
    const value = JSON.parse(claims);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) parsed = value;
    else jsonError = 'Claims must be a JSON object.';
  } catch (failure) {
    jsonError = `Invalid JSON: ${(failure as Error).message}`;
  }

  const users = useLoad(
    () => bapi<User[]>(`/users${query({ query: userSearch.trim() || undefined, limit: 5 })}`),
    [userSearch],
  );

  // Live preview: re-rendered by the server (the same shortcode engine as real tokens) as you type.
  const previewKey = userId && parsed ? JSON.stringify(parsed) : null;
  useEffect(() => {
    if (!userId || previewKey === null) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      bapi<{ claims: Record<string, unknown> }>('/jwt_templates/preview', {
        method: 'POST',
        body: { claims: JSON.parse(previewKey), user_id: userId },
      }).then(
        (answer) => setPreview({ claims: answer.claims }),
        (failure: unknown) => setPreview({ error: messageOf(failure) }),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [userId, previewKey]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!parsed) return;
    const body = { name: String(form.get('name')), claims: parsed, lifetime: Number(form.get('lifetime')) };
    if (await run(() => bapi('/jwt_templates', { method: 'POST', body }), 'Template created.')) onCreated();
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-template">
      <h2 id="new-template">New template</h2>
      {notice}
      <div className="row wrap">
        <label className="grow">
          Name
          <input name="name" required pattern="[A-Za-z0-9_.\-]+" placeholder="supabase" />
        </label>
        <label>
          Lifetime (seconds)
          <input name="lifetime" type="number" min={30} defaultValue={60} required />
        </label>
      </div>
      <label htmlFor={claimsId}>Claims (shortcodes such as {'{{user.id}}'})</label>
      <textarea
        id={claimsId}
        rows={8}
        spellCheck={false}
        value={claims}
        aria-invalid={jsonError !== null}
        onChange={(event) => setClaims(event.target.value)}
      />
      {jsonError && <p className="field-error">{jsonError}</p>}
      <fieldset className="stack">
        <legend>Preview for a user</legend>
        <label>
          Find a user
          <input type="search" value={userSearch} onChange={(event) => setUserSearch(event.target.value)} />
        </label>
        {users.data && (
          <ul className="list">
            {users.data.map((user) => (
              <li key={user.id}>
                <label className="inline">
                  <input
                    type="radio"
                    name="preview_user"
                    checked={userId === user.id}
                    onChange={() => setUserId(user.id)}
                  />
                  {primaryEmail(user)} <span className="muted small">{user.id}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {preview?.error && <Notice kind="error">{preview.error}</Notice>}
        {preview?.claims && (
          <figure className="stack">
            <figcaption>Claims preview</figcaption>
            <pre className="preview" data-testid="claims-preview" aria-live="polite">
              {JSON.stringify(preview.claims, null, 2)}
            </pre>
          </figure>
        )}
      </fieldset>
      <button type="submit" disabled={busy || parsed === null}>
        Create template
      </button>
    </form>
  );
}
