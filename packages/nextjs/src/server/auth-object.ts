import { type AuthObject, decodeJwt, signedInAuthObject, signedOutAuthObject } from '@latch/backend';

export type { AuthObject, GetTokenOptions, SignedInAuthObject, SignedOutAuthObject } from '@latch/backend';

/** Mints a JWT-template token for a session (a Backend API call). */
export type TemplateTokenMinter = (sessionId: string, template: string, expiresInSeconds?: number) => Promise<string>;

/**
 * The auth object of a session token the middleware already verified (its signed verdict says so):
 * decoded, not verified again.
 */
export function authObjectFromVerifiedToken(token: string, mintTemplateToken: TemplateTokenMinter): AuthObject {
  const { data } = decodeJwt(token);
  if (!data || typeof data.payload.sub !== 'string') return signedOutAuthObject({ reason: 'token-invalid' });
  return signedInAuthObject(token, data.payload, { mintTemplateToken });
}

export { signedOutAuthObject };
