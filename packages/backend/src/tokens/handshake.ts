import type { JwtPayload } from '../jwt/decode-jwt.js';
import type { AuthenticateContext } from './authenticate-context.js';
import { COOKIE, parseSetCookie, QUERY } from './cookies.js';
import { frontendApiOrigin } from './publishable-key.js';
import type { VerifyTokenOptions } from './verify-token.js';
import { verifyToken } from './verify-token.js';

/** The BAPI version `@clerk/backend` 3.25 announces; FAPI echoes it, so Latch accepts the same value. */
export const SUPPORTED_BAPI_VERSION = '2026-05-12';
/** Handshakes allowed in a row (the counter cookie lives 2 s) before giving up as signed-out. */
const MAX_HANDSHAKE_REDIRECTS = 3;

/**
 * Only a top-level GET navigation can follow a redirect through the Frontend API and come back; a
 * fetch or a form POST would get HTML it cannot use, so those degrade to signed-out (PROTOCOL.md §3.2).
 */
export function isRequestEligibleForHandshake(context: AuthenticateContext): boolean {
  if (context.method !== 'GET') return false;
  if (context.secFetchDest === 'document' || context.secFetchDest === 'iframe') return true;
  return !context.secFetchDest && !!context.accept?.startsWith('text/html');
}

/** `Location: <fapi>/v1/client/handshake?redirect_url=…&format=nonce…` for the current request. */
export function buildRedirectToHandshake(context: AuthenticateContext, reason: string): Headers {
  const redirectURL = new URL(context.url);
  redirectURL.searchParams.delete(QUERY.devBrowser);
  redirectURL.searchParams.delete(QUERY.legacyDevBrowser);
  const base = `${frontendApiOrigin(context.frontendApi)}/`;
  const url = new URL('v1/client/handshake', base);
  url.searchParams.append('redirect_url', redirectURL.href);
  url.searchParams.append('__clerk_api_version', SUPPORTED_BAPI_VERSION);
  url.searchParams.append('suffixed_cookies', String(context.usesSuffixedCookies));
  url.searchParams.append('__clerk_hs_reason', reason);
  url.searchParams.append('format', 'nonce');
  const sessionToken = context.sessionTokenInCookie || context.tokenInHeader;
  if (sessionToken) url.searchParams.append(COOKIE.session, sessionToken);
  if (context.instanceType === 'development' && context.devBrowserToken) {
    url.searchParams.append(QUERY.devBrowser, context.devBrowserToken);
  }
  return new Headers({ location: url.href });
}

/**
 * Counts handshakes with a short-lived cookie so a misconfigured pair of keys cannot bounce the
 * browser forever; returns true when the limit is reached.
 */
export function trackRedirectLoop(context: AuthenticateContext, headers: Headers): boolean {
  if (context.handshakeRedirectLoopCounter >= MAX_HANDSHAKE_REDIRECTS) return true;
  headers.append(
    'set-cookie',
    `${COOKIE.redirectCount}=${context.handshakeRedirectLoopCounter + 1}; SameSite=Lax; HttpOnly; Max-Age=2`,
  );
  return false;
}

export interface HandshakeResolution {
  headers: Headers;
  /** The `__session` the directives set, or '' when they sign the browser out. */
  sessionToken: string;
}

/**
 * Turns a completed handshake into `Set-Cookie` headers: the directives come from the Backend API
 * for a nonce, or from the signed `__clerk_handshake` JWT (verified with the instance key, payload
 * `{ handshake: [...] }`). Development also redirects to the URL without the handshake parameters.
 */
export async function resolveHandshake(
  context: AuthenticateContext,
  verifyOptions: VerifyTokenOptions,
  getHandshakePayload: ((nonce: string) => Promise<{ directives: string[] }>) | undefined,
): Promise<HandshakeResolution> {
  let directives: string[] = [];
  if (context.handshakeNonce) {
    if (!getHandshakePayload) throw new Error('a secretKey is needed to redeem a handshake nonce');
    directives = (await getHandshakePayload(context.handshakeNonce)).directives;
  } else if (context.handshakeToken) {
    // The handshake JWT is signed with the session key and carries no `sub`: signature and times only.
    const { data, errors } = await verifyToken(context.handshakeToken, {
      ...verifyOptions,
      authorizedParties: [],
      audience: undefined,
      issuer: undefined,
      requireSubject: false,
    });
    if (errors) throw errors[0];
    const handshakeClaim = (data as JwtPayload).handshake;
    if (Array.isArray(handshakeClaim)) directives = handshakeClaim as string[];
  }
  const headers = new Headers({ 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'true' });
  let sessionToken = '';
  for (const directive of directives) {
    if (typeof directive !== 'string') continue;
    headers.append('set-cookie', directive);
    const { name, value } = parseSetCookie(directive);
    if (name === COOKIE.session || name.startsWith(`${COOKIE.session}_`)) sessionToken = value;
  }
  if (context.instanceType === 'development') {
    const next = new URL(context.url);
    for (const name of [QUERY.handshake, QUERY.handshakeHelp, QUERY.devBrowser, QUERY.handshakeNonce]) {
      next.searchParams.delete(name);
    }
    headers.append('location', next.toString());
    headers.set('cache-control', 'no-store');
  }
  return { headers, sessionToken };
}
