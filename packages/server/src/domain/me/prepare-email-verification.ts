import type { IdentifierRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { verificationAlreadyVerified } from '../verification/code-check-errors.js';
import { issueCode } from '../verification/verification-code.js';

/**
 * Starts (or restarts) the code verification of one of the user's email addresses: a fresh code
 * replaces any pending one and its attempt count. Returns the code for the caller to email; only
 * its hash, salted with the address id, is stored.
 *
 * @example
 * const { code } = await prepareEmailVerification(store, emailAddress, now);
 * await mailer.send({ to: emailAddress.value, template: 'verification_code', variables: { code } });
 */
export async function prepareEmailVerification(
  store: Store,
  emailAddress: IdentifierRecord,
  now: number,
): Promise<{ code: string; emailAddress: IdentifierRecord }> {
  if (emailAddress.verificationStatus === 'verified') throw verificationAlreadyVerified(null);
  const { code, verification } = issueCode(emailAddress.id, 'email_code', now);
  const updated: IdentifierRecord = {
    ...emailAddress,
    verificationStrategy: 'email_code',
    verificationCodeHash: verification.codeHash,
    verificationAttempts: 0,
    verificationExpireAt: verification.expireAt,
    updatedAt: now,
  };
  await store.users.updateIdentifier('email_address', updated);
  return { code, emailAddress: updated };
}
