import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { encodePublishableKey } from '@latch/protocol';
import type { ServerConfig } from './config.js';
import { createClientStateCache } from './domain/clients/client-state-cache.js';
import { type Clock, systemClock } from './domain/clock.js';
import { watchInstanceSettings } from './domain/instance-settings-watch.js';
import { ensureInstance } from './domain/keys/instance.js';
import { createSigningKeyCache } from './domain/keys/signing-key-cache.js';
import { createMemoryRateLimiter } from './domain/protection/rate-limiter.js';
import { createTokenReuseCache } from './domain/tokens/token-reuse-cache.js';
import { type DeliveryWorker, startDeliveryWorker } from './domain/webhooks/delivery-worker.js';
import { privateNetworksAllowed } from './domain/webhooks/webhook-config.js';
import { webhookSettingsFrom } from './domain/webhooks/webhook-settings.js';
import { createApp } from './http/app.js';
import { withRequestOrigin } from './http/event-request-context.js';
import type { Logger } from './logger.js';
import { mailerFromSettings } from './mail/mailer-from-settings.js';
import { recordSentEmail } from './mail/record-sent-email.js';
import { storedMailSettingsOf } from './mail/stored-mail-settings.js';
import { createStore } from './store/create-store.js';
import { parseDatabaseUrl } from './store/open-database.js';
import type { InstanceRecord } from './store/records.js';
import type { Store } from './store/store.js';

export interface RunningServer {
  /** Where the server listens, e.g. `http://127.0.0.1:4000`. */
  url: string;
  instance: InstanceRecord;
  publishableKey: string;
  /** The first secret key, in plaintext, when this start created the instance; otherwise null. */
  createdSecretKey: string | null;
  store: Store;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (running migrations), creates the instance on first start and serves the app.
 *
 * @example
 * const server = await startServer(parseConfig({ instanceType: 'development', port: 0 }), { logger });
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 */
export async function startServer(
  config: ServerConfig,
  deps: { logger: Logger; clock?: Clock; write?: (line: string) => void },
): Promise<RunningServer> {
  const clock = deps.clock ?? systemClock;
  const location = parseDatabaseUrl(config.databaseUrl);
  if (!location) throw new Error(`Unsupported DATABASE_URL: ${config.databaseUrl}`);
  const store = await createStore(location);
  let instance: InstanceRecord;
  let createdSecretKey: string | null;
  try {
    ({ instance, createdSecretKey } = await ensureInstance(store, config.instanceType, clock.now()));
    if (instance.environmentType !== config.instanceType) {
      throw new Error(
        `This database holds a ${instance.environmentType} instance; it cannot be served as ${config.instanceType}. ` +
          `Use ${instance.environmentType === 'production' ? '`latch start`' : '`latch dev`'} or another DATABASE_URL.`,
      );
    }
  } catch (error) {
    await store.close();
    throw error;
  }

  let mailerSetup: ReturnType<typeof mailerFromSettings>;
  try {
    mailerSetup = mailerFromSettings({
      instanceType: instance.environmentType,
      smtpUrl: config.smtpUrl,
      from: config.emailFrom,
      // Saved on the dashboard's Email page; read at every send, so changes apply without a restart.
      stored: () => storedMailSettingsOf(instance.settings),
      applicationName: () => instance.settings.applicationName,
      logger: deps.logger,
      write: deps.write ?? (() => {}),
      clock,
      // Every message lands in the inbox table (the dev inbox reads it) with its `email.created` event.
      onSent: [recordSentEmail(store)],
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const { mailer } = mailerSetup;
  const publishableKey = encodePublishableKey(new URL(config.frontendApiUrl).host, instance.environmentType);
  // Owns the signing thread (session tokens), ended at close.
  const currentSigner = createSigningKeyCache(store);
  const app = createApp({
    store,
    config,
    clock,
    logger: deps.logger,
    instance,
    publishableKey,
    currentSigner,
    tokenCache: createTokenReuseCache({ reuseWindowMs: 5_000 }),
    clientStates: createClientStateCache(),
    rateLimiter: createMemoryRateLimiter(),
    mailer,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve(
      { fetch: withRequestOrigin(app.fetch, config.trustProxy), port: config.port, hostname: config.host },
      () => resolve(created as Server),
    );
    (created as Server).once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  // The outbox worker: webhook fan-out, delivery, retries and log retention (off: another process runs it).
  const worker: DeliveryWorker | null = config.webhookWorker
    ? startDeliveryWorker({
        store,
        instanceId: instance.id,
        clock,
        logger: deps.logger,
        settings: webhookSettingsFrom(config, privateNetworksAllowed(config, instance.environmentType)),
      })
    : null;
  // Settings changed by another process (PATCH /instance/settings there) apply here within ~1 s.
  const settingsWatcher = watchInstanceSettings(store, instance, { logger: deps.logger });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await drained;
      clearTimeout(grace);
      await worker?.stop();
      await settingsWatcher.stop();
      await currentSigner.close();
      await store.close();
    })();
    return closing;
  };

  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    instance,
    publishableKey,
    createdSecretKey,
    store,
    close,
  };
}
