import { AUDIT_LOG_ROUTES } from './audit-routes.js';
import { EMAIL_INBOX_ROUTES } from './email-inbox-routes.js';
import { HANDSHAKE_PAYLOAD_ROUTES } from './handshake-payload-routes.js';
import { INSTANCE_EMAIL_ROUTES } from './instance-email-routes.js';
import { INSTANCE_KEY_ROUTES } from './instance-key-routes.js';
import { INSTANCE_SETTINGS_ROUTES } from './instance-settings-routes.js';
import { getJWKSRoute } from './jwks.js';
import { JWT_TEMPLATE_PREVIEW_ROUTES } from './jwt-template-preview-routes.js';
import { JWT_TEMPLATE_ROUTES } from './jwt-template-routes.js';
import { OPERATOR_ROUTES } from './operators/operator-routes.js';
import { ORGANIZATION_DOMAIN_ROUTES } from './organization-domain-routes.js';
import { resendInvitationRoute } from './organization-invitation-resend-route.js';
import { ORGANIZATION_INVITATION_ROUTES } from './organization-invitation-routes.js';
import { ORGANIZATION_MEMBERSHIP_ROUTES } from './organization-membership-routes.js';
import { ORGANIZATION_ROLE_ROUTES } from './organization-role-routes.js';
import { ORGANIZATION_ROUTES } from './organization-routes.js';
import type { Route } from './route.js';
import { SESSION_CLIENT_ROUTES } from './session-client-routes.js';
import { STATS_ROUTES } from './stats/stats-routes.js';
import { countUsersRoute } from './users/count-users.js';
import { createUserRoute } from './users/create-user.js';
import { deleteUserRoute } from './users/delete-user.js';
import { getUserRoute } from './users/get-user.js';
import { listUsersRoute } from './users/list-users.js';
import { banUserRoute, lockUserRoute, unbanUserRoute, unlockUserRoute } from './users/moderate-user.js';
import { updateUserRoute } from './users/update-user.js';
import { mergeUserMetadataRoute, replaceUserMetadataRoute } from './users/user-metadata.js';
import { verifyPasswordRoute } from './users/verify-password.js';
import { WEBHOOK_ROUTES } from './webhook-routes.js';

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
  ...JWT_TEMPLATE_PREVIEW_ROUTES,
  ...JWT_TEMPLATE_ROUTES,
  ...EMAIL_INBOX_ROUTES,
  ...ORGANIZATION_ROUTES,
  ...ORGANIZATION_MEMBERSHIP_ROUTES,
  ...ORGANIZATION_INVITATION_ROUTES,
  resendInvitationRoute,
  ...ORGANIZATION_DOMAIN_ROUTES,
  ...ORGANIZATION_ROLE_ROUTES,
  ...WEBHOOK_ROUTES,
  ...AUDIT_LOG_ROUTES,
  ...INSTANCE_SETTINGS_ROUTES,
  ...OPERATOR_ROUTES,
  ...STATS_ROUTES,
  ...INSTANCE_KEY_ROUTES,
  ...INSTANCE_EMAIL_ROUTES,
];
