import { webhookEndpoints } from '@latch/protocol';
import { requireEndpoint } from '../../domain/webhooks/manage-endpoints.js';
import { replayMessages, resendMessage } from '../../domain/webhooks/replay-messages.js';
import { formError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { WebhookDeliveryRecord } from '../../store/webhook-store.js';
import { auditChange } from './audit-change.js';
import { type Route, route } from './route.js';
import { listResponse } from './sessions/list-response.js';
import { toWebhookAttemptJSON, toWebhookMessageJSON } from './webhook-routes-json.js';

/** The delivery log of an endpoint (messages, attempts), resend and replay. */
export const WEBHOOK_LOG_ROUTES: Route[] = [
  route(webhookEndpoints.listWebhookMessages, async ({ params, query }, { store }) => {
    await requireEndpoint(store, params.endpoint_id);
    const filter = { endpointId: params.endpoint_id, status: query.status };
    const [deliveries, total] = await Promise.all([
      store.webhooks.deliveries.list(filter, { limit: query.limit, offset: query.offset }),
      store.webhooks.deliveries.count(filter),
    ]);
    return listResponse(await withEvents(store, deliveries), total, query.paginated);
  }),
  route(webhookEndpoints.listWebhookAttempts, async ({ params, query }, { store }) => {
    await requireEndpoint(store, params.endpoint_id);
    const filter = { endpointId: params.endpoint_id, eventId: query.message_id };
    const [attempts, total] = await Promise.all([
      store.webhooks.attempts.list(filter, { limit: query.limit, offset: query.offset }),
      store.webhooks.attempts.count(filter),
    ]);
    return listResponse(attempts.map(toWebhookAttemptJSON), total, query.paginated);
  }),
  route(webhookEndpoints.resendWebhookMessage, async ({ params }, { store, clock }) => {
    const now = clock.now();
    const { delivery, event } = await resendMessage(store, params.endpoint_id, params.message_id, now);
    const json = toWebhookMessageJSON(delivery, event);
    await auditChange(store, 'webhook_message.resent', json, now);
    return json;
  }),
  route(webhookEndpoints.replayWebhookMessages, async ({ params, body }, { store, clock }) => {
    const now = clock.now();
    const until = body.until ?? now + 1;
    if (until <= body.since) {
      throw formError('form_param_value_invalid', 'until', 'is invalid', 'until must be later than since.');
    }
    const messages = await replayMessages(store, params.endpoint_id, { since: body.since, until }, now);
    const replay = { object: 'webhook_replay', endpoint_id: params.endpoint_id, messages };
    // The endpoint is the target; the window is what was replayed.
    const data = { object: 'webhook_endpoint', id: params.endpoint_id, since: body.since, until, messages };
    await auditChange(store, 'webhook_endpoint.replayed', data, now);
    return replay;
  }),
];

async function withEvents(store: Store, deliveries: WebhookDeliveryRecord[]) {
  const ids = [...new Set(deliveries.map((delivery) => delivery.eventId))];
  const events = new Map((await store.webhooks.events.findByIds(ids)).map((event) => [event.id, event]));
  return deliveries.map((delivery) => toWebhookMessageJSON(delivery, events.get(delivery.eventId) ?? null));
}
