import { LatchAPIError } from '../../errors.js';
import type { SessionRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { recordUserDeleted } from '../events/event-data.js';
import { endUserSessions } from './end-user-sessions.js';

/**
 * A user deletes their own account (`DELETE /v1/me`), when the user's `delete_self_enabled` allows
 * it. Every session ends first, so each client moves off it, then the user row goes, taking
 * identifiers, password and sessions along (foreign keys cascade). All in one transaction.
 *
 * @example
 * const ended = await deleteSelf(store, user, now);
 */
export async function deleteSelf(store: Store, user: UserRecord, now: number): Promise<SessionRecord[]> {
  if (!user.deleteSelfEnabled) {
    throw LatchAPIError.single(403, 'not_allowed_access', 'not allowed', 'You are not allowed to delete your account.');
  }
  return store.transaction(async (tx) => {
    const ended = await endUserSessions(tx, user.id, 'ended', now);
    await tx.users.delete(user.id);
    await recordUserDeleted(tx, user, now);
    return ended;
  });
}
