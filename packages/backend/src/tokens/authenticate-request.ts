import { type TokenVerificationError, TokenVerificationErrorReason } from '../errors/token-verification-error.js';
import type { DecodedJwt, JwtPayload } from '../jwt/decode-jwt.js';
import { TOKEN_CATEGORY } from '../jwt/verify-jwt.js';
import type { TemplateTokenMinter } from './auth-objects.js';
import { type AuthenticateContext, createAuthenticateContext, issuerMatchesHost } from './authenticate-context.js';
import {
  buildRedirectToHandshake,
  isRequestEligibleForHandshake,
  resolveHandshake,
  trackRedirectLoop,
} from './handshake.js';
import {
  AuthErrorReason,
  type AuthReason,
  handshake,
  type RequestState,
  type RequestStateContext,
  signedIn,
  signedOut,
} from './request-state.js';
import { type VerifyTokenOptions, verifyDecodedToken } from './verify-token.js';

export interface AuthenticateRequestOptions extends VerifyTokenOptions {
  /** `pk_test_…`/`pk_live_…`: names the Frontend API (handshake target), the cookie suffix and dev/prod rules. */
  publishableKey?: string;
  /** A Frontend API proxy, absolute or app-relative (`/__latch`); the handshake goes there. */
  proxyUrl?: string;
  domain?: string;
  isSatellite?: boolean;
  signInUrl?: string;
  signUpUrl?: string;
  afterSignInUrl?: string;
  afterSignUpUrl?: string;
  /** Where failures that are not the visitor's fault (JWKS down, bad handshake) are reported; default console. */
  logger?: Pick<Console, 'warn' | 'error'>;
}

/** Backend API calls authenticateRequest may need; `createLatchClient` supplies them. */
export interface AuthenticateRequestDependencies {
  getHandshakePayload?: (nonce: string) => Promise<{ directives: string[] }>;
  mintTemplateToken?: TemplateTokenMinter;
}

/** Verification failures that mean "the token is too old/young": a handshake can fix those. */
const REFRESHABLE_REASONS: readonly string[] = [
  TokenVerificationErrorReason.TokenExpired,
  TokenVerificationErrorReason.TokenNotActiveYet,
  TokenVerificationErrorReason.TokenIatInTheFuture,
];

/** Clock skew tolerated for a fresh handshake token on development instances (one day, as Clerk). */
const DEVELOPMENT_CLOCK_SKEW_MS = 86_400_000;

/** Failures of the server side of verification (keys unavailable), logged so operators see them. */
const INFRASTRUCTURE_REASONS: readonly string[] = [
  TokenVerificationErrorReason.RemoteJWKFailedToLoad,
  TokenVerificationErrorReason.RemoteJWKInvalid,
  TokenVerificationErrorReason.InvalidSecretKey,
  TokenVerificationErrorReason.JWKFailedToResolve,
  TokenVerificationErrorReason.LocalJWKMissing,
];

/**
 * Decides whether a request is signed in, signed out, or must bounce through the Frontend API
 * handshake to refresh its cookies (PROTOCOL.md §3.2). Bad tokens never throw: forged, expired,
 * wrong-key, wrong-`azp` or other-instance tokens, an unreachable JWKS or a failed handshake all
 * end as `signed-out` with a `reason`. Only misconfiguration (a malformed publishable key) throws.
 *
 * @example
 * const state = await authenticateRequest(request, { publishableKey, secretKey, apiUrl, authorizedParties: ['https://app.example.com'] });
 * if (state.status === 'handshake') return new Response(null, { status: 307, headers: state.headers });
 * const { userId } = state.toAuth() ?? {};
 */
export async function authenticateRequest(
  request: Request,
  options: AuthenticateRequestOptions,
  dependencies: AuthenticateRequestDependencies = {},
): Promise<RequestState> {
  const context = await createAuthenticateContext(request, options);
  const stateContext: RequestStateContext = {
    publishableKey: options.publishableKey ?? '',
    proxyUrl: context.proxyUrl,
    domain: options.domain ?? '',
    isSatellite: options.isSatellite ?? false,
    signInUrl: options.signInUrl ?? '',
    signUpUrl: options.signUpUrl ?? '',
    afterSignInUrl: options.afterSignInUrl ?? '/',
    afterSignUpUrl: options.afterSignUpUrl ?? '/',
  };
  const logger = options.logger ?? console;
  const verifyOptions = verifyOptionsFor(options, context.originalFrontendApi);
  try {
    return await decide(context, stateContext, verifyOptions, dependencies, logger);
  } catch (error) {
    logger.error(`Latch: authenticateRequest failed unexpectedly: ${(error as Error).message}`);
    return signedOut(stateContext, AuthErrorReason.UnexpectedError, (error as Error).message);
  }
}

