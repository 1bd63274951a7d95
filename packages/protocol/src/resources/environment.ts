import { z } from 'zod';

/*
 * The Frontend API's `/v1/environment` body: the instance settings clerk-js and @clerk/ui read to
 * decide which fields, factors and features to show. Field names are Clerk's (FAPI spec
 * `Client.Environment`, @clerk/shared 4.x `EnvironmentJSON`); the list is what Latch emits.
 *
 * A few fields are pinned to the one value Latch sends, because any other value makes clerk-js load
 * third-party code or call endpoints Latch does not serve (PROTOCOL.md Appendix A): captcha keys are
 * `null`, sign-up captcha is off, billing is off, and `protect_config` has no `loaders`.
 */

/** How one user attribute (`email_address`, `password` …) behaves at sign-up and sign-in. */
export const UserSettingsAttributeJSON = z
  .object({
    enabled: z.boolean(),
    required: z.boolean(),
    /** Can identify a user on the sign-in start screen. */
    used_for_first_factor: z.boolean(),
    /** Strategies this attribute offers as a first factor, e.g. `email_code`. */
    first_factors: z.array(z.string()),
    used_for_second_factor: z.boolean(),
    second_factors: z.array(z.string()),
    /** How the attribute is verified, e.g. `email_code`. */
    verifications: z.array(z.string()),
    verify_at_sign_up: z.boolean(),
    immutable: z.boolean(),
  })
  .meta({ id: 'UserSettingsAttribute' });
export type UserSettingsAttributeJSON = z.infer<typeof UserSettingsAttributeJSON>;

/** The attributes, one entry each; clerk-js treats a missing one as disabled. */
export const UserSettingsAttributesJSON = z.object({
  email_address: UserSettingsAttributeJSON,
  phone_number: UserSettingsAttributeJSON,
  username: UserSettingsAttributeJSON,
  web3_wallet: UserSettingsAttributeJSON,
  first_name: UserSettingsAttributeJSON,
  last_name: UserSettingsAttributeJSON,
  password: UserSettingsAttributeJSON,
  authenticator_app: UserSettingsAttributeJSON,
  backup_code: UserSettingsAttributeJSON,
  passkey: UserSettingsAttributeJSON,
});
export type UserSettingsAttributesJSON = z.infer<typeof UserSettingsAttributesJSON>;

/** One social connection, keyed by strategy (`oauth_google`) in `user_settings.social`. */
export const SocialProviderSettingsJSON = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  authenticatable: z.boolean(),
  strategy: z.string(),
  name: z.string(),
  logo_url: z.string().nullable(),
});

/** The password rules the UI checks as the user types; the server enforces the same policy. */
export const PasswordSettingsJSON = z.object({
  min_length: z.number().int(),
  max_length: z.number().int(),
  require_special_char: z.boolean(),
  require_numbers: z.boolean(),
  require_uppercase: z.boolean(),
  require_lowercase: z.boolean(),
  /** The characters that count as "special" in the UI's check (a regex character class body). */
  allowed_special_characters: z.string(),
  /** `false` tells the UI that breached passwords are rejected. */
  disable_hibp: z.boolean(),
  show_zxcvbn: z.boolean(),
  min_zxcvbn_strength: z.number().int().min(0).max(4),
});

