import type { Store } from '../../store/store.js';
import { ENDPOINT_DISABLED_EVENT } from '../events/event-types.js';
import { recordEvent } from '../events/record-event.js';

/**
 * Keeps an endpoint's failure streak after an attempt: a success ends it, a failure starts it, and a
 * streak older than `disableAfterMs` disables the endpoint and records `endpoint.disabled` — in the
 * caller's transaction. Writes only when something changes, so a healthy endpoint costs one read.
 */
export async function trackEndpointHealth(
  tx: Store,
  endpointId: string,
  succeeded: boolean,
  now: number,
  disableAfterMs: number,
): Promise<void> {
  const endpoint = await tx.webhooks.endpoints.findById(endpointId);
  if (!endpoint) return;
  if (succeeded) {
    if (endpoint.failingSince !== null) await tx.webhooks.endpoints.update({ ...endpoint, failingSince: null });
    return;
  }
  if (endpoint.failingSince === null) {
    await tx.webhooks.endpoints.update({ ...endpoint, failingSince: now });
    return;
  }
  if (endpoint.disabled || now - endpoint.failingSince < disableAfterMs) return;
  await tx.webhooks.endpoints.update({ ...endpoint, disabled: true, disabledReason: 'failing', updatedAt: now });
  await recordEvent(tx, {
    type: ENDPOINT_DISABLED_EVENT,
    data: {
      object: 'webhook_endpoint',
      id: endpoint.id,
      url: endpoint.url,
      disabled_reason: 'failing',
      failing_since: endpoint.failingSince,
    },
    now,
    context: { actor: { type: 'system', id: null } },
  });
}
