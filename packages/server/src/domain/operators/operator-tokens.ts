import { createHash, randomBytes } from 'node:crypto';

/**
 * Operator secrets, each with its own prefix so a leaked one is recognisable (and a secret scanner can
 * match it): a one-time sign-in link, the dashboard session cookie, the Backend API bearer.
 */
export const OPERATOR_TOKEN_PREFIX = { link: 'opl_', session: 'ops_', access: 'opa_' } as const;

/** How long each lives. Access tokens are short so a leaked one is soon useless; the SPA refreshes them. */
export const OPERATOR_TOKEN_TTL_MS = {
  link: 15 * 60_000,
  session: 12 * 3600_000,
  access: 5 * 60_000,
} as const;

export function newOperatorToken(kind: keyof typeof OPERATOR_TOKEN_PREFIX): string {
  return OPERATOR_TOKEN_PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** Only hashes are stored: a database dump gives no working credential. */
export function hashOperatorToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const isOperatorAccessToken = (bearer: string) => bearer.startsWith(OPERATOR_TOKEN_PREFIX.access);
