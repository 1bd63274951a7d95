'use client';
import { useAuth } from '@latch/nextjs';
import { useState } from 'react';

/** `getToken()` in the browser, sent as a Bearer token to a protected Route Handler. */
export function ProtectedAction() {
  const { isLoaded, userId, getToken } = useAuth();
  const [result, setResult] = useState('');

  async function callProtectedAPI() {
    const token = await getToken();
    const response = await fetch('/api/protected', {
      headers: {
        Authorization: `Bearer ${token}`,
      },
      // Only the Bearer token authenticates this call.
      credentials: 'omit',
    });
    setResult(`${response.status} ${await response.text()}`);
  }

  if (!isLoaded) return <p>Loading…</p>;
  if (!userId) return <p>Sign in required</p>;
  return (
    <p>
      <button type="button" id="call-protected" onClick={callProtectedAPI}>
        Call protected API
      </button>{' '}
      <output id="protected-result">{result}</output>
    </p>
  );
}
