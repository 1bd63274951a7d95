import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { requireUser, writeUser } from './user-writes.js';

export type ModerationAction = 'ban' | 'unban' | 'lock' | 'unlock';

/**
 * Ban, unban, lock or unlock. A ban stops every sign-in until lifted; a lock set here has no expiry
 * (automatic lockouts after failed attempts set one). Unlocking also forgets failed attempts.
 */
export async function moderateUser(
  store: Store,
  userId: string,
  action: ModerationAction,
  now: number,
): Promise<UserRecord> {
  await requireUser(store, userId);
  const changes = {
    ban: { banned: true },
    unban: { banned: false },
    lock: { locked: true, lockoutExpiresAt: null },
    unlock: { locked: false, lockoutExpiresAt: null, failedVerificationAttempts: 0 },
  }[action];
  return writeUser(
    store,
    userId,
    (tx) => tx.users.update(userId, { ...changes, updatedAt: now }).then(() => undefined),
    {
      type: 'user.updated',
      now,
    },
  );
}

/** Seconds until an automatic lockout ends; null when not locked or locked indefinitely. */
export function lockoutExpiresInSeconds(user: UserRecord, now: number): number | null {
  if (!user.locked || user.lockoutExpiresAt === null) return null;
  return Math.max(0, Math.ceil((user.lockoutExpiresAt - now) / 1000));
}
