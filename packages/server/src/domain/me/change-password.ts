import { formError } from '../../errors.js';
import type { PasswordPolicy, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { hashPassword } from '../passwords/argon2id.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { requireUser, writeUser } from '../users/user-writes.js';
import { checkUserPassword } from '../users/verify-user-password.js';

export interface PasswordChange {
  /** Required when the user has a password; a user without one sets their first. */
  currentPassword?: string | null | undefined;
  newPassword: string;
}

/**
 * A user changes (or sets a first) password. The current one must match when there is one; the new
 * one must pass the instance's policy. The policy is checked before the current password, so a bad
 * new password costs no hashing.
 *
 * @example
 * await changePassword(store, policy, user.id, { currentPassword: 'old secret', newPassword: 'new secret' }, now);
 */
export async function changePassword(
  store: Store,
  policy: PasswordPolicy,
  userId: string,
  input: PasswordChange,
  now: number,
): Promise<UserRecord> {
  assertPasswordAllowed(policy, input.newPassword, 'new_password');
  const user = await requireUser(store, userId);
  if (user.password) await assertCurrentPassword(store, user, input.currentPassword, now);
  const digest = await hashPassword(input.newPassword);
  return writeUser(
    store,
    userId,
    async (tx) => {
      await tx.users.setPassword(userId, { digest, hasher: 'argon2id', updatedAt: now });
      await tx.users.update(userId, { updatedAt: now });
    },
    { type: 'user.updated', now },
  );
}

/** Throws the 422 the UI shows under the current-password field unless `password` is the user's. */
export async function assertCurrentPassword(
  store: Store,
  user: UserRecord,
  password: string | null | undefined,
  now: number,
): Promise<void> {
  if (!password) {
    throw formError('form_param_missing', 'current_password', 'is missing', 'Enter your current password.');
  }
  if (!(await checkUserPassword(store, user.id, password, now))) {
    throw formError(
      'form_password_incorrect',
      'current_password',
      'is incorrect',
      'Password is incorrect. Try again, or use another method.',
    );
  }
}
