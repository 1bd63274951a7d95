import { importJWK, type JWK } from 'jose';
import {
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from '../errors/token-verification-error.js';
import { requireStrongRSAKey } from './pem-key.js';

/** How long a fetched JWKS is trusted before it is fetched again (Clerk's 5 minutes). */
export const JWKS_CACHE_TTL_MS = 5 * 60 * 1000;
/**
 * An unknown `kid` may trigger a refetch (key rotation), but at most once per this interval per JWKS
 * URL: anyone can put a random `kid` in a forged token, and each must not cost a request to Latch.
 */
export const KID_MISS_REFETCH_INTERVAL_MS = 10_000;
/** After a failed fetch, requests in this window reuse the failure instead of hammering a down server. */
export const FAILED_FETCH_RETRY_INTERVAL_MS = 2_000;
const FETCH_TIMEOUT_MS = 5_000;

interface JWKSEntry {
  keys: Map<string, CryptoKey>;
  fetchedAt: number;
  kidMissRefetchAt: number;
  failure: { at: number; error: TokenVerificationError } | null;
  inflight: Promise<void> | null;
}

const entries = new Map<string, JWKSEntry>();

export interface RemoteJWKOptions {
  kid: string;
  /** Where the JWKS lives: BAPI `…/v1/jwks` (with `secretKey`) or FAPI `/.well-known/jwks.json`. */
  url: string;
  secretKey?: string;
  jwksCacheTtlInMs?: number;
  skipJwksCache?: boolean;
  fetch?: typeof fetch;
}

/**
 * The verification key for `kid` from a remote JWKS, cached per URL (and secret). Throws a
 * `TokenVerificationError` with reason `jwk-remote-failed-to-load`, `jwk-remote-invalid` or
 * `jwk-kid-mismatch`.
 */
export async function loadRemoteJWK(options: RemoteJWKOptions): Promise<CryptoKey> {
  const cacheKey = `${options.url}\u0000${options.secretKey ?? ''}`;
  let entry = entries.get(cacheKey);
  if (!entry) {
    entry = { keys: new Map(), fetchedAt: 0, kidMissRefetchAt: 0, failure: null, inflight: null };
    entries.set(cacheKey, entry);
  }
  const now = Date.now();
  const ttl = options.jwksCacheTtlInMs ?? JWKS_CACHE_TTL_MS;
  const fresh = entry.fetchedAt > 0 && now - entry.fetchedAt < ttl && !options.skipJwksCache;
  const cached = entry.keys.get(options.kid);
  if (fresh && cached) return cached;

  if (fresh) {
    // A fresh set without this kid: refetch only if no kid miss refetched recently.
    if (now - entry.kidMissRefetchAt < KID_MISS_REFETCH_INTERVAL_MS) throw kidMismatch(options.kid);
    entry.kidMissRefetchAt = now;
  } else if (entry.failure && now - entry.failure.at < FAILED_FETCH_RETRY_INTERVAL_MS && !options.skipJwksCache) {
    if (cached) return cached;
    throw entry.failure.error;
  }

  entry.inflight ??= refresh(entry, options).finally(() => {
    (entry as JWKSEntry).inflight = null;
  });
  await entry.inflight;
  const key = entry.keys.get(options.kid);
  if (key) return key;
  // A failed refresh keeps the previous keys: a Latch restart must not sign everybody out.
  if (entry.failure && entry.failure.at >= now) throw entry.failure.error;
  throw kidMismatch(options.kid);
}

async function refresh(entry: JWKSEntry, options: RemoteJWKOptions): Promise<void> {
  try {
    entry.keys = await fetchJWKS(options);
    entry.fetchedAt = Date.now();
    entry.failure = null;
  } catch (error) {
    entry.failure = {
      at: Date.now(),
      error:
        error instanceof TokenVerificationError
          ? error
          : new TokenVerificationError({
              reason: TokenVerificationErrorReason.RemoteJWKFailedToLoad,
              action: TokenVerificationErrorAction.ContactSupport,
              message: `Failed to load the JWKS from ${options.url}: ${(error as Error).message}`,
            }),
    };
  }
}

async function fetchJWKS(options: RemoteJWKOptions): Promise<Map<string, CryptoKey>> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const response = await doFetch(options.url, {
    headers: {
      accept: 'application/json',
      ...(options.secretKey ? { authorization: `Bearer ${options.secretKey}` } : {}),
    },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new TokenVerificationError({
      reason:
        response.status === 401 || response.status === 403
          ? TokenVerificationErrorReason.InvalidSecretKey
          : TokenVerificationErrorReason.RemoteJWKFailedToLoad,
      action: TokenVerificationErrorAction.ContactSupport,
      message: `Failed to load the JWKS from ${options.url}: HTTP ${response.status}.`,
    });
  }
  const body = (await response.json().catch(() => null)) as { keys?: unknown } | null;
  if (!body || !Array.isArray(body.keys)) {
    throw new TokenVerificationError({
      reason: TokenVerificationErrorReason.RemoteJWKInvalid,
      action: TokenVerificationErrorAction.ContactSupport,
      message: `The JWKS from ${options.url} has no "keys" array.`,
    });
  }
  const keys = new Map<string, CryptoKey>();
  for (const jwk of body.keys as JWK[]) {
    // Session tokens are RS256 only; other keys in the set are not ours to use.
    if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.alg && jwk.alg !== 'RS256')) continue;
    if (jwk.use && jwk.use !== 'sig') continue;
    try {
      keys.set(
        jwk.kid,
        requireStrongRSAKey((await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e }, 'RS256')) as CryptoKey),
      );
    } catch {
      // One malformed or weak key must not hide the others.
    }
  }
  return keys;
}

function kidMismatch(kid: string): TokenVerificationError {
  return new TokenVerificationError({
    reason: TokenVerificationErrorReason.JWKKidMismatch,
    action: TokenVerificationErrorAction.EnsureLatchJWT,
    message: `Unable to find a signing key in the JWKS that matches the kid='${kid}' of the provided session token.`,
  });
}

/** Forgets every cached JWKS (tests, key emergencies). */
export function clearJWKSCache(): void {
  entries.clear();
}
