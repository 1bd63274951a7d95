import { formError, LatchAPIError } from '../../errors.js';
import type { SignUpRecord } from '../../store/records.js';
import { type CodeCheck, checkCode, issueCode } from '../verification/verification-code.js';

/**
 * A fresh email code for the sign-up's address, replacing any earlier one (a new code restarts the
 * attempt budget — the send rate limit, not this, bounds how often that can happen). The code is
 * returned once, to be emailed; the record keeps only its hash.
 *
 * @example
 * const { code, signUp: prepared } = prepareSignUpEmailCode(signUp, now);
 * prepared.emailVerification?.status // 'unverified'
 */
export function prepareSignUpEmailCode(signUp: SignUpRecord, now: number): { code: string; signUp: SignUpRecord } {
  const email = signUp.emailAddress;
  if (email === null) {
    throw formError(
      'form_param_missing',
      'email_address',
      'is missing',
      'Add an email address to this sign-up before asking for a code.',
    );
  }
  if (signUp.emailVerification?.status === 'verified') throw alreadyVerified('strategy');
  const { code, verification } = issueCode(signUp.id, 'email_code', now);
  return { code, signUp: { ...signUp, emailVerification: { ...verification, emailAddress: email }, updatedAt: now } };
}

/**
 * Checks a submitted code. Returns the sign-up with the attempt counted — to be saved whatever the
 * outcome, or wrong guesses would cost nothing — and, unless the code was right, the error to answer.
 *
 * @example
 * const { signUp: checked, failure } = attemptSignUpEmailCode(signUp, '123456', now);
 * await store.signUps.update(checked);
 * if (failure) throw failure;
 */
export function attemptSignUpEmailCode(
  signUp: SignUpRecord,
  submitted: string,
  now: number,
): { signUp: SignUpRecord; failure: LatchAPIError | null } {
  const verification = signUp.emailVerification;
  if (verification === null || verification.emailAddress !== signUp.emailAddress) {
    throw LatchAPIError.single(
      400,
      'client_state_invalid',
      'No code has been sent',
      'Call prepare_verification with strategy email_code before attempting a code.',
    );
  }
  const check = checkCode(signUp.id, verification, submitted, now);
  return {
    signUp: { ...signUp, emailVerification: check.verification, updatedAt: now },
    failure: failureFor(check.outcome),
  };
}

function failureFor(outcome: CodeCheck['outcome']): LatchAPIError | null {
  switch (outcome) {
    case 'verified':
      return null;
    case 'incorrect':
      return formError(
        'form_code_incorrect',
        'code',
        'Incorrect code',
        'The code you entered is incorrect. Please try again.',
      );
    case 'expired':
      return formError(
        'verification_expired',
        'code',
        'This code has expired',
        'This code has expired. Request a new one.',
      );
    case 'exhausted':
      return formError(
        'too_many_attempts',
        'code',
        'Too many failed attempts',
        'You have entered an incorrect code too many times. Request a new code.',
      );
    case 'already_verified':
      return alreadyVerified('code');
  }
}

// Answered whatever code is submitted: a spent code must not verify twice, and a replay learns nothing.
function alreadyVerified(param: string): LatchAPIError {
  return formError(
    'verification_failed',
    param,
    'This email address is already verified',
    'This email address has already been verified; its code cannot be used again.',
  );
}
