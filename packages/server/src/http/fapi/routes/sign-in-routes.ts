import type { FapiRoute } from '../fapi-route.js';

/** Filled in by the sign-in work. */
export const SIGN_IN_ROUTES: FapiRoute[] = [];
