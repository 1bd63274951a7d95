import { readTokenTimes } from './jwt-payload.js';

/** A token the SDK holds, with its expiry on the *local* clock. */
export interface CachedToken {
  jwt: string;
  sessionId: string;
  /** Local time the token stops being usable. */
  expiresAt: number;
  /** exp − iat, for choosing how early to refresh short-lived tokens. */
  lifetimeMs: number;
}

/** Clocks closer than this are trusted as they are; further apart, expiry is measured from receipt. */
const TRUSTED_SKEW_MS = 10_000;

/**
 * Where a token's expiry lies on this machine's clock. With clocks in step, `exp` is taken at its
 * word (it covers a token the server reused from a few seconds ago); a browser clock that is off
 * would otherwise make every token look expired or immortal, so then the lifetime counts from the
 * moment the token arrived.
 */
export function localExpiry(jwt: string, receivedAt: number): { expiresAt: number; lifetimeMs: number } | null {
  const times = readTokenTimes(jwt);
  if (!times) return null;
  const lifetimeMs = (times.exp - times.iat) * 1000;
  const skew = receivedAt - times.iat * 1000;
  const expiresAt = Math.abs(skew) < TRUSTED_SKEW_MS ? times.exp * 1000 : receivedAt + lifetimeMs;
  return { expiresAt, lifetimeMs };
}

/** How long before expiry a token is refreshed: 15 s, or half the lifetime of very short tokens. */
export function refreshLeadMs(lifetimeMs: number): number {
  return Math.min(15_000, lifetimeMs / 2);
}

/** Whether a cached token still has more than `leewayMs` (at most half its lifetime) to live. */
export function isFresh(token: CachedToken, now: number, leewayMs: number): boolean {
  return token.expiresAt - now > Math.min(leewayMs, token.lifetimeMs / 2);
}

/**
 * Session and template tokens by `(session, template, organization)`: the same key yields the same
 * token until it nears expiry, so components that each call `getToken()` cause one request.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  static key(sessionId: string, template: string | undefined, organizationId: string | null): string {
    return `${sessionId}|${template ?? ''}|${organizationId ?? ''}`;
  }

  get(key: string): CachedToken | undefined {
    return this.tokens.get(key);
  }

  /** Stores a token unless an entry that lives longer is already there (tabs race to refresh). */
  put(key: string, sessionId: string, jwt: string, receivedAt: number): CachedToken | null {
    const expiry = localExpiry(jwt, receivedAt);
    if (!expiry) return null;
    const existing = this.tokens.get(key);
    if (existing && existing.expiresAt > expiry.expiresAt) return existing;
    const token = { jwt, sessionId, ...expiry };
    this.tokens.set(key, token);
    return token;
  }

  /** Drops every token of a session (it ended) or, without an id, everything. */
  clear(sessionId?: string): void {
    if (sessionId === undefined) this.tokens.clear();
    else for (const [key, token] of this.tokens) if (token.sessionId === sessionId) this.tokens.delete(key);
  }
}
