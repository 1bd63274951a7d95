import { resourceNotFound } from '../../errors.js';
import type { Store } from '../../store/store.js';

/** Deletes a user; identifiers and password go with it (foreign keys cascade). */
export async function deleteUser(store: Store, userId: string): Promise<void> {
  const deleted = await store.transaction((tx) => tx.users.delete(userId));
  if (!deleted) throw resourceNotFound('user');
}
