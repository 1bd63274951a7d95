import { EMAIL_INBOX_ROUTES } from './email-inbox-routes.js';
import { HANDSHAKE_PAYLOAD_ROUTES } from './handshake-payload-routes.js';
import { getJWKSRoute } from './jwks.js';
import { JWT_TEMPLATE_ROUTES } from './jwt-template-routes.js';
import type { Route } from './route.js';
import { SESSION_CLIENT_ROUTES } from './session-client-routes.js';
import { countUsersRoute } from './users/count-users.js';
import { createUserRoute } from './users/create-user.js';
import { deleteUserRoute } from './users/delete-user.js';
import { getUserRoute } from './users/get-user.js';
import { listUsersRoute } from './users/list-users.js';
import { banUserRoute, lockUserRoute, unbanUserRoute, unlockUserRoute } from './users/moderate-user.js';
import { updateUserRoute } from './users/update-user.js';
import { mergeUserMetadataRoute, replaceUserMetadataRoute } from './users/user-metadata.js';
import { verifyPasswordRoute } from './users/verify-password.js';

/**
 * Every Backend API route. Order matters where paths overlap: static segments (`/users/count`)
 * come before parameters (`/users/{user_id}`).
 */
export const BACKEND_API_ROUTES: readonly Route[] = [
  getJWKSRoute,
  countUsersRoute,
  listUsersRoute,
  createUserRoute,
  getUserRoute,
  updateUserRoute,
  deleteUserRoute,
  mergeUserMetadataRoute,
  replaceUserMetadataRoute,
  banUserRoute,
  unbanUserRoute,
  lockUserRoute,
  unlockUserRoute,
  verifyPasswordRoute,
  // `/clients/handshake_payload` before `/clients/{client_id}`.
  ...HANDSHAKE_PAYLOAD_ROUTES,
  ...SESSION_CLIENT_ROUTES,
  ...JWT_TEMPLATE_ROUTES,
  ...EMAIL_INBOX_ROUTES,
];
