import { z } from 'zod';

/**
 * Event types an endpoint may subscribe to: Clerk's (webhooks 2025-04-15, billing left out) plus
 * `endpoint.disabled`, which Latch sends when it disables a failing endpoint (Svix's name for it);
 * that one goes only to endpoints that list it.
 */
export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deleted',
  'session.created',
  'session.pending',
  'session.ended',
  'session.removed',
  'session.revoked',
  'email.created',
  'sms.created',
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'organizationDomain.created',
  'organizationDomain.updated',
  'organizationDomain.deleted',
  'organizationMembership.created',
  'organizationMembership.updated',
  'organizationMembership.deleted',
  'organizationInvitation.created',
  'organizationInvitation.accepted',
  'organizationInvitation.revoked',
  'role.created',
  'role.updated',
  'role.deleted',
  'permission.created',
  'permission.updated',
  'permission.deleted',
  'waitlistEntry.created',
  'waitlistEntry.updated',
  'endpoint.disabled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Limits on an endpoint's settings. */
export const WEBHOOK_ENDPOINT_LIMITS = {
  urlMaxLength: 2048,
  descriptionMaxLength: 512,
  /** Filter entries; there are only ~30 types, so more is a mistake. */
  eventTypesMaxItems: 50,
  rateLimitMax: 10_000,
  /** Longest overlap during which a rotated-out secret still signs: 7 days. */
  rotationOverlapMaxSeconds: 7 * 24 * 3600,
} as const;

/** A webhook endpoint (never its secret: that has its own endpoint). */
export const WebhookEndpointJSON = z
  .object({
    object: z.literal('webhook_endpoint'),
    id: z.string(),
    url: z.string(),
    description: z.string(),
    /** Empty: every Clerk event type. */
    event_types: z.array(z.string()),
    /** Deliveries per second at most; null for no limit. */
    rate_limit: z.number().int().nullable(),
    disabled: z.boolean(),
    /** `manual`, or `failing` when Latch disabled it after days of failed deliveries. */
    disabled_reason: z.enum(['manual', 'failing']).nullable(),
    /** Start of the current run of failures (Unix ms); null while healthy. */
    failing_since: z.number().int().nullable(),
    /** Until when a rotated-out secret still signs alongside the current one (Unix ms). */
    previous_secret_expires_at: z.number().int().nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpointJSON = z.infer<typeof WebhookEndpointJSON>;

/** An endpoint's current signing secret. */
export const WebhookSecretJSON = z
  .object({ object: z.literal('webhook_secret'), endpoint_id: z.string(), secret: z.string() })
  .meta({ id: 'WebhookSecret' });
export type WebhookSecretJSON = z.infer<typeof WebhookSecretJSON>;

/** What creating an endpoint or rotating its secret returns: the endpoint and the secret, once. */
export const WebhookEndpointWithSecretJSON = WebhookEndpointJSON.extend({ secret: z.string() }).meta({
  id: 'WebhookEndpointWithSecret',
});
export type WebhookEndpointWithSecretJSON = z.infer<typeof WebhookEndpointWithSecretJSON>;

export const WEBHOOK_MESSAGE_STATUSES = ['pending', 'succeeded', 'failed'] as const;

/** One event on its way to one endpoint; `id` is the `svix-id` every attempt carries. */
export const WebhookMessageJSON = z
  .object({
    object: z.literal('webhook_message'),
    id: z.string(),
    endpoint_id: z.string(),
    event_type: z.string(),
    status: z.enum(WEBHOOK_MESSAGE_STATUSES),
    /** Attempts in the current retry schedule (a resend starts a new one). */
    attempts: z.number().int(),
    next_attempt_at: z.number().int().nullable(),
    /** When the event happened (Unix ms). */
    timestamp: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'WebhookMessage' });
export type WebhookMessageJSON = z.infer<typeof WebhookMessageJSON>;

/** One HTTP attempt, as the delivery log records it. */
export const WebhookAttemptJSON = z
  .object({
    object: z.literal('webhook_attempt'),
    id: z.string(),
    message_id: z.string(),
    endpoint_id: z.string(),
    status: z.enum(['succeeded', 'failed']),
    response_status_code: z.number().int().nullable(),
    /** The first KB of the receiver's answer. */
    response_body: z.string(),
    /** Why it failed when not because of the status code: timeout, network error, redirect. */
    error: z.string().nullable(),
    duration_ms: z.number().int(),
    created_at: z.number().int(),
  })
  .meta({ id: 'WebhookAttempt' });
export type WebhookAttemptJSON = z.infer<typeof WebhookAttemptJSON>;

/** What a replay did. */
export const WebhookReplayJSON = z
  .object({ object: z.literal('webhook_replay'), endpoint_id: z.string(), messages: z.number().int() })
  .meta({ id: 'WebhookReplay' });
export type WebhookReplayJSON = z.infer<typeof WebhookReplayJSON>;

/** One audit-log entry: the same events webhooks carry, with who did it and from where. */
export const AuditLogEntryJSON = z
  .object({
    object: z.literal('audit_log_entry'),
    /** The event id (`msg_…`, the `svix-id` of its webhooks). */
    id: z.string(),
    action: z.string(),
    actor: z.object({ type: z.enum(['user', 'api_key', 'operator', 'system']).nullable(), id: z.string().nullable() }),
    target: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    /** The event's data: the object as the Backend API renders it. */
    data: z.record(z.string(), z.unknown()),
    created_at: z.number().int(),
  })
  .meta({ id: 'AuditLogEntry' });
export type AuditLogEntryJSON = z.infer<typeof AuditLogEntryJSON>;
