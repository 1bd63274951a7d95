import { createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { JWKSJSON } from '@latch/protocol';
import type { SigningKeyRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Creates an RSA-2048 key with e=65537 — the only size Clerk's SDKs accept in networkless PEM mode
 * (they strip a fixed 2048-bit SPKI prefix and the `IDAQAB` exponent suffix, PROTOCOL.md §4.4).
 */
export async function generateSigningKey(now: number, activatesAt = now): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048, publicExponent: 65537 });
  const kid = createId('ins', now);
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicJwk: { ...jwk, kid },
    activatesAt,
    retiresAt: null,
    createdAt: now,
  };
}

/** The key that signs at `now`: the newest one already active. Keys still waiting are only published. */
export function pickSigningKey(published: SigningKeyRecord[], now: number): SigningKeyRecord | null {
  return published.find((key) => key.activatesAt <= now) ?? null;
}

/** The public JWKS: every key not yet retired, including a rotated-in key that does not sign yet. */
export function toJWKS(published: SigningKeyRecord[]): JWKSJSON {
  return {
    keys: published.map((key) => ({
      use: 'sig',
      kty: 'RSA',
      kid: key.kid,
      alg: 'RS256',
      n: String(key.publicJwk.n),
      e: String(key.publicJwk.e),
    })),
  };
}

/** The PEM public key of the signing key, for networkless verification (`jwtKey` / `CLERK_JWT_KEY`). */
export function publicKeyPem(key: SigningKeyRecord): string {
  return createPublicKey(key.privateKeyPem).export({ format: 'pem', type: 'spki' }).toString();
}

export interface RotationResult {
  key: SigningKeyRecord;
  /** When the previous key stops appearing in the JWKS. */
  previousRetiresAt: number;
}

/**
 * Rotates the signing key: the new key is published at once and signs only from `now + publishDelayMs`,
 * so every verifier has had the chance to fetch it first (Clerk's SDKs cache the JWKS for five minutes
 * and refetch on an unknown `kid`). The old key stays published until tokens it signed have expired.
 */
export async function rotateSigningKey(
  store: Store,
  now: number,
  options: {
    publishDelayMs: number;
    tokenLifetimeMs: number;
    /** A compromised key: the previous keys leave the JWKS at once instead of when their tokens expire. */
    retirePreviousNow?: boolean;
    /** More writes in the rotation's transaction (its audit event). */
    alsoWrite?: (tx: Store, rotation: RotationResult) => Promise<void>;
  },
): Promise<RotationResult> {
  // Generated before the transaction: RSA key generation takes a while, the writes do not.
  const key = await generateSigningKey(now, now + options.publishDelayMs);
  const previousRetiresAt = options.retirePreviousNow ? now : key.activatesAt + options.tokenLifetimeMs + 60_000;
  const rotation = { key, previousRetiresAt };
  await store.transaction(async (tx) => {
    await tx.signingKeys.insert(key);
    await tx.signingKeys.retireAllExcept(key.kid, rotation.previousRetiresAt);
    await options.alsoWrite?.(tx, rotation);
  });
  return rotation;
}
