import type { Logger } from '../logger.js';
import type { InstanceRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { applyLiveSettings } from './instance-settings-update.js';

/** How often a process looks for settings changed by another process. */
export const SETTINGS_WATCH_INTERVAL_MS = 1_000;

export interface SettingsWatcher {
  stop(): Promise<void>;
}

/**
 * Keeps `live` (the AppContext's instance) in step with the database, for settings changed by
 * another process: one small read per interval, never one per request, so the hot paths pay nothing.
 * A change made elsewhere is in force here within `intervalMs` plus one query.
 */
export function watchInstanceSettings(
  store: Store,
  live: InstanceRecord,
  options: { logger: Logger; intervalMs?: number },
): SettingsWatcher {
  const intervalMs = options.intervalMs ?? SETTINGS_WATCH_INTERVAL_MS;
  let running: Promise<void> | null = null;
  const check = async () => {
    try {
      const stored = await store.instance.get();
      if (stored && applyLiveSettings(live, stored)) {
        options.logger.info('instance settings reloaded', { updated_at: stored.updatedAt });
      }
    } catch (error) {
      // The database may be briefly away; the next tick tries again.
      options.logger.warn('instance settings check failed', { error: String(error) });
    }
  };
  const timer = setInterval(() => {
    running ??= check().finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
