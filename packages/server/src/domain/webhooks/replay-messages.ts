import { resourceNotFound } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { EventRecord, WebhookDeliveryRecord, WebhookEndpointRecord } from '../../store/webhook-store.js';
import { endpointWants } from '../events/event-types.js';
import { createId } from '../ids.js';
import { requireEndpoint } from './manage-endpoints.js';

/**
 * Queues one message for an endpoint again, due now with a fresh retry schedule. Its `svix-id` stays
 * the event id, so a receiver that deduplicates on it sees a repeat, not a new event.
 */
export async function resendMessage(
  store: Store,
  endpointId: string,
  eventId: string,
  now: number,
): Promise<{ delivery: WebhookDeliveryRecord; event: EventRecord }> {
  return store.transaction(async (tx) => {
    const endpoint = await requireEndpoint(tx, endpointId);
    const event = await tx.webhooks.events.findById(eventId);
    if (!event) throw resourceNotFound('webhook message');
    return { delivery: await requeue(tx, endpoint, event, now), event };
  });
}

/**
 * Queues every event in `[since, until)` that the endpoint subscribes to again, delivered before or
 * not (events from before the endpoint existed included: replaying is how a new endpoint backfills).
 * Works in batches, each its own transaction. Returns how many messages were queued.
 */
export async function replayMessages(
  store: Store,
  endpointId: string,
  range: { since: number; until: number },
  now: number,
): Promise<number> {
  const endpoint = await requireEndpoint(store, endpointId);
  const batch = 500;
  let queued = 0;
  for (let offset = 0; ; offset += batch) {
    // Newest first is the store's order; offsets stay stable because the range is closed at `until`.
    const events = await store.webhooks.events.list(range, { limit: batch, offset });
    const wanted = events.filter((event) => endpointWants(endpoint.eventTypes, event.type));
    await store.transaction(async (tx) => {
      for (const event of wanted) await requeue(tx, endpoint, event, now);
    });
    queued += wanted.length;
    if (events.length < batch) return queued;
  }
}

async function requeue(
  tx: Store,
  endpoint: WebhookEndpointRecord,
  event: EventRecord,
  now: number,
): Promise<WebhookDeliveryRecord> {
  const existing = await tx.webhooks.deliveries.findByEventAndEndpoint(event.id, endpoint.id);
  const due = { status: 'pending' as const, attempts: 0, nextAttemptAt: now, updatedAt: now };
  if (existing) {
    // The lease is dropped: an attempt still in flight can no longer settle over the requeue.
    const requeued = { ...existing, ...due, leaseOwner: null, leaseExpiresAt: null };
    await tx.webhooks.deliveries.update(requeued);
    return requeued;
  }
  const created: WebhookDeliveryRecord = {
    id: createId('dlv', now),
    eventId: event.id,
    endpointId: endpoint.id,
    ...due,
    leaseOwner: null,
    leaseExpiresAt: null,
    createdAt: now,
  };
  await tx.webhooks.deliveries.insertMany([created]);
  return created;
}
