import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import type { SigningThread } from './signing-thread.js';

/**
 * RS256 JWT signing with synchronous node:crypto. Web Crypto (and so `jose`) would queue each
 * signature on libuv's threadpool behind other work (PERFORMANCE.md, "the threadpool trap").
 * `sign` signs on the calling thread; `signOffThread` hands the signature to the server's one
 * signing worker (`signing-thread.ts`, docs/decisions/0013) — session tokens, the hot path, go there.
 * Only signing lives here — verification stays with `jose` in the SDKs.
 */
export interface RS256Signer {
  kid: string;
  sign(payload: Record<string, unknown>, header?: Record<string, unknown>): string;
  /** The same token as `sign`, signed on the signing thread when there is one. */
  signOffThread(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
}

const keyCache = new Map<string, KeyObject>();

let signatureCount = 0;

/**
 * RS256 signatures made so far in this process, on any thread (the benchmark reports signatures
 * per token request from it; one increment per signature).
 */
export function rs256SignatureCount(): number {
  return signatureCount;
}

/** Counts signatures the signing thread made (it reports them in batches). */
export function countRS256Signatures(count: number): void {
  signatureCount += count;
}

/** The base64url RS256 signature of `input`, on this thread. */
export function signRS256Here(key: KeyObject, input: string): string {
  const signature = sign('sha256', Buffer.from(input), key).toString('base64url');
  signatureCount++;
  return signature;
}

/**
 * Builds a signer for a PEM private key; the parsed key is cached per `kid`. Without `thread`,
 * `signOffThread` signs on the calling thread.
 */
export function createRS256Signer(kid: string, privateKeyPem: string, thread?: SigningThread): RS256Signer {
  let key = keyCache.get(kid);
  if (!key) {
    key = createPrivateKey(privateKeyPem);
    keyCache.set(kid, key);
  }
  const privateKey = key;
  // Callers pass the same few header objects (session tokens: one constant): encode each once.
  const encodedHeaders = new WeakMap<object, string>();
  const signingInput = (payload: Record<string, unknown>, header: Record<string, unknown>) => {
    let encodedHeader = encodedHeaders.get(header);
    if (encodedHeader === undefined) {
      encodedHeader = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, ...header }));
      encodedHeaders.set(header, encodedHeader);
    }
    return `${encodedHeader}.${base64url(JSON.stringify(payload))}`;
  };
  return {
    kid,
    sign(payload, header = NO_EXTRA_HEADER) {
      const input = signingInput(payload, header);
      return `${input}.${signRS256Here(privateKey, input)}`;
    },
    async signOffThread(payload, header = NO_EXTRA_HEADER) {
      const input = signingInput(payload, header);
      const signature = thread ? await thread.sign(kid, privateKey, input) : signRS256Here(privateKey, input);
      return `${input}.${signature}`;
    },
  };
}

const NO_EXTRA_HEADER: Record<string, unknown> = {};

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
