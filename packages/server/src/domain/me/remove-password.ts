import { formError, LatchAPIError } from '../../errors.js';
import type { InstanceSettings, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { requireUser, writeUser } from '../users/user-writes.js';
import { assertCurrentPassword } from './change-password.js';

/**
 * A user removes their password, proving it first. Refused when the instance requires passwords, and
 * when no other way to sign in would remain (email codes to a verified address).
 *
 * @example
 * await removePassword(store, settings, user.id, 'current secret', now);
 */
export async function removePassword(
  store: Store,
  settings: InstanceSettings,
  userId: string,
  currentPassword: string,
  now: number,
): Promise<UserRecord> {
  const user = await requireUser(store, userId);
  if (!user.password) {
    throw formError('user_has_no_password', 'current_password', 'no password', 'You have no password to remove.');
  }
  if (settings.signUp.password === 'required') {
    throw LatchAPIError.single(403, 'not_allowed_access', 'not allowed', 'This application requires a password.');
  }
  const canUseCodes =
    settings.signIn.emailAddress &&
    settings.signIn.emailCode &&
    user.emailAddresses.some((email) => email.verificationStatus === 'verified');
  if (!canUseCodes) {
    throw LatchAPIError.single(
      422,
      'form_param_value_invalid',
      'is your only way to sign in',
      'Your password is your only way to sign in, so it cannot be removed.',
    );
  }
  await assertCurrentPassword(store, user, currentPassword, now);
  return writeUser(
    store,
    userId,
    async (tx) => {
      await tx.users.setPassword(userId, null);
      await tx.users.update(userId, { updatedAt: now });
    },
    { type: 'user.updated', now },
  );
}
