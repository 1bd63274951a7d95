import type { instanceSettingsEndpoints } from '@latch/protocol';
import type { InstanceRecord, InstanceSettings } from '../store/records.js';

type InstanceSettingsJSON = instanceSettingsEndpoints.InstanceSettingsJSON;
type UpdateInstanceSettingsBody = instanceSettingsEndpoints.UpdateInstanceSettingsBody;

/** The Backend API form of the settings (`GET /instance/settings`): snake_case, one object. */
export function toInstanceSettingsJSON(instance: InstanceRecord): InstanceSettingsJSON {
  const { signIn, signUp, passwordPolicy, sessions, protection, restrictions } = instance.settings;
  return {
    object: 'instance_settings',
    application_name: instance.settings.applicationName,
    sign_in: {
      email_address: signIn.emailAddress,
      username: signIn.username,
      email_code: signIn.emailCode,
      password: signIn.password,
    },
    sign_up: {
      mode: signUp.mode,
      username: signUp.username,
      first_name: signUp.firstName,
      last_name: signUp.lastName,
      password: signUp.password,
      legal_consent: signUp.legalConsent,
    },
    password_policy: {
      min_length: passwordPolicy.minLength,
      max_length: passwordPolicy.maxLength,
      require_lowercase: passwordPolicy.requireLowercase,
      require_uppercase: passwordPolicy.requireUppercase,
      require_numbers: passwordPolicy.requireNumbers,
      require_special_character: passwordPolicy.requireSpecialCharacter,
    },
    sessions: {
      mode: sessions.mode,
      lifetime_seconds: sessions.lifetimeSeconds,
      inactivity_timeout_seconds: sessions.inactivityTimeoutSeconds,
      token_lifetime_seconds: sessions.tokenLifetimeSeconds,
    },
    protection: {
      max_failed_attempts: protection.maxFailedAttempts,
      lockout_seconds: protection.lockoutSeconds,
      enumeration_protection: protection.enumerationProtection,
      reject_breached_passwords: protection.rejectBreachedPasswords,
    },
    restrictions: {
      allowlist: restrictions.allowlist,
      blocklist: restrictions.blocklist,
      allowlist_blocklist_disabled_on_sign_in: restrictions.allowlistBlocklistDisabledOnSignIn,
      block_email_subaddresses: restrictions.blockEmailSubaddresses,
      allowlist_identifiers: [...restrictions.allowlistIdentifiers],
      blocklist_identifiers: [...restrictions.blocklistIdentifiers],
    },
    allowed_origins: [...instance.settings.allowedOrigins],
    updated_at: instance.updatedAt,
  };
}

/** Drops the keys a PATCH left out, so spreading the result over a section keeps those fields. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

/** Applies a validated PATCH body to settings; omitted fields keep their value. Pure: returns a new object. */
export function applySettingsPatch(current: InstanceSettings, patch: UpdateInstanceSettingsBody): InstanceSettings {
  const next = structuredClone(current);
  if (patch.application_name !== undefined) next.applicationName = patch.application_name;
  if (patch.sign_in) {
    const p = patch.sign_in;
    Object.assign(
      next.signIn,
      defined({ emailAddress: p.email_address, username: p.username, emailCode: p.email_code, password: p.password }),
    );
  }
  if (patch.sign_up) {
    const p = patch.sign_up;
    Object.assign(
      next.signUp,
      defined({
        mode: p.mode,
        username: p.username,
        firstName: p.first_name,
        lastName: p.last_name,
        password: p.password,
        legalConsent: p.legal_consent,
      }),
    );
  }
  if (patch.password_policy) {
    const p = patch.password_policy;
    Object.assign(
      next.passwordPolicy,
      defined({
        minLength: p.min_length,
        maxLength: p.max_length,
        requireLowercase: p.require_lowercase,
        requireUppercase: p.require_uppercase,
        requireNumbers: p.require_numbers,
        requireSpecialCharacter: p.require_special_character,
      }),
    );
  }
  if (patch.sessions) {
    const p = patch.sessions;
    Object.assign(
      next.sessions,
      defined({
        mode: p.mode,
        lifetimeSeconds: p.lifetime_seconds,
        inactivityTimeoutSeconds: p.inactivity_timeout_seconds,
        tokenLifetimeSeconds: p.token_lifetime_seconds,
      }),
    );
  }
  if (patch.protection) {
    const p = patch.protection;
    Object.assign(
      next.protection,
      defined({
        maxFailedAttempts: p.max_failed_attempts,
        lockoutSeconds: p.lockout_seconds,
        enumerationProtection: p.enumeration_protection,
        rejectBreachedPasswords: p.reject_breached_passwords,
      }),
    );
  }
  if (patch.restrictions) {
    const p = patch.restrictions;
    Object.assign(
      next.restrictions,
      defined({
        allowlist: p.allowlist,
        blocklist: p.blocklist,
        allowlistBlocklistDisabledOnSignIn: p.allowlist_blocklist_disabled_on_sign_in,
        blockEmailSubaddresses: p.block_email_subaddresses,
        allowlistIdentifiers: p.allowlist_identifiers && [...new Set<string>(p.allowlist_identifiers)],
        blocklistIdentifiers: p.blocklist_identifiers && [...new Set<string>(p.blocklist_identifiers)],
      }),
    );
  }
  if (patch.allowed_origins) next.allowedOrigins = [...new Set(patch.allowed_origins)];
  return next;
}
