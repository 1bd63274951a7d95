import type { FapiRoute } from '../fapi-route.js';
import { CLIENT_ROUTES } from './client-routes.js';
import { ENVIRONMENT_ROUTES } from './environment-routes.js';
import { HANDSHAKE_ROUTES } from './handshake-routes.js';
import { ME_ROUTES } from './me-routes.js';
import { ORGANIZATION_DOMAIN_ROUTES } from './organization-domain-routes.js';
import { ORGANIZATION_INVITATION_ROUTES } from './organization-invitation-routes.js';
import { ORGANIZATION_ME_ROUTES } from './organization-me-routes.js';
import { ORGANIZATION_MEMBERSHIP_ROUTES } from './organization-membership-routes.js';
import { ORGANIZATION_ROUTES } from './organization-routes.js';
import { SESSION_ROUTES } from './session-routes.js';
import { SIGN_IN_ROUTES } from './sign-in-routes.js';
import { SIGN_UP_ROUTES } from './sign-up-routes.js';
import { TEMPLATE_TOKEN_ROUTES } from './template-token-routes.js';

/** Every Frontend API route, grouped by resource; each group lives in its own file. */
export const FRONTEND_API_ROUTES: readonly FapiRoute[] = [
  ...ENVIRONMENT_ROUTES,
  ...HANDSHAKE_ROUTES,
  ...CLIENT_ROUTES,
  ...SESSION_ROUTES,
  ...TEMPLATE_TOKEN_ROUTES,
  ...SIGN_UP_ROUTES,
  ...SIGN_IN_ROUTES,
  ...ME_ROUTES,
  ...ORGANIZATION_ME_ROUTES,
  ...ORGANIZATION_ROUTES,
  ...ORGANIZATION_MEMBERSHIP_ROUTES,
  ...ORGANIZATION_INVITATION_ROUTES,
  ...ORGANIZATION_DOMAIN_ROUTES,
];
