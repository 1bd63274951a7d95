import type { FapiRoute } from '../fapi-route.js';

/** Filled in by the me work. */
export const ME_ROUTES: FapiRoute[] = [];
