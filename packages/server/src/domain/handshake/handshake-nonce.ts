import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../store/store.js';

/**
 * How long an app server has to fetch a handshake payload. The browser follows the 307 at once, so
 * a minute is generous; it is not single-use because Next.js middleware was seen fetching the same
 * nonce twice for one navigation (PROTOCOL.md §3.4).
 */
export const HANDSHAKE_NONCE_TTL_SECONDS = 60;

/** Nonces are stored as SHA-256: a database dump cannot be replayed against `handshake_payload`. */
function hashNonce(nonce: string): string {
  return createHash('sha256').update(nonce).digest('base64url');
}

/**
 * Keeps handshake cookie directives under a fresh random nonce (256 bits) and returns the nonce.
 *
 * @example
 * const nonce = await storeHandshakeDirectives(store, ['__session=…; Path=/'], Date.now());
 */
export async function storeHandshakeDirectives(store: Store, directives: string[], now: number): Promise<string> {
  const nonce = randomBytes(32).toString('base64url');
  await store.handshakeNonces.insert({
    nonceHash: hashNonce(nonce),
    directives,
    expiresAt: now + HANDSHAKE_NONCE_TTL_SECONDS * 1000,
  });
  return nonce;
}

/**
 * The directives stored under `nonce`, or null when it is unknown or expired. Reading is repeatable
 * within the TTL; expired nonces are swept on the way, so the table never outgrows a minute of traffic.
 *
 * @example
 * const directives = await findHandshakeDirectives(store, nonce, Date.now()); // string[] | null
 */
export async function findHandshakeDirectives(store: Store, nonce: string, now: number): Promise<string[] | null> {
  const found = await store.handshakeNonces.find(hashNonce(nonce), now);
  await store.handshakeNonces.deleteExpired(now);
  return found ? found.directives : null;
}
