import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { toJWKS } from '../domain/keys/signing-keys.js';
import { LatchAPIError } from '../errors.js';
import { EmailDeliveryError } from '../mail/email-delivery-error.js';
import type { AppEnv } from './app-env.js';
import { createBackendAPI } from './bapi/backend-api.js';
import { serveClerkBundles } from './clerk-bundles.js';
import { recordClientAddress } from './client-address.js';
import { createDashboard } from './dashboard/serve-dashboard.js';
import { createFrontendAPI, overrideMethod } from './fapi/frontend-api.js';
import { errorResponse, jsonResponse } from './json-response.js';
import { buildOpenAPIDocument } from './openapi.js';
import { applyStagedHeaders, startStagedHeaders } from './staged-headers.js';

export const LATCH_VERSION = '0.1.0';

/**
 * The whole server as one web-standard handler (`app.fetch(request) → Response`); `main.ts` only
 * adapts it to node:http, and tests call it over real loopback HTTP or in-process.
 */
export function createApp(context: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });
  const { logger, store, clock } = context;

  app.use(async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    // Not c.header() after next(): it rebuilds the response, turning @hono/node-server's fast string
    // body into a streamed ReadableStream on every request (staged-headers.ts).
    startStagedHeaders(c, [['x-request-id', requestId]]);
    const started = performance.now();
    await next();
    applyStagedHeaders(c);
    logger.info('request', {
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
    });
  });

  app.get('/healthz', async () => {
    try {
      await store.ping();
      return jsonResponse({ status: 'ok' });
    } catch {
      return jsonResponse({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });

  app.get('/.well-known/jwks.json', async () =>
    // Shorter than the publish delay of a rotation, so caches always see a new key before it signs.
    jsonResponse(toJWKS(await store.signingKeys.listPublished(clock.now())), 200, {
      'cache-control': 'public, max-age=60',
    }),
  );

  const openAPIDocument = buildOpenAPIDocument(context.config.frontendApiUrl, LATCH_VERSION);
  app.get('/openapi.json', () => jsonResponse(openAPIDocument));

  app.route('/api/v1', createBackendAPI(context));
  app.route('/v1', createFrontendAPI(context, context.publishableKey));
  // The operators' web app and its session endpoints (docs/decisions/0012-dashboard-operators.md).
  app.route('/dashboard', createDashboard(context));
  // The official clerk-js / @clerk/ui browser bundles, when installed (PROTOCOL.md §1.4).
  app.get('/npm/*', serveClerkBundles());

  app.notFound((c) =>
    errorResponse(
      404,
      [
        {
          code: 'route_not_found',
          message: 'not found',
          long_message: `No route matches ${c.req.method} ${c.req.path}.`,
        },
      ],
      c.get('requestId') ?? randomUUID(),
    ),
  );

  app.onError((error, c) => {
    const traceId = c.get('requestId') ?? randomUUID();
    if (error instanceof LatchAPIError) {
      const response = errorResponse(error.status, error.errors, traceId);
      if (error.retryAfterSeconds !== undefined) response.headers.set('retry-after', String(error.retryAfterSeconds));
      // An oversize body is answered before it is read: the connection cannot be reused, so say so.
      if (error.status === 413) response.headers.set('connection', 'close');
      return response;
    }
    if (error instanceof EmailDeliveryError) {
      // The mail server refused or timed out: say so plainly; the operator's log has the server's answer.
      logger.error('email delivery failed', { request_id: traceId, error: error.message });
      return errorResponse(
        503,
        [
          {
            code: 'email_delivery_failed',
            message: 'Email could not be sent',
            long_message: 'The verification email could not be sent. Please try again in a moment.',
          },
        ],
        traceId,
      );
    }
    // A bug, not bad input: the details go to the log, never to the caller.
    logger.error('unhandled error', {
      request_id: traceId,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
    return errorResponse(
      500,
      [
        {
          code: 'internal_clerk_error',
          message: 'Something went wrong',
          long_message: 'Please try again or contact support.',
        },
      ],
      traceId,
    );
  });

  // Method override must happen before routing, so it wraps the whole handler.
  const route = app.fetch.bind(app);
  app.fetch = (request, env, ...rest) => {
    // Only a POST with a query can carry `_method`: the rest (every GET) skips parsing its URL.
    const routed =
      request.method === 'POST' && request.url.includes('?') && new URL(request.url).pathname.startsWith('/v1/')
        ? overrideMethod(request)
        : request;
    recordClientAddress(routed, env, context.config.trustProxy);
    return route(routed, env, ...rest);
  };
  return app;
}
