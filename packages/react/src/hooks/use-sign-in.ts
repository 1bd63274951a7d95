'use client';
import type { SignIn } from '@latch/js';
import { useLatchContext } from '../latch-context.js';
import type { SetActiveParams } from '../latch-types.js';

/**
 * The client's sign-in resource, for custom sign-in forms (`signIn.create`, `attemptFirstFactor`…), with
 * `setActive` to activate the session it creates. `SignIn` is `@latch/js`'s resource type.
 *
 * @example
 * const { isLoaded, signIn, setActive } = useSignIn();
 * const attempt = await signIn.create({ identifier, password });
 * if (attempt.status === 'complete') await setActive({ session: attempt.createdSessionId });
 */
export function useSignIn():
  | { isLoaded: false; signIn: undefined; setActive: undefined }
  | { isLoaded: true; signIn: SignIn; setActive: (params: SetActiveParams) => Promise<void> } {
  const { latch, resources } = useLatchContext();
  if (!latch || !resources?.client) return { isLoaded: false, signIn: undefined, setActive: undefined };
  return { isLoaded: true, signIn: resources.client.signIn as SignIn, setActive: (params) => latch.setActive(params) };
}
