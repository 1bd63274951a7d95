import { z } from 'zod';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Svix's schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 hours). */
export const SVIX_RETRY_SCHEDULE_MS = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

const milliseconds = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

/**
 * Webhook delivery and audit-log settings, a fragment spread into the server's `ConfigSchema`.
 * Production defaults follow Svix; tests shrink the schedule and timeouts to milliseconds.
 *
 * @example
 * WebhookConfigSchema.parse({ webhookRetryScheduleMs: '0,50,50' })
 */
export const WebhookConfigSchema = z.object({
  /** Delays before each attempt, comma-separated milliseconds; the first is normally 0. */
  webhookRetryScheduleMs: z
    .union([z.array(z.number().int().min(0)), z.string()])
    .transform((value, ctx) => {
      const delays = typeof value === 'string' ? value.split(',').map((part) => Number(part.trim())) : value;
      if (delays.length === 0 || delays.length > 50 || delays.some((delay) => !Number.isInteger(delay) || delay < 0)) {
        ctx.addIssue({ code: 'custom', message: 'must be 1–50 comma-separated non-negative integers (milliseconds)' });
        return z.NEVER;
      }
      return delays;
    })
    .default(SVIX_RETRY_SCHEDULE_MS),
  /** Up to ±this fraction is added to each retry delay, so failing endpoints are not hit in lockstep. */
  webhookRetryJitter: z.coerce.number().min(0).max(1).default(0.2),
  /** How long one attempt may take, connection to last byte (Svix: 15 s). */
  webhookAttemptTimeoutMs: milliseconds(1, 15 * SECOND),
  /** A claimed delivery whose worker has not reported back by then is claimed again (process died). */
  webhookLeaseMs: milliseconds(1, 60 * SECOND),
  /** How often an idle worker looks for new events and due retries. */
  webhookPollIntervalMs: milliseconds(1, SECOND),
  /** Deliveries in flight at once per process. */
  webhookConcurrency: z.coerce.number().int().min(1).max(256).default(16),
  /** An endpoint failing without a single success for this long is disabled (Svix: 5 days). */
  webhookDisableAfterMs: milliseconds(1, 5 * 24 * HOUR),
  /** Run the delivery worker in this process (off: another process delivers). */
  webhookWorker: z.union([z.boolean(), z.stringbool()]).default(true),
  /**
   * Allow endpoints on loopback, private and link-local addresses. Unset: allowed on development
   * instances (receivers run on the developer's machine), refused on production (SSRF).
   */
  webhookAllowPrivateNetworks: z.union([z.boolean(), z.stringbool()]).optional(),
  /** Days events stay in the audit log and the delivery log. */
  auditLogRetentionDays: z.coerce.number().int().min(1).max(3650).default(90),
});

export type WebhookConfig = z.output<typeof WebhookConfigSchema>;

/** Environment variable for each webhook setting, merged into `CONFIG_ENV`. */
export const WEBHOOK_CONFIG_ENV = {
  webhookRetryScheduleMs: 'LATCH_WEBHOOK_RETRY_SCHEDULE_MS',
  webhookRetryJitter: 'LATCH_WEBHOOK_RETRY_JITTER',
  webhookAttemptTimeoutMs: 'LATCH_WEBHOOK_ATTEMPT_TIMEOUT_MS',
  webhookLeaseMs: 'LATCH_WEBHOOK_LEASE_MS',
  webhookPollIntervalMs: 'LATCH_WEBHOOK_POLL_INTERVAL_MS',
  webhookConcurrency: 'LATCH_WEBHOOK_CONCURRENCY',
  webhookDisableAfterMs: 'LATCH_WEBHOOK_DISABLE_AFTER_MS',
  webhookWorker: 'LATCH_WEBHOOK_WORKER',
  webhookAllowPrivateNetworks: 'LATCH_WEBHOOK_ALLOW_PRIVATE_NETWORKS',
  auditLogRetentionDays: 'LATCH_AUDIT_LOG_RETENTION_DAYS',
} as const satisfies Record<keyof z.input<typeof WebhookConfigSchema>, string>;

/** Whether endpoints may point at private networks on this instance. */
export function privateNetworksAllowed(
  config: Pick<WebhookConfig, 'webhookAllowPrivateNetworks'>,
  instanceType: 'development' | 'production',
): boolean {
  return config.webhookAllowPrivateNetworks ?? instanceType === 'development';
}
