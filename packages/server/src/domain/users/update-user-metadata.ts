import type { UserMetadataBody } from '@latch/protocol';
import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { assertMetadataSize, mergeMetadata } from './user-metadata.js';
import { requireUser, writeUser } from './user-writes.js';

const FIELD = {
  public_metadata: 'publicMetadata',
  private_metadata: 'privateMetadata',
  unsafe_metadata: 'unsafeMetadata',
} as const;

/**
 * `PATCH /users/{id}/metadata` (mode `merge`: deep merge, `null` deletes a key) and
 * `PUT /users/{id}/metadata` (mode `replace`: each given object replaces the stored one; `null` empties it).
 * Read-modify-write happens inside one transaction so concurrent merges do not lose keys.
 */
export async function updateUserMetadata(
  store: Store,
  userId: string,
  input: UserMetadataBody,
  mode: 'merge' | 'replace',
  now: number,
): Promise<UserRecord> {
  await requireUser(store, userId);
  return writeUser(
    store,
    userId,
    async (tx) => {
      const user = await requireUser(tx, userId);
      const changes: Partial<Pick<UserRecord, (typeof FIELD)[keyof typeof FIELD]>> = {};
      for (const kind of Object.keys(FIELD) as (keyof typeof FIELD)[]) {
        const given = input[kind];
        if (given === undefined || (given === null && mode === 'merge')) continue;
        // Refuse an oversized patch before merging: the merge recurses, and a deep enough one overflows the stack.
        if (given) assertMetadataSize(kind, given);
        const next = mode === 'merge' ? mergeMetadata(user[FIELD[kind]], given ?? {}) : mergeMetadata({}, given ?? {});
        assertMetadataSize(kind, next);
        changes[FIELD[kind]] = next;
      }
      await tx.users.update(userId, { ...changes, updatedAt: now });
    },
    { type: 'user.updated', now },
  );
}
