import type { UpdateUserBody } from '@latch/protocol';
import { formError } from '../../errors.js';
import type { InstanceRecord, UserFields, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { assertIdentifiersAvailable, normalizeUsername } from './user-identifiers.js';
import { assertMetadataSize, METADATA_KINDS } from './user-metadata.js';
import { preparePassword } from './user-password.js';
import { parseTimestamp, requireUser, writeUser } from './user-writes.js';

type UserChanges = Partial<Omit<UserFields, 'id'>>;

/** Applies a `PATCH /users/{id}`: only the fields present change. */
export async function updateUser(
  store: Store,
  instance: InstanceRecord,
  userId: string,
  input: UpdateUserBody,
  now: number,
): Promise<UserRecord> {
  const user = await requireUser(store, userId);
  const changes: UserChanges = {};

  if (input.username !== undefined) changes.username = input.username ? normalizeUsername(input.username) : null;
  if (input.external_id !== undefined) changes.externalId = input.external_id || null;
  if (input.first_name !== undefined) changes.firstName = input.first_name;
  if (input.last_name !== undefined) changes.lastName = input.last_name;
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.delete_self_enabled != null) changes.deleteSelfEnabled = input.delete_self_enabled;
  if (input.create_organization_enabled != null) changes.createOrganizationEnabled = input.create_organization_enabled;
  if (input.create_organizations_limit !== undefined)
    changes.createOrganizationsLimit = input.create_organizations_limit;
  if (input.legal_accepted_at !== undefined)
    changes.legalAcceptedAt = parseTimestamp(input.legal_accepted_at, 'legal_accepted_at');
  if (input.created_at != null) changes.createdAt = parseTimestamp(input.created_at, 'created_at') ?? user.createdAt;
  if (input.primary_email_address_id !== undefined) {
    changes.primaryEmailAddressId = requireOwnIdentifier(
      user.emailAddresses,
      input.primary_email_address_id,
      'primary_email_address_id',
    );
  }
  if (input.primary_phone_number_id !== undefined) {
    changes.primaryPhoneNumberId = requireOwnIdentifier(
      user.phoneNumbers,
      input.primary_phone_number_id,
      'primary_phone_number_id',
    );
  }
  // Older SDKs send metadata with the profile; it replaces, as it did in Clerk's API.
  if (input.public_metadata !== undefined) changes.publicMetadata = input.public_metadata;
  if (input.private_metadata !== undefined) changes.privateMetadata = input.private_metadata;
  if (input.unsafe_metadata !== undefined) changes.unsafeMetadata = input.unsafe_metadata;
  for (const kind of METADATA_KINDS) {
    const value = input[kind];
    if (value) assertMetadataSize(kind, value);
  }

  const identifiers = { username: changes.username ?? null, externalId: changes.externalId ?? null };
  await assertIdentifiersAvailable(store, identifiers, userId);
  const password = await preparePassword(input, instance.settings.passwordPolicy, now);

  return writeUser(
    store,
    userId,
    async (tx) => {
      await assertIdentifiersAvailable(tx, identifiers, userId);
      await tx.users.update(userId, { ...changes, updatedAt: now });
      if (password) await tx.users.setPassword(userId, password);
    },
    { type: 'user.updated', now },
  );
}

/** A primary identifier must be one of the user's own, verified ones. */
function requireOwnIdentifier(identifiers: UserRecord['emailAddresses'], id: string, paramName: string): string {
  const identifier = identifiers.find((candidate) => candidate.id === id);
  if (!identifier) {
    throw formError(
      'form_param_value_invalid',
      paramName,
      'is invalid',
      `No identifier with id ${id} belongs to this user.`,
    );
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
