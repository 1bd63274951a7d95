import type { Route } from './route.js';

/** Filled in by the session-client work. */
export const SESSION_CLIENT_ROUTES: Route[] = [];
