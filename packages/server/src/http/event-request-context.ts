import type { IncomingMessage } from 'node:http';
import { getPath } from 'hono/utils/url';
import { type RequestOrigin, runWithRequestOrigin } from '../domain/events/event-context.js';

type Fetch = (request: Request, env?: unknown, ...rest: never[]) => Response | Promise<Response>;

/**
 * The one read that is audited (whoever reads an endpoint's signing secret can forge its
 * deliveries), matched on the path the router matches (percent-decoded, like operator-auth.ts).
 */
const AUDITED_READ_PATH = /^\/api\/v1\/+webhooks\/+endpoints\/+[^/]+\/+secret\/*$/;

function isAuditedRead(request: Request): boolean {
  // Cheap first: any spelling of that path holds "secret" or a percent-escape.
  const { url } = request;
  return (url.includes('secret') || url.includes('%')) && AUDITED_READ_PATH.test(getPath(request));
}

/** Session token refreshes and touches: hot paths that never record an event. */
const EVENTLESS_WRITE = /^https?:\/\/[^/]+\/v1\/client\/sessions\/[^/?]+\/(tokens|touch)(?:[/?]|$)/;

/**
 * Wraps the app's handler so events recorded while serving a request know who asked and from
 * where (`event_attributes.http_request`, the audit log's actor and IP). Outermost, because it must
 * see the raw socket; the client address follows the same trust rule as `client-address.ts`.
 * Reads (GET, HEAD, OPTIONS; except the audited secret read) and token refreshes pass straight
 * through: they record no events, and
 * keeping them out keeps the AsyncLocalStorage (and its promise hooks) off (see `event-context.ts`).
 *
 * @example
 * serve({ fetch: withRequestOrigin(app.fetch, config.trustProxy) })
 */
export function withRequestOrigin<F extends Fetch>(fetch: F, trustProxy: boolean): F {
  return ((request: Request, env?: unknown, ...rest: never[]) => {
    const { method, url } = request;
    const read = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
    // HEAD runs the GET handler: the audited read is audited whichever of the two asks.
    if ((read && !(method !== 'OPTIONS' && isAuditedRead(request))) || EVENTLESS_WRITE.test(url)) {
      return fetch(request, env, ...rest);
    }
    // The path the router matches (percent-decoded): `/%61pi/v1/…` is the Backend API too.
    const path = getPath(request);
    const surface: RequestOrigin['surface'] = path.startsWith('/api/v1/')
      ? 'backend_api'
      : path.startsWith('/v1/')
        ? 'frontend_api'
        : 'other';
    const socketAddress = (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
    const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
    const origin: RequestOrigin = {
      surface,
      clientIp: forwarded || socketAddress || null,
      userAgent: request.headers.get('user-agent'),
      secretKey: surface === 'backend_api' ? bearer : null,
    };
    return runWithRequestOrigin(origin, () => fetch(request, env, ...rest));
  }) as F;
}
