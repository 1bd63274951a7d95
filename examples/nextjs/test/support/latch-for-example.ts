import { FRONTEND_API_URL, type LatchLogEntry, PUBLISHABLE_KEY } from '../../../../e2e/clerk-compat/support/latch.js';
import { parseConfig } from '../../../../packages/server/src/config.js';
import { ensureInstance } from '../../../../packages/server/src/domain/keys/instance.js';
import type { Logger } from '../../../../packages/server/src/logger.js';
import { type RunningServer, startServer } from '../../../../packages/server/src/start-server.js';
import { createStore } from '../../../../packages/server/src/store/create-store.js';
import { parseDatabaseUrl } from '../../../../packages/server/src/store/open-database.js';
import { createTestDatabase, type TestDatabase } from '../../../../packages/server/test/support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../../../packages/server/test/support/smtp-sink.js';

export interface LatchForExample {
  server: RunningServer;
  /** `http://127.0.0.1:<port>`: the app's proxy and Backend API client connect here. */
  url: string;
  secretKey: string;
  /** The mailbox Latch's mailer delivers to (sign-up and reset codes). */
  smtp: SMTPSink;
  log: LatchLogEntry[];
  stop(): Promise<void>;
}

/**
 * A production Latch on loopback for the example app, like the e2e suite's (same fixed Frontend API
 * host and publishable key, so `next build` output is reusable), with one difference: session tokens
 * live `tokenLifetimeSeconds`, short enough that a test sees one expire and get refreshed in an open tab.
 */
export async function startLatchForExample(
  appOrigin: string,
  options: { kind: 'sqlite' | 'postgres'; tokenLifetimeSeconds: number },
): Promise<LatchForExample> {
  // A production instance must be able to send email; the UI scenarios read their codes from this sink.
  const sink = await startSMTPSink();
  let database: TestDatabase | null = null;
  try {
    database = await createTestDatabase(options.kind);
    const created = database;
    const secretKey = await prepareInstance(database.url, appOrigin, options.tokenLifetimeSeconds);
    const log: LatchLogEntry[] = [];
    const server = await startServer(
      parseConfig({
        instanceType: 'production',
        port: 0,
        databaseUrl: database.url,
        frontendApiUrl: FRONTEND_API_URL,
        smtpUrl: sink.url,
        emailFrom: 'Latch example <no-reply@latch.test>',
        logLevel: 'silent',
      }),
      { logger: recordingLogger(log) },
    );
    if (server.publishableKey !== PUBLISHABLE_KEY) {
      await server.close();
      throw new Error(`Latch's publishable key ${server.publishableKey} differs from the app's ${PUBLISHABLE_KEY}`);
    }
    return {
      server,
      url: server.url,
      secretKey,
      smtp: sink,
      log,
      stop: async () => {
        await server.close();
        await sink.close();
        await created.drop();
      },
    };
  } catch (error) {
    await sink.close();
    await database?.drop();
    throw error;
  }
}

/** The instance exists before the server starts, which reads its settings once. */
async function prepareInstance(databaseUrl: string, appOrigin: string, tokenLifetimeSeconds: number): Promise<string> {
  const location = parseDatabaseUrl(databaseUrl);
  if (!location) throw new Error(`Unsupported database URL ${databaseUrl}`);
  const store = await createStore(location);
  try {
    const now = Date.now();
    const { instance, createdSecretKey } = await ensureInstance(store, 'production', now);
    if (!createdSecretKey) throw new Error('The test database already held an instance');
    await store.instance.updateSettings(
      {
        ...instance.settings,
        applicationName: 'Latch Next.js example',
        allowedOrigins: [appOrigin],
        sessions: { ...instance.settings.sessions, tokenLifetimeSeconds },
        urls: {
          home: `${appOrigin}/`,
          signIn: `${appOrigin}/sign-in`,
          signUp: `${appOrigin}/sign-up`,
          afterSignIn: `${appOrigin}/dashboard`,
          afterSignUp: `${appOrigin}/dashboard`,
          afterSignOut: `${appOrigin}/`,
        },
      },
      now,
    );
    return createdSecretKey;
  } finally {
    await store.close();
  }
}

function recordingLogger(log: LatchLogEntry[]): Logger {
  const record =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (level === 'debug') return;
      if (level === 'info' && message !== 'request') return;
      log.push({ at: Date.now(), message: level === 'info' ? message : `${level}: ${message}`, fields });
    };
  return { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}
