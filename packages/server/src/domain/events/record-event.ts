import type { Store } from '../../store/store.js';
import type { EventActorType, EventRecord } from '../../store/webhook-store.js';
import { createId } from '../ids.js';
import { queueDeliveries } from '../webhooks/queue-deliveries.js';
import { resolveEventContext } from './event-context.js';
import { signalEventRecorded } from './event-signal.js';

/** Who caused an event and from where: the audit log's actor and IP, the webhook's `http_request`. */
export interface EventContext {
  actor?: { type: EventActorType; id: string | null };
  httpRequest?: { clientIp: string | null; userAgent: string | null };
}

export interface NewEvent {
  /** A Clerk webhook event type, e.g. `user.created`. */
  type: string;
  /** The Backend API JSON of the object, or `{ object, id, deleted: true }` for a deletion. */
  data: Record<string, unknown>;
  now: number;
  context?: EventContext;
}

/**
 * Records an event: the audit-log row and a pending delivery (the outbox) for each endpoint that
 * wants it. Call it with the transaction handle of the change that causes it, so the event exists
 * exactly when the change does; the delivery worker picks the deliveries up after commit. Without a `context`, the actor and client address come from the request
 * being served (see `event-context.ts`). Its id (`msg_…`) is the `svix-id` of every delivery.
 *
 * @example
 * await store.transaction(async (tx) => {
 *   await tx.users.update(user.id, fields);
 *   await recordEvent(tx, { type: 'user.updated', data: userEventData(updated, now), now, context });
 * });
 */
export async function recordEvent(store: Store, event: NewEvent): Promise<void> {
  const { data } = event;
  const context = await resolveEventContext(store, data, event.context);
  const record: EventRecord = {
    id: createId('msg', event.now),
    type: event.type,
    data,
    actorType: context.actor?.type ?? null,
    actorId: context.actor?.id ?? null,
    targetType: typeof data.object === 'string' ? data.object : null,
    targetId: typeof data.id === 'string' ? data.id : null,
    clientIp: context.httpRequest?.clientIp ?? null,
    userAgent: context.httpRequest?.userAgent ?? null,
    createdAt: event.now,
  };
  await store.webhooks.events.insert(record);
  // Wake the worker only when there is something to deliver: with no endpoint listening, a claim
  // query per event would cost every sign-in a write on the event loop for nothing.
  if ((await queueDeliveries(store, record)) > 0) signalEventRecorded();
}
