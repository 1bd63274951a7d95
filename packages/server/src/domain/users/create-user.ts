import type { CreateUserBody } from '@latch/protocol';
import { formError } from '../../errors.js';
import type { IdentifierRecord, InstanceRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';
import {
  assertIdentifiersAvailable,
  normalizeEmailAddresses,
  normalizePhoneNumbers,
  normalizeUsername,
} from './user-identifiers.js';
import { assertMetadataSize } from './user-metadata.js';
import { preparePassword } from './user-password.js';
import { parseTimestamp, writeUser } from './user-writes.js';

/**
 * Creates a user from a Backend API request. Everything is validated and the password hashed
 * before the transaction opens; the transaction then re-checks uniqueness and writes all rows at once.
 */
export async function createUser(
  store: Store,
  instance: InstanceRecord,
  input: CreateUserBody,
  now: number,
): Promise<UserRecord> {
  const emails = normalizeEmailAddresses(input.email_address ?? []);
  const phones = normalizePhoneNumbers(input.phone_number ?? []);
  const emailStatuses = statusesFor(
    input.email_address_identification_status,
    emails.length,
    'email_address_identification_status',
  );
  const phoneStatuses = statusesFor(
    input.phone_number_identification_status,
    phones.length,
    'phone_number_identification_status',
  );
  const username = input.username ? normalizeUsername(input.username) : null;
  const externalId = input.external_id || null;
  const publicMetadata = input.public_metadata ?? {};
  const privateMetadata = input.private_metadata ?? {};
  const unsafeMetadata = input.unsafe_metadata ?? {};
  assertMetadataSize('public_metadata', publicMetadata);
  assertMetadataSize('private_metadata', privateMetadata);
  assertMetadataSize('unsafe_metadata', unsafeMetadata);
  const createdAt = parseTimestamp(input.created_at, 'created_at') ?? now;
  const legalAcceptedAt = parseTimestamp(input.legal_accepted_at, 'legal_accepted_at');

  await assertIdentifiersAvailable(store, { emailAddresses: emails, phoneNumbers: phones, username, externalId });
  const password = await preparePassword(input, instance.settings.passwordPolicy, now);

  const userId = createId('user', createdAt);
  const emailIds = orderedIds('idn', now, emails.length);
  const phoneIds = orderedIds('idn', now, phones.length);
  const identifier = (
    id: string,
    value: string,
    status: 'verified' | 'reserved',
    strategy: string,
  ): IdentifierRecord => ({
    id,
    userId,
    value,
    verificationStatus: status === 'verified' ? 'verified' : 'unverified',
    verificationStrategy: strategy,
    reserved: status === 'reserved',
    createdAt: now,
    updatedAt: now,
  });
  const emailAddresses = emails.map((email, i) =>
    identifier(emailIds[i]!, email, emailStatuses[i] ?? 'verified', 'admin'),
  );
  const phoneNumbers = phones.map((phone, i) =>
    identifier(phoneIds[i]!, phone, phoneStatuses[i] ?? 'verified', 'admin'),
  );

  return writeUser(
    store,
    userId,
    async (tx) => {
      await assertIdentifiersAvailable(tx, { emailAddresses: emails, phoneNumbers: phones, username, externalId });
      await tx.users.insert({
        fields: {
          id: userId,
          externalId,
          username,
          firstName: input.first_name ?? null,
          lastName: input.last_name ?? null,
          locale: input.locale ?? null,
          imageUrl: null,
          primaryEmailAddressId: emailAddresses[0]?.id ?? null,
          primaryPhoneNumberId: phoneNumbers[0]?.id ?? null,
          publicMetadata,
          privateMetadata,
          unsafeMetadata,
          banned: false,
          locked: false,
          lockoutExpiresAt: null,
          failedVerificationAttempts: 0,
          deleteSelfEnabled: input.delete_self_enabled ?? true,
          createOrganizationEnabled: input.create_organization_enabled ?? true,
          createOrganizationsLimit: input.create_organizations_limit ?? null,
          legalAcceptedAt,
          lastSignInAt: null,
          lastActiveAt: null,
          createdAt,
          updatedAt: now,
        },
        emailAddresses,
        phoneNumbers,
        password: password ?? null,
      });
    },
    { type: 'user.created', now },
  );
}

/** `*_identification_status` runs parallel to its identifier list: one entry per value, or none. */
function statusesFor<T extends string>(statuses: T[] | undefined, count: number, paramName: string): T[] {
  if (!statuses || statuses.length === 0) return [];
  if (statuses.length !== count) {
    throw formError(
      'form_param_value_invalid',
      paramName,
      'must match the identifiers',
      `${paramName} must contain exactly one item per identifier (${count}).`,
    );
  }
  return statuses;
}

/**
 * Ids minted in one millisecond share their time prefix and differ only in random bits. The store
 * lists identifiers by `created_at`, then `id`, so sorting them keeps the order the caller gave
 * (the first email first, as Clerk returns it and as code reading `emailAddresses[0]` expects).
 */
function orderedIds(prefix: string, now: number, count: number): string[] {
  return Array.from({ length: count }, () => createId(prefix, now)).sort();
}
