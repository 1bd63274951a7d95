/**
 * Config overrides that shrink Svix's day-long schedule to milliseconds so retry tests take seconds.
 * Only the numbers change; the code paths are the production ones.
 */
export const FAST_WEBHOOKS: Record<string, unknown> = {
  webhookRetryScheduleMs: '0,100,200,300,400,500,600,700',
  webhookRetryJitter: 0.1,
  webhookAttemptTimeoutMs: 2_000,
  webhookLeaseMs: 3_000,
  webhookPollIntervalMs: 25,
};
