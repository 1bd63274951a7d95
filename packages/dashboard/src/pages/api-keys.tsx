import { type FormEvent, useState } from 'react';
import { bapi, canChange, type Operator } from '../api.js';
import { formatTime, Loading, Notice, useAction, useLoad } from '../components.js';

interface SecretKey {
  id: string;
  name: string;
  hint: string;
  created_at: number;
  revoked_at: number | null;
}

interface SigningKey {
  kid: string;
  status: 'signing' | 'scheduled' | 'retiring';
  created_at: number;
  activates_at: number;
  retires_at: number | null;
}

/** Secret keys (create, revoke) and the signing keys behind session tokens (rotate). */
export function APIKeysPage({ operator }: { operator: Operator }) {
  const writer = canChange(operator);
  return (
    <section aria-labelledby="api-keys-title" className="stack">
      <h1 id="api-keys-title">API keys</h1>
      {!writer && (
        <Notice kind="info">Support operators can see the keys but not create, revoke or rotate them.</Notice>
      )}
      <SecretKeys writer={writer} />
      <SigningKeys writer={writer} />
    </section>
  );
}

function SecretKeys({ writer }: { writer: boolean }) {
  const keys = useLoad(() => bapi<SecretKey[]>('/instance/secret_keys'), []);
  const { run, busy, notice } = useAction();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const active = keys.data?.filter((key) => key.revoked_at === null).length ?? 0;

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    const ok = await run(async () => {
      const answer = await bapi<SecretKey & { secret: string }>('/instance/secret_keys', {
        method: 'POST',
        body: { name },
      });
      setCreated({ name: answer.name, secret: answer.secret });
      setCopied(false);
    }, 'Secret key created.');
    if (ok) {
      form.reset();
      keys.reload();
    }
  };

  const revoke = (key: SecretKey) =>
    run(
      () => bapi(`/instance/secret_keys/${key.id}/revoke`, { method: 'POST' }),
      `${key.name} revoked. Requests using it are refused from now on.`,
    ).then((ok) => {
      setConfirming(null);
      if (ok) keys.reload();
    });

  return (
    <div className="card stack">
      <h2>Secret keys</h2>
      <p className="muted small">
        Your servers use a secret key to call the Backend API (<code>CLERK_SECRET_KEY</code>). Only the last four
        characters are kept in view; the key itself is shown once, when you create it.
      </p>
      {keys.error && <Notice kind="error">{keys.error}</Notice>}
      {keys.loading && !keys.data && <Loading />}
      {notice}
      {created && (
        <div className="stack notice notice-success" role="status">
          <p>
            <strong>Copy the new key “{created.name}” now.</strong> It will not be shown again.
          </p>
          <code className="break" data-testid="new-secret-key">
            {created.secret}
          </code>
          <div className="row wrap">
            <button
              type="button"
              className="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.secret).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? 'Copied' : 'Copy key'}
            </button>
            <button type="button" className="secondary" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      {keys.data && (
        <ul className="list" aria-label="Secret keys">
          {keys.data.map((key) => (
            <li key={key.id} className="stack">
              <div className="row wrap">
                <div className="grow">
                  <strong>{key.name}</strong> <code>…{key.hint}</code>
                  <p className="muted small">
                    Created {formatTime(key.created_at)} ·{' '}
                    {key.revoked_at ? (
                      <span className="badge danger">revoked {formatTime(key.revoked_at)}</span>
                    ) : (
                      <span className="badge">active</span>
                    )}
                  </p>
                </div>
                {writer && key.revoked_at === null && confirming !== key.id && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy || active <= 1}
                    aria-label={`Revoke ${key.name} (…${key.hint})`}
                    onClick={() => setConfirming(key.id)}
                  >
                    Revoke
                  </button>
                )}
              </div>
              {writer && key.revoked_at === null && active <= 1 && (
                <p className="muted small">The last active key cannot be revoked: create another one first.</p>
              )}
              {confirming === key.id && (
                <div className="stack">
                  <p className="small">Servers using …{key.hint} lose access at once.</p>
                  <div className="row wrap">
                    <button type="button" className="danger" disabled={busy} onClick={() => revoke(key)}>
                      Revoke key
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {writer && (
        <form className="row wrap" onSubmit={create} aria-label="Create a secret key">
          <label className="grow">
            Key name
            <input name="name" required maxLength={100} placeholder="e.g. Production server" />
          </label>
          <button type="submit" disabled={busy}>
            Create secret key
          </button>
        </form>
      )}
    </div>
  );
}

const STATUS_LABEL: Record<SigningKey['status'], string> = {
  signing: 'signing',
  scheduled: 'published, not signing yet',
  retiring: 'verifying only',
};

function SigningKeys({ writer }: { writer: boolean }) {
  const keys = useLoad(() => bapi<SigningKey[]>('/instance/signing_keys'), []);
  const { run, busy, notice } = useAction();
  const [confirming, setConfirming] = useState(false);

  const rotate = (immediately: boolean) =>
    run(
      () => bapi<SigningKey>('/instance/signing_keys/rotate', { method: 'POST', body: { immediately } }),
      immediately
        ? 'Signing key rotated. The new key signs from now on; the old one has left the JWKS.'
        : 'Signing key rotated. The new key is published now and starts signing after the publish delay.',
    ).then((ok) => {
      setConfirming(false);
      if (ok) keys.reload();
    });

  return (
    <div className="card stack">
      <h2>Signing keys</h2>
      <p className="muted small">
        Session tokens are signed with RS256. Every key below is published in the JWKS; a new key is published before it
        signs, so your apps fetch it first.
      </p>
      {keys.error && <Notice kind="error">{keys.error}</Notice>}
      {keys.loading && !keys.data && <Loading />}
      {notice}
      {keys.data && (
        <ul className="list" aria-label="Signing keys">
          {keys.data.map((key) => (
            <li key={key.kid}>
              <code>{key.kid}</code>{' '}
              <span className={key.status === 'signing' ? 'badge' : 'badge warning'}>{STATUS_LABEL[key.status]}</span>
              <p className="muted small">
                Signs from {formatTime(key.activates_at)}
                {key.retires_at ? ` · leaves the JWKS at ${formatTime(key.retires_at)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {writer && !confirming && (
        <div>
          <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(true)}>
            Rotate signing key
          </button>
        </div>
      )}
      {writer && confirming && (
        <div className="stack">
          <p className="small">
            A new key is published in the JWKS now and signs after the publish delay. The current key keeps verifying
            until the tokens it signed have expired. Rotate immediately only if the key has leaked: the new key signs at
            once and the current one leaves the JWKS at once, so tokens it signed — forged ones too — stop verifying;
            signed-in users get fresh tokens, and apps that have not fetched the new JWKS yet may refuse them for a few
            minutes.
          </p>
          <div className="row wrap">
            <button type="button" disabled={busy} onClick={() => rotate(false)}>
              Rotate key
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => rotate(true)}>
              Rotate immediately
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
