import { createClientsAPI } from './api/clients-api.js';
import { createJWTTemplatesAPI } from './api/jwt-templates-api.js';
import { createOrganizationsAPI } from './api/organizations-api.js';
import { buildRequest } from './api/request.js';
import type { JWKS } from './api/resources.js';
import { createSessionsAPI } from './api/sessions-api.js';
import { createUsersAPI } from './api/users-api.js';
import { createWebhooksAPI } from './api/webhooks-api.js';
import {
  type AuthenticateRequestDependencies,
  type AuthenticateRequestOptions,
  authenticateRequest,
} from './tokens/authenticate-request.js';
import { apiUrlFromPublishableKey, parsePublishableKey } from './tokens/publishable-key.js';
import type { RequestState } from './tokens/request-state.js';
import { DEFAULT_API_URL, DEFAULT_API_VERSION } from './tokens/verify-token.js';

/** Options of `createLatchClient`: Clerk's `createClerkClient` names. */
export interface LatchOptions extends AuthenticateRequestOptions {
  secretKey?: string;
  /** Backend API base, e.g. `https://auth.example.com/api`; default derived from the publishable key. */
  apiUrl?: string;
  apiVersion?: string;
}

/**
 * A Backend API client plus `authenticateRequest` preconfigured with the same keys — what
 * `clerkClient`/`createClerkClient` give Clerk apps.
 *
 * @example
 * const latch = createLatchClient({ secretKey: process.env.LATCH_SECRET_KEY, apiUrl: 'https://auth.example.com/api' });
 * const user = await latch.users.getUser('user_123');
 * user.primaryEmailAddress?.emailAddress
 */
export function createLatchClient(options: LatchOptions = {}) {
  const key = parsePublishableKey(options.publishableKey);
  const apiUrl = options.apiUrl ?? (key ? apiUrlFromPublishableKey(key) : DEFAULT_API_URL);
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const request = buildRequest({
    apiUrl,
    apiVersion,
    ...(options.secretKey ? { secretKey: options.secretKey } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const users = createUsersAPI(request);
  // Merged options per overrides object: middleware passes the same object on every request, and the
  // verification caches downstream are keyed by it.
  const preparedOverrides = new WeakMap<
    AuthenticateRequestOptions,
    { options: LatchOptions; dependencies: AuthenticateRequestDependencies }
  >();
  const sessions = createSessionsAPI(request);
  const clients = createClientsAPI(request);
  return {
    users,
    sessions,
    clients,
    jwtTemplates: createJWTTemplatesAPI(request),
    organizations: createOrganizationsAPI(request),
    webhooks: createWebhooksAPI(request),
    jwks: {
      getJwks: (): Promise<JWKS> => request({ method: 'GET', path: '/jwks' }),
    },
    /**
     * `authenticateRequest` with this client's keys; per-call options override them. Uses this
     * client to redeem handshake nonces and to mint `getToken({ template })` tokens.
     */
    authenticateRequest(request: Request, overrides: AuthenticateRequestOptions = {}): Promise<RequestState> {
      let prepared = preparedOverrides.get(overrides);
      if (!prepared) {
        const merged: LatchOptions = { ...options, apiUrl, apiVersion, ...definedOnly(overrides) };
        const client = merged.secretKey === options.secretKey ? { clients, sessions } : createLatchClient(merged);
        prepared = {
          options: merged,
          dependencies: {
            getHandshakePayload: (nonce) => client.clients.getHandshakePayload({ nonce }),
            mintTemplateToken: async (sessionId, template, expiresInSeconds) =>
              (await client.sessions.getToken(sessionId, template, expiresInSeconds)).jwt,
          },
        };
        preparedOverrides.set(overrides, prepared);
      }
      return authenticateRequest(request, prepared.options, prepared.dependencies);
    },
  };
}

export type LatchClient = ReturnType<typeof createLatchClient>;

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
