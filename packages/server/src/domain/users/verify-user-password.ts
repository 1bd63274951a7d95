import type { PasswordHasher } from '@latch/protocol';
import { formError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { hashPassword, isCurrentArgon2id, verifyArgon2 } from '../passwords/argon2id.js';
import { verifyImportedDigest } from '../passwords/imported-digest.js';
import { requireUser } from './user-writes.js';

/**
 * Checks a password. A digest imported with another algorithm (or older argon2 parameters) is
 * re-hashed to argon2id on success, so imported users converge on the current standard.
 * Returns whether it matched; the caller decides what a mismatch means on its endpoint.
 */
export async function checkUserPassword(store: Store, userId: string, password: string, now: number): Promise<boolean> {
  const user = await requireUser(store, userId);
  if (!user.password) {
    throw formError('user_has_no_password', 'password', 'no password', 'This user has no password set.');
  }
  const { digest, hasher } = user.password;
  const matches =
    hasher === 'argon2id'
      ? await verifyArgon2(digest, password)
      : await verifyImportedDigest(hasher as PasswordHasher, digest, password);
  if (matches && !(hasher === 'argon2id' && isCurrentArgon2id(digest))) {
    const upgraded = await hashPassword(password);
    await store.transaction(async (tx) => {
      // Only replace the digest we verified: a password changed meanwhile wins.
      const current = (await tx.users.findById(userId))?.password;
      if (current?.digest === digest)
        await tx.users.setPassword(userId, {
          digest: upgraded,
          hasher: 'argon2id',
          updatedAt: user.password?.updatedAt ?? now,
        });
    });
  }
  return matches;
}
