import type { FapiRoute } from '../fapi-route.js';

/** Filled in by the handshake work. */
export const HANDSHAKE_ROUTES: FapiRoute[] = [];
