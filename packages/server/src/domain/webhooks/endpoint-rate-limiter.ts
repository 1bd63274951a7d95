/**
 * Per-endpoint deliveries-per-second limit, per process (a token bucket refilled continuously).
 * Several processes each apply the limit, so the ceiling is per process; the limit exists to spare a
 * receiver a burst, which this does.
 */
export interface EndpointRateLimiter {
  /** 0 when a delivery may go now (and takes a token), otherwise milliseconds to wait. */
  take(endpointId: string, perSecond: number | null, now: number): number;
}

export function createEndpointRateLimiter(): EndpointRateLimiter {
  const buckets = new Map<string, { tokens: number; updatedAt: number }>();
  return {
    take(endpointId, perSecond, now) {
      if (perSecond === null) return 0;
      const bucket = buckets.get(endpointId) ?? { tokens: perSecond, updatedAt: now };
      bucket.tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
      bucket.updatedAt = now;
      buckets.set(endpointId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
    },
  };
}
