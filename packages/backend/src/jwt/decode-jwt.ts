import { TokenVerificationError, TokenVerificationErrorReason } from '../errors/token-verification-error.js';

/** Claims of a Latch (Clerk-compatible) session token; custom template claims ride along. */
export interface JwtPayload {
  sub: string;
  sid?: string;
  iss?: string;
  azp?: string;
  aud?: string | string[];
  exp: number;
  nbf?: number;
  iat: number;
  jti?: string;
  v?: number;
  sts?: 'active' | 'pending';
  fva?: [number, number];
  act?: { sub: string; [key: string]: unknown };
  /** v2 organization claim (PROTOCOL.md §4.2). */
  o?: { id: string; slg?: string; rol?: string; per?: string; fpm?: string };
  fea?: string;
  pla?: string;
  /** v1 organization claims. */
  org_id?: string;
  org_slug?: string;
  org_role?: string;
  org_permissions?: string[];
  [claim: string]: unknown;
}

export interface JwtHeader {
  alg: string;
  kid?: string;
  typ?: string;
  cat?: string;
  [name: string]: unknown;
}

export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
  /** The `header.payload` text the signature covers. */
  signedText: string;
  /** The third part, still base64url-encoded. */
  signature: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Six-bit values of the base64url alphabet by char code; 255 = not in the alphabet. */
const BASE64URL_VALUES = new Uint8Array(128).fill(255);
for (const [index, char] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].entries()) {
  BASE64URL_VALUES[char.charCodeAt(0)] = index;
}

/**
 * base64url (unpadded) → bytes. Hand-rolled rather than `atob`: it runs on every request in
 * middleware, and `atob` plus a char-code copy is several times slower on Node; no `Buffer` either,
 * so edge runtimes work. Throws on any character outside the alphabet.
 */
export function base64URLToBytes(text: string): Uint8Array {
  const length = text.length;
  if (length % 4 === 1) throw new Error('not base64url');
  const bytes = new Uint8Array((length * 3) >> 2);
  let buffer = 0;
  let bits = 0;
  let offset = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? (BASE64URL_VALUES[code] as number) : 255;
    if (value === 255) throw new Error('not base64url');
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[offset++] = (buffer >> bits) & 0xff;
    }
  }
  return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}

function decodeJSONPart(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(utf8.decode(base64URLToBytes(part)));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

/**
 * Splits and parses a compact JWS without checking anything but its shape. Malformed input gives
 * `{ errors }` (reason `token-invalid`), never an exception.
 *
 * @example
 * const { data } = decodeJwt(token); data?.payload.sid
 */
export function decodeJwt(
  token: string,
): { data: DecodedJwt; errors?: undefined } | { data?: undefined; errors: [TokenVerificationError] } {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return invalid('Invalid JWT form. A JWT consists of three parts separated by dots.');
  const [headerPart = '', payloadPart = '', signature = ''] = parts;
  try {
    const header = decodeJSONPart(headerPart) as JwtHeader;
    const payload = decodeJSONPart(payloadPart) as JwtPayload;
    return { data: { header, payload, signedText: `${headerPart}.${payloadPart}`, signature } };
  } catch {
    return invalid('Invalid JWT: its header or payload is not base64url-encoded JSON.');
  }
}

function invalid(message: string): { errors: [TokenVerificationError] } {
  return { errors: [new TokenVerificationError({ reason: TokenVerificationErrorReason.TokenInvalid, message })] };
}
