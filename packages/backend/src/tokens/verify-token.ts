import {
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from '../errors/token-verification-error.js';
import { type DecodedJwt, decodeJwt, type JwtPayload } from '../jwt/decode-jwt.js';
import { type ClaimChecks, checkHeader, verifySignatureAndClaims } from '../jwt/verify-jwt.js';
import { loadRemoteJWK } from '../keys/jwks-cache.js';
import { loadPEMKey } from '../keys/pem-key.js';

export interface VerifyTokenOptions extends ClaimChecks {
  /** PEM public key of the instance: verification without any network call. */
  jwtKey?: string;
  /** Secret key; with `apiUrl` selects the Backend API JWKS (`${apiUrl}/${apiVersion}/jwks`). */
  secretKey?: string;
  /** Latch Backend API base, e.g. `https://auth.example.com/api` (default `http://127.0.0.1:4000/api`). */
  apiUrl?: string;
  apiVersion?: string;
  /** A public JWKS to use instead, e.g. the Frontend API's `https://<fapi>/.well-known/jwks.json`. */
  jwksUrl?: string;
  jwksCacheTtlInMs?: number;
  skipJwksCache?: boolean;
  /** fetch to use for JWKS requests (defaults to the global one). */
  fetch?: typeof fetch;
}

export type VerifyTokenResult =
  | { data: JwtPayload; errors?: undefined }
  | { data?: undefined; errors: [TokenVerificationError] };

export const DEFAULT_API_URL = 'http://127.0.0.1:4000/api';
export const DEFAULT_API_VERSION = 'v1';

/**
 * Verifies a Latch session token: RS256 signature against `jwtKey` (networkless) or the instance
 * JWKS (cached, refetched on an unknown `kid`), then `sub`, `aud`, `azp`, `iss` and exp/nbf/iat with
 * `clockSkewInMs`. Never throws for a bad token: the failure comes back in `errors`.
 *
 * @example
 * const { data, errors } = await verifyToken(token, { secretKey: process.env.LATCH_SECRET_KEY, apiUrl, authorizedParties: ['https://app.example.com'] });
 * if (errors) return new Response('Unauthorized', { status: 401 });
 * data.sub // user id
 */
export async function verifyToken(token: string, options: VerifyTokenOptions): Promise<VerifyTokenResult> {
  const decoded = decodeJwt(token);
  if (decoded.errors) return decoded;
  return verifyDecodedToken(decoded.data, options);
}

/** `verifyToken` for a token the caller has already decoded (authenticateRequest's hot path). */
export async function verifyDecodedToken(decoded: DecodedJwt, options: VerifyTokenOptions): Promise<VerifyTokenResult> {
  const headerProblem = checkHeader(decoded);
  if (headerProblem) return { errors: [headerProblem] };
  let key: CryptoKey;
  try {
    key = await resolveKey(decoded, options);
  } catch (error) {
    if (error instanceof TokenVerificationError) return { errors: [error] };
    return {
      errors: [
        new TokenVerificationError({
          reason: TokenVerificationErrorReason.JWKFailedToResolve,
          message: `Failed to resolve JWK during verification: ${(error as Error).message}`,
        }),
      ],
    };
  }
  return verifySignatureAndClaims(decoded, key, options);
}

function resolveKey(decoded: DecodedJwt, options: VerifyTokenOptions): Promise<CryptoKey> {
  if (options.jwtKey) return loadPEMKey(options.jwtKey);
  const kid = decoded.header.kid;
  if (typeof kid !== 'string' || kid === '') {
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.TokenInvalid,
      action: TokenVerificationErrorAction.EnsureLatchJWT,
      message: 'The session token has no kid header, so no key of the instance can verify it.',
    });
  }
  if (options.jwksUrl) {
    return loadRemoteJWK({ kid, url: options.jwksUrl, ...remoteOptions(options) });
  }
  if (!options.secretKey) {
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.JWKFailedToResolve,
      action: TokenVerificationErrorAction.SetLatchSecretKey,
      message: 'Failed to resolve JWK during verification: pass jwtKey, secretKey or jwksUrl.',
    });
  }
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  return loadRemoteJWK({
    kid,
    url: `${apiUrl}/${options.apiVersion ?? DEFAULT_API_VERSION}/jwks`,
    secretKey: options.secretKey,
    ...remoteOptions(options),
  });
}

function remoteOptions(options: VerifyTokenOptions) {
  return {
    ...(options.jwksCacheTtlInMs !== undefined ? { jwksCacheTtlInMs: options.jwksCacheTtlInMs } : {}),
    ...(options.skipJwksCache !== undefined ? { skipJwksCache: options.skipJwksCache } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}
