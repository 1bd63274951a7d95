import { joinPaths, requireId } from './path.js';
import type { RequestFunction } from './request.js';
import type {
  DeletedObject,
  PaginatedResourceResponse,
  WebhookAttempt,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookMessage,
} from './resources.js';

export interface WebhookEndpointParams {
  url: string;
  description?: string;
  /** Omitted or empty: every event type. */
  eventTypes?: string[];
  /** Deliveries per second at most; null removes the limit. */
  rateLimit?: number | null;
}

/**
 * `latch.webhooks`: Latch delivers webhooks itself (Clerk delegates this to Svix), so its Backend API
 * manages endpoints, secrets, messages and replays. Named in Clerk's `getXList`/`createX` style.
 *
 * @example
 * const endpoint = await latch.webhooks.createWebhookEndpoint({ url: 'https://app.example.com/api/webhooks', eventTypes: ['user.created'] });
 * endpoint.secret // whsec_… for verifyWebhook
 */
export function createWebhooksAPI(request: RequestFunction) {
  const base = '/webhooks/endpoints';
  const endpoint = (endpointId: string, ...rest: string[]) =>
    joinPaths(base, requireId(endpointId, 'endpointId'), ...rest);
  return {
    getWebhookEndpointList(
      params: { limit?: number; offset?: number } = {},
    ): Promise<PaginatedResourceResponse<WebhookEndpoint>> {
      return request({ method: 'GET', path: base, queryParams: { ...params, paginated: true } });
    },
    createWebhookEndpoint(
      params: WebhookEndpointParams & { disabled?: boolean; secret?: string },
    ): Promise<WebhookEndpointWithSecret> {
      return request({ method: 'POST', path: base, bodyParams: { ...params } });
    },
    getWebhookEndpoint(endpointId: string): Promise<WebhookEndpoint> {
      return request({ method: 'GET', path: endpoint(endpointId) });
    },
    updateWebhookEndpoint(endpointId: string, params: Partial<WebhookEndpointParams>): Promise<WebhookEndpoint> {
      return request({ method: 'PATCH', path: endpoint(endpointId), bodyParams: { ...params } });
    },
    deleteWebhookEndpoint(endpointId: string): Promise<DeletedObject> {
      return request({ method: 'DELETE', path: endpoint(endpointId) });
    },
    disableWebhookEndpoint(endpointId: string): Promise<WebhookEndpoint> {
      return request({ method: 'POST', path: endpoint(endpointId, 'disable') });
    },
    enableWebhookEndpoint(endpointId: string): Promise<WebhookEndpoint> {
      return request({ method: 'POST', path: endpoint(endpointId, 'enable') });
    },
    getWebhookEndpointSecret(
      endpointId: string,
    ): Promise<{ object: 'webhook_secret'; endpointId: string; secret: string }> {
      return request({ method: 'GET', path: endpoint(endpointId, 'secret') });
    },
    /** A new secret; the old one keeps signing for `overlapSeconds` (default 24 h) so receivers can switch. */
    rotateWebhookEndpointSecret(
      endpointId: string,
      params: { secret?: string; overlapSeconds?: number } = {},
    ): Promise<WebhookEndpointWithSecret> {
      return request({ method: 'POST', path: endpoint(endpointId, 'secret', 'rotate'), bodyParams: params });
    },
    getWebhookMessageList(
      endpointId: string,
      params: { status?: WebhookMessage['status']; limit?: number; offset?: number } = {},
    ): Promise<PaginatedResourceResponse<WebhookMessage>> {
      return request({
        method: 'GET',
        path: endpoint(endpointId, 'messages'),
        queryParams: { ...params, paginated: true },
      });
    },
    getWebhookAttemptList(
      endpointId: string,
      params: { messageId?: string; limit?: number; offset?: number } = {},
    ): Promise<PaginatedResourceResponse<WebhookAttempt>> {
      return request({
        method: 'GET',
        path: endpoint(endpointId, 'attempts'),
        queryParams: { ...params, paginated: true },
      });
    },
    resendWebhookMessage(endpointId: string, messageId: string): Promise<WebhookMessage> {
      return request({
        method: 'POST',
        path: endpoint(endpointId, 'messages', requireId(messageId, 'messageId'), 'resend'),
      });
    },
    /** Delivers again every matching event since `since` (Unix ms or RFC 3339), up to `until`. */
    replayWebhookMessages(
      endpointId: string,
      params: { since: number | string; until?: number | string },
    ): Promise<{ object: 'webhook_replay'; endpointId: string; messages: number }> {
      return request({ method: 'POST', path: endpoint(endpointId, 'replay'), bodyParams: params });
    },
    /** Every event type an endpoint can subscribe to. */
    async getEventTypes(): Promise<string[]> {
      const list = await request<{ data: string[] }>({ method: 'GET', path: '/webhooks/event_types' });
      return list.data;
    },
  };
}

export type WebhooksAPI = ReturnType<typeof createWebhooksAPI>;
