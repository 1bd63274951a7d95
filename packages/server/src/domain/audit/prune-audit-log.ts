import type { Store } from '../../store/store.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Drops events older than the retention period; their deliveries and attempts go with them, so the
 * audit log and the delivery log keep the same window. Returns how many events were dropped.
 */
export function pruneAuditLog(store: Store, now: number, retentionDays: number): Promise<number> {
  return store.webhooks.events.deleteCreatedBefore(now - retentionDays * DAY_MS);
}
