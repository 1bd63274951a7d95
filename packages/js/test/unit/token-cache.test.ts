import { describe, expect, it } from 'vitest';
import { isFresh, localExpiry, refreshLeadMs, TokenCache } from '../../src/tokens/token-cache.js';

function jwtWith(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

describe('token expiry on the local clock', () => {
  const iat = 1_800_000_000;
  const jwt = jwtWith({ sub: 'user_1', sid: 'sess_1', iat, exp: iat + 60 });

  it('takes exp at its word when the clocks agree', () => {
    expect(localExpiry(jwt, iat * 1000 + 2_000)).toEqual({ expiresAt: (iat + 60) * 1000, lifetimeMs: 60_000 });
  });

  it('counts the lifetime from receipt when the browser clock is far off', () => {
    const receivedAt = iat * 1000 + 3_600_000;
    expect(localExpiry(jwt, receivedAt)).toEqual({ expiresAt: receivedAt + 60_000, lifetimeMs: 60_000 });
  });

  it('reads nothing from tokens without iat/exp', () => {
    expect(localExpiry('not-a-jwt', 0)).toBeNull();
    expect(localExpiry(jwtWith({ sub: 'x' }), 0)).toBeNull();
  });

  it('refreshes 15 s before expiry, or at half-life for short tokens', () => {
    expect(refreshLeadMs(60_000)).toBe(15_000);
    expect(refreshLeadMs(12_000)).toBe(6_000);
  });

  it('keeps the longer-lived of two racing tokens and forgets a session on request', () => {
    const cache = new TokenCache();
    const key = TokenCache.key('sess_1', undefined, null);
    const newer = jwtWith({ iat: iat + 30, exp: iat + 90 });
    cache.put(key, 'sess_1', newer, (iat + 30) * 1000);
    cache.put(key, 'sess_1', jwt, iat * 1000);
    expect(cache.get(key)?.jwt).toBe(newer);
    const token = cache.get(key);
    expect(token && isFresh(token, (iat + 70) * 1000, 10_000)).toBe(true);
    expect(token && isFresh(token, (iat + 81) * 1000, 10_000)).toBe(false);
    cache.put(TokenCache.key('sess_2', 'hasura', 'org_1'), 'sess_2', jwt, iat * 1000);
    cache.clear('sess_1');
    expect(cache.get(key)).toBeUndefined();
    expect(cache.get('sess_2|hasura|org_1')).toBeDefined();
  });
});
