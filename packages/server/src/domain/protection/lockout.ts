import { LatchAPIError } from '../../errors.js';
import type { ProtectionSettings, UserFields } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { recordUserEvent } from '../events/event-data.js';

type LockState = Pick<UserFields, 'locked' | 'lockoutExpiresAt'>;

/**
 * Whether a user is locked out at `now`. An automatic lockout lapses by itself at `lockoutExpiresAt`;
 * a lock set through the Backend API has no expiry and lasts until it is lifted.
 *
 * @example
 * isLockedOut({ locked: true, lockoutExpiresAt: now - 1 }, now) // false: the lockout ran out
 */
export function isLockedOut(user: LockState, now: number): boolean {
  return user.locked && (user.lockoutExpiresAt === null || now < user.lockoutExpiresAt);
}

/**
 * The 403 clerk-js shows as "account locked", with the seconds left in `meta` (`null` when the lock
 * has no end, e.g. one set by an administrator).
 *
 * @example
 * throw userLockedError(now + 3_600_000, now); // meta.lockout_expires_in_seconds === 3600
 */
export function userLockedError(lockoutExpiresAt: number | null, now: number): LatchAPIError {
  const seconds = lockoutExpiresAt === null ? null : Math.max(1, Math.ceil((lockoutExpiresAt - now) / 1000));
  const wait =
    seconds === null ? 'Contact support to unlock it.' : `You can try again in ${Math.ceil(seconds / 60)} minute(s).`;
  return new LatchAPIError(403, [
    {
      code: 'user_locked',
      message: 'Account locked',
      long_message: `Your account is locked after too many failed attempts. ${wait}`,
      meta: { lockout_expires_in_seconds: seconds },
    },
  ]);
}

/** Throws `user_locked` (403) while the user is locked out. Call before checking any credential. */
export function assertNotLockedOut(user: LockState, now: number): void {
  if (isLockedOut(user, now)) throw userLockedError(user.lockoutExpiresAt, now);
}

/**
 * Counts one failed password or code attempt against the user and locks the account for
 * `lockoutSeconds` once `maxFailedAttempts` is reached. Returns the lockout's end when this failure
 * locked the account, else null. Locking is a change of the user (`locked`), so it records
 * `user.updated` like every other change; the failures before it do not. Read and write share a transaction, so concurrent failures on one
 * SQLite database never lose a count.
 *
 * @example
 * const lockedUntil = await recordFailedAttempt(store, user.id, settings.protection, now);
 * if (lockedUntil !== null) throw userLockedError(lockedUntil, now);
 */
export async function recordFailedAttempt(
  store: Store,
  userId: string,
  policy: Pick<ProtectionSettings, 'maxFailedAttempts' | 'lockoutSeconds'>,
  now: number,
): Promise<number | null> {
  return store.transaction(async (tx) => {
    const user = await tx.users.findById(userId);
    if (!user) {
      // An id that matches nothing (the decoy of a fabricated sign-in) gets the same queries, so a
      // failure costs the same time whether or not the account exists; the update touches no row.
      await tx.users.update(userId, { failedVerificationAttempts: 1, updatedAt: now });
      return null;
    }
    // A lapsed lockout starts a fresh count: the attacker does not resume one short of the limit.
    const lapsed = user.locked && user.lockoutExpiresAt !== null && now >= user.lockoutExpiresAt;
    const failures = (lapsed ? 0 : user.failedVerificationAttempts) + 1;
    const locks = policy.maxFailedAttempts !== null && failures >= policy.maxFailedAttempts && !isLockedOut(user, now);
    const lockoutExpiresAt = locks ? now + policy.lockoutSeconds * 1000 : null;
    await tx.users.update(userId, {
      failedVerificationAttempts: failures,
      ...(locks ? { locked: true, lockoutExpiresAt } : lapsed ? { locked: false, lockoutExpiresAt: null } : {}),
      updatedAt: now,
    });
    if (locks) {
      const locked = await tx.users.findById(userId);
      if (locked) await recordUserEvent(tx, 'user.updated', locked, now);
    }
    return lockoutExpiresAt;
  });
}

/** After a successful attempt: the failure count starts over and a lapsed lockout is cleared. */
export async function clearFailedAttempts(
  store: Store,
  user: Pick<UserFields, 'id' | 'failedVerificationAttempts'> & LockState,
  now: number,
): Promise<void> {
  if (user.failedVerificationAttempts === 0 && !user.locked) return;
  await store.users.update(user.id, {
    failedVerificationAttempts: 0,
    ...(user.locked && !isLockedOut(user, now) ? { locked: false, lockoutExpiresAt: null } : {}),
    updatedAt: now,
  });
}

/**
 * Lockouts for identifiers that belong to nobody. With enumeration protection on, sign-ins for
 * unknown identifiers must also lock after `maxFailedAttempts` failures — otherwise "did it ever
 * lock?" would tell real accounts from fabricated ones. Kept in memory, bounded: one process sees
 * its own counts (a known gap for multi-process deployments, where the real lockout is shared).
 */
export interface PhantomLockouts {
  /** When the identifier's lockout ends, or null when it is not locked at `now`. */
  lockedUntil(identifier: string, now: number): number | null;
  /** Counts a failure; returns the lockout's end when this failure locked it, else null. */
  recordFailure(
    identifier: string,
    policy: Pick<ProtectionSettings, 'maxFailedAttempts' | 'lockoutSeconds'>,
    now: number,
  ): number | null;
}

const PHANTOM_TABLES = new WeakMap<object, PhantomLockouts>();

/**
 * The phantom lockout table of one server, keyed by its store so test servers in one process stay apart.
 *
 * @example
 * phantomLockoutsFor(store).recordFailure('nobody@example.com', settings.protection, now);
 */
export function phantomLockoutsFor(owner: object, maxEntries = 50_000): PhantomLockouts {
  let table = PHANTOM_TABLES.get(owner);
  if (!table) {
    table = createPhantomLockouts(maxEntries);
    PHANTOM_TABLES.set(owner, table);
  }
  return table;
}

function createPhantomLockouts(maxEntries: number): PhantomLockouts {
  const entries = new Map<string, { failures: number; lockedUntil: number | null }>();
  return {
    lockedUntil(identifier, now) {
      const entry = entries.get(identifier);
      return entry?.lockedUntil !== null && entry?.lockedUntil !== undefined && now < entry.lockedUntil
        ? entry.lockedUntil
        : null;
    },
    recordFailure(identifier, policy, now) {
      let entry = entries.get(identifier);
      if (!entry || (entry.lockedUntil !== null && now >= entry.lockedUntil)) {
        if (!entry && entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entry = { failures: 0, lockedUntil: null };
        entries.set(identifier, entry);
      }
      entry.failures += 1;
      if (
        policy.maxFailedAttempts === null ||
        entry.failures < policy.maxFailedAttempts ||
        entry.lockedUntil !== null
      ) {
        return null;
      }
      entry.lockedUntil = now + policy.lockoutSeconds * 1000;
      return entry.lockedUntil;
    },
  };
}
