import { LatchAPIError } from '../../errors.js';
import type { UserRecord } from '../../store/records.js';
import { assertNotLockedOut } from '../protection/lockout.js';

/**
 * Throws when the account may not sign in at all: banned (403 `user_banned`) or locked out
 * (403 `user_locked`). Checked before any credential, so a locked account's password is never
 * tested — a lockout that still answered "correct"/"incorrect" would be no lockout.
 *
 * @example
 * assertUserMaySignIn(user, now);
 */
export function assertUserMaySignIn(user: UserRecord, now: number): void {
  if (user.banned) {
    throw LatchAPIError.single(
      403,
      'user_banned',
      'Account banned',
      'This account has been banned. Contact support if you believe this is a mistake.',
    );
  }
  assertNotLockedOut(user, now);
}
