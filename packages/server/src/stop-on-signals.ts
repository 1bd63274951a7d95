import type { Logger } from './logger.js';
import type { RunningServer } from './start-server.js';

/** SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database, exit. */
export function stopOnSignals(server: RunningServer, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
