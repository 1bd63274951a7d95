'use client';
import { useAuth, useUser } from '@latch/nextjs';

/** What the browser-side hooks know: from the server's initial state first, then from @latch/js. */
export function AuthStatus() {
  const { isLoaded, userId } = useAuth();
  const { user } = useUser();
  if (!isLoaded) return <p id="client-auth">loading</p>;
  return (
    <p id="client-auth">
      {userId ? `Client sees ${userId}` : 'Client sees nobody'}
      {user ? ` (${user.primaryEmailAddress?.emailAddress ?? ''})` : ''}
    </p>
  );
}
