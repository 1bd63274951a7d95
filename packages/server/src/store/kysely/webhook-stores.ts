import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { WebhookStore } from '../webhook-store.js';
import { KyselyWebhookAttemptStore } from './webhook-attempt-store.js';
import { KyselyWebhookDeliveryStore } from './webhook-delivery-store.js';
import { KyselyWebhookEndpointStore } from './webhook-endpoint-store.js';
import { KyselyEventStore } from './webhook-event-store.js';

/** `store.webhooks`: events (outbox + audit log), endpoints, deliveries and attempts. */
export function createWebhookStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): WebhookStore {
  return {
    events: new KyselyEventStore(db),
    endpoints: new KyselyWebhookEndpointStore(db),
    deliveries: new KyselyWebhookDeliveryStore(db, dialect),
    attempts: new KyselyWebhookAttemptStore(db),
  };
}
