import { LatchAPIError } from '../../errors.js';
import type { OperatorRecord } from '../../store/operator-store.js';
import type { Store } from '../../store/store.js';
import { hashPassword } from '../passwords/argon2id.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { OPERATOR_PASSWORD_POLICY } from './create-operator.js';
import { startSession } from './operator-sessions.js';
import { hashOperatorToken } from './operator-tokens.js';
import { generateTotpSecret, totpUri, verifyTotp } from './totp.js';

/**
 * Production operators sign in with a password and an authenticator code, so a one-time link cannot
 * sign them in. It lets a new operator — one without a password yet — set both up instead:
 * `startEnrollment` gives them a fresh authenticator secret, `completeEnrollment` takes their
 * password and a first code, spends the link and signs them in. An operator who already has a
 * password is not enrolled again by a link (an owner removes and re-invites instead).
 */

const enrollmentFailed = () =>
  LatchAPIError.single(
    401,
    'authentication_invalid',
    'Link invalid',
    'This link is invalid, used or expired. Ask an owner for a new one.',
  );

/** The operator a live, unused link belongs to, when they still need to enroll. */
async function enrollingOperator(store: Store, linkToken: string, now: number): Promise<OperatorRecord> {
  const link = await store.operators.findCredential(hashOperatorToken(linkToken));
  if (link?.kind !== 'link' || link.expiresAt <= now || link.revokedAt !== null || link.usedAt !== null) {
    throw enrollmentFailed();
  }
  const operator = await store.operators.findById(link.operatorId);
  if (!operator) throw enrollmentFailed();
  if (operator.passwordDigest !== null) {
    throw LatchAPIError.single(
      422,
      'client_state_invalid',
      'Already set up',
      'This operator already has a password. Sign in with it, or ask an owner to reset your access.',
    );
  }
  return operator;
}

/**
 * A new authenticator secret for the link's operator (replacing one from an earlier, unfinished
 * start): returned once, with the `otpauth://` URI an authenticator app imports.
 */
export async function startEnrollment(store: Store, linkToken: string, now: number) {
  const first = await enrollingOperator(store, linkToken, now);
  return store.transaction(async (tx) => {
    await tx.lock(enrollmentLock(first.id));
    const operator = await enrollingOperator(tx, linkToken, now);
    const secret = generateTotpSecret();
    await tx.operators.update(operator.id, { totpSecret: secret, lastTotpStep: null }, now);
    return { email: operator.email, totpSecret: secret, totpUri: totpUri(secret, operator.email) };
  });
}

/** Held while an operator's enrollment starts or completes: a new secret cannot slip in under a completion. */
const enrollmentLock = (operatorId: string) => `operator:${operatorId}:enrollment`;

/**
 * Sets the password and confirms the authenticator with a first code, spends the link and starts a
 * session. A wrong code changes nothing (the link still works until it expires).
 */
export async function completeEnrollment(
  store: Store,
  input: { token: string; password: string; totpCode: string },
  now: number,
) {
  const operator = await enrollingOperator(store, input.token, now);
  if (!operator.totpSecret) {
    throw LatchAPIError.single(
      422,
      'client_state_invalid',
      'Enrollment not started',
      'Open the link again to get your authenticator secret first.',
    );
  }
  const step = verifyTotp(operator.totpSecret, input.totpCode, now, operator.lastTotpStep);
  if (step === null) {
    throw LatchAPIError.single(
      422,
      'form_code_incorrect',
      'is incorrect',
      'That authenticator code is not right. Check the time on your device and try the current code.',
      'totp_code',
    );
  }
  assertPasswordAllowed(OPERATOR_PASSWORD_POLICY, input.password);
  const passwordDigest = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    // Checked again under the lock, after the (slow) hash: still not set up (another link of theirs
    // may have finished meanwhile), and still the secret the code was checked against (a start in
    // another tab replaces it) — otherwise they would end up with an authenticator they never saw.
    await tx.lock(enrollmentLock(operator.id));
    const current = await enrollingOperator(tx, input.token, now);
    if (current.totpSecret !== operator.totpSecret) {
      throw LatchAPIError.single(
        422,
        'client_state_invalid',
        'Authenticator changed',
        'This link was opened again meanwhile, with a new authenticator key: use the page that shows it.',
      );
    }
    // Spent in the same transaction as the password is set: two tabs finishing at once enroll once.
    if (!(await tx.operators.markCredentialUsed(hashOperatorToken(input.token), now))) throw enrollmentFailed();
    const enrolled = { ...current, passwordDigest, lastTotpStep: step };
    return startSession(tx, enrolled, 'enrollment', now, { passwordDigest, lastTotpStep: step });
  });
}
