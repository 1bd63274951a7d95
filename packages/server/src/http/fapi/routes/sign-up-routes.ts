import type { FapiRoute } from '../fapi-route.js';

/** Filled in by the sign-up work. */
export const SIGN_UP_ROUTES: FapiRoute[] = [];
