import type { EventRecord } from '../../store/webhook-store.js';

/**
 * The webhook body for an event, exactly as Clerk sends it (PROTOCOL.md §6): the object's Backend
 * API JSON in `data`, the request that caused it in `event_attributes.http_request`, and the
 * creation time in Unix milliseconds as Clerk's own deliveries carry it. Serialised once, with
 * `JSON.stringify`, so a receiver that re-serialises the parsed body (the sample route does) gets
 * the same bytes back and its signature still verifies.
 *
 * @example
 * webhookBody(event, 'ins_…') // '{"data":{…},"event_attributes":{…},"instance_id":"ins_…","object":"event",…}'
 */
export function webhookBody(event: EventRecord, instanceId: string): string {
  return JSON.stringify({
    data: event.data,
    event_attributes: {
      http_request: { client_ip: event.clientIp ?? '', user_agent: event.userAgent ?? '' },
    },
    instance_id: instanceId,
    object: 'event',
    timestamp: event.createdAt,
    type: event.type,
  });
}
