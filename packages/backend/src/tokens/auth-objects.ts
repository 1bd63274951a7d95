import type { JwtPayload } from '../jwt/decode-jwt.js';
import { type CheckAuthorizationParams, createCheckAuthorization } from './check-authorization.js';
import { organizationClaims } from './organization-claims.js';

export interface GetTokenOptions {
  /** A JWT template name: the token is minted by the Backend API (needs the secret key). */
  template?: string;
  expiresInSeconds?: number;
}

export type ServerGetToken = (options?: GetTokenOptions) => Promise<string | null>;

/** Mints a template token for a session; supplied by the caller that holds the secret key. */
export type TemplateTokenMinter = (sessionId: string, template: string, expiresInSeconds?: number) => Promise<string>;

export interface SignedInAuthObject {
  isAuthenticated: true;
  tokenType: 'session_token';
  userId: string;
  sessionId: string;
  sessionStatus: 'active' | 'pending' | null;
  sessionClaims: JwtPayload;
  actor: { sub: string; [key: string]: unknown } | null;
  orgId: string | undefined;
  orgRole: string | undefined;
  orgSlug: string | undefined;
  orgPermissions: string[] | undefined;
  /** `[minutes since first factor, minutes since second factor or -1]` from `fva`. */
  factorVerificationAge: [number, number] | null;
  has: (params: CheckAuthorizationParams) => boolean;
  getToken: ServerGetToken;
  debug: () => Record<string, unknown>;
}

export interface SignedOutAuthObject {
  isAuthenticated: false;
  tokenType: 'session_token';
  userId: null;
  sessionId: null;
  /** `pending` when a pending session is treated as signed out. */
  sessionStatus: 'pending' | null;
  sessionClaims: null;
  actor: null;
  orgId: null;
  orgRole: null;
  orgSlug: null;
  orgPermissions: null;
  factorVerificationAge: null;
  has: (params: CheckAuthorizationParams) => false;
  getToken: ServerGetToken;
  debug: () => Record<string, unknown>;
}

export type AuthObject = SignedInAuthObject | SignedOutAuthObject;

/**
 * The auth object of a verified session token, as `auth()` hands it to app code.
 *
 * @example
 * const auth = signedInAuthObject(token, claims);
 * auth.has({ permission: 'org:invoices:read' })
 */
export function signedInAuthObject(
  sessionToken: string,
  claims: JwtPayload,
  options: { mintTemplateToken?: TemplateTokenMinter; debug?: Record<string, unknown> } = {},
): SignedInAuthObject {
  const org = organizationClaims(claims);
  const factorVerificationAge = Array.isArray(claims.fva) && claims.fva.length === 2 ? claims.fva : null;
  const sessionId = typeof claims.sid === 'string' ? claims.sid : '';
  const getToken: ServerGetToken = async (tokenOptions = {}) => {
    if (!tokenOptions.template) return sessionToken;
    if (!options.mintTemplateToken) {
      throw new Error('Latch: getToken({ template }) needs the secret key (LATCH_SECRET_KEY) to call the Backend API.');
    }
    return options.mintTemplateToken(sessionId, tokenOptions.template, tokenOptions.expiresInSeconds);
  };
  return {
    isAuthenticated: true,
    tokenType: 'session_token',
    userId: claims.sub,
    sessionId,
    sessionStatus: claims.sts ?? null,
    sessionClaims: claims,
    actor: claims.act ?? null,
    ...org,
    factorVerificationAge,
    has: createCheckAuthorization({
      userId: claims.sub,
      ...org,
      features: claims.fea,
      plans: claims.pla,
      factorVerificationAge,
    }),
    getToken,
    debug: () => ({ ...options.debug }),
  };
}

/** The auth object of a request without a valid session. */
export function signedOutAuthObject(
  debug: Record<string, unknown> = {},
  sessionStatus: 'pending' | null = null,
): SignedOutAuthObject {
  return {
    isAuthenticated: false,
    tokenType: 'session_token',
    userId: null,
    sessionId: null,
    sessionStatus,
    sessionClaims: null,
    actor: null,
    orgId: null,
    orgRole: null,
    orgSlug: null,
    orgPermissions: null,
    factorVerificationAge: null,
    has: () => false,
    getToken: () => Promise.resolve(null),
    debug: () => debug,
  };
}
