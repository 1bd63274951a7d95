import { type FormEvent, useId, useState } from 'react';
import { completeEnrollment, type Enrollment, type Operator } from '../api.js';
import { messageOf, Notice } from '../components.js';

/** The authenticator secret in groups of four, as authenticator apps show it when typed by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Production, first visit from a one-time link: the new operator adds the authenticator secret to
 * their app, chooses a password and confirms the first code — then they are signed in, and from then
 * on sign in with email, password and code.
 */
export function EnrollForm({
  linkToken,
  enrollment,
  onSignedIn,
}: {
  linkToken: string;
  enrollment: Enrollment;
  onSignedIn: (operator: Operator) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) {
      setError('The two passwords differ.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await completeEnrollment({ token: linkToken, password, totp_code: String(form.get('totp_code')) }));
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>Set up your access</h1>
      <p className="muted">
        You were invited to run this Latch instance as <strong className="break">{enrollment.email}</strong>. Production
        operators sign in with a password and an authenticator code.
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={submit} className="card stack">
        <h2>1. Add Latch to your authenticator app</h2>
        <p className="small">
          <a href={enrollment.totp_uri}>Open in an authenticator app</a>, or add an account by hand with this key:
        </p>
        <p>
          <code className="break" data-testid="totp-secret">
            {grouped(enrollment.totp_secret)}
          </code>
        </p>
        <h2>2. Choose a password</h2>
        <input type="email" name="username" autoComplete="username" value={enrollment.email} readOnly hidden />
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            aria-describedby={hintId}
          />
        </label>
        <p id={hintId} className="muted small">
          At least 12 characters.
        </p>
        <label>
          Password again
          <input name="confirm" type="password" autoComplete="new-password" minLength={12} required />
        </label>
        <h2>3. Confirm with a code</h2>
        <label>
          Authenticator code
          <input name="totp_code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Setting up…' : 'Set up and sign in'}
        </button>
      </form>
    </main>
  );
}
