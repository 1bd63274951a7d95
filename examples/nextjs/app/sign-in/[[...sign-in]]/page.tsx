'use client';
import { useAuth, useSignIn } from '@latch/nextjs';
import { type FormEvent, useState } from 'react';

/**
 * A small email + password form on `@latch/js` (through `useSignIn`), standing in for `<SignIn />`
 * until Latch's React UI exists. After sign-in it returns to `redirect_url` (same origin only).
 */
export default function SignInPage() {
  const { isLoaded, signIn, setActive } = useSignIn();
  const { getToken } = useAuth();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isLoaded) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    try {
      let attempt = await signIn.create({
        identifier: String(form.get('email')),
        password: String(form.get('password')),
      });
      if (attempt.status === 'needs_first_factor') {
        attempt = await attempt.attemptFirstFactor({ strategy: 'password', password: String(form.get('password')) });
      }
      if (attempt.status !== 'complete') throw new Error(`sign-in needs more steps (${attempt.status})`);
      await setActive({ session: attempt.createdSessionId });
      // The session cookie must be in place before the server renders the next page.
      await getToken();
      window.location.assign(returnTarget());
    } catch (failure) {
      setError(describe(failure));
      setBusy(false);
    }
  }

  return (
    <div>
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" id="sign-in-submit" disabled={!isLoaded || busy}>
          Sign in
        </button>
      </form>
      {error ? <p id="sign-in-error">{error}</p> : null}
    </div>
  );
}

function returnTarget(): string {
  const fallback = process.env.NEXT_PUBLIC_LATCH_SIGN_IN_FALLBACK_REDIRECT_URL || '/';
  const wanted = new URLSearchParams(window.location.search).get('redirect_url');
  if (!wanted) return fallback;
  const url = new URL(wanted, window.location.origin);
  return url.origin === window.location.origin ? url.toString() : fallback;
}

function describe(failure: unknown): string {
  const errors = (failure as { errors?: { longMessage?: string; message?: string }[] }).errors;
  return (
    errors?.[0]?.longMessage ?? errors?.[0]?.message ?? (failure instanceof Error ? failure.message : String(failure))
  );
}