async function decide(
  context: AuthenticateContext,
  stateContext: RequestStateContext,
  verifyOptions: VerifyTokenOptions,
  dependencies: AuthenticateRequestDependencies,
  logger: Pick<Console, 'warn' | 'error'>,
): Promise<RequestState> {
  const { mintTemplateToken } = dependencies;

  const handshakeOr = (reason: AuthReason, message = ''): RequestState => {
    if (!context.instanceType || !isRequestEligibleForHandshake(context)) {
      return signedOut(stateContext, reason, message);
    }
    const redirect = buildRedirectToHandshake(context, reason);
    redirect.set('cache-control', 'no-store');
    if (trackRedirectLoop(context, redirect)) {
      logger.warn(
        'Latch: the session handshake is looping; check that the publishable and secret keys belong to the same instance.',
      );
      return signedOut(stateContext, reason, message);
    }
    return handshake(stateContext, reason, message, redirect);
  };

  const verify = async (decoded: DecodedJwt, carrier: 'header' | 'cookie') => {
    const result = await verifyDecodedToken(decoded, verifyOptions);
    if (result.errors) {
      const error = result.errors[0];
      error.tokenCarrier = carrier;
      if (INFRASTRUCTURE_REASONS.includes(error.reason)) logThrottled(logger, error);
    }
    return result;
  };

  const tokenFailure = (error: TokenVerificationError): RequestState => {
    if (REFRESHABLE_REASONS.includes(error.reason)) {
      return handshakeOr(toAuthReason(error.reason, context), error.getFullMessage());
    }
    return signedOut(stateContext, error.reason, error.getFullMessage());
  };

  // 1. Authorization: Bearer — API calls from browsers (getToken) and other services.
  if (context.tokenInHeader) {
    const decoded = context.decode(context.tokenInHeader);
    if (!decoded) return signedOut(stateContext, TokenVerificationErrorReason.TokenInvalid, 'Malformed bearer token.');
    if (isNonSessionToken(decoded)) return signedOut(stateContext, AuthErrorReason.TokenTypeMismatch, '');
    const { data, errors } = await verify(decoded, 'header');
    if (errors) return tokenFailure(errors[0]);
    return signedIn(stateContext, context.tokenInHeader, data, new Headers(), mintTemplateToken);
  }

  // 2. Coming back from a handshake: apply its cookie directives and trust the fresh token.
  if (context.handshakeNonce || context.handshakeToken) {
    try {
      const resolved = await resolveHandshake(context, verifyOptions, dependencies.getHandshakePayload);
      if (!resolved.sessionToken) {
        return signedOut(stateContext, AuthErrorReason.SessionTokenMissing, '', resolved.headers);
      }
      const decoded = context.decode(resolved.sessionToken);
      if (decoded) {
        const { data, errors } = await verify(decoded, 'cookie');
        if (data) return signedIn(stateContext, resolved.sessionToken, data, resolved.headers, mintTemplateToken);
        logger.warn(`Latch: the handshake's session token did not verify: ${errors[0].getFullMessage()}`);
        // A token Latch minted a moment ago that looks expired or early means the clocks disagree.
        // Development tolerates that (as Clerk does), so a laptop with a drifting clock still works.
        if (context.instanceType === 'development' && REFRESHABLE_REASONS.includes(errors[0].reason)) {
          const retry = await verifyDecodedToken(decoded, {
            ...verifyOptions,
            clockSkewInMs: DEVELOPMENT_CLOCK_SKEW_MS,
          });
          if (retry.data) {
            return signedIn(stateContext, resolved.sessionToken, retry.data, resolved.headers, mintTemplateToken);
          }
        }
      }
    } catch (error) {
      logger.error(`Latch: unable to resolve the handshake: ${(error as Error).message}`);
    }
    // Fall through: decide from the cookies the request already carries.
  }

  // 3/4. Development instances identify the browser by the dev-browser token.
  if (context.instanceType === 'development') {
    if (context.url.searchParams.has('__clerk_db_jwt')) return handshakeOr(AuthErrorReason.DevBrowserSync);
    if (!context.devBrowserToken) return handshakeOr(AuthErrorReason.DevBrowserMissing);
  }

  // 5/6. The two cookies must agree about being signed in.
  const sessionToken = context.sessionTokenInCookie;
  const hasActiveClient = context.clientUat > 0;
  if (!hasActiveClient && !sessionToken) return signedOut(stateContext, AuthErrorReason.SessionTokenAndUATMissing);
  if (!hasActiveClient && sessionToken) return handshakeOr(AuthErrorReason.SessionTokenWithoutClientUAT);
  if (!sessionToken) return handshakeOr(AuthErrorReason.ClientUATWithoutSessionToken);

  const decoded = context.decode(sessionToken);
  if (!decoded) return signedOut(stateContext, TokenVerificationErrorReason.TokenInvalid, 'Malformed session cookie.');
  if (isNonSessionToken(decoded)) return signedOut(stateContext, AuthErrorReason.TokenTypeMismatch, '');
  // 7. A sign-in or sign-out happened after this token was minted: it describes an old state.
  if (typeof decoded.payload.iat === 'number' && decoded.payload.iat < context.clientUat) {
    return handshakeOr(AuthErrorReason.SessionTokenIATBeforeClientUAT);
  }
  // 8. Verify.
  const { data, errors } = await verify(decoded, 'cookie');
  if (errors) return tokenFailure(errors[0]);
  return signedIn(stateContext, sessionToken, data as JwtPayload, new Headers(), mintTemplateToken);
}

