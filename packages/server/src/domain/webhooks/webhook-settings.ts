import type { WebhookConfig } from './webhook-config.js';

/** What delivery needs from the config, resolved for this instance. */
export interface WebhookSettings {
  retryScheduleMs: readonly number[];
  retryJitter: number;
  attemptTimeoutMs: number;
  leaseMs: number;
  pollIntervalMs: number;
  concurrency: number;
  disableAfterMs: number;
  allowPrivateNetworks: boolean;
  auditLogRetentionDays: number;
}

/** Resolves the delivery settings; the lease always outlasts an attempt, or live work would be re-claimed. */
export function webhookSettingsFrom(config: WebhookConfig, allowPrivateNetworks: boolean): WebhookSettings {
  return {
    retryScheduleMs: config.webhookRetryScheduleMs,
    retryJitter: config.webhookRetryJitter,
    attemptTimeoutMs: config.webhookAttemptTimeoutMs,
    leaseMs: Math.max(config.webhookLeaseMs, config.webhookAttemptTimeoutMs + 1000),
    pollIntervalMs: config.webhookPollIntervalMs,
    concurrency: config.webhookConcurrency,
    disableAfterMs: config.webhookDisableAfterMs,
    allowPrivateNetworks,
    auditLogRetentionDays: config.auditLogRetentionDays,
  };
}
