import type { TokenVerificationErrorReason } from '../errors/token-verification-error.js';
import type { JwtPayload } from '../jwt/decode-jwt.js';
import {
  type SignedInAuthObject,
  type SignedOutAuthObject,
  signedInAuthObject,
  signedOutAuthObject,
  type TemplateTokenMinter,
} from './auth-objects.js';

export const AuthStatus = {
  SignedIn: 'signed-in',
  SignedOut: 'signed-out',
  Handshake: 'handshake',
} as const;
export type AuthStatus = (typeof AuthStatus)[keyof typeof AuthStatus];

/** Request-level reasons; the same strings as `@clerk/backend`'s `AuthErrorReason`. */
export const AuthErrorReason = {
  ClientUATWithoutSessionToken: 'client-uat-but-no-session-token',
  DevBrowserMissing: 'dev-browser-missing',
  DevBrowserSync: 'dev-browser-sync',
  PrimaryRespondsToSyncing: 'primary-responds-to-syncing',
  SatelliteCookieNeedsSyncing: 'satellite-needs-syncing',
  SessionTokenAndUATMissing: 'session-token-and-uat-missing',
  SessionTokenMissing: 'session-token-missing',
  SessionTokenExpired: 'session-token-expired',
  SessionTokenIATBeforeClientUAT: 'session-token-iat-before-client-uat',
  SessionTokenNBF: 'session-token-nbf',
  SessionTokenIatInTheFuture: 'session-token-iat-in-the-future',
  SessionTokenWithoutClientUAT: 'session-token-but-no-client-uat',
  ActiveOrganizationMismatch: 'active-organization-mismatch',
  TokenTypeMismatch: 'token-type-mismatch',
  HandshakeFailed: 'handshake-failed',
  UnexpectedError: 'unexpected-error',
} as const;
export type AuthErrorReason = (typeof AuthErrorReason)[keyof typeof AuthErrorReason];

/** Any reason a request is not signed in; `session-token-expired-refresh-…` variants included. */
export type AuthReason = AuthErrorReason | TokenVerificationErrorReason | (string & {});

/** Settings echoed on every state so framework glue (redirectToSignIn, …) can use them. */
export interface RequestStateContext {
  publishableKey: string;
  proxyUrl: string | undefined;
  domain: string;
  isSatellite: boolean;
  signInUrl: string;
  signUpUrl: string;
  afterSignInUrl: string;
  afterSignUpUrl: string;
}

interface StateBase extends RequestStateContext {
  tokenType: 'session_token';
  /** `Location`, `Set-Cookie`, `Cache-Control` the framework must put on its response. */
  headers: Headers;
}

export interface SignedInState extends StateBase {
  status: 'signed-in';
  reason: null;
  message: null;
  isSignedIn: true;
  isAuthenticated: true;
  token: string;
  /**
   * The auth object. A `pending` session (sign-in tasks left) counts as signed out unless
   * `treatPendingAsSignedOut: false`, as in Clerk.
   */
  toAuth: (options?: { treatPendingAsSignedOut?: boolean }) => SignedInAuthObject | SignedOutAuthObject;
}

export interface SignedOutState extends StateBase {
  status: 'signed-out';
  reason: AuthReason;
  message: string;
  isSignedIn: false;
  isAuthenticated: false;
  token: null;
  toAuth: () => SignedOutAuthObject;
}

export interface HandshakeState extends StateBase {
  status: 'handshake';
  reason: AuthReason;
  message: string;
  isSignedIn: false;
  isAuthenticated: false;
  token: null;
  toAuth: () => null;
}

export type RequestState = SignedInState | SignedOutState | HandshakeState;

export function signedIn(
  context: RequestStateContext,
  token: string,
  claims: JwtPayload,
  headers: Headers,
  mintTemplateToken?: TemplateTokenMinter,
): SignedInState {
  // Built on first use: a middleware that only checks `isSignedIn` never pays for claim parsing.
  let auth: SignedInAuthObject | undefined;
  // Spelled out rather than spread: this runs on every signed-in request.
  return {
    publishableKey: context.publishableKey,
    proxyUrl: context.proxyUrl,
    domain: context.domain,
    isSatellite: context.isSatellite,
    signInUrl: context.signInUrl,
    signUpUrl: context.signUpUrl,
    afterSignInUrl: context.afterSignInUrl,
    afterSignUpUrl: context.afterSignUpUrl,
    status: 'signed-in',
    reason: null,
    message: null,
    isSignedIn: true,
    isAuthenticated: true,
    tokenType: 'session_token',
    headers,
    token,
    toAuth: ({ treatPendingAsSignedOut = true } = {}) => {
      auth ??= signedInAuthObject(token, claims, mintTemplateToken ? { mintTemplateToken } : {});
      if (treatPendingAsSignedOut && auth.sessionStatus === 'pending') {
        return signedOutAuthObject({ reason: 'session-pending' }, 'pending');
      }
      return auth;
    },
  };
}

export function signedOut(
  context: RequestStateContext,
  reason: AuthReason,
  message = '',
  headers: Headers = new Headers(),
): SignedOutState {
  return {
    ...context,
    status: 'signed-out',
    reason,
    message,
    isSignedIn: false,
    isAuthenticated: false,
    tokenType: 'session_token',
    headers,
    token: null,
    toAuth: () => signedOutAuthObject({ reason, message }),
  };
}

export function handshake(
  context: RequestStateContext,
  reason: AuthReason,
  message: string,
  headers: Headers,
): HandshakeState {
  return {
    ...context,
    status: 'handshake',
    reason,
    message,
    isSignedIn: false,
    isAuthenticated: false,
    tokenType: 'session_token',
    headers,
    token: null,
    toAuth: () => null,
  };
}
