'use client';
import type { SignUp } from '@latch/js';
import { useLatchContext } from '../latch-context.js';
import type { SetActiveParams } from '../latch-types.js';

/**
 * The client's sign-up resource, for custom sign-up forms, with `setActive`.
 *
 * @example
 * const { isLoaded, signUp, setActive } = useSignUp();
 * await signUp.create({ emailAddress, password });
 */
export function useSignUp():
  | { isLoaded: false; signUp: undefined; setActive: undefined }
  | { isLoaded: true; signUp: SignUp; setActive: (params: SetActiveParams) => Promise<void> } {
  const { latch, resources } = useLatchContext();
  if (!latch || !resources?.client) return { isLoaded: false, signUp: undefined, setActive: undefined };
  return { isLoaded: true, signUp: resources.client.signUp as SignUp, setActive: (params) => latch.setActive(params) };
}
