import { createPrivateKey, type KeyObject, sign } from 'node:crypto';

/**
 * RS256 JWT signing with synchronous node:crypto. Web Crypto (and so `jose`) would queue each
 * signature on libuv's threadpool behind password hashes; a sync sign takes ~1 ms on the event loop
 * and never waits (PERFORMANCE.md, "the threadpool trap"). Only signing lives here — verification
 * stays with `jose` in the SDKs.
 */
export interface RS256Signer {
  kid: string;
  sign(payload: Record<string, unknown>, header?: Record<string, unknown>): string;
}

const keyCache = new Map<string, KeyObject>();

/** Builds a signer for a PEM private key; the parsed key is cached per `kid`. */
export function createRS256Signer(kid: string, privateKeyPem: string): RS256Signer {
  let key = keyCache.get(kid);
  if (!key) {
    key = createPrivateKey(privateKeyPem);
    keyCache.set(kid, key);
  }
  const privateKey = key;
  // Callers pass the same few header objects (session tokens: one constant): encode each once.
  const encodedHeaders = new WeakMap<object, string>();
  const encodeHeader = (header: Record<string, unknown>) => {
    let encoded = encodedHeaders.get(header);
    if (encoded === undefined) {
      encoded = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, ...header }));
      encodedHeaders.set(header, encoded);
    }
    return encoded;
  };
  return {
    kid,
    sign(payload, header = NO_EXTRA_HEADER) {
      const encodedHeader = encodeHeader(header);
      const encodedPayload = base64url(JSON.stringify(payload));
      const signingInput = `${encodedHeader}.${encodedPayload}`;
      const signature = sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
      return `${signingInput}.${signature}`;
    },
  };
}

const NO_EXTRA_HEADER: Record<string, unknown> = {};

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
