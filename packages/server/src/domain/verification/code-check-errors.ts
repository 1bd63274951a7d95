import { formError, LatchAPIError } from '../../errors.js';
import type { CodeCheck } from './verification-code.js';

/**
 * The error for a one-time code that did not verify, the same for every flow that checks codes
 * (sign-up, sign-in, `/me` email addresses, organization domains), with Clerk's codes, statuses and
 * texts: a wrong code is a field error (422 `form_code_incorrect`); a code that can no longer be used
 * is the verification's state (400 `verification_expired` / `verification_failed` /
 * `verification_already_verified`). `param_name` is `code` throughout, so a form can show it by the
 * code field.
 */
export function codeCheckError(outcome: Exclude<CodeCheck['outcome'], 'verified'>): LatchAPIError {
  switch (outcome) {
    case 'incorrect':
      return formError('form_code_incorrect', 'code', 'is incorrect', 'Incorrect code');
    case 'expired':
      return verificationError(
        'verification_expired',
        'expired',
        'This verification has expired. You must create a new one.',
      );
    case 'exhausted':
      return verificationError(
        'verification_failed',
        'failed',
        'Too many failed attempts. You have to try again with the same or another method.',
      );
    case 'already_verified':
      return verificationAlreadyVerified();
  }
}

/**
 * A code submitted (`param_name` `code`), or a new one asked for (the field that asked, or none), once
 * the verification has succeeded: its code was spent.
 */
export function verificationAlreadyVerified(paramName: string | null = 'code'): LatchAPIError {
  return verificationError(
    'verification_already_verified',
    'already verified',
    'This verification has already been verified.',
    paramName,
  );
}

/** A code submitted before any was sent (or after the pending one was withdrawn). */
export function verificationNotSent(): LatchAPIError {
  return verificationError(
    'verification_not_sent',
    'not sent',
    'You need to send a verification code before attempting to verify.',
  );
}

function verificationError(
  code: 'verification_expired' | 'verification_failed' | 'verification_already_verified' | 'verification_not_sent',
  message: string,
  longMessage: string,
  paramName: string | null = 'code',
): LatchAPIError {
  return LatchAPIError.single(400, code, message, longMessage, paramName ?? undefined);
}
