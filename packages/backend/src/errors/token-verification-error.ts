/** Why a session token was refused; the same strings `@clerk/backend` uses, so logs and checks port as-is. */
export const TokenVerificationErrorReason = {
  TokenExpired: 'token-expired',
  TokenInvalid: 'token-invalid',
  TokenInvalidAlgorithm: 'token-invalid-algorithm',
  TokenInvalidAuthorizedParties: 'token-invalid-authorized-parties',
  TokenInvalidIssuer: 'token-invalid-issuer',
  TokenInvalidSignature: 'token-invalid-signature',
  TokenNotActiveYet: 'token-not-active-yet',
  TokenIatInTheFuture: 'token-iat-in-the-future',
  TokenVerificationFailed: 'token-verification-failed',
  InvalidSecretKey: 'secret-key-invalid',
  LocalJWKMissing: 'jwk-local-missing',
  RemoteJWKFailedToLoad: 'jwk-remote-failed-to-load',
  RemoteJWKInvalid: 'jwk-remote-invalid',
  RemoteJWKMissing: 'jwk-remote-missing',
  JWKFailedToResolve: 'jwk-failed-to-resolve',
  JWKKidMismatch: 'jwk-kid-mismatch',
} as const;
export type TokenVerificationErrorReason =
  (typeof TokenVerificationErrorReason)[keyof typeof TokenVerificationErrorReason];

/** What the operator can do about it (shown after the message, as Clerk does). */
export const TokenVerificationErrorAction = {
  ContactSupport: 'Check the Latch server logs.',
  EnsureLatchJWT: 'Make sure that this is a valid Latch-generated JWT.',
  SetLatchJWTKey: 'Set the LATCH_JWT_KEY environment variable.',
  SetLatchSecretKey: 'Set the LATCH_SECRET_KEY environment variable.',
  EnsureClockSync: 'Make sure your system clock is in sync (e.g. turn off and on automatic time synchronization).',
} as const;
export type TokenVerificationErrorAction =
  (typeof TokenVerificationErrorAction)[keyof typeof TokenVerificationErrorAction];

export type TokenCarrier = 'header' | 'cookie';

/**
 * A session token that did not verify. Returned (never thrown) by `verifyToken` inside `{ errors: [error] }`.
 *
 * @example
 * const { errors } = await verifyToken(token, { jwtKey });
 * if (errors?.[0].reason === TokenVerificationErrorReason.TokenExpired) refresh();
 */
export class TokenVerificationError extends Error {
  readonly reason: TokenVerificationErrorReason;
  readonly action: TokenVerificationErrorAction | undefined;
  tokenCarrier: TokenCarrier | undefined;

  constructor({
    reason,
    message,
    action,
  }: {
    reason: TokenVerificationErrorReason;
    message: string;
    action?: TokenVerificationErrorAction;
  }) {
    super(message);
    this.name = 'TokenVerificationError';
    this.reason = reason;
    this.action = action;
  }

  /** The message with its action and reason, as logged. */
  getFullMessage(): string {
    const text = [this.message, this.action].filter(Boolean).join(' ');
    return `${text} (reason=${this.reason}, token-carrier=${this.tokenCarrier ?? 'unknown'})`;
  }
}
