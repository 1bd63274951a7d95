import type { Route } from './route.js';

/** Filled in by the jwt-template work. */
export const JWT_TEMPLATE_ROUTES: Route[] = [];
