import { type Context, Hono } from 'hono';
import type { AppContext } from '../../app-context.js';
import type { ClientState } from '../../domain/clients/client-state.js';
import { LatchAPIError } from '../../errors.js';
import type { AppEnv } from '../app-env.js';
import { type HeaderList, stagedResponse, stageHeaderList } from '../staged-headers.js';
import { clientFromMemory } from './client-from-memory.js';
import { cookieSuffix, ONE_YEAR_SECONDS, serializeCookie } from './cookies.js';
import { createFapiContext, secureCookies } from './fapi-context.js';
import { CLIENT_ITSELF, CURRENT_CLIENT, type FapiResult } from './fapi-route.js';
import { readFormBody } from './form-body.js';
import { corsHeaders, isAllowedOrigin } from './origin-policy.js';
import { activeSessionAt, type ClientText, clientStateToText } from './resources/client-json.js';
import { FRONTEND_API_ROUTES } from './routes/index.js';
import { sessionTokenFor } from './session-token-for.js';

/**
 * The Frontend API at `/v1`: what browsers (clerk-js, `@latch/js`) call. Only GET and POST arrive
 * from clerk-js; other verbs come as `POST ?_method=…` (PROTOCOL.md §2.1), which `overrideMethod`
 * turns back into the real verb before routing.
 */
export function createFrontendAPI(app: AppContext, publishableKey: string): Hono<AppEnv> {
  const api = new Hono<AppEnv>({ strict: false });
  const suffix = cookieSuffix(publishableKey);
  const corsFor = createOriginVerdicts(app);

  api.use(async (c, next) => {
    const origin = c.req.header('origin');
    const cors = origin ? corsFor(origin) : null;
    const allowed = cors !== null;
    if (c.req.method === 'OPTIONS') {
      if (!allowed || !origin) return new Response(null, { status: 403 });
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders(origin),
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
          'access-control-allow-headers': 'Content-Type, Authorization',
          'access-control-max-age': '600',
        },
      });
    }
    // Browsers always send Origin on cross-site and on same-site POSTs; a mutation from a page that is
    // not ours is refused before it can touch a session (CSRF).
    if (origin && !allowed && c.req.method !== 'GET') {
      throw LatchAPIError.single(
        403,
        'origin_invalid',
        'Invalid origin',
        `Requests from ${origin} are not allowed for this instance.`,
      );
    }
    // On every answer to an allowed origin, errors included (staged-headers.ts).
    if (cors) stageHeaderList(c, cors);
    await next();
  });

  /**
   * `__client_uat` and its suffixed twin, serialized once per value: a tab's value changes only when
   * its sign-in state does, and every enveloped response sends both.
   */
  const uatCookieCache = new Map<string, HeaderList>();
  const uatCookies = (uat: string): HeaderList => {
    let pairs = uatCookieCache.get(uat);
    if (!pairs) {
      const options = { secure: secureCookies(app), sameSite: 'Lax', maxAgeSeconds: ONE_YEAR_SECONDS } as const;
      pairs = ['__client_uat', `__client_uat_${suffix}`].map((name) => [
        'set-cookie',
        serializeCookie(name, uat, options),
      ]);
      if (uatCookieCache.size >= 4_096) uatCookieCache.clear();
      uatCookieCache.set(uat, pairs);
    }
    return pairs;
  };

  /** `__client_uat`: the client's last change in seconds while it is signed in, else 0. */
  const uatCookiesOf = (state: ClientState | null, signedIn: boolean): HeaderList =>
    uatCookies(signedIn && state ? String(Math.floor(state.client.updatedAt / 1000)) : '0');

  for (const route of FRONTEND_API_ROUTES) {
    const answer = async (c: Context<AppEnv>) => {
      const request = c.req.raw;
      // An empty body (token refreshes) is not read at all: reading it builds a web stream for nothing.
      const body =
        request.method === 'GET' || request.headers.get('content-length') === '0'
          ? {}
          : await readFormBody(request, app.config.maxBodyBytes);
      const context = await createFapiContext(app, request, body, route);
      const result = await route.handle(context, c.req.param() as Record<string, string>);
      const enveloped = !result.raw && result.envelope !== false;
      // Bare JSON (token refreshes, the hot path) needs no client state.
      const needsClient = enveloped || result.raw || context.cookies.length > 0;
      // The client as it is after the handler: its own writes have dropped any cached state.
      const state = needsClient && context.client ? await app.clientStates.byId(app.store, context.client.id) : null;
      const client =
        state && enveloped
          ? await clientStateToText(state, app.instance.settings, context.now, {
              tokenFor: (session, user) => sessionTokenFor(app, session, user, context.origin, context.now),
            })
          : null;
      const cookies: HeaderList = context.cookies.map((cookie) => ['set-cookie', cookie]);
      // Token refreshes (bare JSON) leave `__client_uat` alone: it changes only with sign-in state.
      if (needsClient) {
        const signedIn = client
          ? client.lastActiveSessionId !== null
          : activeSessionAt(state, context.now) !== undefined;
        cookies.push(...uatCookiesOf(state, signedIn));
      }
      if (result.raw) {
        for (const [name, value] of cookies) result.raw.headers.append(name, value);
        return result.raw;
      }
      const text = enveloped
        ? envelopeBody(result, client)
        : (result.responseText ?? JSON.stringify(result.response) ?? null);
      // `Content-Type` exactly `application/json` (json-response.ts).
      return stagedResponse(c, text, result.status ?? 200, [['content-type', 'application/json'], ...cookies]);
    };
    if (!route.clientFromMemory) {
      api.on(route.method, route.path, answer);
      continue;
    }
    // Not async: an answer from memory is returned as it is, with no promise to wait on.
    api.on(route.method, route.path, (c) => {
      const known = clientFromMemory(app, c.req.raw, app.clock.now());
      if (!known) return answer(c);
      return stagedResponse(c, clientItselfBody(known.text), 200, [
        ['content-type', 'application/json'],
        ...uatCookiesOf(known.state, known.text.lastActiveSessionId !== null),
      ]);
    });
  }
  return api;
}

