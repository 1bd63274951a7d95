import { LatchAPIError } from '../../errors.js';
import type { SignInRecord } from '../../store/records.js';

/**
 * How long a sign-in attempt can be advanced. Long enough for a user to fetch a code from another
 * device and come back; after that a new attempt starts from the identifier.
 */
export const SIGN_IN_LIFETIME_MS = 24 * 3600 * 1000;

export type SignInStatus = SignInRecord['status'] | 'abandoned';

/**
 * The status as of `now`: an unfinished attempt past `abandonAt` reads as `abandoned`.
 *
 * @example
 * signInStatusAt({ ...signIn, status: 'needs_first_factor', abandonAt: now - 1 }, now) // 'abandoned'
 */
export function signInStatusAt(signIn: SignInRecord, now: number): SignInStatus {
  if (signIn.status !== 'complete' && now >= signIn.abandonAt) return 'abandoned';
  return signIn.status;
}

/**
 * Throws a 422 unless the attempt is live and waiting for one of `expected`: a completed attempt is
 * spent (its session exists; a replayed step must not create another), an abandoned one is over.
 *
 * @example
 * assertSignInAwaits(signIn, ['needs_first_factor'], now);
 */
export function assertSignInAwaits(signIn: SignInRecord, expected: SignInRecord['status'][], now: number): void {
  const status = signInStatusAt(signIn, now);
  if (status === 'abandoned') {
    throw LatchAPIError.single(
      422,
      'sign_in_expired',
      'Sign in expired',
      'This sign-in has expired. Please start again.',
    );
  }
  if (status === 'complete') {
    throw LatchAPIError.single(
      422,
      'client_state_invalid',
      'Sign in already complete',
      'This sign-in is already complete and cannot be changed. Start a new sign-in instead.',
    );
  }
  if (!expected.includes(status)) {
    throw LatchAPIError.single(
      422,
      'client_state_invalid',
      'Invalid sign-in step',
      `This sign-in is at "${status}" and cannot take that step now.`,
    );
  }
}
