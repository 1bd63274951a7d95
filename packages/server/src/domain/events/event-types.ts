import { WEBHOOK_EVENT_TYPES } from '@latch/protocol';

/** Sent when the worker disables an endpoint that kept failing (Svix's name for it). */
export const ENDPOINT_DISABLED_EVENT = 'endpoint.disabled';

/** Clerk's event types: what an endpoint with no filter receives. */
export const CLERK_EVENT_TYPES: readonly string[] = WEBHOOK_EVENT_TYPES.filter(
  (type) => type !== ENDPOINT_DISABLED_EVENT,
);

/**
 * Whether an endpoint subscribed to `eventTypes` receives `type`. No filter means every Clerk type;
 * `endpoint.disabled` goes only to endpoints that list it, so Clerk-shaped handlers never see it.
 */
export function endpointWants(eventTypes: readonly string[], type: string): boolean {
  if (eventTypes.length === 0) return CLERK_EVENT_TYPES.includes(type);
  return eventTypes.includes(type);
}
