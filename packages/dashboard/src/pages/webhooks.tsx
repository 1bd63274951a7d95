import { type FormEvent, useState } from 'react';
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
  created_at: number;
}

interface Message {
  id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  created_at: number;
}

/** Webhook endpoints: create, enable/disable, reveal the signing secret, the message log with resend. */
export function WebhooksPage({ operator }: { operator: Operator }) {
  const endpoints = useLoad(() => bapi<Endpoint[]>('/webhooks/endpoints'), []);
  const [open, setOpen] = useState<string | null>(null);
  const writer = canChange(operator);
  return (
    <section aria-labelledby="webhooks-title" className="stack">
      <h1 id="webhooks-title">Webhooks</h1>
      {endpoints.error && <Notice kind="error">{endpoints.error}</Notice>}
      {endpoints.loading && !endpoints.data && <Loading />}
      {endpoints.data && endpoints.data.length === 0 && <p className="muted">No endpoints yet.</p>}
      {endpoints.data?.map((endpoint) => (
        <article key={endpoint.id} className="card stack" aria-labelledby={`${endpoint.id}-url`}>
          <h2 id={`${endpoint.id}-url`} className="break">
            {endpoint.url}
          </h2>
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
          <EndpointActions endpoint={endpoint} writer={writer} onChanged={endpoints.reload} />
          <button
            type="button"
            className="secondary"
            aria-expanded={open === endpoint.id}
            onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}
          >
            {open === endpoint.id ? 'Hide messages' : 'Show messages'}
          </button>
          {open === endpoint.id && <Messages endpointId={endpoint.id} />}
        </article>
      ))}
      {writer && <CreateEndpoint onCreated={endpoints.reload} />}
    </section>
  );
}

function EndpointActions({
  endpoint,
  writer,
  onChanged,
}: {
  endpoint: Endpoint;
  writer: boolean;
  onChanged: () => void;
}) {
  const { run, busy, notice } = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  const base = `/webhooks/endpoints/${endpoint.id}`;
  return (
    <div className="stack">
      {notice}
      <div className="row wrap">
        {writer && (
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
        )}
        {writer && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              run(async () => setSecret((await bapi<{ secret: string }>(`${base}/secret`)).secret), 'Secret shown.')
            }
          >
            Reveal secret
          </button>
        )}
      </div>
      {secret && (
        <p>
          Signing secret: <code data-testid="webhook-secret">{secret}</code>
        </p>
      )}
    </div>
  );
}

function Messages({ endpointId }: { endpointId: string }) {
  const messages = useLoad(
    () => bapi<Message[]>(`/webhooks/endpoints/${endpointId}/messages${query({ limit: 50 })}`),
    [endpointId],
  );
  const { run, busy, notice } = useAction();
  if (messages.error) return <Notice kind="error">{messages.error}</Notice>;
  if (!messages.data) return <Loading />;
  if (messages.data.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <div className="stack">
      {notice}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.data.map((message) => (
              <tr key={message.id}>
                <td>
                  <code>{message.event_type}</code>
                  <div className="muted small">{message.id}</div>
                </td>
                <td>
                  {message.status} <span className="muted small">({message.attempts} attempts)</span>
                </td>
                <td>{formatTime(message.created_at)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={`Resend ${message.id}`}
                    onClick={() =>
                      run(
                        () =>
                          bapi(`/webhooks/endpoints/${endpointId}/messages/${message.id}/resend`, { method: 'POST' }),
                        'Message queued again.',
                      ).then(messages.reload)
                    }
                  >
                    Resend
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function CreateEndpoint({ onCreated }: { onCreated: () => void }) {
  const { run, busy, notice } = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const eventTypes = String(form.get('event_types') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean);
    const body = {
      url: String(form.get('url')),
      description: String(form.get('description') ?? ''),
      event_types: eventTypes,
    };
    const ok = await run(async () => {
      setSecret((await bapi<{ secret: string }>('/webhooks/endpoints', { method: 'POST', body })).secret);
    }, 'Endpoint created. Copy its secret now.');
    if (ok) onCreated();
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-endpoint">
      <h2 id="new-endpoint">New endpoint</h2>
      {notice}
      {secret && (
        <p>
          Signing secret: <code>{secret}</code>
        </p>
      )}
      <label>
        URL
        <input name="url" type="url" required placeholder="https://app.example.com/api/webhooks" />
      </label>
      <label>
        Description
        <input name="description" />
      </label>
      <label>
        Event types <span className="muted small">(space separated; empty = every Clerk event)</span>
        <input name="event_types" placeholder="user.created user.updated" />
      </label>
      <button type="submit" disabled={busy}>
        Create endpoint
      </button>
    </form>
  );
}
