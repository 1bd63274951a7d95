import type { IdentifierRecord, VerificationRecord } from '../../store/records.js';
import { MAX_CODE_ATTEMPTS } from '../verification/verification-code.js';

/**
 * Where an identifier's own verification stands, for the browser: `null` until a code was first
 * requested; `expired`/`failed` once the pending code has lapsed or used up its attempts.
 * Never carries the code hash.
 *
 * @example
 * identifierVerificationState(email, now) // { status: 'unverified', strategy: 'email_code', attempts: 1, expireAt: … }
 */
export function identifierVerificationState(
  identifier: IdentifierRecord,
  now: number,
): Omit<VerificationRecord, 'codeHash'> | null {
  if (identifier.verificationStatus === 'verified') {
    return { status: 'verified', strategy: identifier.verificationStrategy, attempts: 0, expireAt: null };
  }
  const pending = pendingCodeVerification(identifier);
  if (!pending) return null;
  const status =
    pending.attempts >= MAX_CODE_ATTEMPTS
      ? 'failed'
      : pending.expireAt !== null && now >= pending.expireAt
        ? 'expired'
        : 'unverified';
  return { status, strategy: pending.strategy, attempts: pending.attempts, expireAt: pending.expireAt };
}

/** The code verification stored on an identifier, as `checkCode` reads it; null when none was started. */
export function pendingCodeVerification(identifier: IdentifierRecord): VerificationRecord | null {
  if (identifier.verificationExpireAt === undefined || identifier.verificationExpireAt === null) return null;
  return {
    status: 'unverified',
    strategy: 'email_code',
    codeHash: identifier.verificationCodeHash ?? null,
    attempts: identifier.verificationAttempts ?? 0,
    expireAt: identifier.verificationExpireAt,
  };
}
