import { formError } from '../../errors.js';
import type { FieldRequirement, InstanceSettings, Metadata, SignUpRecord } from '../../store/records.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { assertPasswordNotBreached } from '../protection/breached-passwords.js';
import { normalizeEmailAddresses, normalizeUsername } from '../users/user-identifiers.js';
import { assertMetadataSize } from '../users/user-metadata.js';

/** What a sign-up create or update supplies; `undefined` means "not given". */
export interface SignUpFieldsInput {
  emailAddress?: string | undefined;
  password?: string | undefined;
  username?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  unsafeMetadata?: Metadata | undefined;
  legalAccepted?: boolean | undefined;
  locale?: string | undefined;
}

/** The record fields a create or update may set (the password travels separately, to be hashed). */
export type SignUpChanges = Partial<
  Pick<
    SignUpRecord,
    'emailAddress' | 'username' | 'firstName' | 'lastName' | 'unsafeMetadata' | 'legalAcceptedAt' | 'locale'
  >
>;

export interface CheckedSignUpFields {
  changes: SignUpChanges;
  /** The plaintext password, checked against the policy and the breached list; the caller hashes it. */
  password: string | null;
}

/**
 * Validates sign-up fields against the instance's settings, cheapest checks first, without touching
 * the store: a field the instance turned off is refused by name (`form_param_unknown`), formats
 * are checked with the Backend API's rules, and the password must pass the policy and, when the
 * instance asks for it, the breached-password list. Nothing is hashed here.
 *
 * @example
 * const { changes, password } = checkSignUpFields(settings, { emailAddress: 'Ada@Example.com', password: 'a long passphrase' }, now);
 * changes.emailAddress // 'ada@example.com'
 */
export function checkSignUpFields(
  settings: InstanceSettings,
  input: SignUpFieldsInput,
  now: number,
): CheckedSignUpFields {
  const { signUp: fields } = settings;
  refuseIfOff('password', fields.password, input.password);
  refuseIfOff('username', fields.username, input.username);
  refuseIfOff('first_name', fields.firstName, input.firstName);
  refuseIfOff('last_name', fields.lastName, input.lastName);

  const changes: SignUpChanges = {};
  if (input.emailAddress !== undefined) [changes.emailAddress] = normalizeEmailAddresses([input.emailAddress]);
  if (input.username !== undefined) changes.username = normalizeUsername(input.username);
  if (input.firstName !== undefined) changes.firstName = input.firstName.trim();
  if (input.lastName !== undefined) changes.lastName = input.lastName.trim();
  if (input.unsafeMetadata !== undefined) {
    assertMetadataSize('unsafe_metadata', input.unsafeMetadata);
    changes.unsafeMetadata = input.unsafeMetadata;
  }
  // Consent is a moment: record when it was given, and forget it when withdrawn before completion.
  if (input.legalAccepted !== undefined) changes.legalAcceptedAt = input.legalAccepted ? now : null;
  if (input.locale !== undefined) changes.locale = input.locale;

  if (input.password !== undefined) {
    assertPasswordAllowed(settings.passwordPolicy, input.password);
    if (settings.protection.rejectBreachedPasswords) assertPasswordNotBreached(input.password);
  }
  return { changes, password: input.password ?? null };
}

function refuseIfOff(param: string, requirement: FieldRequirement, value: string | undefined): void {
  if (requirement !== 'off' || value === undefined) return;
  throw formError('form_param_unknown', param, 'is unknown', `${param} is not a sign-up field on this instance.`);
}
