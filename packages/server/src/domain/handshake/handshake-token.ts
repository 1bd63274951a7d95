import type { RS256Signer } from '../tokens/rs256-signer.js';
import { SESSION_TOKEN_CATEGORY } from '../tokens/session-token.js';
import { HANDSHAKE_NONCE_TTL_SECONDS } from './handshake-nonce.js';

/**
 * The legacy `format=token` handshake payload: a JWT `{ handshake: [directives] }` signed with the
 * instance key. `@clerk/backend` verifies it against the JWKS and refuses non-session categories, so
 * it carries the session-token `cat` (PROTOCOL.md §3.4, §4.1). `iat`/`exp` are not checked by the SDK
 * but bound the token's use by anything that does check them.
 *
 * @example
 * const jwt = mintHandshakeToken(await app.currentSigner(now), ['__session=…; Path=/'], now);
 */
export function mintHandshakeToken(signer: RS256Signer, directives: string[], now: number): string {
  const iat = Math.floor(now / 1000);
  return signer.sign(
    { handshake: directives, iat, exp: iat + HANDSHAKE_NONCE_TTL_SECONDS },
    { cat: SESSION_TOKEN_CATEGORY },
  );
}
