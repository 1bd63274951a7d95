import {
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from '../errors/token-verification-error.js';
import { base64URLToBytes, type DecodedJwt, type JwtPayload } from './decode-jwt.js';

/** Default tolerance for exp/nbf/iat, as Clerk's. */
export const DEFAULT_CLOCK_SKEW_MS = 5_000;

/** `cat` header values (PROTOCOL.md §4.1): only the M2M category is never a user token. */
export const TOKEN_CATEGORY = {
  session: 'cl_B7d4PD111AAA',
  template: 'cl_B7d4PD222AAA',
  machine: 'cl_B7d4PD333AAA',
} as const;

export interface ClaimChecks {
  /** Allowed `azp` values; a token without `azp` passes (Clerk's rule). */
  authorizedParties?: string[];
  audience?: string | string[];
  issuer?: string | string[] | ((issuer: string) => boolean);
  clockSkewInMs?: number;
  /** @internal false for the handshake JWT, which carries directives and no `sub`. */
  requireSubject?: boolean;
}

/** Header checks done before any key lookup, so a token with a wrong alg never costs a JWKS fetch. */
export function checkHeader(decoded: DecodedJwt): TokenVerificationError | null {
  const { alg, typ, cat } = decoded.header;
  if (typ !== undefined && typ !== 'JWT') {
    return fail(TokenVerificationErrorReason.TokenInvalid, `Invalid JWT type ${JSON.stringify(typ)}. Expected "JWT".`);
  }
  // RS256 only: a session token signed with anything else (HS256 with the public key as secret,
  // `none`, ES256 from another issuer) is refused whatever its signature.
  if (alg !== 'RS256') {
    return fail(
      TokenVerificationErrorReason.TokenInvalidAlgorithm,
      `Invalid JWT algorithm ${JSON.stringify(alg)}. Supported: "RS256".`,
    );
  }
  if (cat === TOKEN_CATEGORY.machine) {
    return fail(TokenVerificationErrorReason.TokenInvalid, 'Machine tokens are not session tokens.');
  }
  return null;
}

const encoder = new TextEncoder();

/**
 * Verifies the RS256 signature, then the claims; returns the payload or the first failure. The key
 * comes from jose (`importJWK`/`importSPKI`); the check itself is one Web Crypto call on the parts
 * `decodeJwt` already split, so a token is decoded once per request, not once here and once in jose.
 */
export async function verifySignatureAndClaims(
  decoded: DecodedJwt,
  key: CryptoKey,
  checks: ClaimChecks,
): Promise<{ data: JwtPayload; errors?: undefined } | { data?: undefined; errors: [TokenVerificationError] }> {
  let valid: boolean;
  try {
    valid = await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      key,
      base64URLToBytes(decoded.signature) as BufferSource,
      encoder.encode(decoded.signedText) as BufferSource,
    );
  } catch (error) {
    return {
      errors: [
        fail(TokenVerificationErrorReason.TokenInvalid, `JWT could not be verified: ${(error as Error).message}`),
      ],
    };
  }
  if (!valid)
    return { errors: [fail(TokenVerificationErrorReason.TokenInvalidSignature, 'JWT signature is invalid.')] };
  const problem = checkClaims(decoded.payload, checks, Date.now());
  return problem ? { errors: [problem] } : { data: decoded.payload };
}

/** Claim rules of PROTOCOL.md §4.3 (sub, aud, azp, exp/nbf/iat with skew) plus an optional issuer check. */
export function checkClaims(payload: JwtPayload, checks: ClaimChecks, now: number): TokenVerificationError | null {
  const { sub, aud, azp, iss, exp, nbf, iat } = payload;
  if (checks.requireSubject !== false && (typeof sub !== 'string' || sub === '')) {
    return fail(
      TokenVerificationErrorReason.TokenVerificationFailed,
      'Subject claim (sub) is required and must be a string.',
    );
  }
  if (checks.audience !== undefined && checks.audience.length > 0) {
    const wanted = Array.isArray(checks.audience) ? checks.audience : [checks.audience];
    const present = Array.isArray(aud) ? aud : typeof aud === 'string' ? [aud] : [];
    if (!present.some((value) => wanted.includes(value))) {
      return fail(
        // Clerk's reason for an audience mismatch, kept so checks on `reason` port unchanged.
        TokenVerificationErrorReason.TokenVerificationFailed,
        `Invalid JWT audience claim (aud) ${JSON.stringify(aud)}. Expected one of ${JSON.stringify(wanted)}.`,
      );
    }
  }
  if (azp !== undefined && checks.authorizedParties && checks.authorizedParties.length > 0) {
    if (typeof azp !== 'string' || !checks.authorizedParties.includes(azp)) {
      return fail(
        TokenVerificationErrorReason.TokenInvalidAuthorizedParties,
        `Invalid JWT Authorized party claim (azp) ${JSON.stringify(azp)}. Expected one of ${JSON.stringify(checks.authorizedParties)}.`,
      );
    }
  }
  if (checks.issuer !== undefined && !issuerMatches(iss, checks.issuer)) {
    return fail(
      TokenVerificationErrorReason.TokenInvalidIssuer,
      `Invalid JWT issuer claim (iss) ${JSON.stringify(iss)}.`,
    );
  }
  const skew = checks.clockSkewInMs ?? DEFAULT_CLOCK_SKEW_MS;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    return fail(TokenVerificationErrorReason.TokenVerificationFailed, 'Invalid JWT expiry date claim (exp).');
  }
  if (exp * 1000 <= now - skew) {
    return fail(
      TokenVerificationErrorReason.TokenExpired,
      `JWT is expired. Expiry date: ${new Date(exp * 1000).toUTCString()}, Current date: ${new Date(now).toUTCString()}.`,
      TokenVerificationErrorAction.EnsureClockSync,
    );
  }
  if (nbf !== undefined) {
    if (typeof nbf !== 'number' || !Number.isFinite(nbf)) {
      return fail(TokenVerificationErrorReason.TokenVerificationFailed, 'Invalid JWT not before claim (nbf).');
    }
    if (nbf * 1000 > now + skew) {
      return fail(
        TokenVerificationErrorReason.TokenNotActiveYet,
        `JWT cannot be used prior to not before date claim (nbf). Not before date: ${new Date(nbf * 1000).toUTCString()}; Current date: ${new Date(now).toUTCString()};`,
        TokenVerificationErrorAction.EnsureClockSync,
      );
    }
  }
  if (iat !== undefined) {
    if (typeof iat !== 'number' || !Number.isFinite(iat)) {
      return fail(TokenVerificationErrorReason.TokenVerificationFailed, 'Invalid JWT issued at claim (iat).');
    }
    if (iat * 1000 > now + skew) {
      return fail(
        TokenVerificationErrorReason.TokenIatInTheFuture,
        `JWT issued at date claim (iat) is in the future. Issued at date: ${new Date(iat * 1000).toUTCString()}; Current date: ${new Date(now).toUTCString()};`,
        TokenVerificationErrorAction.EnsureClockSync,
      );
    }
  }
  return null;
}

function issuerMatches(iss: unknown, expected: NonNullable<ClaimChecks['issuer']>): boolean {
  if (typeof iss !== 'string') return false;
  if (typeof expected === 'function') return expected(iss);
  return (Array.isArray(expected) ? expected : [expected]).includes(iss);
}

function fail(
  reason: TokenVerificationErrorReason,
  message: string,
  action: TokenVerificationErrorAction = TokenVerificationErrorAction.EnsureLatchJWT,
): TokenVerificationError {
  return new TokenVerificationError({ reason, message, action });
}
