import { type FormEvent, useState } from 'react';
import { bapi, canChange, type Operator, query } from '../api.js';
import { formatTime, Loading, Notice, useAction, useLoad } from '../components.js';

interface EmailSettings {
  host: string | null;
  port: number | null;
  secure: boolean;
  username: string | null;
  password_set: boolean;
  from_address: string | null;
  source: 'instance' | 'environment' | 'none';
  server: string | null;
  from: string | null;
  environment: { server: string | null; from_address: string | null };
}

interface EmailMessage {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  created_at: number;
}

const SOURCE_LABEL: Record<EmailSettings['source'], string> = {
  instance: 'the SMTP server saved below',
  environment: 'the SMTP server from LATCH_SMTP_URL',
  none: 'nothing: emails are printed to the terminal and kept in the dev inbox',
};

/** SMTP settings (override the environment, apply without a restart), a test send, and the dev inbox. */
export function EmailPage({ operator }: { operator: Operator }) {
  const instance = useLoad(() => bapi<{ environment_type: string }>('/instance'), []);
  const settings = useLoad(() => bapi<EmailSettings>('/instance/email'), []);
  const writer = canChange(operator);
  return (
    <section aria-labelledby="email-title" className="stack">
      <h1 id="email-title">Email</h1>
      {!writer && <Notice kind="info">Support operators can see the email settings but not change them.</Notice>}
      {settings.error && <Notice kind="error">{settings.error}</Notice>}
      {settings.loading && !settings.data && <Loading />}
      {settings.data && (
        <>
          <p data-testid="email-delivery">
            Emails are sent through <strong>{SOURCE_LABEL[settings.data.source]}</strong>
            {settings.data.server && (
              <>
                {' '}
                (<code>{settings.data.server}</code>)
              </>
            )}
            , from <code>{settings.data.from ?? 'no-reply@localhost'}</code>.
          </p>
          <SMTPForm settings={settings.data} writer={writer} onSaved={settings.reload} />
          {writer && <TestSend />}
        </>
      )}
      {instance.data?.environment_type === 'development' && <DevInbox />}
    </section>
  );
}

function SMTPForm({ settings, writer, onSaved }: { settings: EmailSettings; writer: boolean; onSaved: () => void }) {
  const { run, busy, notice } = useAction();
  const [version, setVersion] = useState(0);
  const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim() || null;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const port = text(form, 'port');
    const password = String(form.get('password') ?? '');
    const body = {
      host: text(form, 'host'),
      port: port === null ? null : Number(port),
      secure: form.get('secure') === 'on',
      username: text(form, 'username'),
      // Empty keeps the saved password.
      ...(password ? { password } : {}),
      from_address: text(form, 'from_address'),
    };
    if (await run(() => bapi('/instance/email', { method: 'PATCH', body }), 'Email settings saved. They apply now.')) {
      setVersion(version + 1);
      onSaved();
    }
  };

  const clear = () =>
    run(
      () =>
        bapi('/instance/email', {
          method: 'PATCH',
          body: { host: null, port: null, secure: false, username: null, password: null },
        }),
      'Saved SMTP server removed.',
    ).then((ok) => {
      if (!ok) return;
      setVersion(version + 1);
      onSaved();
    });

  const env = settings.environment;
  return (
    <form key={version} className="card stack" onSubmit={save} aria-labelledby="smtp-title">
      <h2 id="smtp-title">SMTP server</h2>
      <p className="muted small">
        Saved settings override the environment
        {env.server ? (
          <>
            {' '}
            (<code>{env.server}</code>)
          </>
        ) : null}
        . Leave the host empty to use {env.server ? 'it' : 'LATCH_SMTP_URL when set'}.
      </p>
      <fieldset className="plain stack" disabled={!writer}>
        <legend className="visually-hidden">SMTP server</legend>
        <div className="row wrap">
          <label className="grow">
            Host
            <input name="host" defaultValue={settings.host ?? ''} placeholder="smtp.example.com" autoComplete="off" />
          </label>
          <label>
            Port
            <input
              name="port"
              type="number"
              min={1}
              max={65535}
              defaultValue={settings.port ?? ''}
              placeholder={settings.secure ? '465' : '587'}
            />
          </label>
        </div>
        <label className="inline">
          <input type="checkbox" name="secure" defaultChecked={settings.secure} /> Use TLS from the start (SMTPS,
          usually port 465); otherwise STARTTLS when the server offers it
        </label>
        <div className="row wrap">
          <label className="grow">
            Username
            <input name="username" defaultValue={settings.username ?? ''} autoComplete="off" />
          </label>
          <label className="grow">
            Password
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              placeholder={settings.password_set ? 'Saved (leave empty to keep)' : ''}
            />
          </label>
        </div>
        {settings.password_set && (
          <p className="muted small">A password is saved. It is never shown; changing the host forgets it.</p>
        )}
        <label>
          From address
          <input
            name="from_address"
            defaultValue={settings.from_address ?? ''}
            placeholder={env.from_address ?? 'Acme <no-reply@acme.com>'}
          />
        </label>
      </fieldset>
      {notice}
      {writer && (
        <div className="row wrap">
          <button type="submit" disabled={busy}>
            Save email settings
          </button>
          {settings.host && (
            <button type="button" className="secondary" disabled={busy} onClick={clear}>
              Remove saved SMTP server
            </button>
          )}
        </div>
      )}
    </form>
  );
}

