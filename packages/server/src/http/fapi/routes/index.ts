import type { FapiRoute } from '../fapi-route.js';
import { CLIENT_ROUTES } from './client-routes.js';
import { ENVIRONMENT_ROUTES } from './environment-routes.js';
import { HANDSHAKE_ROUTES } from './handshake-routes.js';
import { ME_ROUTES } from './me-routes.js';
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
];
