import { type AuthObject, type LatchOptions, parsePublishableKey, type RequestState } from '@latch/backend';
import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { AuthHeaders, signAuthHeaders } from '../auth-headers.js';
import { signedOutAuthObject } from '../auth-object.js';
import { authenticateWithClient } from '../backend.js';
import { DEFAULT_PROXY_PATH, readEnvironment } from '../env.js';
import { type AuthProtect, createProtect } from '../protect.js';
import { signInRedirectUrl } from '../redirects.js';
import { forwardRequestHeaders, withMutableHeaders } from './forward-headers.js';
import { proxyFrontendApi } from './frontend-api-proxy.js';
import { isMiddlewareSignal, MiddlewareSignal } from './middleware-signals.js';
import { type OrganizationSyncOptions, organizationSyncRedirect, organizationToSync } from './organization-sync.js';

export interface LatchMiddlewareOptions {
  publishableKey?: string;
  secretKey?: string;
  /** Latch's Backend API base (`LATCH_API_URL`), e.g. `http://127.0.0.1:4000/api`. */
  apiUrl?: string;
  apiVersion?: string;
  /** PEM public key (`LATCH_JWT_KEY`): networkless verification. */
  jwtKey?: string;
  signInUrl?: string;
  signUpUrl?: string;
  /** Accepted `azp` values of session tokens, e.g. `['https://app.example.com']`. */
  authorizedParties?: string[];
  audience?: string | string[];
  clockSkewInMs?: number;
  /**
   * The same-origin Frontend API proxy (on by default at `/__latch`): the browser SDK talks to the app's
   * origin and the middleware forwards to `frontendApiUrl`.
   */
  frontendApiProxy?: { enabled?: boolean; path?: string };
  /** Where Latch's Frontend API is (`LATCH_FAPI_URL`); default: `apiUrl` without its `/api` suffix. */
  frontendApiUrl?: string;
  /**
   * The active organization follows the URL (Clerk's option): a signed-in page load whose path matches
   * `organizationPatterns` (`/org/:slug`, `/orgs/:id/(.*)`) for another organization than the token's —
   * or `personalAccountPatterns` while an organization is active — goes through the handshake, which
   * switches the session's organization before the page renders.
   */
  organizationSyncOptions?: OrganizationSyncOptions;
  /** Log each decision (status, reason) to the console. */
  debug?: boolean;
}

export type LatchMiddlewareAuthObject = AuthObject & {
  redirectToSignIn(options?: { returnBackUrl?: string | URL | null }): never;
  redirectToSignUp(options?: { returnBackUrl?: string | URL | null }): never;
};

/** The `auth` the handler receives: `await auth()` for the state, `await auth.protect(...)` to require it. */
export type LatchMiddlewareAuth = (() => Promise<LatchMiddlewareAuthObject>) & { protect: AuthProtect };

export type LatchMiddlewareHandler = (
  auth: LatchMiddlewareAuth,
  request: NextRequest,
  event: NextFetchEvent,
) => ReturnType<NextMiddleware> | Promise<ReturnType<NextMiddleware>>;

type OptionsOrFactory =
  | LatchMiddlewareOptions
  | ((request: NextRequest) => LatchMiddlewareOptions | Promise<LatchMiddlewareOptions>);

/**
 * Authenticates every request the matcher sends through it, serves the `/__latch` Frontend API proxy,
 * runs the handshake redirect when the session cookie is missing or stale, and hands the verdict on to
 * `auth()` in Server Components, Route Handlers and Server Actions. Works as `middleware.ts` (edge
 * runtime) and as Next 16's `proxy.ts` (Node).
 *
 * @example
 * const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)']);
 * export default latchMiddleware(async (auth, request) => {
 *   if (!isPublicRoute(request)) await auth.protect();
 * });
 */
