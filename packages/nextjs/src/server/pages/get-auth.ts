import { authObjectFromVerdict, readForwardedVerdict, verifyVerdictSync } from '../auth-from-headers.js';
import { type AuthObject, signedOutAuthObject } from '../auth-object.js';

/** A Node `IncomingMessage` (Pages Router API routes, `getServerSideProps`) or a web `Request`. */
export type PagesRequestLike =
  | { headers: Record<string, string | string[] | undefined> }
  | { headers: { get(name: string): string | null } };

/**
 * The auth state in the Pages Router (`getServerSideProps`, API routes), from the verdict
 * `latchMiddleware` forwarded. Synchronous, like Clerk's.
 *
 * @example
 * export default function handler(req, res) {
 *   const { userId } = getAuth(req);
 *   if (!userId) return res.status(401).json({ error: 'Unauthorized' });
 * }
 */
export function getAuth(request: PagesRequestLike): AuthObject {
  const reader = headerReader(request);
  const verdict = readForwardedVerdict(reader, 'getAuth()');
  return verifyVerdictSync(verdict)
    ? authObjectFromVerdict(verdict)
    : signedOutAuthObject({ reason: 'auth-headers-not-signed' });
}

function headerReader(request: PagesRequestLike): { get(name: string): string | null } {
  const { headers } = request;
  if (typeof (headers as { get?: unknown }).get === 'function') return headers as { get(name: string): string | null };
  const record = headers as Record<string, string | string[] | undefined>;
  return {
    get: (name) => {
      const value = record[name.toLowerCase()];
      return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
    },
  };
}
