import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type Enrollment, instanceEnvironment, type Operator, signIn, startEnrollment } from '../api.js';
import { messageOf, Notice } from '../components.js';
import { EnrollForm } from './enroll.js';

/**
 * Sign-in: a one-time link (`latch dev` prints `/dashboard/sign-in#token=opl_…`) signs in by itself
 * on a development instance, and sets up a new operator's password and authenticator on a
 * production one; otherwise email, password and the authenticator code.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: (operator: Operator) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrollment, setEnrollment] = useState<{ token: string; enrollment: Enrollment } | null>(null);
  const [environment, setEnvironment] = useState<'development' | 'production' | null>(null);
  const tried = useRef(false);

  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    const known = instanceEnvironment();
    known.then(setEnvironment, () => setEnvironment(null));
    if (!token || tried.current) return;
    tried.current = true;
    // The token is single-use: drop it from the address bar and history at once.
    window.history.replaceState(null, '', window.location.pathname);
    setBusy(true);
    const fail = (failure: unknown) => {
      setError(messageOf(failure));
      setBusy(false);
    };
    known
      .then(async (environmentType) => {
        if (environmentType !== 'production') return onSignedIn(await signIn({ token }));
        setEnrollment({ token, enrollment: await startEnrollment(token) });
        setBusy(false);
      })
      .catch(fail);
  }, [onSignedIn]);

  if (enrollment) {
    return <EnrollForm linkToken={enrollment.token} enrollment={enrollment.enrollment} onSignedIn={onSignedIn} />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(
        await signIn({
          email: String(form.get('email')),
          password: String(form.get('password')),
          totp_code: String(form.get('totp_code') ?? ''),
        }),
      );
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Latch</h1>
      <p className="muted">For the people who run this instance. App users sign in to the app, not here.</p>
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={submit} className="card stack">
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <label>
          Authenticator code
          <input name="totp_code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {environment === 'development' && (
        <p className="muted">
          Development: run <code>latch dev</code> and open the one-time link it prints.
        </p>
      )}
      {environment === 'production' && (
        <p className="muted">New operator? Open the one-time link an owner sent you to set up your access.</p>
      )}
    </main>
  );
}
