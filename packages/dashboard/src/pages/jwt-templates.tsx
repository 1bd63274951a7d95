import { type FormEvent, useEffect, useId, useState } from 'react';
import { bapi, canChange, type Operator } from '../api.js';
import { formatTime, Loading, messageOf, Notice, useAction, useLoad } from '../components.js';
import type { JWTTemplate } from '../types.js';
import { UserPicker } from './user-picker.js';

const EXAMPLE =
  '{\n  "email": "{{user.primary_email_address}}",\n  "role": "{{user.public_metadata.role || \'member\'}}"\n}';

/** JWT templates: the list, and an editor (create or edit) with a live preview of the claims for a chosen user. */
export function JWTTemplatesPage({ operator }: { operator: Operator }) {
  const templates = useLoad(() => bapi<JWTTemplate[]>('/jwt_templates'), []);
  const [editing, setEditing] = useState<JWTTemplate | null>(null);
  // The editor remounts after a save (back to "New template"), so the page says it was saved.
  const [saved, setSaved] = useState<string | null>(null);
  const writer = canChange(operator);
  return (
    <section aria-labelledby="jwt-title" className="stack">
      <h1 id="jwt-title">JWT templates</h1>
      {templates.error && <Notice kind="error">{templates.error}</Notice>}
      {saved && <Notice kind="success">{saved}</Notice>}
      {templates.loading && !templates.data && <Loading />}
      {templates.data && templates.data.length === 0 && <p className="muted">No templates yet.</p>}
      {templates.data && templates.data.length > 0 && (
        <ul className="card list">
          {templates.data.map((template) => (
            <TemplateItem
              key={template.id}
              template={template}
              writer={writer}
              onEdit={() => {
                setSaved(null);
                setEditing(template);
              }}
              onDeleted={() => {
                if (editing?.id === template.id) setEditing(null);
                templates.reload();
              }}
            />
          ))}
        </ul>
      )}
      {writer && (
        <TemplateEditor
          key={editing?.id ?? 'new'}
          template={editing}
          onSaved={() => {
            if (editing) setSaved(`Template ${editing.name} saved.`);
            setEditing(null);
            templates.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function TemplateItem({
  template,
  writer,
  onEdit,
  onDeleted,
}: {
  template: JWTTemplate;
  writer: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { run, busy, notice } = useAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="stack">
      <div>
        <strong>{template.name}</strong>{' '}
        <span className="muted small">
          {template.lifetime}s · skew {template.allowed_clock_skew}s · created {formatTime(template.created_at)}
        </span>
      </div>
      <pre className="small">{JSON.stringify(template.claims, null, 2)}</pre>
      {notice}
      {writer && !confirming && (
        <div className="row wrap">
          <button type="button" className="secondary" aria-label={`Edit ${template.name}`} onClick={onEdit}>
            Edit
          </button>
          <button
            type="button"
            className="danger"
            aria-label={`Delete ${template.name}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        </div>
      )}
      {writer && confirming && (
        <div className="stack">
          <p className="small">
            Delete the template <code>{template.name}</code>? Apps asking for tokens from it get an error from then on.
          </p>
          <div className="row wrap">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() =>
                run(() => bapi(`/jwt_templates/${template.id}`, { method: 'DELETE' }), 'Template deleted.').then(
                  (ok) => ok && onDeleted(),
                )
              }
            >
              Delete template
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function TemplateEditor({
  template,
  onSaved,
  onCancel,
}: {
  /** The template being edited; null for a new one. */
  template: JWTTemplate | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [claims, setClaims] = useState(template ? JSON.stringify(template.claims, null, 2) : EXAMPLE);
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
    const body = {
      name: String(form.get('name')),
      claims: parsed,
      lifetime: Number(form.get('lifetime')),
      allowed_clock_skew: Number(form.get('allowed_clock_skew')),
    };
    const saved = template
      ? await run(() => bapi(`/jwt_templates/${template.id}`, { method: 'PATCH', body }), 'Template saved.')
      : await run(() => bapi('/jwt_templates', { method: 'POST', body }), 'Template created.');
    if (saved) onSaved();
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="template-editor-title">
      <h2 id="template-editor-title">{template ? `Edit ${template.name}` : 'New template'}</h2>
      {notice}
      <div className="row wrap">
        <label className="grow">
          Name
          <input name="name" required pattern="[A-Za-z0-9_.\-]+" placeholder="supabase" defaultValue={template?.name} />
        </label>
        <label>
          Lifetime (seconds)
          <input name="lifetime" type="number" min={30} defaultValue={template?.lifetime ?? 60} required />
        </label>
        <label>
          Allowed clock skew (seconds)
          <input
            name="allowed_clock_skew"
            type="number"
            min={0}
            max={300}
            defaultValue={template?.allowed_clock_skew ?? 5}
            required
          />
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
        <UserPicker
          group="preview_user"
          legend="User to preview"
          selectedId={userId}
          onSelect={setUserId}
          listWhenEmpty
        />
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
      <div className="row wrap">
        <button type="submit" disabled={busy || parsed === null}>
          {template ? 'Save changes' : 'Create template'}
        </button>
        {template && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
