import { z } from 'zod';

/** Every status a session can be in; only `active` and `pending` ones are signed in. */
export const SESSION_STATUSES = [
  'active',
  'pending',
  'ended',
  'expired',
  'removed',
  'replaced',
  'revoked',
  'abandoned',
] as const;
export type SessionStatusJSON = (typeof SESSION_STATUSES)[number];

/** Where and on what a session was last used, as the Backend API reports it. */
export const SessionActivityJSON = z
  .object({
    object: z.literal('session_activity'),
    id: z.string(),
    device_type: z.string().nullable(),
    is_mobile: z.boolean(),
    browser_name: z.string().nullable(),
    browser_version: z.string().nullable(),
    ip_address: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
  })
  .meta({ id: 'SessionActivity' });
export type SessionActivityJSON = z.infer<typeof SessionActivityJSON>;

/**
 * The Backend API's `Session`: ids instead of the embedded user the Frontend API sends
 * (PROTOCOL.md §5.2). Timestamps are Unix milliseconds.
 */
export const SessionJSON = z
  .object({
    object: z.literal('session'),
    id: z.string(),
    client_id: z.string(),
    user_id: z.string(),
    status: z.enum(SESSION_STATUSES),
    last_active_organization_id: z.string().nullable(),
    actor: z.record(z.string(), z.unknown()).nullable(),
    latest_activity: SessionActivityJSON.nullable(),
    tasks: z.array(z.object({ key: z.string() })).nullable(),
    last_active_at: z.number().int(),
    expire_at: z.number().int(),
    abandon_at: z.number().int(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'Session' });
export type SessionJSON = z.infer<typeof SessionJSON>;

/** The Backend API's `Client`: one browser or app, with its sessions (live and ended). */
export const ClientJSON = z
  .object({
    object: z.literal('client'),
    id: z.string(),
    session_ids: z.array(z.string()),
    sessions: z.array(SessionJSON),
    sign_in_id: z.string().nullable(),
    sign_up_id: z.string().nullable(),
    last_active_session_id: z.string().nullable(),
    last_authentication_strategy: z.string().nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'Client' });
export type ClientJSON = z.infer<typeof ClientJSON>;

/** Algorithms a JWT template can sign with: the instance key is RS256; a custom key may use any of these. */
export const JWT_TEMPLATE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'HS256', 'HS384', 'HS512'] as const;
export type JWTTemplateAlgorithm = (typeof JWT_TEMPLATE_ALGORITHMS)[number];

/** A JWT template. The custom signing key, when there is one, is write-only and never returned. */
export const JWTTemplateJSON = z
  .object({
    object: z.literal('jwt_template'),
    id: z.string(),
    name: z.string(),
    claims: z.record(z.string(), z.unknown()),
    lifetime: z.number().int(),
    allowed_clock_skew: z.number().int(),
    custom_signing_key: z.boolean(),
    signing_algorithm: z.enum(JWT_TEMPLATE_ALGORITHMS),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'JWTTemplate' });
export type JWTTemplateJSON = z.infer<typeof JWTTemplateJSON>;

/** A minted token: a session token or a JWT-template token. */
export const TokenJSON = z.object({ object: z.literal('token'), jwt: z.string() }).meta({ id: 'Token' });
export type TokenJSON = z.infer<typeof TokenJSON>;

/**
 * What a list endpoint returns: a bare array, or `{ data, total_count }` when the caller asked for
 * `paginated=true` (Clerk's SDK does on the endpoints where it wants a total).
 *
 * @example
 * const SessionList = listOf(SessionJSON);
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), z.object({ data: z.array(item), total_count: z.number().int() })]);
}
