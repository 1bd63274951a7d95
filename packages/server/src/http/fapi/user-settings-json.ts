import { USER_LIMITS, type UserSettingsAttributeJSON, type UserSettingsJSON } from '@latch/protocol';
import type { FieldRequirement, InstanceSettings } from '../../store/records.js';

/**
 * Clerk's default set (@clerk/shared's fallback). The policy accepts any non-letter, non-digit,
 * non-space character; the UI's check is the stricter of the two, so it never passes a password the
 * server then refuses.
 */
const ALLOWED_SPECIAL_CHARACTERS = '!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~';

/** An attribute the UI neither shows nor offers; fresh each time, so no two entries share arrays. */
function disabled(): UserSettingsAttributeJSON {
  return {
    enabled: false,
    required: false,
    used_for_first_factor: false,
    first_factors: [],
    used_for_second_factor: false,
    second_factors: [],
    verifications: [],
    verify_at_sign_up: false,
    immutable: false,
  };
}

/** A plain sign-up field: shown when not `off`, mandatory when `required`. */
function fieldAttribute(requirement: FieldRequirement): UserSettingsAttributeJSON {
  return { ...disabled(), enabled: requirement !== 'off', required: requirement === 'required' };
}

/**
 * Renders the sign-up/sign-in part of the instance settings as Clerk's `user_settings`: only what
 * Latch can do is advertised, because the UI offers every enabled attribute and factor.
 *
 * @example
 * toUserSettingsJSON(DEFAULT_INSTANCE_SETTINGS).attributes.email_address.first_factors; // ['email_code']
 */
export function toUserSettingsJSON(settings: InstanceSettings): UserSettingsJSON {
  const { signUp, signIn, passwordPolicy, protection } = settings;
  const username = fieldAttribute(signUp.username);
  return {
    attributes: {
      // Email is Latch's identifier: asked for at every sign-up and verified by a code (PROTOCOL.md §2.2).
      email_address: {
        ...disabled(),
        enabled: true,
        required: true,
        used_for_first_factor: signIn.emailAddress,
        first_factors: signIn.emailCode ? ['email_code'] : [],
        verifications: ['email_code'],
        verify_at_sign_up: true,
      },
      phone_number: disabled(),
      username: { ...username, used_for_first_factor: username.enabled && signIn.username },
      web3_wallet: disabled(),
      first_name: fieldAttribute(signUp.firstName),
      last_name: fieldAttribute(signUp.lastName),
      // Never `used_for_first_factor`: the UI would list "password" as an identifier. The sign-in
      // form shows its password field whenever this attribute is enabled.
      password: fieldAttribute(signUp.password),
      authenticator_app: disabled(),
      backup_code: disabled(),
      passkey: disabled(),
    },
    social: {},
    enterprise_sso: { enabled: false, self_serve_sso: false, self_serve_directory_sync: false },
    sign_in: { second_factor: { required: false, enabled: false } },
    sign_up: {
      mode: signUp.mode,
      legal_consent_enabled: signUp.legalConsent,
      captcha_enabled: false,
      progressive: true,
      allowlist_only: signUp.mode === 'restricted',
    },
    password_settings: {
      min_length: passwordPolicy.minLength,
      max_length: passwordPolicy.maxLength,
      require_special_char: passwordPolicy.requireSpecialCharacter,
      require_numbers: passwordPolicy.requireNumbers,
      require_uppercase: passwordPolicy.requireUppercase,
      require_lowercase: passwordPolicy.requireLowercase,
      allowed_special_characters: ALLOWED_SPECIAL_CHARACTERS,
      disable_hibp: !protection.rejectBreachedPasswords,
      show_zxcvbn: false,
      min_zxcvbn_strength: 0,
    },
    username_settings: { min_length: USER_LIMITS.usernameMinLength, max_length: USER_LIMITS.usernameMaxLength },
    actions: { delete_self: true, create_organization: true },
    attack_protection: { enumeration_protection: { enabled: protection.enumerationProtection } },
    passkey_settings: { allow_autofill: false, show_sign_in_button: false },
  };
}
