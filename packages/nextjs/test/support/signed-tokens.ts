import { encodePublishableKey } from '@latch/protocol';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

/**
 * A stand-in instance for networkless verification (`jwtKey`): our own RSA key, a publishable key for
 * a made-up Frontend API host, and session tokens with whatever claims a test needs — e.g. the v2
 * organization claim, which a real Latch only mints once organizations exist.
 */
export interface TokenIssuer {
  publishableKey: string;
  jwtKey: string;
  sign(claims: Record<string, unknown>, options?: { expiresInSeconds?: number; kid?: string }): Promise<string>;
}

export async function createTokenIssuer(): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publishableKey = encodePublishableKey('clerk.app.test', 'production');
  return {
    publishableKey,
    jwtKey: await exportSPKI(publicKey),
    sign: async (claims, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ sid: 'sess_test', v: 2, ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'ins_test' })
        .setSubject((claims.sub as string | undefined) ?? 'user_test')
        .setIssuer('https://clerk.app.test')
        .setIssuedAt(now - 1)
        .setNotBefore(now - 5)
        .setExpirationTime(now + (options.expiresInSeconds ?? 60))
        .sign(privateKey);
    },
  };
}