export const UserSettingsJSON = z
  .object({
    attributes: UserSettingsAttributesJSON,
    social: z.record(z.string(), SocialProviderSettingsJSON),
    enterprise_sso: z.object({
      enabled: z.boolean(),
      self_serve_sso: z.boolean(),
      self_serve_directory_sync: z.boolean(),
    }),
    sign_in: z.object({ second_factor: z.object({ required: z.boolean(), enabled: z.boolean() }) }),
    sign_up: z.object({
      mode: z.enum(['public', 'restricted', 'waitlist']),
      legal_consent_enabled: z.boolean(),
      /** Pinned off: a sign-up captcha makes clerk-js load Cloudflare Turnstile. */
      captcha_enabled: z.literal(false),
      /** `true`: fields missing after the first form are asked for on a "continue" step. */
      progressive: z.boolean(),
      allowlist_only: z.boolean(),
    }),
    password_settings: PasswordSettingsJSON,
    username_settings: z.object({ min_length: z.number().int(), max_length: z.number().int() }),
    actions: z.object({ delete_self: z.boolean(), create_organization: z.boolean() }),
    attack_protection: z.object({ enumeration_protection: z.object({ enabled: z.boolean() }) }),
    passkey_settings: z.object({ allow_autofill: z.boolean(), show_sign_in_button: z.boolean() }),
  })
  .meta({ id: 'UserSettings' });
export type UserSettingsJSON = z.infer<typeof UserSettingsJSON>;

/** Session behaviour: `single_session_mode` hides "Add account" and the session switcher. */
export const AuthConfigJSON = z
  .object({
    object: z.literal('auth_config'),
    id: z.string(),
    single_session_mode: z.boolean(),
    /** When a development instance was claimed by an account: never, for a self-hosted one. */
    claimed_at: z.number().int().nullable(),
    reverification: z.boolean(),
    /** Pinned off: `true` switches clerk-js to Clerk's token-minter refresh; Latch serves the plain `/tokens` one. */
    session_minter: z.literal(false),
  })
  .meta({ id: 'AuthConfig' });
export type AuthConfigJSON = z.infer<typeof AuthConfigJSON>;

/** Colours and fonts of Clerk's legacy theme; @clerk/ui styles from `appearance`, but parses this. */
export const DisplayThemeJSON = z.object({
  general: z.object({
    color: z.string(),
    background_color: z.string(),
    font_family: z.string(),
    font_color: z.string(),
    label_font_weight: z.string(),
    padding: z.string(),
    border_radius: z.string(),
    box_shadow: z.string(),
  }),
  buttons: z.object({ font_color: z.string(), font_family: z.string(), font_weight: z.string() }),
  accounts: z.object({ background_color: z.string() }),
});
export type DisplayThemeJSON = z.infer<typeof DisplayThemeJSON>;

/** What the UI shows and where it navigates: application name, page URLs, dev-mode badge. */
export const DisplayConfigJSON = z
  .object({
    object: z.literal('display_config'),
    id: z.string(),
    application_name: z.string(),
    instance_environment_type: z.enum(['development', 'production']),
    /** `true` shows "Secured by Clerk" under every component. */
    branded: z.boolean(),
    theme: DisplayThemeJSON,
    preferred_sign_in_strategy: z.enum(['password', 'otp']),
    logo_image_url: z.string().nullable(),
    favicon_image_url: z.string().nullable(),
    support_email: z.string().nullable(),
    terms_url: z.string().nullable(),
    privacy_policy_url: z.string().nullable(),
    home_url: z.string(),
    sign_in_url: z.string(),
    sign_up_url: z.string(),
    user_profile_url: z.string(),
    organization_profile_url: z.string(),
    create_organization_url: z.string(),
    waitlist_url: z.string(),
    after_sign_in_url: z.string(),
    after_sign_up_url: z.string(),
    /** Where signing out of one of several sessions lands (Clerk: the account chooser). */
    after_sign_out_one_url: z.string(),
    after_sign_out_all_url: z.string(),
    after_switch_session_url: z.string(),
    after_create_organization_url: z.string(),
    after_leave_organization_url: z.string(),
    after_join_waitlist_url: z.string(),
    /** The "Development mode" badge on components. */
    show_devmode_warning: z.boolean(),
    /** Pinned `null`: a key makes clerk-js load Cloudflare Turnstile. */
    captcha_public_key: z.null(),
    captcha_public_key_invisible: z.null(),
    captcha_widget_type: z.enum(['smart', 'invisible']).nullable(),
    captcha_provider: z.literal('turnstile'),
    captcha_oauth_bypass: z.array(z.string()),
    captcha_heartbeat: z.literal(false),
    google_one_tap_client_id: z.string().nullable(),
    clerk_js_version: z.string().nullable(),
  })
  .meta({ id: 'DisplayConfig' });
