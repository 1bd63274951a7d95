import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { DeletedObjectJSON } from '../resources/common.js';
import { listOf } from '../resources/session.js';
import {
  AuditLogEntryJSON,
  WEBHOOK_ENDPOINT_LIMITS,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_MESSAGE_STATUSES,
  WebhookAttemptJSON,
  WebhookEndpointJSON,
  WebhookEndpointWithSecretJSON,
  WebhookMessageJSON,
  WebhookReplayJSON,
  WebhookSecretJSON,
} from '../resources/webhook.js';
import { paginationQueryFields } from './sessions-endpoints.js';

const tag = 'Webhooks';

/** A point in time: Unix milliseconds (number or digits) or an RFC 3339 timestamp. */
export const TimeParam = z.union([
  z.number().int().min(0),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
  z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
]);

const EventTypes = z.array(z.enum(WEBHOOK_EVENT_TYPES)).max(WEBHOOK_ENDPOINT_LIMITS.eventTypesMaxItems);
const endpointFields = {
  description: z.string().max(WEBHOOK_ENDPOINT_LIMITS.descriptionMaxLength).optional(),
  /** Omitted or empty: every Clerk event type. */
  event_types: EventTypes.optional(),
  /** Deliveries per second at most; null removes the limit. */
  rate_limit: z.number().int().min(1).max(WEBHOOK_ENDPOINT_LIMITS.rateLimitMax).nullable().optional(),
};
/** http(s) only, checked again by the server (private networks, credentials). */
const EndpointURL = z.string().min(1).max(WEBHOOK_ENDPOINT_LIMITS.urlMaxLength);

export const EndpointIdParams = z.object({ endpoint_id: z.string().min(1).max(128) });
export const EndpointMessageParams = z.object({
  endpoint_id: z.string().min(1).max(128),
  message_id: z.string().min(1).max(128),
});

/** Body of `POST /webhooks/endpoints`. */
export const CreateWebhookEndpointBody = z
  .strictObject({
    url: EndpointURL,
    ...endpointFields,
    disabled: z.boolean().optional(),
    /** Bring your own `whsec_…` secret (e.g. moving from Clerk); one is generated otherwise. */
    secret: z.string().max(160).optional(),
  })
  .meta({ id: 'CreateWebhookEndpointBody' });
export type CreateWebhookEndpointBody = z.infer<typeof CreateWebhookEndpointBody>;

/** Body of `PATCH /webhooks/endpoints/{endpoint_id}`: omitted fields keep their value. */
export const UpdateWebhookEndpointBody = z
  .strictObject({ url: EndpointURL.optional(), ...endpointFields })
  .meta({ id: 'UpdateWebhookEndpointBody' });
export type UpdateWebhookEndpointBody = z.infer<typeof UpdateWebhookEndpointBody>;

/** Body of `POST /webhooks/endpoints/{endpoint_id}/secret/rotate`. */
export const RotateWebhookSecretBody = z
  .strictObject({
    /** The new secret; generated when omitted. */
    secret: z.string().max(160).optional(),
    /** How long the old secret keeps signing too (default 24 h, as Svix); 0 retires it at once. */
    overlap_seconds: z.number().int().min(0).max(WEBHOOK_ENDPOINT_LIMITS.rotationOverlapMaxSeconds).optional(),
  })
  .meta({ id: 'RotateWebhookSecretBody' });
export type RotateWebhookSecretBody = z.infer<typeof RotateWebhookSecretBody>;

/** Body of `POST /webhooks/endpoints/{endpoint_id}/replay`. */
export const ReplayWebhookBody = z
  .strictObject({
    /** Every matching event from this time on is delivered again (Unix ms or RFC 3339). */
    since: TimeParam,
    /** Exclusive end; now when omitted. */
    until: TimeParam.optional(),
  })
  .meta({ id: 'ReplayWebhookBody' });
export type ReplayWebhookBody = z.infer<typeof ReplayWebhookBody>;

export const ListWebhookEndpointsQuery = z
  .strictObject(paginationQueryFields)
  .meta({ id: 'ListWebhookEndpointsQuery' });
export const ListWebhookMessagesQuery = z
  .strictObject({ ...paginationQueryFields, status: z.enum(WEBHOOK_MESSAGE_STATUSES).optional() })
  .meta({ id: 'ListWebhookMessagesQuery' });
export const ListWebhookAttemptsQuery = z
  .strictObject({ ...paginationQueryFields, message_id: z.string().min(1).max(128).optional() })
  .meta({ id: 'ListWebhookAttemptsQuery' });

export const listWebhookEndpoints = defineEndpoint({
  method: 'get',
  path: '/webhooks/endpoints',
  operationId: 'ListWebhookEndpoints',
  summary: 'List webhook endpoints, oldest first.',
  tag,
  query: ListWebhookEndpointsQuery,
  response: listOf(WebhookEndpointJSON),
});

export const createWebhookEndpoint = defineEndpoint({
  method: 'post',
  path: '/webhooks/endpoints',
  operationId: 'CreateWebhookEndpoint',
  summary: 'Add an endpoint: URL, description, event-type filter, rate limit. Returns its `whsec_` signing secret.',
  tag,
  body: CreateWebhookEndpointBody,
  response: WebhookEndpointWithSecretJSON,
});

export const getWebhookEndpoint = defineEndpoint({
  method: 'get',
  path: '/webhooks/endpoints/{endpoint_id}',
  operationId: 'GetWebhookEndpoint',
  summary: 'Retrieve an endpoint.',
  tag,
  params: EndpointIdParams,
  response: WebhookEndpointJSON,
  errors: [404],
});

