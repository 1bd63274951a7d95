import { parseConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/clock.js';
import { silentLogger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/start-server.js';
import { createTestDatabase, type DatabaseName, type TestDatabase } from './databases.js';

export interface TestServer {
  server: RunningServer;
  database: TestDatabase;
  /** The instance's first secret key. */
  secretKey: string;
  /** fetch against the Backend API with the secret key; `path` is relative to `/api/v1`. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Overrides for a production instance whose tests send no mail: production insists on a mail server
 * and a sender at start, so it gets a port nothing listens on.
 */
export const PRODUCTION_WITHOUT_MAIL = {
  instanceType: 'production',
  smtpUrl: 'smtp://127.0.0.1:9',
  emailFrom: 'no-reply@example.com',
} as const;

/** A real Latch server on loopback (random port) over a fresh database. */
export async function startTestServer(
  databaseName: DatabaseName,
  overrides: Record<string, unknown> = {},
  options: { clock?: Clock } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(databaseName);
  const config = parseConfig({
    instanceType: 'development',
    port: 0,
    databaseUrl: database.url,
    frontendApiUrl: 'http://127.0.0.1:4000',
    logLevel: 'silent',
    ...overrides,
  });
  const server = await startServer(config, { logger: silentLogger, clock: options.clock });
  const secretKey = server.createdSecretKey as string;
  return {
    server,
    database,
    secretKey,
    api: (path, init = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${secretKey}`,
          ...(init.body !== undefined || init.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      }),
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
