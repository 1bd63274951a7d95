/**
 * How the middleware hands its verdict to Server Components, Route Handlers, Server Actions and
 * `getServerSideProps`: request headers that Next forwards from the middleware to the render. They are
 * signed with the secret key, because a route the middleware's matcher skips would otherwise pass a
 * visitor's own forged `x-latch-auth-*` headers straight through.
 */
export const AuthHeaders = {
  status: 'x-latch-auth-status',
  reason: 'x-latch-auth-reason',
  token: 'x-latch-auth-token',
  signature: 'x-latch-auth-signature',
  /** The URL the browser asked for (the middleware sees it before rewrites): `redirect_url` for sign-in. */
  url: 'x-latch-request-url',
} as const;

export type AuthStatusHeader = 'signed-in' | 'signed-out';

/** The text the signature covers: status and token together, so neither can be swapped alone. */
export function signedText(status: string, token: string): string {
  return `${status}\n${token}`;
}

/** Imported HMAC keys by secret: importing costs as much as signing, and the secret rarely changes. */
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secretKey: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secretKey);
  if (!key) {
    if (hmacKeys.size > 8) hmacKeys.clear();
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secretKey),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    hmacKeys.set(secretKey, key);
  }
  return key;
}

/** HMAC-SHA256 (hex) with Web Crypto: available in the edge runtime and in Node. */
export async function signAuthHeaders(secretKey: string, status: string, token: string): Promise<string> {
  const mac = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(secretKey),
    new TextEncoder().encode(signedText(status, token)),
  );
  return toHex(new Uint8Array(mac));
}

/** Constant-time comparison of two hex strings of the same alphabet. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}
