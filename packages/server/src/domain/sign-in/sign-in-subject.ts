import { formError } from '../../errors.js';
import type { SignInRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { assertNotLockedOut, phantomLockoutsFor, recordFailedAttempt, userLockedError } from '../protection/lockout.js';
import type { SignInDeps } from './sign-in-deps.js';
import { assertUserMaySignIn } from './user-standing.js';

/**
 * A user id in `createId`'s layout that no user can have (its timestamp is the epoch). Fabricated
 * sign-ins run the same user queries against it as real ones run against the real user, so the
 * database round trips — tens of milliseconds on a networked PostgreSQL — do not tell them apart.
 */
export const DECOY_USER_ID = 'user_0000000000000000000000';

/** The queries a user lookup makes, for nobody. */
export async function lookUpDecoyUser(store: Store): Promise<void> {
  await store.users.findById(DECOY_USER_ID);
}

/**
 * The user a sign-in is for, or null for a fabricated attempt (an unknown identifier under
 * enumeration protection), after the same queries. A user deleted since the attempt began cannot finish it.
 */
export async function loadSignInUser(store: Store, signIn: SignInRecord): Promise<UserRecord | null> {
  if (!signIn.userId) {
    await lookUpDecoyUser(store);
    return null;
  }
  const user = await store.users.findById(signIn.userId);
  if (!user) {
    throw formError('form_identifier_not_found', 'identifier', "Couldn't find your account.");
  }
  return user;
}

/**
 * Banned or locked out → 403, for real and fabricated attempts alike (the latter lock out by the
 * identifier's own failure count, so a lockout does not reveal that an account exists).
 */
export function assertSubjectMaySignIn(deps: SignInDeps, identifier: string, user: UserRecord | null): void {
  if (user) {
    assertUserMaySignIn(user, deps.now);
    return;
  }
  const lockedUntil = phantomLockoutsFor(deps.store).lockedUntil(identifier, deps.now);
  if (lockedUntil !== null) assertNotLockedOut({ locked: true, lockoutExpiresAt: lockedUntil }, deps.now);
}

/**
 * Counts a wrong password or code; throws `user_locked` when this failure locked the account.
 * The caller then reports the wrong credential itself.
 */
export async function recordSubjectFailure(
  deps: SignInDeps,
  identifier: string,
  user: UserRecord | null,
): Promise<void> {
  const policy = deps.settings.protection;
  const counted = await recordFailedAttempt(deps.store, user?.id ?? DECOY_USER_ID, policy, deps.now);
  const lockedUntil = user ? counted : phantomLockoutsFor(deps.store).recordFailure(identifier, policy, deps.now);
  if (lockedUntil !== null) throw userLockedError(lockedUntil, deps.now);
}
