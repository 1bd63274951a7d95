import type { FapiRoute } from '../fapi-route.js';

/** Filled in by the template-token work. */
export const TEMPLATE_TOKEN_ROUTES: FapiRoute[] = [];
