import { formError } from '../../errors.js';
import type { IdentifierRecord, InstanceSettings, Metadata, UserFields, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { assertIdentifiersAvailable, normalizeUsername } from '../users/user-identifiers.js';
import { assertMetadataSize } from '../users/user-metadata.js';
import { requireUser, writeUser } from '../users/user-writes.js';

/** What a user may change about themselves (`PATCH /v1/me`); absent fields stay as they are. */
export interface ProfileChanges {
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  primaryEmailAddressId?: string;
  primaryPhoneNumberId?: string;
  /** Replaces the stored object (`PATCH /v1/me/metadata` merges instead). */
  unsafeMetadata?: Metadata;
}

export interface UpdatedProfile {
  user: UserRecord;
  /** The previous primary address when the primary changed: it is told, in case this is a takeover. */
  previousPrimaryEmail: IdentifierRecord | null;
}

/**
 * Applies a user's own profile changes. A username is normalised and must be free; a primary email
 * address or phone number must be the user's own and verified. Usernames follow the instance: they
 * cannot be set when the attribute is off, nor removed when it is required.
 *
 * @example
 * const { user } = await updateProfile(store, settings, user.id, { firstName: 'Ada' }, now);
 */
export async function updateProfile(
  store: Store,
  settings: InstanceSettings,
  userId: string,
  input: ProfileChanges,
  now: number,
): Promise<UpdatedProfile> {
  const before = await requireUser(store, userId);
  const changes: Partial<Omit<UserFields, 'id' | 'createdAt'>> = {};
  if (input.firstName !== undefined) changes.firstName = input.firstName;
  if (input.lastName !== undefined) changes.lastName = input.lastName;
  if (input.username !== undefined) changes.username = checkUsername(settings, input.username);
  if (input.primaryEmailAddressId !== undefined) {
    changes.primaryEmailAddressId = requireOwnVerified(
      before.emailAddresses,
      input.primaryEmailAddressId,
      'primary_email_address_id',
    );
  }
  if (input.primaryPhoneNumberId !== undefined) {
    changes.primaryPhoneNumberId = requireOwnVerified(
      before.phoneNumbers,
      input.primaryPhoneNumberId,
      'primary_phone_number_id',
    );
  }
  if (input.unsafeMetadata !== undefined) {
    assertMetadataSize('unsafe_metadata', input.unsafeMetadata);
    changes.unsafeMetadata = input.unsafeMetadata;
  }
  const username = changes.username ?? null;
  await assertIdentifiersAvailable(store, { username }, userId);
  const user = await writeUser(
    store,
    userId,
    async (tx) => {
      await assertIdentifiersAvailable(tx, { username }, userId);
      await tx.users.update(userId, { ...changes, updatedAt: now });
    },
    { type: 'user.updated', now },
  );
  const primaryChanged =
    changes.primaryEmailAddressId !== undefined && changes.primaryEmailAddressId !== before.primaryEmailAddressId;
  const previousPrimaryEmail = primaryChanged
    ? (before.emailAddresses.find((email) => email.id === before.primaryEmailAddressId) ?? null)
    : null;
  return { user, previousPrimaryEmail };
}

function checkUsername(settings: InstanceSettings, username: string | null): string | null {
  if (username === null) {
    if (settings.signUp.username === 'required') {
      throw formError('form_param_missing', 'username', 'is missing', 'This application requires a username.');
    }
    return null;
  }
  if (settings.signUp.username === 'off') {
    throw formError('form_param_unknown', 'username', 'is unknown', 'Usernames are not enabled for this application.');
  }
  return normalizeUsername(username);
}

/** A primary identifier must be one of the user's own, verified ones. */
function requireOwnVerified(identifiers: IdentifierRecord[], id: string, paramName: string): string {
  const identifier = identifiers.find((candidate) => candidate.id === id);
  if (!identifier) {
    throw formError('form_param_value_invalid', paramName, 'is invalid', `No identifier with id ${id} belongs to you.`);
  }
  if (identifier.verificationStatus !== 'verified') {
    throw formError(
      'form_param_value_invalid',
      paramName,
      'is not verified',
      'Only a verified identifier can become the primary one.',
    );
  }
  return id;
}
