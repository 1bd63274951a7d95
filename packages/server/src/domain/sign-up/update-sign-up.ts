import type { SignUpRecord } from '../../store/records.js';
import type { SignUpChanges } from './sign-up-fields.js';

/**
 * The sign-up with updated fields. A changed email address drops its verification: a code proves
 * one mailbox, not whichever address the attempt holds later.
 *
 * @example
 * applySignUpChanges(signUp, { username: 'ada' }, null, now)
 */
export function applySignUpChanges(
  signUp: SignUpRecord,
  changes: SignUpChanges,
  passwordDigest: string | null,
  now: number,
): SignUpRecord {
  const emailChanged = changes.emailAddress !== undefined && changes.emailAddress !== signUp.emailAddress;
  return {
    ...signUp,
    ...changes,
    ...(passwordDigest === null ? {} : { passwordDigest }),
    ...(emailChanged ? { emailVerification: null } : {}),
    updatedAt: now,
  };
}
