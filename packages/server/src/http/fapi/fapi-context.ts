import type { AppContext } from '../../app-context.js';
import { createClient, findClientByToken, newClient } from '../../domain/clients/client-credential.js';
import type { ClientState } from '../../domain/clients/client-state.js';
import type { ClientRecord } from '../../store/records.js';
import { ONE_YEAR_SECONDS, parseCookies, serializeCookie } from './cookies.js';

/** Everything a Frontend API handler works with for one request. */
export interface FapiContext {
  app: AppContext;
  request: Request;
  now: number;
  body: Record<string, unknown>;
  url: URL;
  /** The calling tab's origin (`Origin` header), used as the token's `azp`. */
  origin: string | null;
  /** The client identified by the `__client` cookie (or bearer token), if any. */
  client: ClientRecord | null;
  /**
   * The client's state (sessions, users) from the client-state cache, on `cachedClient` routes only;
   * null otherwise. Read-only: never write a record taken from it back to the store.
   */
  clientState: ClientState | null;
  /**
   * The client, created (and its cookie set) on first use. With `deferInsert` a new client is not
   * stored here: the caller's first write must store it (`saveClientPointers`), and `clientIsNew`
   * tells it so.
   */
  requireClient(options?: { deferInsert?: boolean }): Promise<ClientRecord>;
  /** Whether `requireClient({ deferInsert: true })` created the client, unstored, in this request. */
  readonly clientIsNew: boolean;
  setCookie(cookie: string): void;
  readonly cookies: string[];
}

export const CLIENT_COOKIE = '__client';

/** Whether cookies should carry `Secure`: whenever the Frontend API is served over https. */
export function secureCookies(app: AppContext): boolean {
  return app.config.frontendApiUrl.startsWith('https:');
}

/**
 * Identifies the client: the HttpOnly `__client` cookie for browsers, or `Authorization: <token>`
 * for native apps (`_is_native=1`, PROTOCOL.md §2.1).
 */
export async function createFapiContext(
  app: AppContext,
  request: Request,
  body: Record<string, unknown>,
  options: { cachedClient?: boolean; clientFree?: boolean } = {},
): Promise<FapiContext> {
  let url: URL | null = null;
  const cookies = parseCookies(request.headers.get('cookie'));
  const native =
    request.url.includes('_is_native=') && new URL(request.url).searchParams.get('_is_native') === '1'
      ? request.headers.get('authorization')
      : null;
  const token = native?.replace(/^Bearer\s+/i, '') ?? cookies.get(CLIENT_COOKIE) ?? null;
  const now = app.clock.now();
  const setCookies: string[] = [];
  let clientIsNew = false;
  const clientState = token && options.cachedClient ? await app.clientStates.byToken(app.store, token) : null;
  const context: FapiContext = {
    app,
    request,
    now,
    body,
    // Parsed on first use: most requests never look at their query.
    get url() {
      url ??= new URL(request.url);
      return url;
    },
    origin: request.headers.get('origin'),
    client: options.cachedClient
      ? (clientState?.client ?? null)
      : token && !options.clientFree
        ? await findClientByToken(app.store, token)
        : null,
    clientState,
    cookies: setCookies,
    get clientIsNew() {
      return clientIsNew;
    },
    setCookie: (cookie) => setCookies.push(cookie),
    async requireClient(requirement = {}) {
      if (context.client) return context.client;
      const created = requirement.deferInsert ? newClient(now) : await createClient(app.store, now);
      context.client = created.client;
      clientIsNew = requirement.deferInsert === true;
      context.clientState = null;
      setCookies.push(
        serializeCookie(CLIENT_COOKIE, created.token, {
          httpOnly: true,
          secure: secureCookies(app),
          sameSite: 'Lax',
          maxAgeSeconds: ONE_YEAR_SECONDS,
        }),
      );
      return created.client;
    },
  };
  return context;
}
