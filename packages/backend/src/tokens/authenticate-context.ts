import { type DecodedJwt, decodeJwt } from '../jwt/decode-jwt.js';
import { COOKIE, parseCookies, QUERY } from './cookies.js';
import { getCookieSuffix, type InstanceType, knownCookieSuffix, parsePublishableKey } from './publishable-key.js';

export interface AuthenticateContextOptions {
  publishableKey?: string;
  proxyUrl?: string;
  domain?: string;
  isSatellite?: boolean;
}

/**
 * Everything `authenticateRequest` reads from one request, parsed once: the app URL as the browser
 * saw it, the headers that decide handshake eligibility, and the cookies — choosing between
 * `__session` and `__session_<suffix>` the way Clerk's `usesSuffixedCookies` does (PROTOCOL.md §3.1).
 */
export interface AuthenticateContext {
  /** The URL the browser requested (honouring `x-forwarded-host`/`-proto`). */
  url: URL;
  method: string;
  secFetchDest: string | null;
  accept: string | null;
  origin: string | null;
  referrer: string | null;
  tokenInHeader: string | undefined;
  /** null without a publishable key: only header tokens and session cookies can then be checked. */
  instanceType: InstanceType | null;
  /** FAPI host from the key (`clerk.example.com`), before any proxy. */
  originalFrontendApi: string;
  /** Where the handshake goes: the proxy URL if there is one, else the key's host. */
  frontendApi: string;
  proxyUrl: string | undefined;
  cookieSuffix: string;
  usesSuffixedCookies: boolean;
  sessionTokenInCookie: string | undefined;
  clientUat: number;
  devBrowserToken: string | undefined;
  handshakeToken: string | undefined;
  handshakeNonce: string | undefined;
  handshakeRedirectLoopCounter: number;
  /** Decodes a token once per request. */
  decode(token: string): DecodedJwt | null;
}

export async function createAuthenticateContext(
  request: Request,
  options: AuthenticateContextOptions,
): Promise<AuthenticateContext> {
  const headers = request.headers;
  const url = appURL(request);
  const key = options.publishableKey ? parsePublishableKey(options.publishableKey) : null;
  if (options.publishableKey && !key) {
    throw new Error('Latch: the publishableKey is malformed (expected pk_test_… or pk_live_…).');
  }
  const cookieSuffix = options.publishableKey
    ? (knownCookieSuffix(options.publishableKey) ?? (await getCookieSuffix(options.publishableKey)))
    : '';
  const cookies = parseCookies(headers.get('cookie'));
  const decoded = new Map<string, DecodedJwt | null>();
  const decode = (token: string) => {
    let result = decoded.get(token);
    if (result === undefined) {
      result = decodeJwt(token).data ?? null;
      decoded.set(token, result);
    }
    return result;
  };

  let proxyUrl = options.proxyUrl;
  if (proxyUrl?.startsWith('/')) proxyUrl = `${url.origin}${proxyUrl}`;
  const originalFrontendApi = key
    ? options.isSatellite && options.domain && key.instanceType === 'production'
      ? `clerk.${options.domain}`
      : key.frontendApi
    : '';
  const frontendApi = proxyUrl ?? originalFrontendApi;

  const suffixed = (name: string) => (cookieSuffix ? cookies.get(`${name}_${cookieSuffix}`) : undefined) || undefined;
  const plain = (name: string) => cookies.get(name) || undefined;
  const usesSuffixedCookies = decideSuffixedCookies({
    suffixedUat: suffixed(COOKIE.clientUat),
    uat: plain(COOKIE.clientUat),
    suffixedSession: suffixed(COOKIE.session),
    session: plain(COOKIE.session),
    originalFrontendApi,
    instanceType: key?.instanceType ?? 'production',
    decode,
  });
  const pick = (name: string) => (usesSuffixedCookies ? suffixed(name) : plain(name));
  const query = url.searchParams;

  return {
    url,
    method: request.method,
    secFetchDest: headers.get('sec-fetch-dest'),
    accept: headers.get('accept'),
    origin: headers.get('origin'),
    referrer: headers.get('referer'),
    tokenInHeader: bearerToken(headers.get('authorization')),
    instanceType: key?.instanceType ?? null,
    originalFrontendApi,
    frontendApi,
    proxyUrl,
    cookieSuffix,
    usesSuffixedCookies,
    sessionTokenInCookie: pick(COOKIE.session),
    clientUat: Number.parseInt(pick(COOKIE.clientUat) ?? '', 10) || 0,
    devBrowserToken: query.get(QUERY.devBrowser) || pick(COOKIE.devBrowser),
    handshakeToken: query.get(QUERY.handshake) || plain(COOKIE.handshake),
    handshakeNonce: query.get(QUERY.handshakeNonce) || plain(COOKIE.handshakeNonce),
    handshakeRedirectLoopCounter: Number(plain(COOKIE.redirectCount)) || 0,
    decode,
  };
}

/** `Authorization: Bearer <jwt>` → the jwt; a bare value without scheme is taken as a token too (Clerk does). */
function bearerToken(header: string | null): string | undefined {
  if (!header) return undefined;
  const [scheme, token] = header.split(' ', 2);
  if (!token) return scheme || undefined;
  return scheme === 'Bearer' ? token : undefined;
}

/** The request URL with the public host and scheme a reverse proxy reports. */
function appURL(request: Request): URL {
  const url = new URL(request.url);
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwardedHost) url.host = forwardedHost;
  if (forwardedProto === 'http' || forwardedProto === 'https') url.protocol = `${forwardedProto}:`;
  return url;
}

/**
 * Whether the suffixed cookie set is the one to trust. Several apps on one domain (localhost) share
 * unsuffixed cookies, so the suffixed set wins unless the unsuffixed token is clearly this
 * instance's and newer — Clerk's `usesSuffixedCookies` rules, in the same order.
 */
function decideSuffixedCookies(input: {
  suffixedUat: string | undefined;
  uat: string | undefined;
  suffixedSession: string | undefined;
  session: string | undefined;
  originalFrontendApi: string;
  instanceType: InstanceType;
  decode: (token: string) => DecodedJwt | null;
}): boolean {
  const { suffixedUat, uat, suffixedSession, session, decode } = input;
  const sessionPayload = session ? decode(session)?.payload : undefined;
  if (session && !sessionPayload?.iss) return false;
  if (session && !issuerMatchesHost(sessionPayload?.iss, input.originalFrontendApi)) return true;
  if (!suffixedUat && !suffixedSession) return false;
  const sessionIat = sessionPayload?.iat ?? 0;
  const suffixedPayload = suffixedSession ? decode(suffixedSession)?.payload : undefined;
  const suffixedIat = suffixedPayload?.iat ?? 0;
  if (suffixedUat !== '0' && uat !== '0' && sessionIat > suffixedIat) return false;
  if (suffixedUat === '0' && uat !== '0') return false;
  if (input.instanceType !== 'production') {
    const suffixedExpired = !!suffixedPayload && suffixedPayload.exp <= Math.floor(Date.now() / 1000);
    if (suffixedUat !== '0' && uat === '0' && suffixedExpired) return false;
  }
  if (!suffixedUat && suffixedSession) return false;
  return true;
}

/** `iss` (`https://clerk.example.com`) against a host (`clerk.example.com`), scheme ignored. */
export function issuerMatchesHost(iss: unknown, host: string): boolean {
  return typeof iss === 'string' && iss.replace(/^https?:\/\//i, '') === host;
}
