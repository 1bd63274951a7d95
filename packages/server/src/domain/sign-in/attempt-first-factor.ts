import { LatchAPIError } from '../../errors.js';
import type { ClientRecord, SignInRecord, UserRecord, VerificationRecord } from '../../store/records.js';
import { clearFailedAttempts } from '../protection/lockout.js';
import { countFailedSignIn, countIfRefused } from '../stats/failed-sign-ins.js';
import { codeCheckError } from '../verification/code-check-errors.js';
import { checkCode, checkCodeSerialized } from '../verification/verification-code.js';
import { finishFirstFactor, type SignInProgress } from './complete-sign-in.js';
import { passwordIncorrectError, passwordMatches } from './password-factor.js';
import type { CodeStrategy } from './prepare-first-factor.js';
import { findOfferedFactor } from './prepare-first-factor.js';
import type { SignInDeps } from './sign-in-deps.js';
import { assertSignInAwaits } from './sign-in-state.js';
import { assertSubjectMaySignIn, loadSignInUser, recordSubjectFailure } from './sign-in-subject.js';

export type FirstFactorAttempt = { strategy: 'password'; password: string } | { strategy: CodeStrategy; code: string };

/**
 * Proves the first factor. Order matters for safety: the offered strategies and the account's
 * standing (banned, locked out) are checked before any credential, every wrong credential counts
 * toward the lockout, and the same answers come back whether or not the account exists.
 * A correct reset code leads to `needs_new_password`; anything else correct completes the sign-in
 * (or asks for a second factor).
 *
 * @example
 * const { signIn: done, session } = await attemptFirstFactor(deps, signIn, client, { strategy: 'password', password });
 */
export async function attemptFirstFactor(
  deps: SignInDeps,
  signIn: SignInRecord,
  client: ClientRecord,
  attempt: FirstFactorAttempt,
): Promise<SignInProgress> {
  assertSignInAwaits(signIn, ['needs_first_factor'], deps.now);
  findOfferedFactor(signIn, attempt.strategy);
  const user = await loadSignInUser(deps.store, signIn);
  const identifier = signIn.identifier ?? '';
  await countIfRefused(deps.store, deps.now, () => assertSubjectMaySignIn(deps, identifier, user));
  const verification =
    attempt.strategy === 'password'
      ? await checkPassword(deps, signIn, user, attempt.password)
      : await checkEmailCode(deps, signIn, user, attempt.strategy, attempt.code);
  // Reaching here means the credential was right; a fabricated attempt never gets here.
  const subject = user as UserRecord;
  await clearFailedAttempts(deps.store, subject, deps.now);
  const verified: SignInRecord = { ...signIn, firstFactorVerification: verification, updatedAt: deps.now };
  if (attempt.strategy === 'reset_password_email_code') {
    const waiting: SignInRecord = { ...verified, status: 'needs_new_password' };
    await deps.store.signIns.update(waiting);
    return { signIn: waiting, session: null };
  }
  return finishFirstFactor(deps, verified, subject, client, 'stored');
}

/** Checks a password; on a mismatch counts the failure and throws. */
export async function checkPassword(
  deps: SignInDeps,
  signIn: SignInRecord,
  user: UserRecord | null,
  password: string,
): Promise<VerificationRecord> {
  if (!(await passwordMatches(deps, user, password)) || !user) {
    await countFailedSignIn(deps.store, deps.now);
    await recordSubjectFailure(deps, signIn.identifier ?? '', user);
    throw passwordIncorrectError();
  }
  return { status: 'verified', strategy: 'password', codeHash: null, attempts: 1, expireAt: null };
}

async function checkEmailCode(
  deps: SignInDeps,
  signIn: SignInRecord,
  user: UserRecord | null,
  strategy: CodeStrategy,
  code: string,
): Promise<VerificationRecord> {
  const { pending, result } = await checkCodeSerialized(deps.store, signIn.id, async (tx) => {
    const current = (await tx.signIns.findById(signIn.id)) ?? signIn;
    const pending = current.firstFactorVerification;
    if (!pending || pending.strategy !== strategy || pending.codeHash === null) {
      throw LatchAPIError.single(
        422,
        'client_state_invalid',
        'No code sent',
        `No ${strategy} code is waiting for this sign-in; call prepare_first_factor first.`,
      );
    }
    const result = checkCode(signIn.id, pending, code, deps.now);
    // Every try is saved, right or wrong: the attempt budget must survive the request.
    await tx.signIns.update({ ...current, firstFactorVerification: result.verification, updatedAt: deps.now });
    return { pending, result };
  });
  if (result.outcome === 'verified' && user) return result.verification;
  if (result.outcome === 'expired') throw codeCheckError('expired');
  const counted = result.verification.attempts > pending.attempts;
  if (counted) await countFailedSignIn(deps.store, deps.now);
  if (counted) await recordSubjectFailure(deps, signIn.identifier ?? '', user);
  // A right code for an attempt without a user (enumeration protection) is as wrong as any other.
  throw codeCheckError(result.outcome === 'verified' ? 'incorrect' : result.outcome);
}
