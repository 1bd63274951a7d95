import { formError } from '../../errors.js';
import type { IdentifierRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { requireUser, writeUser } from '../users/user-writes.js';

export interface RemovedEmailAddress {
  user: UserRecord;
  /** The verified address that took over as primary, when the primary one was removed. */
  newPrimary: IdentifierRecord | null;
}

/**
 * Removes one of the user's email addresses. Any non-primary address may go. The primary one may go
 * only when another verified address can take its place (the oldest becomes primary): a user is
 * never left without a verified address to receive codes at.
 *
 * @example
 * const { newPrimary } = await removeEmailAddress(store, user.id, emailAddressId, now);
 */
export async function removeEmailAddress(
  store: Store,
  userId: string,
  emailAddressId: string,
  now: number,
): Promise<RemovedEmailAddress> {
  let newPrimary: IdentifierRecord | null = null;
  const user = await writeUser(
    store,
    userId,
    async (tx) => {
      // Decided on the user as this transaction reads it, so two removals cannot both take the fallback.
      const current = await requireUser(tx, userId);
      if (current.primaryEmailAddressId === emailAddressId) {
        newPrimary =
          current.emailAddresses.find(
            (other) => other.id !== emailAddressId && other.verificationStatus === 'verified',
          ) ?? null;
        if (!newPrimary) {
          throw formError(
            'form_param_value_invalid',
            'email_address_id',
            'is the only verified email address',
            'Add and verify another email address before removing your primary one.',
          );
        }
      }
      await tx.users.deleteIdentifier('email_address', emailAddressId);
      await tx.users.update(userId, {
        updatedAt: now,
        ...(newPrimary ? { primaryEmailAddressId: newPrimary.id } : {}),
      });
    },
    { type: 'user.updated', now },
  );
  return { user, newPrimary };
}
