import { LatchAPIError } from '../../errors.js';
import type { SignUpRecord } from '../../store/records.js';

/** A sign-up attempt lives a day, as Clerk's do; after that it is abandoned and a new one must start. */
export const SIGN_UP_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * The sign-up as of `now`: an unfinished attempt past its `abandonAt` reads as `abandoned`. The
 * caller saves the result when it changed, so the status sticks for later readers (the client JSON).
 *
 * @example
 * const current = signUpAsOf(stored, now);
 * if (current !== stored) await store.signUps.update(current);
 */
export function signUpAsOf(signUp: SignUpRecord, now: number): SignUpRecord {
  if (signUp.status !== 'missing_requirements' || now < signUp.abandonAt) return signUp;
  return { ...signUp, status: 'abandoned', updatedAt: now };
}

/**
 * Throws unless the sign-up can still be advanced: a complete one already made its user (400
 * `client_state_invalid`), an abandoned one has expired (400 `sign_up_expired`); either way the
 * browser has to start a new sign-up.
 *
 * @example
 * assertSignUpOpen(signUpAsOf(stored, now));
 */
export function assertSignUpOpen(signUp: SignUpRecord): void {
  if (signUp.status === 'complete') {
    throw LatchAPIError.single(
      400,
      'client_state_invalid',
      'This sign-up is already complete',
      'This sign-up has already created its user. Start a new sign-up or sign in.',
    );
  }
  if (signUp.status === 'abandoned') {
    throw LatchAPIError.single(
      400,
      'sign_up_expired',
      'This sign-up has expired',
      'This sign-up is no longer valid. Please start over.',
    );
  }
}
