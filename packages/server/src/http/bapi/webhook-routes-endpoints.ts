import { WEBHOOK_EVENT_TYPES, webhookEndpoints } from '@latch/protocol';
import type { AppContext } from '../../app-context.js';
import {
  createEndpoint,
  deleteEndpoint,
  requireEndpoint,
  rotateEndpointSecret,
  setEndpointDisabled,
  updateEndpoint,
} from '../../domain/webhooks/manage-endpoints.js';
import { privateNetworksAllowed } from '../../domain/webhooks/webhook-config.js';
import { auditChange } from './audit-change.js';
import { type Route, route } from './route.js';
import { listResponse } from './sessions/list-response.js';
import { toWebhookEndpointJSON, withCurrentSecret } from './webhook-routes-json.js';

const policyOf = ({ config, instance }: AppContext) => ({
  allowPrivateNetworks: privateNetworksAllowed(config, instance.environmentType),
});

export const WEBHOOK_SECRET_REVEALED_EVENT = 'webhook_endpoint.secret_revealed';

/** `/webhooks/endpoints` CRUD, enable/disable and secret rotation. */
export const WEBHOOK_ENDPOINT_ROUTES: Route[] = [
  route(webhookEndpoints.listWebhookEventTypes, async () => ({ object: 'list', data: [...WEBHOOK_EVENT_TYPES] })),
  route(webhookEndpoints.listWebhookEndpoints, async ({ query }, { store, clock }) => {
    const [endpoints, total] = await Promise.all([
      store.webhooks.endpoints.list({ limit: query.limit, offset: query.offset }),
      store.webhooks.endpoints.count(),
    ]);
    const now = clock.now();
    return listResponse(
      endpoints.map((endpoint) => toWebhookEndpointJSON(endpoint, now)),
      total,
      query.paginated,
    );
  }),
  route(webhookEndpoints.createWebhookEndpoint, async ({ body }, context) => {
    const now = context.clock.now();
    const endpoint = await createEndpoint(context.store, body, policyOf(context), now);
    await auditChange(context.store, 'webhook_endpoint.created', toWebhookEndpointJSON(endpoint, now), now);
    return withCurrentSecret(endpoint, now);
  }),
  route(webhookEndpoints.getWebhookEndpoint, async ({ params }, { store, clock }) =>
    toWebhookEndpointJSON(await requireEndpoint(store, params.endpoint_id), clock.now()),
  ),
  route(webhookEndpoints.updateWebhookEndpoint, async ({ params, body }, context) => {
    const now = context.clock.now();
    const endpoint = await updateEndpoint(context.store, params.endpoint_id, body, policyOf(context), now);
    const json = toWebhookEndpointJSON(endpoint, now);
    await auditChange(context.store, 'webhook_endpoint.updated', json, now);
    return json;
  }),
  route(webhookEndpoints.deleteWebhookEndpoint, async ({ params }, { store, clock }) => {
    await deleteEndpoint(store, params.endpoint_id);
    const deleted = { object: 'webhook_endpoint', id: params.endpoint_id, deleted: true };
    await auditChange(store, 'webhook_endpoint.deleted', deleted, clock.now());
    return deleted;
  }),
  route(webhookEndpoints.disableWebhookEndpoint, async ({ params }, { store, clock }) => {
    const now = clock.now();
    const json = toWebhookEndpointJSON(await setEndpointDisabled(store, params.endpoint_id, true, now), now);
    await auditChange(store, 'webhook_endpoint.disabled', json, now);
    return json;
  }),
  route(webhookEndpoints.enableWebhookEndpoint, async ({ params }, { store, clock }) => {
    const now = clock.now();
    const json = toWebhookEndpointJSON(await setEndpointDisabled(store, params.endpoint_id, false, now), now);
    await auditChange(store, 'webhook_endpoint.enabled', json, now);
    return json;
  }),
  route(webhookEndpoints.getWebhookSecret, async ({ params }, { store, clock }) => {
    const now = clock.now();
    const endpoint = await requireEndpoint(store, params.endpoint_id);
    // Whoever can read the secret can forge this endpoint's deliveries: every read is in the audit
    // log (the one GET that writes — the endpoint JSON, never the secret itself).
    await auditChange(store, WEBHOOK_SECRET_REVEALED_EVENT, toWebhookEndpointJSON(endpoint, now), now);
    return { object: 'webhook_secret', endpoint_id: endpoint.id, secret: endpoint.secrets[0]?.secret ?? '' };
  }),
  route(webhookEndpoints.rotateWebhookSecret, async ({ params, body }, { store, clock }) => {
    const now = clock.now();
    const endpoint = await rotateEndpointSecret(
      store,
      params.endpoint_id,
      { secret: body.secret, overlapSeconds: body.overlap_seconds },
      now,
    );
    await auditChange(store, 'webhook_endpoint.secret_rotated', toWebhookEndpointJSON(endpoint, now), now);
    return withCurrentSecret(endpoint, now);
  }),
];
