#!/usr/bin/env node
/**
 * Bare server entry for process managers: configuration from the environment, JSON logs,
 * graceful shutdown on SIGTERM/SIGINT. The `latch` CLI adds key printing and production checks.
 */
import { ConfigError, configFromEnv } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './start-server.js';
import { stopOnSignals } from './stop-on-signals.js';

try {
  const config = configFromEnv(process.env, { instanceType: process.env.LATCH_INSTANCE_TYPE ?? 'production' });
  const logger = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    write: (line) => process.stdout.write(line),
  });
  const server = await startServer(config, { logger });
  logger.info('listening', {
    url: server.url,
    instance_id: server.instance.id,
    publishable_key: server.publishableKey,
  });
  if (server.createdSecretKey) {
    logger.warn('instance created; store this secret key now, it is not shown again', {
      secret_key: server.createdSecretKey,
    });
  }
  stopOnSignals(server, logger);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
