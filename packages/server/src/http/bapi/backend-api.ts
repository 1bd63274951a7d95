import { Hono } from 'hono';
import type { AppContext } from '../../app-context.js';
import { LatchAPIError } from '../../errors.js';
import type { AppEnv } from '../app-env.js';
import { jsonResponse } from '../json-response.js';
import { requireSecretKey } from './authenticate-secret-key.js';
import { authenticateOperator } from './operator-auth.js';
import { BACKEND_API_ROUTES } from './routes.js';

/** OpenAPI `{param}` templates to Hono's `:param`. */
export const toHonoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The Backend API, mounted at `/api/v1`: every route behind the secret key. */
export function createBackendAPI(context: AppContext): Hono<AppEnv> {
  const api = new Hono<AppEnv>({ strict: false });
  api.use(async (c, next) => {
    // Dashboard operators send a short-lived `opa_…` bearer instead of a secret key.
    if (!(await authenticateOperator(c.req.raw, context))) await requireSecretKey(c.req.raw, context.store);
    await next();
  });
  for (const route of BACKEND_API_ROUTES) {
    api.on(route.endpoint.method.toUpperCase(), toHonoPath(route.endpoint.path), async (c) =>
      jsonResponse(await route.serve(c.req.raw, c.req.param() as Record<string, string>, context)),
    );
  }
  api.notFound(() => {
    throw LatchAPIError.single(
      404,
      'resource_not_found',
      'not found',
      'No Backend API endpoint matches this method and path.',
    );
  });
  return api;
}
