import { createHmac, createPublicKey, type KeyObject, timingSafeEqual, verify } from 'node:crypto';
import { expect } from 'vitest';
import type { TestServer } from '../../support/test-server.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded JWT JSON, asserted claim by claim.
export type JWTPart = Record<string, any>;

/** The header and claims of a compact JWT, unverified. */
export function decodeJWT(jwt: string): { header: JWTPart; payload: JWTPart } {
  const [header, payload] = jwt.split('.');
  const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
  return { header: decode(header), payload: decode(payload) };
}

const HASHES: Record<string, string> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  ES256: 'sha256',
  HS256: 'sha256',
  HS384: 'sha384',
  HS512: 'sha512',
};

/**
 * Verifies a JWT's signature independently of the server's signing code (node:crypto, as a relying
 * party would with any JOSE library): HMAC with the shared secret, RSA PKCS#1 v1.5 or ECDSA P-256
 * (raw r||s) with a public key. Returns the claims; fails the test when the signature is wrong.
 */
export function verifyJWT(jwt: string, key: KeyObject | string, expectedAlgorithm: string): JWTPart {
  const [encodedHeader, encodedPayload, encodedSignature] = jwt.split('.');
  const { header, payload } = decodeJWT(jwt);
  expect(header.alg).toBe(expectedAlgorithm);
  expect(header.typ).toBe('JWT');
  const hash = HASHES[expectedAlgorithm] as string;
  const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  const signature = Buffer.from(encodedSignature ?? '', 'base64url');
  let valid: boolean;
  if (typeof key === 'string') {
    const expected = createHmac(hash, key).update(signingInput).digest();
    valid = expected.length === signature.length && timingSafeEqual(expected, signature);
  } else if (expectedAlgorithm === 'ES256') {
    expect(signature.length).toBe(64);
    valid = verify(hash, signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } else {
    valid = verify(hash, signingInput, key, signature);
  }
  expect(valid, `signature of ${expectedAlgorithm} token`).toBe(true);
  return payload;
}

/** The instance's public keys by `kid`, from the public JWKS endpoint. */
export async function instanceKeys(t: TestServer): Promise<Map<string, KeyObject>> {
  const response = await fetch(`${t.server.url}/.well-known/jwks.json`);
  expect(response.status).toBe(200);
  const { keys } = (await response.json()) as { keys: (JsonWebKey & { kid: string })[] };
  return new Map(
    keys.map((jwk) => [jwk.kid, createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' })]),
  );
}

/** Verifies a token signed with the instance key: RS256, `kid` from the JWKS. */
export async function verifyInstanceJWT(t: TestServer, jwt: string): Promise<JWTPart> {
  const { header } = decodeJWT(jwt);
  const key = (await instanceKeys(t)).get(header.kid);
  expect(key, `kid ${header.kid} in the JWKS`).toBeDefined();
  return verifyJWT(jwt, key as KeyObject, 'RS256');
}
