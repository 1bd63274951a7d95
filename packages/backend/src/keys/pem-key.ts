import { importSPKI } from 'jose';
import {
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from '../errors/token-verification-error.js';

const imported = new Map<string, Promise<CryptoKey>>();

/**
 * The RS256 verification key for a PEM (SPKI) public key, imported once per distinct PEM. Unlike
 * Clerk's string-stripping import this takes any RSA size, since jose parses the DER properly.
 * Accepts `\n`-escaped PEMs, as env files often carry them.
 */
export function loadPEMKey(pem: string): Promise<CryptoKey> {
  let key = imported.get(pem);
  if (!key) {
    const text = pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
    key = importSPKI(text.trim(), 'RS256')
      .then(requireStrongRSAKey)
      .catch((cause: unknown) => {
        imported.delete(pem);
        throw new TokenVerificationError({
          reason: TokenVerificationErrorReason.LocalJWKMissing,
          action: TokenVerificationErrorAction.SetLatchJWTKey,
          message: `The jwtKey is not a usable RSA public key in PEM (SPKI) form: ${(cause as Error).message}`,
        });
      });
    imported.set(pem, key);
  }
  return key;
}

/** The signature check goes straight to Web Crypto, so jose's 2048-bit minimum is enforced here. */
export function requireStrongRSAKey(key: CryptoKey): CryptoKey {
  const { modulusLength } = key.algorithm as RsaHashedKeyAlgorithm;
  if (!(modulusLength >= 2048)) throw new Error(`RSA keys must be at least 2048 bits (got ${modulusLength})`);
  return key;
}
