import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logger.js';
import type { Store } from '../../store/store.js';
import { pruneAuditLog } from '../audit/prune-audit-log.js';
import type { Clock } from '../clock.js';
import { onEventRecorded } from '../events/event-signal.js';
import { type DeliveryDeps, deliverWebhook } from './deliver-webhook.js';
import { createEndpointRateLimiter } from './endpoint-rate-limiter.js';
import { type SendWebhook, sendWebhookRequest } from './send-webhook-request.js';
import type { WebhookSettings } from './webhook-settings.js';

/** How often the worker trims the audit and delivery logs to the retention period. */
const PRUNE_INTERVAL_MS = 3600 * 1000;
/** A freshly recorded event is looked for this long after the signal, once its transaction has committed. */
const SIGNAL_DELAY_MS = 5;

export interface DeliveryWorker {
  /** Look for work now rather than at the next poll. */
  wake(): void;
  /** Stops claiming, waits for attempts in flight (each bounded by the attempt timeout). */
  stop(): Promise<void>;
}

export interface DeliveryWorkerDeps {
  store: Store;
  instanceId: string;
  clock: Clock;
  logger: Logger;
  settings: WebhookSettings;
  send?: SendWebhook;
  random?: () => number;
}

/**
 * The outbox worker: claims due deliveries under a lease and sends them, up to `concurrency` at a
 * time. Claims go through the store (`FOR UPDATE SKIP LOCKED`
 * on PostgreSQL), so any number of processes can run a worker on one database; a process that dies
 * leaves leases that lapse, and its deliveries are claimed again (at-least-once).
 *
 * @example
 * const worker = startDeliveryWorker({ store, instanceId, clock, logger, settings });
 * await worker.stop();
 */
export function startDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { store, clock, logger, settings } = deps;
  const owner = `wrk_${randomUUID()}`;
  const deliveryDeps: DeliveryDeps = {
    store,
    instanceId: deps.instanceId,
    clock,
    logger,
    settings,
    owner,
    send: deps.send ?? sendWebhookRequest,
    random: deps.random ?? Math.random,
    rateLimiter: createEndpointRateLimiter(),
  };
  const inFlight = new Set<Promise<void>>();
  let running = true;
  let lastPrune = Number.NEGATIVE_INFINITY;
  let pendingWake = false;
  let wakeSleeper: (() => void) | null = null;

  const wake = () => {
    pendingWake = true;
    wakeSleeper?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (pendingWake) {
        pendingWake = false;
        // Give the signalling transaction a moment to commit before looking.
        setTimeout(resolve, SIGNAL_DELAY_MS);
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleeper = null;
        pendingWake = false;
        setTimeout(resolve, SIGNAL_DELAY_MS);
      }
      wakeSleeper = done;
    });
  const unsubscribe = onEventRecorded(wake);

  const round = async (): Promise<boolean> => {
    const now = clock.now();
    if (now - lastPrune >= PRUNE_INTERVAL_MS) {
      lastPrune = now;
      const pruned = await pruneAuditLog(store, now, settings.auditLogRetentionDays);
      if (pruned > 0) logger.info('audit log pruned', { events: pruned });
    }
    const free = settings.concurrency - inFlight.size;
    if (free <= 0) return false;
    const claimed = await store.webhooks.deliveries.claimDue({
      now,
      owner,
      leaseExpiresAt: now + settings.leaseMs,
      limit: free,
    });
    for (const delivery of claimed) {
      const attempt: Promise<void> = deliverWebhook(deliveryDeps, delivery)
        .catch((error: unknown) => {
          // The lease lapses and another round retries it; the database may be briefly unreachable.
          logger.error('webhook delivery failed unexpectedly', {
            delivery_id: delivery.id,
            error: error instanceof Error ? error.message : String(error),
          });
        })
        .finally(() => {
          inFlight.delete(attempt);
          wake();
        });
      inFlight.add(attempt);
    }
    return claimed.length === free;
  };

  const loop = (async () => {
    while (running) {
      let busy = false;
      try {
        busy = await round();
      } catch (error) {
        logger.error('webhook worker round failed', { error: error instanceof Error ? error.message : String(error) });
      }
      if (running && (!busy || inFlight.size >= settings.concurrency)) await sleep(settings.pollIntervalMs);
    }
  })();

  return {
    wake,
    async stop() {
      running = false;
      unsubscribe();
      wakeSleeper?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
