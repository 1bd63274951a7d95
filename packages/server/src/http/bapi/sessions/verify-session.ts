import { createPublicKey, verify } from 'node:crypto';
import { sessionsEndpoints } from '@latch/protocol';
import { SESSION_TOKEN_CATEGORY } from '../../../domain/tokens/session-token.js';
import type { SigningKeyRecord } from '../../../store/records.js';
import { route } from '../route.js';
import { requireLiveSession, sessionNotActive } from './live-session.js';
import { toBackendSessionJSON } from './session-json.js';

/** The verifier's allowance for clocks that disagree, as in Clerk's SDKs (PROTOCOL.md §4.3). */
const CLOCK_SKEW_SECONDS = 5;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * `POST /sessions/{id}/verify` (deprecated by Clerk, kept for older SDKs): the session, if `token`
 * is a valid, unexpired session token of this instance for this live session and its user;
 * otherwise 401.
 */
export const verifySessionRoute = route(sessionsEndpoints.verifySession, async ({ params, body }, { store, clock }) => {
  const now = clock.now();
  const { session } = await requireLiveSession(store, params.session_id, now);
  const claims = verifiedSessionClaims(body.token, await store.signingKeys.listPublished(now), now);
  if (!claims || claims.sid !== session.id || claims.sub !== session.userId) throw sessionNotActive();
  return toBackendSessionJSON(session, now);
});

/**
 * The claims of a session token signed by one of the instance's published keys and valid at `now`,
 * or null. Deliberately narrow: RS256 only, the key chosen by `kid` from our own keys (never from
 * the token), a session-token category if any, and `exp`/`nbf` checked with a small skew.
 */
function verifiedSessionClaims(token: string, keys: SigningKeyRecord[], now: number): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return null;
  const [encodedHeader, encodedPayload, signature] = parts as [string, string, string];
  const header = decodeJSON(encodedHeader);
  const claims = decodeJSON(encodedPayload);
  if (!header || !claims || header.alg !== 'RS256') return null;
  if (header.cat !== undefined && header.cat !== SESSION_TOKEN_CATEGORY) return null;
  const key = keys.find((candidate) => candidate.kid === header.kid);
  if (!key) return null;
  const publicKey = createPublicKey({ key: { kty: 'RSA', n: key.publicJwk.n, e: key.publicJwk.e }, format: 'jwk' });
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  if (!verify('sha256', signed, publicKey, Buffer.from(signature, 'base64url'))) return null;
  const seconds = now / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS <= seconds) return null;
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_SECONDS > seconds) return null;
  return claims;
}

function decodeJSON(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
