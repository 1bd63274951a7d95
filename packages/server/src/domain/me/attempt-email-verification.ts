import type { IdentifierRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { writeUser } from '../users/user-writes.js';
import { codeCheckError, verificationAlreadyVerified, verificationNotSent } from '../verification/code-check-errors.js';
import { checkCode, checkCodeSerialized } from '../verification/verification-code.js';
import { pendingCodeVerification } from './email-verification-state.js';

/**
 * Checks a code sent to one of the user's email addresses. Every attempt is saved before a wrong
 * code is refused, so the five-try budget holds; a right code marks the address verified and is
 * spent (a replay finds the address verified). An address verified while the user had no primary
 * one becomes the primary.
 *
 * @example
 * const { user, emailAddress } = await attemptEmailVerification(store, emailAddress, '123456', now);
 */
export async function attemptEmailVerification(
  store: Store,
  emailAddress: IdentifierRecord,
  code: string,
  now: number,
): Promise<{ user: UserRecord; emailAddress: IdentifierRecord }> {
  // One check at a time per address: parallel guesses each count, a right code verifies once.
  const outcome = await checkCodeSerialized(store, emailAddress.id, async (tx) => {
    const stored = await tx.users.findById(emailAddress.userId);
    const current = stored?.emailAddresses.find((email) => email.id === emailAddress.id) ?? emailAddress;
    if (current.verificationStatus === 'verified') throw verificationAlreadyVerified();
    const pending = pendingCodeVerification(current);
    if (!pending) throw verificationNotSent();
    const check = checkCode(current.id, pending, code, now);
    if (check.outcome !== 'verified') {
      if (check.outcome === 'incorrect' || check.outcome === 'exhausted') {
        await tx.users.updateIdentifier('email_address', {
          ...current,
          verificationAttempts: check.verification.attempts,
          updatedAt: now,
        });
      }
      // Thrown by the caller, once the counted attempt has committed.
      return { failure: codeCheckError(check.outcome) };
    }
    return { verified: await markVerified(tx, current, now) };
  });
  if ('failure' in outcome) throw outcome.failure;
  return outcome.verified;
}

/** Marks the address verified (and primary, when the user has none), spending its code. */
async function markVerified(
  store: Store,
  emailAddress: IdentifierRecord,
  now: number,
): Promise<{ user: UserRecord; emailAddress: IdentifierRecord }> {
  const verified: IdentifierRecord = {
    ...emailAddress,
    verificationStatus: 'verified',
    verificationStrategy: 'email_code',
    verificationCodeHash: null,
    verificationAttempts: 0,
    verificationExpireAt: null,
    updatedAt: now,
  };
  const user = await writeUser(
    store,
    emailAddress.userId,
    async (tx) => {
      await tx.users.updateIdentifier('email_address', verified);
      const owner = await tx.users.findById(emailAddress.userId);
      const becomesPrimary = owner !== null && owner.primaryEmailAddressId === null;
      await tx.users.update(emailAddress.userId, {
        updatedAt: now,
        ...(becomesPrimary ? { primaryEmailAddressId: verified.id } : {}),
      });
    },
    { type: 'user.updated', now },
  );
  return { user, emailAddress: user.emailAddresses.find((email) => email.id === verified.id) ?? verified };
}
