import type { Selectable } from 'kysely';
import type { IdentifierRecord, PasswordRecord, UserFields, UserRecord, VerificationStatus } from '../records.js';
import type { IdentifierTable, PasswordTable, UserTable } from '../schema.js';

/** Maps between user rows and records; the only place that knows booleans are 0/1 and JSON is text. */

export function userFieldsToRow(fields: Partial<UserFields>): Partial<UserTable> {
  const row: Partial<UserTable> = {};
  const set = <K extends keyof UserTable>(key: K, value: UserTable[K] | undefined) => {
    if (value !== undefined) row[key] = value;
  };
  const bool = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
  const json = (value: object | undefined) => (value === undefined ? undefined : JSON.stringify(value));
  set('id', fields.id);
  set('external_id', fields.externalId);
  set('username', fields.username);
  set('first_name', fields.firstName);
  set('last_name', fields.lastName);
  set('locale', fields.locale);
  set('image_url', fields.imageUrl);
  set('primary_email_address_id', fields.primaryEmailAddressId);
  set('primary_phone_number_id', fields.primaryPhoneNumberId);
  set('public_metadata', json(fields.publicMetadata));
  set('private_metadata', json(fields.privateMetadata));
  set('unsafe_metadata', json(fields.unsafeMetadata));
  set('banned', bool(fields.banned));
  set('locked', bool(fields.locked));
  set('lockout_expires_at', fields.lockoutExpiresAt);
  set('failed_verification_attempts', fields.failedVerificationAttempts);
  set('delete_self_enabled', bool(fields.deleteSelfEnabled));
  set('create_organization_enabled', bool(fields.createOrganizationEnabled));
  set('create_organizations_limit', fields.createOrganizationsLimit);
  set('legal_accepted_at', fields.legalAcceptedAt);
  set('last_sign_in_at', fields.lastSignInAt);
  set('last_active_at', fields.lastActiveAt);
  set('created_at', fields.createdAt);
  set('updated_at', fields.updatedAt);
  return row;
}

export function userRowToFields(row: Selectable<UserTable>): UserFields {
  return {
    id: row.id,
    externalId: row.external_id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    locale: row.locale,
    imageUrl: row.image_url,
    primaryEmailAddressId: row.primary_email_address_id,
    primaryPhoneNumberId: row.primary_phone_number_id,
    publicMetadata: JSON.parse(row.public_metadata),
    privateMetadata: JSON.parse(row.private_metadata),
    unsafeMetadata: JSON.parse(row.unsafe_metadata),
    banned: row.banned === 1,
    locked: row.locked === 1,
    lockoutExpiresAt: row.lockout_expires_at,
    failedVerificationAttempts: row.failed_verification_attempts,
    deleteSelfEnabled: row.delete_self_enabled === 1,
    createOrganizationEnabled: row.create_organization_enabled === 1,
    createOrganizationsLimit: row.create_organizations_limit,
    legalAcceptedAt: row.legal_accepted_at,
    lastSignInAt: row.last_sign_in_at,
    lastActiveAt: row.last_active_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function identifierToRow(record: IdentifierRecord): IdentifierTable & { value: string } {
  return {
    id: record.id,
    user_id: record.userId,
    value: record.value,
    verification_status: record.verificationStatus,
    verification_strategy: record.verificationStrategy,
    reserved: record.reserved ? 1 : 0,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    verification_code_hash: record.verificationCodeHash ?? null,
    verification_attempts: record.verificationAttempts ?? 0,
    verification_expire_at: record.verificationExpireAt ?? null,
  };
}

export function identifierRowToRecord(row: Selectable<IdentifierTable>, value: string): IdentifierRecord {
  return {
    id: row.id,
    userId: row.user_id,
    value,
    verificationStatus: row.verification_status as VerificationStatus,
    verificationStrategy: row.verification_strategy,
    reserved: row.reserved === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // Only a started verification has an expiry; without one the record keeps its plain shape.
    ...(row.verification_expire_at === null
      ? {}
      : {
          verificationCodeHash: row.verification_code_hash,
          verificationAttempts: row.verification_attempts,
          verificationExpireAt: row.verification_expire_at,
        }),
  };
}

export function passwordRowToRecord(row: Selectable<PasswordTable>): PasswordRecord {
  return { digest: row.digest, hasher: row.hasher, updatedAt: row.updated_at };
}

export function assembleUser(
  fields: UserFields,
  emailAddresses: IdentifierRecord[],
  phoneNumbers: IdentifierRecord[],
  password: PasswordRecord | null,
): UserRecord {
  return { ...fields, emailAddresses, phoneNumbers, password };
}
