import type { Route } from './route.js';

/** Filled in by the handshake-payload work. */
export const HANDSHAKE_PAYLOAD_ROUTES: Route[] = [];