/**
 * An enveloped answer's body: the client itself (`GET`/`POST`/`PUT /v1/client`), the current client
 * as the resource and the piggy-back (`CURRENT_CLIENT`), or any other resource beside the client.
 */
function envelopeBody(result: FapiResult, client: ClientText | null): string | Uint8Array<ArrayBuffer> {
  if (result.response === CLIENT_ITSELF) return client ? clientItselfBody(client) : envelopeText('null', 'null');
  const clientText = client?.text ?? 'null';
  return envelopeText(result.response === CURRENT_CLIENT ? clientText : JSON.stringify(result.response), clientText);
}

/**
 * `{ "response": …, "client": … }` from texts already serialized: the client (most of the body of
 * every mutation's answer) is stringified once, or not at all when its text is cached
 * (`clientStateToText`). The bytes are what JSON.stringify gives
 * for the same objects; a response of `undefined` is left out, as JSON.stringify does.
 */
function envelopeText(responseText: string | undefined, clientText: string): string {
  return responseText === undefined
    ? `{"client":${clientText}}`
    : `{"response":${responseText},"client":${clientText}}`;
}

/**
 * `{ "response": client, "client": null }` as bytes, kept with the client's cached text (the same
 * text object is handed out while it stays exact): a signed-in tab's `GET /v1/client` then writes
 * them as they are, with no concatenation and no UTF-8 encoding of ~5 KB per request.
 */
const clientItselfBodies = new WeakMap<ClientText, Uint8Array<ArrayBuffer>>();

function clientItselfBody(client: ClientText): Uint8Array<ArrayBuffer> {
  let body = clientItselfBodies.get(client);
  if (!body) {
    body = Buffer.from(envelopeText(client.text, 'null'));
    clientItselfBodies.set(client, body);
  }
  return body;
}

/**
 * `isAllowedOrigin`, remembered per origin with the CORS headers an allowed one gets (null: refused):
 * a tab sends the same Origin with every request, and the check parses URLs. Forgotten whenever the
 * instance's allowed origins are replaced.
 */
function createOriginVerdicts(app: AppContext, maxOrigins = 1_000) {
  const verdicts = new Map<string, HeaderList | null>();
  let verdictsFor = app.instance.settings.allowedOrigins;
  return (origin: string): HeaderList | null => {
    if (verdictsFor !== app.instance.settings.allowedOrigins) {
      verdicts.clear();
      verdictsFor = app.instance.settings.allowedOrigins;
    }
    let cors = verdicts.get(origin);
    if (cors === undefined) {
      cors = isAllowedOrigin(app, origin) ? Object.entries(corsHeaders(origin)) : null;
      if (verdicts.size < maxOrigins) verdicts.set(origin, cors);
    }
    return cors;
  };
}

const OVERRIDABLE = new Set(['PUT', 'PATCH', 'DELETE']);

/** `POST /v1/…?_method=DELETE` → the same request as a DELETE; anything else is returned unchanged. */
export function overrideMethod(request: Request): Request {
  if (request.method !== 'POST') return request;
  const override = new URL(request.url).searchParams.get('_method')?.toUpperCase();
  if (!override || !OVERRIDABLE.has(override)) return request;
  return new Request(request, { method: override });
}