interface TestResult {
  to: string;
  source: EmailSettings['source'];
  server: string | null;
}

function TestSend() {
  const { run, busy, notice } = useAction();
  const [result, setResult] = useState<TestResult | null>(null);
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to = String(new FormData(event.currentTarget).get('to') ?? '');
    setResult(null);
    await run(async () => {
      setResult(await bapi<TestResult>('/instance/email/test', { method: 'POST', body: { to } }));
    }, 'Test email sent.');
  };
  return (
    <form className="card stack" onSubmit={send} aria-labelledby="test-send-title">
      <h2 id="test-send-title">Send a test email</h2>
      <p className="muted small">Sends a short message through the settings in force now and reports the outcome.</p>
      <div className="row wrap">
        <label className="grow">
          Recipient
          <input name="to" type="email" required placeholder="you@example.com" />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send test email'}
        </button>
      </div>
      {notice}
      {result && (
        <p className="small" data-testid="test-send-result">
          Delivered to <strong>{result.to}</strong>{' '}
          {result.server ? (
            <>
              by <code>{result.server}</code>
            </>
          ) : (
            'in the dev inbox (no SMTP server is configured)'
          )}
          .
        </p>
      )}
    </form>
  );
}

/** Development instances keep every email they send; read them here instead of in a mailbox. */
function DevInbox() {
  const [to, setTo] = useState('');
  const messages = useLoad(() => bapi<EmailMessage[]>(`/email_messages${query({ to, limit: 25 })}`), [to]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="card stack">
      <h2 id="dev-inbox-title">Dev inbox</h2>
      <p className="muted small">Every email this development instance sent, newest first.</p>
      <form
        className="row wrap"
        aria-label="Filter the dev inbox"
        onSubmit={(event) => {
          event.preventDefault();
          setTo(String(new FormData(event.currentTarget).get('to') ?? '').trim());
        }}
      >
        <label className="grow">
          Recipient
          <input name="to" type="search" defaultValue={to} placeholder="Exact address" />
        </label>
        <button type="submit" className="secondary">
          Filter
        </button>
        <button type="button" className="secondary" onClick={() => messages.reload()}>
          Refresh
        </button>
      </form>
      {messages.error && <Notice kind="error">{messages.error}</Notice>}
      {messages.loading && !messages.data && <Loading />}
      {messages.data && messages.data.length === 0 && <p className="muted">No emails yet.</p>}
      {messages.data && messages.data.length > 0 && (
        <ul className="list" aria-labelledby="dev-inbox-title">
          {messages.data.map((message) => (
            <li key={message.id} className="stack">
              <div className="row wrap">
                <div className="grow">
                  <strong className="break">{message.subject}</strong>
                  <p className="muted small break">
                    To {message.to} · {message.template} · {formatTime(message.created_at)}
                  </p>
                </div>
                <button
                  type="button"
                  className="secondary"
                  aria-expanded={open === message.id}
                  aria-label={`${open === message.id ? 'Hide' : 'Read'} “${message.subject}” to ${message.to}`}
                  onClick={() => setOpen(open === message.id ? null : message.id)}
                >
                  {open === message.id ? 'Hide' : 'Read'}
                </button>
              </div>
              {open === message.id && (
                <pre className="break" data-testid="dev-inbox-body">
                  {message.text}
                </pre>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
