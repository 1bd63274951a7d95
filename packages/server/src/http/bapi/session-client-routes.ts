import { getClientRoute } from './clients/get-client.js';
import { listClientsRoute } from './clients/list-clients.js';
import { verifyClientRoute } from './clients/verify-client.js';
import type { Route } from './route.js';
import { createSessionRoute } from './sessions/create-session.js';
import { createSessionTokenRoute, createTemplateTokenRoute } from './sessions/create-session-token.js';
import { getSessionRoute } from './sessions/get-session.js';
import { listSessionsRoute } from './sessions/list-sessions.js';
import { revokeSessionRoute } from './sessions/revoke-session.js';
import { verifySessionRoute } from './sessions/verify-session.js';

/**
 * `/sessions` and `/clients`. `GET /clients/{client_id}` would also match
 * `GET /clients/handshake_payload`; routes registered earlier win, so that one must come first
 * (see routes.ts).
 */
export const SESSION_CLIENT_ROUTES: Route[] = [
  listSessionsRoute,
  createSessionRoute,
  getSessionRoute,
  revokeSessionRoute,
  verifySessionRoute,
  createSessionTokenRoute,
  createTemplateTokenRoute,
  listClientsRoute,
  verifyClientRoute,
  getClientRoute,
];
