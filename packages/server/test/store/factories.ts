import { DEFAULT_INSTANCE_SETTINGS } from '../../src/domain/instance-settings.js';
import type {
  IdentifierRecord,
  InstanceRecord,
  PasswordRecord,
  SecretKeyRecord,
  SigningKeyRecord,
  UserFields,
} from '../../src/store/records.js';
import type { NewUser } from '../../src/store/store.js';

/**
 * Record builders for the store conformance suite. Times come from a fixed fake clock well past
 * 2^31 ms, so a bigint read back as a string (or truncated to int4) cannot slip through.
 */
export const NOW = 1_700_000_000_000;

let sequence = 0;
/** A unique, readable id such as `user_000042`. */
export function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}_${String(sequence).padStart(6, '0')}`;
}

export function userFields(overrides: Partial<UserFields> = {}): UserFields {
  return {
    id: nextId('user'),
    externalId: null,
    username: null,
    firstName: null,
    lastName: null,
    locale: null,
    imageUrl: null,
    primaryEmailAddressId: null,
    primaryPhoneNumberId: null,
    publicMetadata: {},
    privateMetadata: {},
    unsafeMetadata: {},
    banned: false,
    locked: false,
    lockoutExpiresAt: null,
    failedVerificationAttempts: 0,
    deleteSelfEnabled: true,
    createOrganizationEnabled: true,
    createOrganizationsLimit: null,
    legalAcceptedAt: null,
    lastSignInAt: null,
    lastActiveAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function identifier(userId: string, value: string, overrides: Partial<IdentifierRecord> = {}): IdentifierRecord {
  return {
    id: nextId('idn'),
    userId,
    value,
    verificationStatus: 'verified',
    verificationStrategy: 'admin',
    reserved: false,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function password(overrides: Partial<PasswordRecord> = {}): PasswordRecord {
  return { digest: `$argon2id$v=19$${nextId('digest')}`, hasher: 'argon2id', updatedAt: NOW, ...overrides };
}

export interface UserSpec extends Partial<UserFields> {
  /** Email addresses in creation order; the first becomes the primary one. */
  emails?: string[];
  /** Phone numbers in creation order; the first becomes the primary one. */
  phones?: string[];
  password?: PasswordRecord | null;
}

/** A NewUser with identifiers whose ids, owner and primary pointers line up. */
export function newUser(spec: UserSpec = {}): NewUser {
  const { emails = [], phones = [], password: pw = null, ...overrides } = spec;
  const fields = userFields(overrides);
  // Identifiers get ascending creation times so their stored order is well defined.
  const emailAddresses = emails.map((value, i) =>
    identifier(fields.id, value, { createdAt: NOW + i, updatedAt: NOW + i }),
  );
  const phoneNumbers = phones.map((value, i) =>
    identifier(fields.id, value, { createdAt: NOW + i, updatedAt: NOW + i }),
  );
  return {
    fields: {
      ...fields,
      primaryEmailAddressId: overrides.primaryEmailAddressId ?? emailAddresses[0]?.id ?? null,
      primaryPhoneNumberId: overrides.primaryPhoneNumberId ?? phoneNumbers[0]?.id ?? null,
    },
    emailAddresses,
    phoneNumbers,
    password: pw,
  };
}

export function instanceRecord(overrides: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id: nextId('ins'),
    environmentType: 'development',
    settings: {
      ...DEFAULT_INSTANCE_SETTINGS,
      passwordPolicy: {
        minLength: 8,
        maxLength: 72,
        requireLowercase: false,
        requireUppercase: false,
        requireNumbers: false,
        requireSpecialCharacter: false,
      },
    },
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function signingKey(overrides: Partial<SigningKeyRecord> = {}): SigningKeyRecord {
  const kid = overrides.kid ?? nextId('ins_key');
  return {
    kid,
    privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${kid}\n-----END PRIVATE KEY-----\n`,
    publicJwk: { kid, kty: 'RSA', alg: 'RS256', use: 'sig', n: `modulus-of-${kid}`, e: 'AQAB' },
    activatesAt: NOW,
    retiresAt: null,
    createdAt: NOW,
    ...overrides,
  };
}

export function secretKey(overrides: Partial<SecretKeyRecord> = {}): SecretKeyRecord {
  const id = overrides.id ?? nextId('sk');
  return {
    id,
    secretHash: `sha256-of-${id}`,
    hint: id.slice(-4),
    name: `Key ${id}`,
    createdAt: NOW,
    revokedAt: null,
    ...overrides,
  };
}
