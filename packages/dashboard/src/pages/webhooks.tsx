import { type FormEvent, useId, useState } from 'react';
import { bapi, canChange, type Operator, query } from '../api.js';
import { formatTime, Loading, Notice, useAction, useLoad } from '../components.js';

interface Endpoint {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  disabled: boolean;
  disabled_reason: 'manual' | 'failing' | null;
  failing_since: number | null;
  previous_secret_expires_at: number | null;
  created_at: number;
}

interface Message {
  id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: number | null;
  timestamp: number;
}

interface Attempt {
  id: string;
  message_id: string;
  status: string;
  response_status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: number;
}

/** Webhook endpoints: create and edit (URL, description, event filter), enable/disable, secrets, the message log. */
export function WebhooksPage({ operator }: { operator: Operator }) {
  const endpoints = useLoad(() => bapi<Endpoint[]>('/webhooks/endpoints'), []);
  const eventTypes = useLoad(async () => (await bapi<{ data: string[] }>('/webhooks/event_types')).data, []);
  const [open, setOpen] = useState<string | null>(null);
  // A deleted endpoint's card (and its notice) goes away, so the page says it.
  const [deleted, setDeleted] = useState<string | null>(null);
  const writer = canChange(operator);
  const types = eventTypes.data ?? [];
  return (
    <section aria-labelledby="webhooks-title" className="stack">
      <h1 id="webhooks-title">Webhooks</h1>
      {endpoints.error && <Notice kind="error">{endpoints.error}</Notice>}
      {deleted && <Notice kind="success">{deleted}</Notice>}
      {endpoints.loading && !endpoints.data && <Loading />}
      {endpoints.data && endpoints.data.length === 0 && <p className="muted">No endpoints yet.</p>}
      {endpoints.data?.map((endpoint) => (
        <article key={endpoint.id} className="card stack" aria-labelledby={`${endpoint.id}-url`}>
          <h2 id={`${endpoint.id}-url`} className="break">
            {endpoint.url}
          </h2>
          {endpoint.description && <p>{endpoint.description}</p>}
          <p className="muted small">
            {endpoint.id} · {endpoint.event_types.length ? endpoint.event_types.join(', ') : 'every Clerk event'} ·{' '}
            {endpoint.disabled ? (
              <span className="badge danger">disabled ({endpoint.disabled_reason})</span>
            ) : endpoint.failing_since ? (
              <span className="badge warning">failing since {formatTime(endpoint.failing_since)}</span>
            ) : (
              <span className="badge">enabled</span>
            )}
          </p>
          <EndpointActions
            endpoint={endpoint}
            writer={writer}
            eventTypes={types}
            onChanged={() => {
              setDeleted(null);
              endpoints.reload();
            }}
            onDeleted={() => {
              setDeleted(`Endpoint ${endpoint.url} deleted.`);
              endpoints.reload();
            }}
          />
          <button
            type="button"
            className="secondary"
            aria-expanded={open === endpoint.id}
            onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}
          >
            {open === endpoint.id ? 'Hide messages' : 'Show messages'}
          </button>
          {open === endpoint.id && <Messages endpointId={endpoint.id} writer={writer} />}
        </article>
      ))}
      {writer && <CreateEndpoint eventTypes={types} onCreated={endpoints.reload} />}
    </section>
  );
}

/**
 * Checkboxes for the event types an endpoint subscribes to, from the server's own list; none
 * ticked means every Clerk event.
 */
