import type { Store } from '../../store/store.js';
import type { EventRecord, WebhookDeliveryRecord } from '../../store/webhook-store.js';
import { endpointWants } from '../events/event-types.js';
import { createId } from '../ids.js';

/**
 * Queues an event for every enabled endpoint that wants it: one pending delivery each, due now, in
 * the caller's transaction — so the outbox row exists exactly when the change does, and the worker
 * has nothing to do (and writes nothing) while no endpoint is listening. Returns how many it queued.
 */
export async function queueDeliveries(tx: Store, event: EventRecord): Promise<number> {
  const endpoints = await tx.webhooks.endpoints.listEnabled();
  const deliveries: WebhookDeliveryRecord[] = [];
  for (const endpoint of endpoints) {
    if (!endpointWants(endpoint.eventTypes, event.type)) continue;
    deliveries.push({
      id: createId('dlv', event.createdAt),
      eventId: event.id,
      endpointId: endpoint.id,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: event.createdAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      createdAt: event.createdAt,
      updatedAt: event.createdAt,
    });
  }
  if (deliveries.length > 0) await tx.webhooks.deliveries.insertMany(deliveries);
  return deliveries.length;
}