export type DisplayConfigJSON = z.infer<typeof DisplayConfigJSON>;

export const OrganizationSettingsJSON = z
  .object({
    enabled: z.boolean(),
    /** Default cap on an organization's members (clerk-js 6 reads each organization's own value). */
    max_allowed_memberships: z.number().int(),
    force_organization_selection: z.boolean(),
    /** The role a user gets in an organization they create. */
    creator_role: z.string(),
    actions: z.object({ admin_delete: z.boolean() }),
    domains: z.object({
      enabled: z.boolean(),
      enrollment_modes: z.array(z.enum(['manual_invitation', 'automatic_invitation', 'automatic_suggestion'])),
      default_role: z.string().nullable(),
    }),
    slug: z.object({ disabled: z.boolean() }),
    organization_creation_defaults: z.object({ enabled: z.boolean() }),
  })
  .meta({ id: 'OrganizationSettings' });
export type OrganizationSettingsJSON = z.infer<typeof OrganizationSettingsJSON>;

const BillingPayerJSON = z.object({ enabled: z.literal(false), has_paid_plans: z.literal(false) });

/** Clerk Billing, pinned off: enabled billing makes the UI load Stripe and call `/v1/billing/*`. */
export const CommerceSettingsJSON = z
  .object({
    object: z.literal('commerce_settings'),
    id: z.string(),
    billing: z.object({
      stripe_publishable_key: z.null(),
      user: BillingPayerJSON,
      organization: BillingPayerJSON,
    }),
  })
  .meta({ id: 'CommerceSettings' });
export type CommerceSettingsJSON = z.infer<typeof CommerceSettingsJSON>;

export const APIKeysSettingsJSON = z
  .object({
    object: z.literal('api_keys_settings'),
    id: z.string(),
    enabled: z.boolean(),
    user_api_keys_enabled: z.boolean(),
    orgs_api_keys_enabled: z.boolean(),
  })
  .meta({ id: 'APIKeysSettings' });
export type APIKeysSettingsJSON = z.infer<typeof APIKeysSettingsJSON>;

/**
 * Clerk Protect, reduced to its identity. Strict on purpose: a `loaders` list makes clerk-js inject
 * third-party bot-detection scripts into the app's pages.
 */
export const ProtectConfigJSON = z
  .strictObject({ object: z.literal('protect_config'), id: z.string() })
  .meta({ id: 'ProtectConfig' });
export type ProtectConfigJSON = z.infer<typeof ProtectConfigJSON>;

/**
 * The body of `GET /v1/environment` (and `PATCH`, which development instances send on load).
 *
 * @example
 * const environment = EnvironmentJSON.parse(await (await fetch(`${fapi}/v1/environment`)).json());
 * environment.auth_config.single_session_mode; // true
 */
export const EnvironmentJSON = z
  .object({
    object: z.literal('environment'),
    id: z.string(),
    auth_config: AuthConfigJSON,
    display_config: DisplayConfigJSON,
    user_settings: UserSettingsJSON,
    organization_settings: OrganizationSettingsJSON,
    commerce_settings: CommerceSettingsJSON,
    api_keys_settings: APIKeysSettingsJSON,
    protect_config: ProtectConfigJSON,
    maintenance_mode: z.boolean(),
    client_debug_mode: z.boolean(),
    /** `true` makes clerk-js set its cookies `SameSite=None; Secure; Partitioned` (CHIPS). */
    partitioned_cookies: z.boolean(),
  })
  .meta({ id: 'Environment' });
export type EnvironmentJSON = z.infer<typeof EnvironmentJSON>;
