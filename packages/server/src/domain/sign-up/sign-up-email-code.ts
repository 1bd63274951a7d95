import { formError, LatchAPIError } from '../../errors.js';
import type { SignUpRecord } from '../../store/records.js';
import { codeCheckError, verificationAlreadyVerified } from '../verification/code-check-errors.js';
import { checkCode, issueCode } from '../verification/verification-code.js';

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
  if (signUp.emailVerification?.status === 'verified') throw verificationAlreadyVerified('strategy');
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
    failure: check.outcome === 'verified' ? null : codeCheckError(check.outcome),
  };
}
