import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { JWTTemplateAlgorithm } from '@latch/protocol';
import { formError } from '../../errors.js';

/** RFC 7518 §3.2: an HMAC key must be at least as long as the hash output. */
const HMAC_MIN_BYTES: Partial<Record<JWTTemplateAlgorithm, number>> = { HS256: 32, HS384: 48, HS512: 64 };

/**
 * Checks that a custom signing key fits its algorithm before it is stored, so a bad key is a 422
 * at configuration time rather than a failure on the first token request: an HMAC secret long
 * enough for its hash, an unencrypted PEM RSA private key of at least 2048 bits for RS*, a P-256
 * PEM private key for ES256.
 *
 * @example
 * assertSigningKeyFits('HS256', 'a-secret-of-at-least-thirty-two-bytes!') // ok
 * assertSigningKeyFits('ES256', rsaPem) // throws 422 naming `signing_key`
 */
export function assertSigningKeyFits(algorithm: JWTTemplateAlgorithm, signingKey: string): void {
  const minBytes = HMAC_MIN_BYTES[algorithm];
  if (minBytes !== undefined) {
    if (Buffer.byteLength(signingKey) < minBytes) {
      throw invalidKey(`${algorithm} needs a secret of at least ${minBytes} bytes (RFC 7518 §3.2).`);
    }
    return;
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(signingKey);
  } catch {
    throw invalidKey(`${algorithm} needs an unencrypted PEM private key.`);
  }
  if (algorithm === 'ES256') {
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw invalidKey('ES256 needs an EC private key on the P-256 curve.');
    }
    return;
  }
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw invalidKey(`${algorithm} needs an RSA private key of at least 2048 bits.`);
  }
}

function invalidKey(longMessage: string) {
  return formError('form_param_format_invalid', 'signing_key', 'is invalid', longMessage);
}
