import type { FapiRoute } from '../fapi-route.js';
import { CLIENT_ROUTES } from './client-routes.js';
import { ENVIRONMENT_ROUTES } from './environment-routes.js';
import { SESSION_ROUTES } from './session-routes.js';

/** Every Frontend API route, grouped by resource; each group lives in its own file. */
export const FRONTEND_API_ROUTES: readonly FapiRoute[] = [...ENVIRONMENT_ROUTES, ...CLIENT_ROUTES, ...SESSION_ROUTES];
