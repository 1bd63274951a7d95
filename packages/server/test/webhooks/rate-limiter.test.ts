import { describe, expect, it } from 'vitest';
import { createEndpointRateLimiter } from '../../src/domain/webhooks/endpoint-rate-limiter.js';
import { nextAttemptAt } from '../../src/domain/webhooks/retry-schedule.js';
import { SVIX_RETRY_SCHEDULE_MS } from '../../src/domain/webhooks/webhook-config.js';

describe('endpoint rate limit (deliveries per second, per process)', () => {
  it('lets a burst of `limit` through, then spaces deliveries by 1/limit seconds', () => {
    const limiter = createEndpointRateLimiter();
    const now = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('ep_a', 3, now))).toEqual([0, 0, 0]);
    const wait = limiter.take('ep_a', 3, now);
    expect(wait).toBe(334);
    expect(limiter.take('ep_a', 3, now + wait)).toBe(0);
    // Other endpoints and unlimited endpoints are unaffected.
    expect(limiter.take('ep_b', 3, now)).toBe(0);
    expect(limiter.take('ep_c', null, now)).toBe(0);
  });
});

describe('retry schedule', () => {
  it("follows Svix's schedule, with jitter within the bound, and ends after the last retry", () => {
    const now = 0;
    const middle = () => 0.5;
    expect(SVIX_RETRY_SCHEDULE_MS.map((_, i) => nextAttemptAt(SVIX_RETRY_SCHEDULE_MS, i, 0.2, now, middle))).toEqual(
      SVIX_RETRY_SCHEDULE_MS,
    );
    expect(nextAttemptAt(SVIX_RETRY_SCHEDULE_MS, 1, 0.2, now, () => 0)).toBe(4_000);
    expect(nextAttemptAt(SVIX_RETRY_SCHEDULE_MS, 1, 0.2, now, () => 1)).toBe(6_000);
    expect(nextAttemptAt(SVIX_RETRY_SCHEDULE_MS, SVIX_RETRY_SCHEDULE_MS.length, 0.2, now, middle)).toBeNull();
  });
});