export const updateWebhookEndpoint = defineEndpoint({
  method: 'patch',
  path: '/webhooks/endpoints/{endpoint_id}',
  operationId: 'UpdateWebhookEndpoint',
  summary: 'Change an endpoint; omitted fields keep their value.',
  tag,
  params: EndpointIdParams,
  body: UpdateWebhookEndpointBody,
  response: WebhookEndpointJSON,
  errors: [404],
});

export const deleteWebhookEndpoint = defineEndpoint({
  method: 'delete',
  path: '/webhooks/endpoints/{endpoint_id}',
  operationId: 'DeleteWebhookEndpoint',
  summary: 'Delete an endpoint with its pending deliveries and its delivery log.',
  tag,
  params: EndpointIdParams,
  response: DeletedObjectJSON,
  errors: [404],
});

export const disableWebhookEndpoint = defineEndpoint({
  method: 'post',
  path: '/webhooks/endpoints/{endpoint_id}/disable',
  operationId: 'DisableWebhookEndpoint',
  summary: 'Stop delivering to an endpoint; new events are not queued for it while disabled.',
  tag,
  params: EndpointIdParams,
  response: WebhookEndpointJSON,
  errors: [404],
});

export const enableWebhookEndpoint = defineEndpoint({
  method: 'post',
  path: '/webhooks/endpoints/{endpoint_id}/enable',
  operationId: 'EnableWebhookEndpoint',
  summary: 'Deliver to an endpoint again (replay what it missed with `/replay`).',
  tag,
  params: EndpointIdParams,
  response: WebhookEndpointJSON,
  errors: [404],
});

export const getWebhookSecret = defineEndpoint({
  method: 'get',
  path: '/webhooks/endpoints/{endpoint_id}/secret',
  operationId: 'GetWebhookEndpointSecret',
  summary: "The endpoint's current signing secret (`whsec_…`).",
  tag,
  params: EndpointIdParams,
  response: WebhookSecretJSON,
  errors: [404],
});

export const rotateWebhookSecret = defineEndpoint({
  method: 'post',
  path: '/webhooks/endpoints/{endpoint_id}/secret/rotate',
  operationId: 'RotateWebhookEndpointSecret',
  summary: 'Replace the signing secret; the old one keeps signing alongside it for `overlap_seconds`.',
  tag,
  params: EndpointIdParams,
  body: RotateWebhookSecretBody,
  response: WebhookEndpointWithSecretJSON,
  errors: [404],
});

export const listWebhookMessages = defineEndpoint({
  method: 'get',
  path: '/webhooks/endpoints/{endpoint_id}/messages',
  operationId: 'ListWebhookMessages',
  summary: 'Messages sent (or being sent) to an endpoint, newest first, optionally by status.',
  tag,
  params: EndpointIdParams,
  query: ListWebhookMessagesQuery,
  response: listOf(WebhookMessageJSON),
  errors: [404],
});

export const listWebhookAttempts = defineEndpoint({
  method: 'get',
  path: '/webhooks/endpoints/{endpoint_id}/attempts',
  operationId: 'ListWebhookAttempts',
  summary: 'The delivery log of an endpoint, newest first, optionally for one message.',
  tag,
  params: EndpointIdParams,
  query: ListWebhookAttemptsQuery,
  response: listOf(WebhookAttemptJSON),
  errors: [404],
});

export const resendWebhookMessage = defineEndpoint({
  method: 'post',
  path: '/webhooks/endpoints/{endpoint_id}/messages/{message_id}/resend',
  operationId: 'ResendWebhookMessage',
  summary: 'Send one message to the endpoint again now, with a fresh retry schedule and the same `svix-id`.',
  tag,
  params: EndpointMessageParams,
  response: WebhookMessageJSON,
  errors: [404],
});

export const replayWebhookMessages = defineEndpoint({
  method: 'post',
  path: '/webhooks/endpoints/{endpoint_id}/replay',
  operationId: 'ReplayWebhookMessages',
  summary: 'Send every event since a time (that the endpoint subscribes to) again, delivered or not.',
  tag,
  params: EndpointIdParams,
  body: ReplayWebhookBody,
  response: WebhookReplayJSON,
  errors: [404],
});

export const listWebhookEventTypes = defineEndpoint({
  method: 'get',
  path: '/webhooks/event_types',
  operationId: 'ListWebhookEventTypes',
  summary: 'The event types an endpoint can subscribe to.',
  tag,
  response: z.object({ object: z.literal('list'), data: z.array(z.string()) }),
});

/** Query of `GET /audit_logs`. */
export const ListAuditLogsQuery = z
  .strictObject({
    ...paginationQueryFields,
    since: TimeParam.optional(),
    until: TimeParam.optional(),
    action: z.array(z.string().min(1).max(64)).max(50).optional(),
    actor_id: z.string().min(1).max(128).optional(),
    target_id: z.string().min(1).max(128).optional(),
  })
  .meta({ id: 'ListAuditLogsQuery' });

export const listAuditLogs = defineEndpoint({
  method: 'get',
  path: '/audit_logs',
  operationId: 'ListAuditLogs',
  summary: 'Who did what, to what, when and from where: every event, newest first, kept for the retention period.',
  tag: 'Audit log',
  query: ListAuditLogsQuery,
  response: listOf(AuditLogEntryJSON),
});
