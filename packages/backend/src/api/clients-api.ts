import { joinPaths, requireId } from './path.js';
import type { RequestFunction } from './request.js';
import type { Client, HandshakePayload, PaginatedResourceResponse } from './resources.js';

/** `latch.clients`, named like `clerkClient.clients`. */
export function createClientsAPI(request: RequestFunction) {
  const base = '/clients';
  return {
    getClientList(params: { limit?: number; offset?: number } = {}): Promise<PaginatedResourceResponse<Client>> {
      return request({ method: 'GET', path: base, queryParams: { ...params, paginated: true } });
    },
    getClient(clientId: string): Promise<Client> {
      return request({ method: 'GET', path: joinPaths(base, requireId(clientId, 'clientId')) });
    },
    /** The client a browser's `__client` credential belongs to. */
    verifyClient(token: string): Promise<Client> {
      return request({ method: 'POST', path: joinPaths(base, 'verify'), bodyParams: { token } });
    },
    /** The cookie directives of a `format=nonce` handshake (PROTOCOL.md §3.4). */
    getHandshakePayload(params: { nonce: string }): Promise<HandshakePayload> {
      return request({ method: 'GET', path: joinPaths(base, 'handshake_payload'), queryParams: params });
    },
  };
}

export type ClientsAPI = ReturnType<typeof createClientsAPI>;
