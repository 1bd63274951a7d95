/**
 * When the next attempt is due after `attemptsMade` attempts of a delivery, or null when the
 * schedule is spent. `schedule[0]` is the first attempt's delay (normally 0: immediately); the
 * delay after the n-th failure is `schedule[n]`, moved by up to ±`jitter` of itself so endpoints
 * that failed together are not retried in lockstep.
 *
 * @example
 * nextAttemptAt([0, 5000, 300000], 1, 0.2, 1_000, Math.random) // ≈ 6_000 (5 s ± 1 s after now)
 */
export function nextAttemptAt(
  schedule: readonly number[],
  attemptsMade: number,
  jitter: number,
  now: number,
  random: () => number,
): number | null {
  const delay = schedule[attemptsMade];
  if (delay === undefined) return null;
  return now + Math.max(0, Math.round(delay * (1 + (random() * 2 - 1) * jitter)));
}
