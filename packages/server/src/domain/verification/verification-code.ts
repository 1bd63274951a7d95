import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { VerificationRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';

/** Codes live ten minutes and allow five tries: 5 / 10^6 odds for a guesser, per code. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

/**
 * A fresh 6-digit code and its stored form. The hash is salted with the attempt id (`scope`), so a
 * code hash from one attempt says nothing about another; with five tries before it dies, a fast
 * hash suffices.
 */
export function issueCode(
  scope: string,
  strategy: string,
  now: number,
): { code: string; verification: VerificationRecord } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return {
    code,
    verification: {
      status: 'unverified',
      strategy,
      codeHash: hashCode(scope, code),
      attempts: 0,
      expireAt: now + CODE_LIFETIME_MS,
    },
  };
}

function hashCode(scope: string, code: string): string {
  return createHash('sha256').update(`${scope}:${code}`).digest('base64url');
}

export type CodeCheck =
  | { outcome: 'verified'; verification: VerificationRecord }
  | { outcome: 'incorrect' | 'expired' | 'exhausted' | 'already_verified'; verification: VerificationRecord };

/**
 * Checks a submitted code. Every attempt counts (and must be saved by the caller, even when wrong);
 * a verified code is spent, so replaying it fails.
 */
export function checkCode(scope: string, verification: VerificationRecord, submitted: string, now: number): CodeCheck {
  if (verification.status === 'verified') return { outcome: 'already_verified', verification };
  if (verification.expireAt !== null && now >= verification.expireAt) {
    return { outcome: 'expired', verification: { ...verification, status: 'expired' } };
  }
  if (verification.attempts >= MAX_CODE_ATTEMPTS) {
    return { outcome: 'exhausted', verification: { ...verification, status: 'failed' } };
  }
  const attempts = verification.attempts + 1;
  const expected = Buffer.from(verification.codeHash ?? '');
  const actual = Buffer.from(hashCode(scope, submitted.trim()));
  if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
    return { outcome: 'verified', verification: { ...verification, status: 'verified', attempts, codeHash: null } };
  }
  const failed = attempts >= MAX_CODE_ATTEMPTS;
  return {
    outcome: failed ? 'exhausted' : 'incorrect',
    verification: { ...verification, attempts, status: failed ? 'failed' : 'unverified' },
  };
}

/**
 * Runs one code check — read the stored verification, `checkCode`, save the result — with every
 * other check of the same code (`scope`) waiting its turn, in any process (Store.lock). Without it,
 * guesses fired in parallel each read the same attempt count and were counted once between them, and
 * two right answers could both verify. `work` reads its record through `tx`, saves through `tx`, and
 * returns its outcome; errors meant for the caller are thrown after the save has committed.
 */
export function checkCodeSerialized<T>(store: Store, scope: string, work: (tx: Store) => Promise<T>): Promise<T> {
  return store.transaction(async (tx) => {
    await tx.lock(`code:${scope}`);
    return work(tx);
  });
}
