/**
 * Fixed-window counters keyed by what is being protected (`sign_in:ip:1.2.3.4`,
 * `sign_in:identifier:ada@example.com`). One process keeps them in memory; several processes need a
 * shared implementation of the same interface (PostgreSQL or Redis), which the scale-out work adds.
 */
export interface RateLimiter {
  /** Counts one hit; returns how long to wait (ms) when the limit is exceeded, else 0. */
  hit(key: string, rule: RateLimitRule, now: number): number;
}

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** Credential endpoints: per IP and per identifier, checked before any password is hashed. */
export const RATE_LIMITS = {
  perIP: { limit: 30, windowMs: 60_000 },
  perIdentifier: { limit: 10, windowMs: 60_000 },
  codeSends: { limit: 5, windowMs: 10 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export function createMemoryRateLimiter(maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, rule, now) {
      let window = windows.get(key);
      if (!window || now - window.start >= rule.windowMs) {
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > rule.limit ? window.start + rule.windowMs - now : 0;
    },
  };
}
