import { AuthHeaders, safeEqual, signAuthHeaders, signedText, toHex } from './auth-headers.js';
import { type AuthObject, authObjectFromVerifiedToken, signedOutAuthObject } from './auth-object.js';
import { readEnvironment } from './env.js';
import { latchClient } from './latch-client.js';

type HeaderReader = { get(name: string): string | null };

export class MiddlewareNotDetectedError extends Error {
  constructor(helper: string) {
    super(
      `@latch/nextjs: ${helper} was called but latchMiddleware() did not run for this request. ` +
        'Export latchMiddleware() from middleware.ts (or proxy.ts) and make sure its matcher covers this route.',
    );
    this.name = 'MiddlewareNotDetectedError';
  }
}

/** The verdict the middleware forwarded, before the signature check. */
interface ForwardedVerdict {
  status: string;
  token: string;
  signature: string | null;
  reason: string | null;
  url: string | null;
}

export function readForwardedVerdict(headers: HeaderReader, helper: string): ForwardedVerdict {
  const status = headers.get(AuthHeaders.status);
  if (status !== 'signed-in' && status !== 'signed-out') throw new MiddlewareNotDetectedError(helper);
  return {
    status,
    token: headers.get(AuthHeaders.token) ?? '',
    signature: headers.get(AuthHeaders.signature),
    reason: headers.get(AuthHeaders.reason),
    url: headers.get(AuthHeaders.url),
  };
}

/** Template tokens come from the Backend API (`POST /sessions/{id}/tokens/{template}`). */
async function mintTemplateToken(sessionId: string, template: string, expiresInSeconds?: number): Promise<string> {
  const { jwt } = await latchClient.sessions.getToken(sessionId, template, expiresInSeconds);
  return jwt;
}

/** The auth object for a verdict whose signature checked out. */
export function authObjectFromVerdict(verdict: ForwardedVerdict): AuthObject {
  if (verdict.status !== 'signed-in' || !verdict.token) return signedOutAuthObject({ reason: verdict.reason });
  return authObjectFromVerifiedToken(verdict.token, mintTemplateToken);
}

/**
 * Checks the middleware's signature with Web Crypto (any runtime). A mismatch means forged headers or
 * a middleware configured with another secret key: signed out, with the reason logged.
 */
export async function verifyVerdict(verdict: ForwardedVerdict): Promise<boolean> {
  const { secretKey } = readEnvironment();
  if (!secretKey) return missingSecretKey();
  // On Node (Server Components, Route Handlers) the synchronous HMAC skips a threadpool round trip.
  if (nodeCrypto()) return verifyVerdictSync(verdict);
  const expected = await signAuthHeaders(secretKey, verdict.status, verdict.token);
  return checkSignature(verdict, expected);
}

type NodeCrypto = {
  createHmac(algorithm: string, key: string): { update(text: string): { digest(): Uint8Array } };
};

/** `node:crypto` through `process.getBuiltinModule` (Node ≥ 20.16), so edge bundles never see a Node import. */
function nodeCrypto(): NodeCrypto | undefined {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  return nodeProcess?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
}

/** The same check, synchronously, for `getAuth()` in the Pages Router (Node only). */
export function verifyVerdictSync(verdict: ForwardedVerdict): boolean {
  const { secretKey } = readEnvironment();
  if (!secretKey) return missingSecretKey();
  const crypto = nodeCrypto();
  if (!crypto) {
    throw new Error('@latch/nextjs: getAuth() needs the Node.js runtime; use `await auth()` in edge routes.');
  }
  const expected = toHex(
    crypto.createHmac('sha256', secretKey).update(signedText(verdict.status, verdict.token)).digest(),
  );
  return checkSignature(verdict, expected);
}

function checkSignature(verdict: ForwardedVerdict, expected: string): boolean {
  if (verdict.signature && safeEqual(verdict.signature, expected)) return true;
  console.error(
    '@latch/nextjs: the auth headers of this request are not signed by LATCH_SECRET_KEY; treating it as signed out.',
  );
  return false;
}

function missingSecretKey(): false {
  console.error('@latch/nextjs: LATCH_SECRET_KEY is not set, so the middleware verdict cannot be trusted.');
  return false;
}
