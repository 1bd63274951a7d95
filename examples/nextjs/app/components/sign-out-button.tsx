'use client';
import { useAuth } from '@latch/nextjs';

/** Signs out, then the provider navigates to `afterSignOutUrl` (default `/`). */
export function SignOutButton() {
  const { signOut } = useAuth();
  return (
    <button type="button" id="sign-out" onClick={() => signOut()}>
      Sign out
    </button>
  );
}
