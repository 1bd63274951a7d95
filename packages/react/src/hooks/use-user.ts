'use client';
import { useLatchContext } from '../latch-context.js';
import type { LatchUserResource } from '../latch-types.js';

export type UseUserReturn =
  | { isLoaded: false; isSignedIn: undefined; user: undefined }
  | { isLoaded: true; isSignedIn: false; user: null }
  | { isLoaded: true; isSignedIn: true; user: LatchUserResource };

/**
 * The signed-in user's resource. Loading until the browser SDK is loaded, except when the server
 * already said nobody is signed in.
 *
 * @example
 * const { isLoaded, isSignedIn, user } = useUser();
 */
export function useUser(): UseUserReturn {
  const { resources, initialState } = useLatchContext();
  if (!resources) {
    if (initialState && !initialState.userId) return { isLoaded: true, isSignedIn: false, user: null };
    return { isLoaded: false, isSignedIn: undefined, user: undefined };
  }
  const user = resources.session?.user ?? resources.user;
  return user ? { isLoaded: true, isSignedIn: true, user } : { isLoaded: true, isSignedIn: false, user: null };
}
