import { resourceNotFound } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { recordUserDeleted } from '../events/event-data.js';

/**
 * Deletes a user; identifiers and password go with it (foreign keys cascade). `user.deleted` is
 * recorded in the same transaction. `now` defaults to the wall clock for callers that predate events.
 */
export async function deleteUser(store: Store, userId: string, now: number = Date.now()): Promise<void> {
  const deleted = await store.transaction(async (tx) => {
    const user = await tx.users.findById(userId);
    if (!user || !(await tx.users.delete(userId))) return false;
    await recordUserDeleted(tx, user, now);
    return true;
  });
  if (!deleted) throw resourceNotFound('user');
}