function EventTypePicker({ eventTypes, selected }: { eventTypes: string[]; selected: string[] }) {
  const hintId = useId();
  return (
    <fieldset className="plain stack" aria-describedby={hintId}>
      <legend>Event types</legend>
      <p id={hintId} className="muted small">
        None ticked: every Clerk event. <code>endpoint.disabled</code> is sent only when ticked.
      </p>
      <div className="row wrap">
        {eventTypes.map((type) => (
          <label key={type} className="inline small">
            <input type="checkbox" name="event_types" value={type} defaultChecked={selected.includes(type)} />
            {type}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function EndpointActions({
  endpoint,
  writer,
  eventTypes,
  onChanged,
  onDeleted,
}: {
  endpoint: Endpoint;
  writer: boolean;
  eventTypes: string[];
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { run, busy, notice } = useAction();
  const [secret, setSecret] = useState<{ value: string; rotated: boolean } | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const base = `/webhooks/endpoints/${endpoint.id}`;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      url: String(form.get('url')),
      description: String(form.get('description') ?? ''),
      event_types: form.getAll('event_types').map(String),
    };
    if (await run(() => bapi(base, { method: 'PATCH', body }), 'Endpoint saved.')) {
      setEditing(false);
      onChanged();
    }
  };

  return (
    <div className="stack">
      {notice}
      {writer && (
        <div className="row wrap">
          <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? 'Cancel editing' : 'Edit'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              run(
                () => bapi(`${base}/${endpoint.disabled ? 'enable' : 'disable'}`, { method: 'POST' }),
                endpoint.disabled ? 'Endpoint enabled.' : 'Endpoint disabled.',
              ).then((ok) => ok && onChanged())
            }
          >
            {endpoint.disabled ? 'Enable' : 'Disable'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              run(
                async () =>
                  setSecret({ value: (await bapi<{ secret: string }>(`${base}/secret`)).secret, rotated: false }),
                'Secret shown.',
              )
            }
          >
            Reveal secret
          </button>
          {!confirmRotate && (
            <button type="button" className="secondary" disabled={busy} onClick={() => setConfirmRotate(true)}>
              Rotate secret
            </button>
          )}
          {!confirmDelete && (
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirmDelete(true)}>
              Delete endpoint
            </button>
          )}
        </div>
      )}
      {confirmDelete && (
        <div className="stack">
          <p className="small">
            Delete {endpoint.url}? Nothing more is sent to it, and its message log goes with it. This cannot be undone.
          </p>
          <div className="row wrap">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() =>
                run(() => bapi(base, { method: 'DELETE' }), 'Endpoint deleted.').then((ok) => ok && onDeleted())
              }
            >
              Delete for good
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {confirmRotate && (
        <div className="stack">
          <p className="small">
            A new secret signs every delivery from now on. The current one keeps signing alongside it for 24 hours, so
            your app can switch without missing a message.
          </p>
          <div className="row wrap">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const rotated = await bapi<{ secret: string }>(`${base}/secret/rotate`, { method: 'POST', body: {} });
                  setSecret({ value: rotated.secret, rotated: true });
                  setConfirmRotate(false);
                }, 'Secret rotated. Update your app with the new secret.').then((ok) => ok && onChanged())
              }
            >
              Rotate now
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmRotate(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {secret && (
        <p className="break">
          {secret.rotated ? 'New signing secret' : 'Signing secret'}:{' '}
          <code data-testid="webhook-secret">{secret.value}</code>
        </p>
      )}
      {endpoint.previous_secret_expires_at && (
        <p className="muted small">
          The previous secret still signs until {formatTime(endpoint.previous_secret_expires_at)}.
        </p>
      )}
      {editing && (
        <form className="stack" onSubmit={save} aria-label={`Edit ${endpoint.url}`}>
          <label>
            Endpoint URL
            <input name="url" type="url" required defaultValue={endpoint.url} />
          </label>
          <label>
            Endpoint description
            <input name="description" defaultValue={endpoint.description} maxLength={512} />
          </label>
          <EventTypePicker eventTypes={eventTypes} selected={endpoint.event_types} />
          <button type="submit" disabled={busy}>
            Save endpoint
          </button>
        </form>
      )}
    </div>
  );
}

/** Default for "replay since": an hour ago, in the browser's local time as datetime-local wants it. */
function anHourAgo(): string {
  const date = new Date(Date.now() - 3600_000);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function Messages({ endpointId, writer }: { endpointId: string; writer: boolean }) {
  const base = `/webhooks/endpoints/${endpointId}`;
  const log = useLoad(async () => {
    const [messages, attempts] = await Promise.all([
      bapi<Message[]>(`${base}/messages${query({ limit: 50 })}`),
      bapi<Attempt[]>(`${base}/attempts${query({ limit: 200 })}`),
    ]);
    return { messages, attempts };
  }, [endpointId]);
  const { run, busy, notice } = useAction();
  const [since, setSince] = useState(anHourAgo);

  const replay = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // datetime-local has no zone: it is the operator's local time.
    const from = new Date(since).getTime();
    run(async () => {
      const answer = await bapi<{ messages: number }>(`${base}/replay`, { method: 'POST', body: { since: from } });
      if (answer.messages === 0) throw new Error('No events to replay since then.');
    }, 'Replay queued.').then((ok) => ok && log.reload());
  };

  return (
    <div className="stack">
      {notice}
      {writer && (
        <form className="row wrap" onSubmit={replay} aria-label="Replay messages">
          <label>
            Replay every event since
            <input type="datetime-local" value={since} required onChange={(event) => setSince(event.target.value)} />
          </label>
          <button type="submit" className="secondary" disabled={busy}>
            Replay
          </button>
        </form>
      )}
      <div className="row wrap">
        <button type="button" className="secondary" disabled={log.loading} onClick={log.reload}>
          Refresh messages
        </button>
      </div>
      {log.error && <Notice kind="error">{log.error}</Notice>}
      {!log.data && !log.error && <Loading />}
      {log.data && log.data.messages.length === 0 && <p className="muted">No messages yet.</p>}
      {log.data && log.data.messages.length > 0 && (
        <ul className="list" aria-label="Messages">
          {log.data.messages.map((message) => (
            <li key={message.id} className="stack">
              <div className="row wrap">
                <code>{message.event_type}</code>
                <span
                  className={message.status === 'failed' ? 'badge danger' : 'badge'}
                  data-testid={`status-${message.id}`}
                >
                  {message.status}
                </span>
                <span className="muted small">{formatTime(message.timestamp)}</span>
              </div>
              <div className="muted small break">{message.id}</div>
              <AttemptList attempts={log.data?.attempts.filter((attempt) => attempt.message_id === message.id) ?? []} />
              <div>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  aria-label={`Resend ${message.id}`}
                  onClick={() =>
                    run(
                      () => bapi(`${base}/messages/${message.id}/resend`, { method: 'POST' }),
                      'Message queued again.',
                    ).then(log.reload)
                  }
                >
                  Resend
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Each delivery attempt of one message: outcome, the receiver's status code, when, how long. */
function AttemptList({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <span className="muted small">none yet</span>;
  return (
    <details>
      <summary>
        {attempts.length} {attempts.length === 1 ? 'attempt' : 'attempts'}
      </summary>
      <ul className="list small">
        {attempts.map((attempt) => (
          <li key={attempt.id}>
            {attempt.status} · {attempt.response_status_code ?? attempt.error ?? 'no response'} ·{' '}
            {formatTime(attempt.created_at)} · {attempt.duration_ms} ms
          </li>
        ))}
      </ul>
    </details>
  );
}

function CreateEndpoint({ eventTypes, onCreated }: { eventTypes: string[]; onCreated: () => void }) {
  const { run, busy, notice } = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = {
      url: String(form.get('url')),
      description: String(form.get('description') ?? ''),
      event_types: form.getAll('event_types').map(String),
    };
    const ok = await run(async () => {
      setSecret((await bapi<{ secret: string }>('/webhooks/endpoints', { method: 'POST', body })).secret);
      formElement.reset();
    }, 'Endpoint created. Copy its secret now.');
    if (ok) onCreated();
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-endpoint">
      <h2 id="new-endpoint">New endpoint</h2>
      {notice}
      {secret && (
        <p className="break">
          Signing secret: <code>{secret}</code>
        </p>
      )}
      <label>
        URL
        <input name="url" type="url" required placeholder="https://app.example.com/api/webhooks" />
      </label>
      <label>
        Description
        <input name="description" maxLength={512} />
      </label>
      <EventTypePicker eventTypes={eventTypes} selected={[]} />
      <button type="submit" disabled={busy}>
        Create endpoint
      </button>
    </form>
  );
}