const verifyOptionsCache = new WeakMap<AuthenticateRequestOptions, { host: string; options: VerifyTokenOptions }>();

/**
 * The verification options of a request: the caller's, plus — unless they chose an issuer — an
 * `iss` check against the publishable key's host, so tokens of another instance sharing this domain
 * never sign anybody in. Cached per options object: middleware passes the same one every request.
 */
function verifyOptionsFor(options: AuthenticateRequestOptions, host: string): VerifyTokenOptions {
  const cached = verifyOptionsCache.get(options);
  if (cached && cached.host === host) return cached.options;
  const verifyOptions: VerifyTokenOptions = {
    ...options,
    issuer: options.issuer ?? (host ? (iss: string) => issuerMatchesHost(iss, host) : undefined),
  };
  verifyOptionsCache.set(options, { host, options: verifyOptions });
  return verifyOptions;
}

/** Template (`cl_B7d4PD222AAA`) and machine tokens are not sessions, whatever their signature. */
function isNonSessionToken(decoded: DecodedJwt): boolean {
  const category = decoded.header.cat;
  return category === TOKEN_CATEGORY.template || category === TOKEN_CATEGORY.machine;
}

function toAuthReason(reason: string, context: AuthenticateContext): AuthReason {
  switch (reason) {
    case TokenVerificationErrorReason.TokenExpired:
      // Latch has no server-side refresh cookie: the handshake is the refresh path.
      return `${AuthErrorReason.SessionTokenExpired}-refresh-${context.method === 'GET' ? 'non-eligible-no-refresh-cookie' : 'non-eligible-non-get'}`;
    case TokenVerificationErrorReason.TokenNotActiveYet:
      return AuthErrorReason.SessionTokenNBF;
    case TokenVerificationErrorReason.TokenIatInTheFuture:
      return AuthErrorReason.SessionTokenIatInTheFuture;
    default:
      return AuthErrorReason.UnexpectedError;
  }
}

const LOG_INTERVAL_MS = 10_000;
const lastLogged = new WeakMap<object, Map<string, number>>();

/** One line per reason and logger every 10 s: a JWKS outage must be visible without flooding the log. */
function logThrottled(logger: Pick<Console, 'warn' | 'error'>, error: TokenVerificationError): void {
  let times = lastLogged.get(logger);
  if (!times) {
    times = new Map();
    lastLogged.set(logger, times);
  }
  const now = Date.now();
  if (now - (times.get(error.reason) ?? 0) < LOG_INTERVAL_MS) return;
  times.set(error.reason, now);
  logger.error(`Latch: session token not verified, the visitor is treated as signed out: ${error.getFullMessage()}`);
}
