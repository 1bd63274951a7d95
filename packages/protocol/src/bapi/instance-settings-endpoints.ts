import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';

const tag = 'Instance Settings';

/** Bounds on settings, so a typo cannot lock everyone out or make sessions last a century. */
export const INSTANCE_SETTINGS_LIMITS = {
  maxOrigins: 100,
  maxListEntries: 1000,
  minPasswordLength: 1,
  maxPasswordLength: 256,
  minSessionSeconds: 60,
  maxSessionSeconds: 10 * 365 * 24 * 3600,
  minTokenLifetimeSeconds: 30,
  maxTokenLifetimeSeconds: 3600,
  maxFailedAttempts: 1000,
} as const;

const FieldRequirement = z.enum(['off', 'optional', 'required']);

/** A browser origin, exactly as the `Origin` header carries it: scheme, host, optional port, nothing else. */
const OriginString = z
  .string()
  .max(2048)
  .regex(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i, 'must be an origin such as https://app.example.com (no path)');

/** An email address (`ada@example.com`) or a whole domain (`example.com` or `@example.com`). */
const EmailOrDomain = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(320)
  .regex(/^([^@\s]+@|@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be an email address or a domain such as example.com');

const seconds = (min: number) => z.number().int().min(min).max(INSTANCE_SETTINGS_LIMITS.maxSessionSeconds);

/** Clerk's `GET /instance`. */
export const InstanceJSON = z
  .object({
    object: z.literal('instance'),
    id: z.string(),
    environment_type: z.enum(['development', 'production']),
    allowed_origins: z.array(z.string()).nullable(),
    workspace_id: z.string().nullable(),
  })
  .meta({ id: 'Instance' });
export type InstanceJSON = z.infer<typeof InstanceJSON>;

/** Clerk's `PATCH /instance` body, limited to what Latch has (unknown fields are refused, as in Clerk). */
export const UpdateInstanceBody = z
  .strictObject({
    allowed_origins: z.array(OriginString).max(INSTANCE_SETTINGS_LIMITS.maxOrigins).optional(),
    hibp: z.boolean().nullable().optional(),
  })
  .meta({ id: 'UpdateInstanceBody' });
export type UpdateInstanceBody = z.infer<typeof UpdateInstanceBody>;

/** Clerk's `InstanceRestrictions`. */
export const InstanceRestrictionsJSON = z
  .object({
    object: z.literal('instance_restrictions'),
    allowlist: z.boolean(),
    blocklist: z.boolean(),
    allowlist_blocklist_disabled_on_sign_in: z.boolean(),
    block_email_subaddresses: z.boolean(),
    block_disposable_email_domains: z.boolean(),
  })
  .meta({ id: 'InstanceRestrictions' });
export type InstanceRestrictionsJSON = z.infer<typeof InstanceRestrictionsJSON>;

/** Clerk's `PATCH /instance/restrictions` body. */
export const UpdateInstanceRestrictionsBody = z
  .strictObject({
    allowlist: z.boolean().nullable().optional(),
    blocklist: z.boolean().nullable().optional(),
    allowlist_blocklist_disabled_on_sign_in: z.boolean().nullable().optional(),
    block_email_subaddresses: z.boolean().nullable().optional(),
    block_disposable_email_domains: z.boolean().nullable().optional(),
  })
  .meta({ id: 'UpdateInstanceRestrictionsBody' });
export type UpdateInstanceRestrictionsBody = z.infer<typeof UpdateInstanceRestrictionsBody>;

const sections = {
  application_name: z.string().trim().min(1).max(256),
  sign_in: z.strictObject({
    email_address: z.boolean(),
    username: z.boolean(),
    email_code: z.boolean(),
    password: z.boolean(),
  }),
  sign_up: z.strictObject({
    mode: z.enum(['public', 'restricted']),
    username: FieldRequirement,
    first_name: FieldRequirement,
    last_name: FieldRequirement,
    password: FieldRequirement,
    legal_consent: z.boolean(),
  }),
  password_policy: z.strictObject({
    min_length: z
      .number()
      .int()
      .min(INSTANCE_SETTINGS_LIMITS.minPasswordLength)
      .max(INSTANCE_SETTINGS_LIMITS.maxPasswordLength),
    max_length: z
      .number()
      .int()
      .min(INSTANCE_SETTINGS_LIMITS.minPasswordLength)
      .max(INSTANCE_SETTINGS_LIMITS.maxPasswordLength),
    require_lowercase: z.boolean(),
    require_uppercase: z.boolean(),
    require_numbers: z.boolean(),
    require_special_character: z.boolean(),
  }),
  sessions: z.strictObject({
    mode: z.enum(['single', 'multi']),
    lifetime_seconds: seconds(INSTANCE_SETTINGS_LIMITS.minSessionSeconds),
    inactivity_timeout_seconds: seconds(INSTANCE_SETTINGS_LIMITS.minSessionSeconds).nullable(),
    token_lifetime_seconds: z
      .number()
      .int()
      .min(INSTANCE_SETTINGS_LIMITS.minTokenLifetimeSeconds)
      .max(INSTANCE_SETTINGS_LIMITS.maxTokenLifetimeSeconds),
  }),
  protection: z.strictObject({
    max_failed_attempts: z.number().int().min(1).max(INSTANCE_SETTINGS_LIMITS.maxFailedAttempts).nullable(),
    lockout_seconds: seconds(INSTANCE_SETTINGS_LIMITS.minSessionSeconds),
    enumeration_protection: z.boolean(),
    reject_breached_passwords: z.boolean(),
  }),
  restrictions: z.strictObject({
    allowlist: z.boolean(),
    blocklist: z.boolean(),
    allowlist_blocklist_disabled_on_sign_in: z.boolean(),
    block_email_subaddresses: z.boolean(),
    allowlist_identifiers: z.array(EmailOrDomain).max(INSTANCE_SETTINGS_LIMITS.maxListEntries),
    blocklist_identifiers: z.array(EmailOrDomain).max(INSTANCE_SETTINGS_LIMITS.maxListEntries),
  }),
  allowed_origins: z.array(OriginString).max(INSTANCE_SETTINGS_LIMITS.maxOrigins),
};

/**
 * Latch's `GET /instance/settings`: every setting the dashboard edits, in one object. Clerk spreads
 * these over its dashboard's private API; Latch keeps them public so the dashboard needs nothing else.
 */
export const InstanceSettingsJSON = z
  .object({
    object: z.literal('instance_settings'),
    ...sections,
    /** Unix ms of the last change. */
    updated_at: z.number().int(),
  })
  .meta({ id: 'InstanceSettings' });
export type InstanceSettingsJSON = z.infer<typeof InstanceSettingsJSON>;

/** Body of `PATCH /instance/settings`: any subset of sections, each with any subset of its fields. */
export const UpdateInstanceSettingsBody = z
  .strictObject({
    application_name: sections.application_name.optional(),
    sign_in: sections.sign_in.partial().optional(),
    sign_up: sections.sign_up.partial().optional(),
    password_policy: sections.password_policy.partial().optional(),
    sessions: sections.sessions.partial().optional(),
    protection: sections.protection.partial().optional(),
    restrictions: sections.restrictions.partial().optional(),
    allowed_origins: sections.allowed_origins.optional(),
  })
  .meta({ id: 'UpdateInstanceSettingsBody' });
export type UpdateInstanceSettingsBody = z.infer<typeof UpdateInstanceSettingsBody>;

export const getInstance = defineEndpoint({
  method: 'get',
  path: '/instance',
  operationId: 'GetInstance',
  summary: 'Fetch the current instance.',
  tag,
  response: InstanceJSON,
});

export const updateInstance = defineEndpoint({
  method: 'patch',
  path: '/instance',
  operationId: 'UpdateInstance',
  summary: 'Update instance settings (allowed origins, breached-password check); answers the updated instance.',
  tag,
  body: UpdateInstanceBody,
  response: InstanceJSON,
});

export const updateInstanceRestrictions = defineEndpoint({
  method: 'patch',
  path: '/instance/restrictions',
  operationId: 'UpdateInstanceRestrictions',
  summary: 'Turn the sign-up allowlist and blocklist on or off.',
  tag,
  body: UpdateInstanceRestrictionsBody,
  response: InstanceRestrictionsJSON,
});

export const getInstanceSettings = defineEndpoint({
  method: 'get',
  path: '/instance/settings',
  operationId: 'GetInstanceSettings',
  summary: 'Every run-time setting of the instance (Latch).',
  tag,
  response: InstanceSettingsJSON,
});

export const updateInstanceSettings = defineEndpoint({
  method: 'patch',
  path: '/instance/settings',
  operationId: 'UpdateInstanceSettings',
  summary:
    'Change run-time settings (Latch); omitted fields keep their value. Applies at once in this process, within 2 s in others.',
  tag,
  body: UpdateInstanceSettingsBody,
  response: InstanceSettingsJSON,
});
