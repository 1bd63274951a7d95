import { decodeJwt, TokenVerificationErrorReason } from '@latch/backend';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64URLToBytes } from '../src/jwt/decode-jwt.js';

describe('base64url decoding (the hand-rolled hot-path decoder)', () => {
  it('round-trips any bytes encoded by Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const encoded = Buffer.from(bytes).toString('base64url');
        expect(Buffer.from(base64URLToBytes(encoded)).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('rejects characters outside the URL alphabet and impossible lengths', () => {
    for (const bad of ['ab+c', 'ab/c', 'ab=c', 'abc d', 'é', 'abcde']) {
      expect(() => base64URLToBytes(bad), bad).toThrow();
    }
  });
});

describe('decodeJwt', () => {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('decodes UTF-8 claims and keeps the signed text and signature part', () => {
    const token = `${part({ alg: 'RS256', kid: 'k' })}.${part({ sub: 'user_1', name: 'Zoë 🚀' })}.c2ln`;
    const { data } = decodeJwt(token);
    expect(data?.payload.name).toBe('Zoë 🚀');
    expect(data?.header.kid).toBe('k');
    expect(data?.signature).toBe('c2ln');
    expect(data?.signedText).toBe(token.split('.').slice(0, 2).join('.'));
  });

  it('never throws on garbage: token-invalid', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = decodeJwt(text);
        if (result.errors) expect(result.errors[0].reason).toBe(TokenVerificationErrorReason.TokenInvalid);
      }),
    );
    for (const bad of [
      '',
      'a.b',
      `${part([])}.${part({})}.x`,
      `${part({})}.${Buffer.from([0xff]).toString('base64url')}.x`,
    ]) {
      expect(decodeJwt(bad).errors?.[0].reason, bad).toBe(TokenVerificationErrorReason.TokenInvalid);
    }
  });
});
