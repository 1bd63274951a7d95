import type { WebhookAttemptJSON, WebhookEndpointJSON, WebhookMessageJSON } from '@latch/protocol';
import { previousSecretExpiresAt } from '../../domain/webhooks/manage-endpoints.js';
import type {
  EventRecord,
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
} from '../../store/webhook-store.js';

/** An endpoint as the Backend API shows it; its secrets only through the secret endpoint. */
export function toWebhookEndpointJSON(endpoint: WebhookEndpointRecord, now: number): WebhookEndpointJSON {
  return {
    object: 'webhook_endpoint',
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.eventTypes,
    rate_limit: endpoint.rateLimit,
    disabled: endpoint.disabled,
    disabled_reason: endpoint.disabledReason,
    failing_since: endpoint.failingSince,
    previous_secret_expires_at: previousSecretExpiresAt(endpoint, now),
    created_at: endpoint.createdAt,
    updated_at: endpoint.updatedAt,
  };
}

/** The endpoint plus its current secret (creation and rotation show it). */
export function withCurrentSecret(endpoint: WebhookEndpointRecord, now: number) {
  return { ...toWebhookEndpointJSON(endpoint, now), secret: endpoint.secrets[0]?.secret ?? '' };
}

/** A delivery as a "message" of an endpoint; its id is the event's, the `svix-id` the receiver saw. */
export function toWebhookMessageJSON(delivery: WebhookDeliveryRecord, event: EventRecord | null): WebhookMessageJSON {
  return {
    object: 'webhook_message',
    id: delivery.eventId,
    endpoint_id: delivery.endpointId,
    event_type: event?.type ?? '',
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.nextAttemptAt,
    timestamp: event?.createdAt ?? delivery.createdAt,
    updated_at: delivery.updatedAt,
  };
}

export function toWebhookAttemptJSON(attempt: WebhookAttemptRecord): WebhookAttemptJSON {
  return {
    object: 'webhook_attempt',
    id: attempt.id,
    message_id: attempt.eventId,
    endpoint_id: attempt.endpointId,
    status: attempt.status,
    response_status_code: attempt.responseStatusCode,
    response_body: attempt.responseBody,
    error: attempt.error,
    duration_ms: attempt.durationMs,
    created_at: attempt.createdAt,
  };
}
