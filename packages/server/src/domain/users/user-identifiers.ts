import { USER_LIMITS } from '@latch/protocol';
import { formError, identifierExists } from '../../errors.js';
import type { Store } from '../../store/store.js';

// Deliberately permissive: one @, no spaces, a dot in the domain. Deliverability is proven by
// verification, not by a regex.
const EMAIL_PATTERN = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+\.[^\s@"<>()[\],;:.]{2,}$/;
const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
const USERNAME_PATTERN = /^[a-z0-9_.-]+$/;

/** Lower-cases and checks each email; throws a 422 naming `email_address` on the first bad one. */
export function normalizeEmailAddresses(emails: string[]): string[] {
  const normalized = emails.map((email) => email.trim().toLowerCase());
  for (const email of normalized) {
    if (email.length > USER_LIMITS.emailMaxLength || !EMAIL_PATTERN.test(email)) {
      throw formError(
        'form_param_format_invalid',
        'email_address',
        'is invalid',
        'Email address must be a valid email address.',
      );
    }
  }
  assertNoDuplicates(normalized, 'email_address');
  return normalized;
}

/** Strips formatting and checks E.164 (`+14155550100`); throws a 422 naming `phone_number`. */
export function normalizePhoneNumbers(phones: string[]): string[] {
  const normalized = phones.map((phone) => phone.replace(/[\s().-]/g, ''));
  for (const phone of normalized) {
    if (!E164_PATTERN.test(phone)) {
      throw formError(
        'form_param_format_invalid',
        'phone_number',
        'is invalid',
        'Phone numbers must be in E.164 format, like +14155550100.',
      );
    }
  }
  assertNoDuplicates(normalized, 'phone_number');
  return normalized;
}

/** Lower-cases a username and checks length and characters with Clerk's codes. */
export function normalizeUsername(username: string): string {
  const normalized = username.trim().toLowerCase();
  const { usernameMinLength: min, usernameMaxLength: max } = USER_LIMITS;
  if (normalized.length < min || normalized.length > max) {
    throw formError(
      'form_username_invalid_length',
      'username',
      `Usernames must be between ${min} and ${max} characters long.`,
      `Usernames must be between ${min} and ${max} characters long.`,
    );
  }
  if (!USERNAME_PATTERN.test(normalized)) {
    throw formError(
      'form_username_invalid_character',
      'username',
      'can only contain letters, numbers, "_", "-" and "."',
      'Usernames can only contain letters, numbers, underscores, hyphens and periods.',
    );
  }
  return normalized;
}

function assertNoDuplicates(values: string[], paramName: string): void {
  if (new Set(values).size !== values.length) {
    throw formError(
      'form_param_value_invalid',
      paramName,
      'contains duplicates',
      `Each ${paramName} may appear only once.`,
    );
  }
}

/** Throws `form_identifier_exists` if any identifier already belongs to another user. */
export async function assertIdentifiersAvailable(
  store: Store,
  identifiers: {
    emailAddresses?: string[];
    phoneNumbers?: string[];
    username?: string | null;
    externalId?: string | null;
  },
  exceptUserId?: string,
): Promise<void> {
  const takenEmails = await store.users.findTakenIdentifiers('email_address', identifiers.emailAddresses ?? []);
  if (takenEmails.length > 0) {
    throw identifierExists('email_address', 'That email address is taken. Please try another.');
  }
  const takenPhones = await store.users.findTakenIdentifiers('phone_number', identifiers.phoneNumbers ?? []);
  if (takenPhones.length > 0) {
    throw identifierExists('phone_number', 'That phone number is taken. Please try another.');
  }
  if (identifiers.username) {
    const owner = await store.users.findUserIdByUsername(identifiers.username);
    if (owner && owner !== exceptUserId) {
      throw identifierExists('username', 'That username is taken. Please try another.');
    }
  }
  if (identifiers.externalId) {
    const owner = await store.users.findUserIdByExternalId(identifiers.externalId);
    if (owner && owner !== exceptUserId) {
      throw identifierExists('external_id', 'That external ID is taken by another user.');
    }
  }
}
