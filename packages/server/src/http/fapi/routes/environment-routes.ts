import { toEnvironmentJSON } from '../environment-json.js';
import { fapiRoute } from '../fapi-route.js';

/** `GET /v1/environment` (production keys) and `PATCH` (development keys send it on every load). */
const environment = fapiRoute('GET', '/environment', async ({ app }) => ({
  response: toEnvironmentJSON(app.instance, { frontendApiUrl: app.config.frontendApiUrl }),
  envelope: false,
}));

export const ENVIRONMENT_ROUTES = [environment, { ...environment, method: 'PATCH' as const }];
