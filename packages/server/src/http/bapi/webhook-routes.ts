import type { Route } from './route.js';
import { WEBHOOK_ENDPOINT_ROUTES } from './webhook-routes-endpoints.js';
import { WEBHOOK_LOG_ROUTES } from './webhook-routes-log.js';

/** `/webhooks/*`: endpoints, secrets, the delivery log, resend and replay. */
export const WEBHOOK_ROUTES: Route[] = [...WEBHOOK_ENDPOINT_ROUTES, ...WEBHOOK_LOG_ROUTES];