export function latchMiddleware(handler?: LatchMiddlewareHandler, options?: OptionsOrFactory): NextMiddleware;
export function latchMiddleware(options?: OptionsOrFactory): NextMiddleware;
export function latchMiddleware(
  first?: LatchMiddlewareHandler | OptionsOrFactory,
  second?: OptionsOrFactory,
): NextMiddleware {
  // As Clerk's: a function first is always the handler; options (or their factory) come first or second.
  const handler = typeof first === 'function' ? (first as LatchMiddlewareHandler) : undefined;
  const optionsOrFactory = handler ? second : (first as OptionsOrFactory | undefined);

  return async (request: NextRequest, event: NextFetchEvent) => {
    const given = typeof optionsOrFactory === 'function' ? await optionsOrFactory(request) : (optionsOrFactory ?? {});
    const settings = resolveSettings(given);

    if (settings.proxyPath && isProxyPath(request.nextUrl.pathname, settings.proxyPath)) {
      if (!settings.frontendApiUrl) {
        throw new Error(
          '@latch/nextjs: set LATCH_FAPI_URL or LATCH_API_URL so the /__latch proxy knows where Latch is.',
        );
      }
      return proxyFrontendApi(request, {
        proxyPath: settings.proxyPath,
        upstream: settings.frontendApiUrl,
        ...(settings.backend.secretKey ? { secretKey: settings.backend.secretKey } : {}),
      });
    }

    // The handshake goes through the proxy too, so Latch sees the app's first-party `__client` cookie.
    const state = await authenticateWithClient(
      request,
      settings.backend,
      settings.proxyPath ? { proxyUrl: `${request.nextUrl.origin}${settings.proxyPath}` } : {},
    );
    if (settings.debug)
      console.info(`@latch/nextjs: ${request.nextUrl.pathname} ${state.status} ${state.reason ?? ''}`);
    if (state.status === 'handshake') {
      // The backend built the redirect to the Frontend API's handshake endpoint: Location + cookies.
      return new NextResponse(null, { status: 307, headers: state.headers });
    }
    if (state.headers.has('location')) {
      // A resolved handshake whose URL still carries transport parameters: clean it up first.
      return new NextResponse(null, { status: 307, headers: state.headers });
    }

    const authObject: AuthObject =
      state.status === 'signed-in' ? state.toAuth() : signedOutAuthObject({ reason: state.reason });
    const syncTo = organizationToSync(request, authObject, given.organizationSyncOptions);
    if (syncTo !== null) {
      const base = settings.proxyPath ? `${request.nextUrl.origin}${settings.proxyPath}` : fapiBase(settings);
      const headers = organizationSyncRedirect(request, base, syncTo);
      for (const cookie of state.headers.getSetCookie()) headers.append('set-cookie', cookie);
      if (settings.debug) console.info(`@latch/nextjs: ${request.nextUrl.pathname} organization sync → ${syncTo}`);
      return new NextResponse(null, { status: 307, headers });
    }
    const signInUrl = settings.signInUrl;
    const redirectTo = (target: string, returnBackUrl?: string | URL | null) => {
      const back = returnBackUrl === null ? null : String(returnBackUrl ?? request.url);
      throw new MiddlewareSignal('redirect', signInRedirectUrl(target, back));
    };
    const middlewareAuthObject: LatchMiddlewareAuthObject = Object.assign(authObject, {
      redirectToSignIn: (opts?: { returnBackUrl?: string | URL | null }) => redirectTo(signInUrl, opts?.returnBackUrl),
      redirectToSignUp: (opts?: { returnBackUrl?: string | URL | null }) =>
        redirectTo(settings.signUpUrl, opts?.returnBackUrl),
    });
    const protect = createProtect(request, authObject, {
      redirect: (url) => {
        throw new MiddlewareSignal('redirect', new URL(url, request.url).toString());
      },
      redirectToSignIn: () => redirectTo(signInUrl),
      notFound: () => {
        throw new MiddlewareSignal('not-found');
      },
      unauthorized: () => {
        throw new MiddlewareSignal('unauthorized');
      },
    });
    const auth = Object.assign(async () => middlewareAuthObject, { protect }) as LatchMiddlewareAuth;

    let result: Response | null | undefined;
    try {
      result = (await handler?.(auth, request, event)) ?? null;
    } catch (error) {
      if (!isMiddlewareSignal(error)) throw error;
      result = signalResponse(error, request);
    }

    const response = withMutableHeaders(result ?? NextResponse.next());
    for (const cookie of state.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    if (response.headers.has('x-middleware-next') || response.headers.has('x-middleware-rewrite')) {
      forwardRequestHeaders(
        response,
        request,
        await authRequestHeaders(state, authObject, request, settings.backend.secretKey),
      );
    }
    return response;
  };
}

/** Where the browser reaches the Frontend API without the proxy: the configured URL, else the key's host. */
function fapiBase(settings: Settings): string {
  if (settings.frontendApiUrl) return settings.frontendApiUrl;
  const host = parsePublishableKey(settings.backend.publishableKey)?.frontendApi ?? '';
  return /^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? `http://${host}` : `https://${host}`;
}

function isProxyPath(pathname: string, proxyPath: string): boolean {
  return pathname === proxyPath || pathname.startsWith(`${proxyPath}/`);
}

interface Settings {
  backend: LatchOptions;
  proxyPath: string | null;
  frontendApiUrl: string | undefined;
  signInUrl: string;
  signUpUrl: string;
  debug: boolean;
}

function resolveSettings(options: LatchMiddlewareOptions): Settings {
  const env = readEnvironment();
  const backend: LatchOptions = {};
  const set = <K extends keyof LatchOptions>(key: K, value: LatchOptions[K] | undefined) => {
    if (value !== undefined) backend[key] = value;
  };
  set('publishableKey', options.publishableKey ?? env.publishableKey);
  set('secretKey', options.secretKey ?? env.secretKey);
  set('apiUrl', options.apiUrl ?? env.apiUrl);
  set('apiVersion', options.apiVersion ?? env.apiVersion);
  set('jwtKey', options.jwtKey ?? env.jwtKey);
  set('authorizedParties', options.authorizedParties);
  set('audience', options.audience);
  set('clockSkewInMs', options.clockSkewInMs);
  const signInUrl = options.signInUrl ?? env.signInUrl ?? '/sign-in';
  const signUpUrl = options.signUpUrl ?? env.signUpUrl ?? '/sign-up';
  set('signInUrl', signInUrl);
  set('signUpUrl', signUpUrl);
  if (!backend.publishableKey) {
    throw new Error('@latch/nextjs: missing publishable key (set NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY).');
  }
  if (!backend.secretKey && !backend.jwtKey) {
    throw new Error('@latch/nextjs: missing secret key (set LATCH_SECRET_KEY) or JWT key (LATCH_JWT_KEY).');
  }
  const proxyEnabled = options.frontendApiProxy?.enabled ?? true;
  return {
    backend,
    proxyPath: proxyEnabled ? (options.frontendApiProxy?.path ?? DEFAULT_PROXY_PATH) : null,
    frontendApiUrl: options.frontendApiUrl ?? env.frontendApiUrl ?? frontendApiFromApiUrl(backend.apiUrl),
    signInUrl,
    signUpUrl,
    debug: options.debug ?? false,
  };
}

/** Latch serves both APIs from one origin: the Frontend API at `/v1`, the Backend API at `/api/v1`. */
export function frontendApiFromApiUrl(apiUrl: string | undefined): string | undefined {
  if (!apiUrl) return undefined;
  return apiUrl.replace(/\/+$/, '').replace(/\/api$/, '');
}

function signalResponse(signal: MiddlewareSignal, request: NextRequest): Response {
  switch (signal.kind) {
    case 'redirect':
      return NextResponse.redirect(signal.location as string, 307);
    case 'unauthorized':
      return new NextResponse(null, { status: 401 });
    case 'not-found':
      // A rewrite to a route that does not exist lets Next render the app's own 404 page with status 404.
      return NextResponse.rewrite(new URL(`/latch_${Date.now()}`, request.url), {
        headers: { 'x-latch-auth-reason': 'protect-rewrite' },
      });
  }
}

async function authRequestHeaders(
  state: RequestState,
  authObject: AuthObject,
  request: NextRequest,
  secretKey: string | undefined,
): Promise<Record<string, string>> {
  const status = authObject.userId ? 'signed-in' : 'signed-out';
  const token = state.status === 'signed-in' ? state.token : '';
  const headers: Record<string, string> = {
    [AuthHeaders.status]: status,
    [AuthHeaders.url]: request.url,
  };
  if (state.reason) headers[AuthHeaders.reason] = state.reason;
  if (token) headers[AuthHeaders.token] = token;
  // Without a secret key (PEM-only setups) the verdict is unsigned and auth() reads it as signed out.
  if (secretKey) headers[AuthHeaders.signature] = await signAuthHeaders(secretKey, status, token);
  return headers;
}
