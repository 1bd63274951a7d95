import { readFileSync } from 'node:fs';
import { EnvironmentJSON } from '@latch/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTANCE_SETTINGS } from '../../src/domain/instance-settings.js';
import { toEnvironmentJSON } from '../../src/http/fapi/environment-json.js';
import type { InstanceRecord, InstanceSettings } from '../../src/store/records.js';

const FRONTEND_API_URL = 'http://127.0.0.1:4000';

/** The default development instance, with a fixed id so the golden file is stable. */
function instance(
  overrides: { [K in keyof InstanceSettings]?: Partial<InstanceSettings[K]> } = {},
  environmentType: InstanceRecord['environmentType'] = 'development',
): InstanceRecord {
  const settings = { ...DEFAULT_INSTANCE_SETTINGS } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    settings[key] = { ...(settings[key] as object), ...(value as object) };
  }
  return {
    id: 'ins_0000000000000000000001',
    environmentType,
    settings: settings as unknown as InstanceSettings,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

function render(record: InstanceRecord = instance()) {
  return toEnvironmentJSON(record, { frontendApiUrl: FRONTEND_API_URL });
}

/** Every key of every object nested in `value`. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, nested]) => [key, ...allKeys(nested)]);
}

describe('toEnvironmentJSON', () => {
  it('renders the default instance exactly as the golden file', () => {
    // The golden file is the reviewed wire body clerk-js receives. When a change is intended,
    // update the file by hand and review the diff; never overwrite it from this output.
    const golden = JSON.parse(readFileSync(new URL('./golden/environment.default.json', import.meta.url), 'utf8'));
    expect(render()).toStrictEqual(golden);
  });

  it('validates against the EnvironmentJSON schema without losing a field', () => {
    for (const record of [
      instance(),
      instance({ signUp: { username: 'required', mode: 'restricted' }, sessions: { mode: 'multi' } }, 'production'),
    ]) {
      const body = render(record);
      // z.object strips unknown keys, so equality proves every emitted field is described.
      expect(EnvironmentJSON.parse(body)).toStrictEqual(body);
    }
  });

  it('removes email_code from the first factors when email codes are off', () => {
    const email = render(instance({ signIn: { emailCode: false } })).user_settings.attributes.email_address;
    expect(email.first_factors).toEqual([]);
    expect(email).toMatchObject({ enabled: true, required: true, verifications: ['email_code'] });
  });

  it('stops offering the email address as an identifier when signIn.emailAddress is off', () => {
    const email = render(instance({ signIn: { emailAddress: false } })).user_settings.attributes.email_address;
    expect(email.used_for_first_factor).toBe(false);
  });

  it('shows a required username as enabled, required and usable to sign in', () => {
    const username = render(instance({ signUp: { username: 'required' } })).user_settings.attributes.username;
    expect(username).toMatchObject({ enabled: true, required: true, used_for_first_factor: true });
  });

  it('keeps a username usable at sign-up but not at sign-in when signIn.username is off', () => {
    const username = render(instance({ signUp: { username: 'optional' }, signIn: { username: false } })).user_settings
      .attributes.username;
    expect(username).toMatchObject({ enabled: true, required: false, used_for_first_factor: false });
  });

  it('hides name and password fields that sign-up turns off', () => {
    const { attributes } = render(
      instance({ signUp: { firstName: 'off', lastName: 'required', password: 'off' } }),
    ).user_settings;
    expect(attributes.first_name).toMatchObject({ enabled: false, required: false });
    expect(attributes.last_name).toMatchObject({ enabled: true, required: true });
    expect(attributes.password).toMatchObject({ enabled: false, required: false });
  });

  it('flips single_session_mode for multi-session instances', () => {
    expect(render(instance({ sessions: { mode: 'multi' } })).auth_config.single_session_mode).toBe(false);
  });

  it('hides the development-mode warning on production instances', () => {
    const display = render(instance({}, 'production')).display_config;
    expect(display.show_devmode_warning).toBe(false);
    expect(display.instance_environment_type).toBe('production');
  });

  it('never enables captcha, Clerk Protect loaders or billing', () => {
    const body = render();
    expect(allKeys(body)).not.toContain('loaders');
    expect(body.display_config.captcha_public_key).toBeNull();
    expect(body.display_config.captcha_public_key_invisible).toBeNull();
    expect(body.user_settings.sign_up.captcha_enabled).toBe(false);
    expect(body.commerce_settings.billing).toEqual({
      stripe_publishable_key: null,
      user: { enabled: false, has_paid_plans: false },
      organization: { enabled: false, has_paid_plans: false },
    });
  });

  it('marks restricted sign-up as allowlist-only and carries legal consent', () => {
    const signUp = render(instance({ signUp: { mode: 'restricted', legalConsent: true } })).user_settings.sign_up;
    expect(signUp).toMatchObject({ mode: 'restricted', allowlist_only: true, legal_consent_enabled: true });
  });

  it('advertises the password policy and breached-password rejection', () => {
    const settings = render(
      instance({
        passwordPolicy: { minLength: 12, maxLength: 64, requireNumbers: true, requireSpecialCharacter: true },
        protection: { rejectBreachedPasswords: false, enumerationProtection: true },
      }),
    ).user_settings;
    expect(settings.password_settings).toMatchObject({
      min_length: 12,
      max_length: 64,
      require_numbers: true,
      require_special_char: true,
      require_lowercase: false,
      disable_hibp: true,
    });
    expect(settings.attack_protection.enumeration_protection.enabled).toBe(true);
  });

  it('uses the configured page URLs and trims a trailing slash off the Frontend API URL', () => {
    const record = instance({
      urls: {
        home: 'https://app.example.com',
        signIn: 'https://app.example.com/login',
        afterSignOut: 'https://app.example.com/bye',
      },
    });
    const display = toEnvironmentJSON(record, { frontendApiUrl: 'https://auth.example.com/' }).display_config;
    expect(display).toMatchObject({
      home_url: 'https://app.example.com',
      sign_in_url: 'https://app.example.com/login',
      sign_up_url: 'https://auth.example.com/sign-up',
      user_profile_url: 'https://auth.example.com/user',
      after_sign_in_url: 'https://app.example.com',
      after_sign_out_one_url: 'https://app.example.com/bye',
      after_sign_out_all_url: 'https://app.example.com/bye',
    });
  });

  it('derives the same sub-object ids from the instance id every time', () => {
    const first = render();
    const second = render();
    expect(second.auth_config.id).toBe(first.auth_config.id);
    expect(first.auth_config.id).toBe('aac_0000000000000000000001');
    expect(first.protect_config.id).toBe('protect_config_0000000000000000000001');
  });
});
