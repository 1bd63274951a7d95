import {
  type AuthenticateRequestOptions,
  createLatchClient,
  type LatchClient,
  type LatchOptions,
  type RequestState,
} from '@latch/backend';

/**
 * One `@latch/backend` client per distinct configuration: it holds the Backend API settings that
 * redeem handshake nonces and mint template tokens, and creating one per request would be waste.
 */
const clients = new Map<string, LatchClient>();

export function backendClient(options: LatchOptions): LatchClient {
  const key = JSON.stringify(options);
  let client = clients.get(key);
  if (!client) {
    // A handful of configurations at most (env, plus per-middleware options); bound it anyway.
    if (clients.size > 16) clients.clear();
    client = createLatchClient(options);
    clients.set(key, client);
  }
  return client;
}

/** `authenticateRequest` through a client, so handshake nonces can be redeemed at the Backend API. */
export function authenticateWithClient(
  request: Request,
  options: LatchOptions,
  overrides: AuthenticateRequestOptions,
): Promise<RequestState> {
  return backendClient(options).authenticateRequest(request, overrides);
}
