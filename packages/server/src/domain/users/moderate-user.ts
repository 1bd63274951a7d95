import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { endSession } from '../sessions/end-session.js';
import { requireUser, writeUser } from './user-writes.js';

export type ModerationAction = 'ban' | 'unban' | 'lock' | 'unlock';

/**
 * Ban, unban, lock or unlock. A ban stops every sign-in until lifted and, as in Clerk, revokes the
 * user's sessions (each with its `session.revoked` event), so every signed-in device is out at once;
 * unbanning does not bring them back. A lock set here has no expiry (automatic lockouts after failed
 * attempts set one). Unlocking also forgets failed attempts.
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
  const moderated = await writeUser(
    store,
    userId,
    (tx) => tx.users.update(userId, { ...changes, updatedAt: now }).then(() => undefined),
    {
      type: 'user.updated',
      now,
    },
  );
  if (action === 'ban') {
    const live = await store.sessions.list({ userId, statuses: ['active', 'pending'] });
    for (const session of live) await endSession(store, session, 'revoked', now);
  }
  return moderated;
}

/** Seconds until an automatic lockout ends; null when not locked or locked indefinitely. */
export function lockoutExpiresInSeconds(user: UserRecord, now: number): number | null {
  if (!user.locked || user.lockoutExpiresAt === null) return null;
  return Math.max(0, Math.ceil((user.lockoutExpiresAt - now) / 1000));
}
