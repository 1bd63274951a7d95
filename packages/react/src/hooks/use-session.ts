'use client';
import { useLatchContext } from '../latch-context.js';
import type { LatchSessionResource } from '../latch-types.js';

export type UseSessionReturn =
  | { isLoaded: false; isSignedIn: undefined; session: undefined }
  | { isLoaded: true; isSignedIn: false; session: null }
  | { isLoaded: true; isSignedIn: true; session: LatchSessionResource };

/**
 * The active session resource (`session.getToken()`, `session.end()`…).
 *
 * @example
 * const { isLoaded, session } = useSession();
 */
export function useSession(): UseSessionReturn {
  const { resources, initialState } = useLatchContext();
  if (!resources) {
    if (initialState && !initialState.sessionId) return { isLoaded: true, isSignedIn: false, session: null };
    return { isLoaded: false, isSignedIn: undefined, session: undefined };
  }
  const session = resources.session;
  return session ? { isLoaded: true, isSignedIn: true, session } : { isLoaded: true, isSignedIn: false, session: null };
}
