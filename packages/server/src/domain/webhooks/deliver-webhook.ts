import type { Logger } from '../../logger.js';
import type { Store } from '../../store/store.js';
import type { WebhookDeliveryRecord } from '../../store/webhook-store.js';
import type { Clock } from '../clock.js';
import { webhookBody } from '../events/event-envelope.js';
import { createId } from '../ids.js';
import type { EndpointRateLimiter } from './endpoint-rate-limiter.js';
import { signingSecrets } from './manage-endpoints.js';
import { nextAttemptAt } from './retry-schedule.js';
import type { SendWebhook } from './send-webhook-request.js';
import { trackEndpointHealth } from './track-endpoint-health.js';
import type { WebhookSettings } from './webhook-settings.js';
import { signWebhook } from './webhook-signature.js';

export interface DeliveryDeps {
  store: Store;
  instanceId: string;
  clock: Clock;
  logger: Logger;
  send: SendWebhook;
  random: () => number;
  settings: WebhookSettings;
  rateLimiter: EndpointRateLimiter;
  /** The worker holding the delivery's lease. */
  owner: string;
}

/**
 * Makes one attempt of a claimed delivery and records it: the attempt in the log, the delivery's
 * next state (delivered, retry at…, or failed for good) and the endpoint's health, in one
 * transaction. The state is written only while this worker still holds the lease; a worker that
 * lost it (it stalled past the lease) still logs its attempt, since the request did go out.
 */
export async function deliverWebhook(deps: DeliveryDeps, delivery: WebhookDeliveryRecord): Promise<void> {
  const { store, settings, owner } = deps;
  const [event, endpoint] = await Promise.all([
    store.webhooks.events.findById(delivery.eventId),
    store.webhooks.endpoints.findById(delivery.endpointId),
  ]);
  const now = deps.clock.now();
  if (!event || !endpoint || endpoint.disabled) {
    // Pruned event, or an endpoint disabled since fan-out: nothing to send (replay resends it later).
    await store.webhooks.deliveries.settle(
      { ...delivery, status: 'failed', nextAttemptAt: null, updatedAt: now },
      owner,
    );
    return;
  }
  const wait = deps.rateLimiter.take(endpoint.id, endpoint.rateLimit, now);
  if (wait > 0) {
    await store.webhooks.deliveries.settle({ ...delivery, nextAttemptAt: now + wait, updatedAt: now }, owner);
    return;
  }

  const body = webhookBody(event, deps.instanceId);
  const timestamp = String(Math.floor(now / 1000));
  const signature = signWebhook(event.id, Number(timestamp), body, signingSecrets(endpoint, now));
  const response = await deps.send({
    url: endpoint.url,
    // Svix's names (what Clerk's verifiers read) and the Standard Webhooks names, same values.
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Latch-Webhooks/1',
      'svix-id': event.id,
      'svix-timestamp': timestamp,
      'svix-signature': signature,
      'webhook-id': event.id,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature,
    },
    body,
    timeoutMs: settings.attemptTimeoutMs,
    allowPrivateNetworks: settings.allowPrivateNetworks,
  });

  const finished = deps.clock.now();
  const succeeded =
    response.error === null && response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
  const attempts = delivery.attempts + 1;
  const next = succeeded
    ? null
    : nextAttemptAt(settings.retryScheduleMs, attempts, settings.retryJitter, finished, deps.random);
  await store.transaction(async (tx) => {
    const status = succeeded ? 'succeeded' : next === null ? 'failed' : 'pending';
    const kept = await tx.webhooks.deliveries.settle(
      { ...delivery, status, attempts, nextAttemptAt: next, updatedAt: finished },
      owner,
    );
    if (!kept) {
      // Deleted with its endpoint meanwhile: nothing left to log against.
      if (!(await tx.webhooks.deliveries.findById(delivery.id))) return;
      deps.logger.warn('webhook delivery lease lapsed during an attempt', { delivery_id: delivery.id });
    }
    await tx.webhooks.attempts.insert({
      id: createId('atmpt', finished),
      deliveryId: delivery.id,
      endpointId: endpoint.id,
      eventId: event.id,
      status: succeeded ? 'succeeded' : 'failed',
      responseStatusCode: response.statusCode,
      responseBody: response.body,
      error: response.error,
      durationMs: response.durationMs,
      createdAt: finished,
    });
    await trackEndpointHealth(tx, endpoint.id, succeeded, finished, settings.disableAfterMs);
  });
}
