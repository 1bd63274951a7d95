import { encodePublishableKey } from '@latch/protocol';
import { parseConfig } from '../../../packages/server/src/config.js';
import { ensureInstance } from '../../../packages/server/src/domain/keys/instance.js';
import { cookieSuffix } from '../../../packages/server/src/http/fapi/cookies.js';
import type { Logger } from '../../../packages/server/src/logger.js';
import { type RunningServer, startServer } from '../../../packages/server/src/start-server.js';
import { createStore } from '../../../packages/server/src/store/create-store.js';
import { parseDatabaseUrl } from '../../../packages/server/src/store/open-database.js';
import { createTestDatabase, type TestDatabase } from '../../../packages/server/test/support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../../packages/server/test/support/smtp-sink.js';

/**
 * The Frontend API's public URL, which the publishable key encodes. The browser never resolves it:
 * every Frontend API call goes through the app's `/__clerk` proxy to Latch's real (random) port. A
 * fixed name keeps the key — which `next build` inlines — the same on every run, so the build can be
 * cached; session tokens carry `iss: https://clerk.latch.test` and the suffixed cookie names follow
 * from this key.
 */
export const FRONTEND_API_URL = 'http://clerk.latch.test';

/** Production-style key (PROTOCOL.md §3.3): no dev-browser machinery, `__client` cookie identifies the browser. */
export const PUBLISHABLE_KEY = encodePublishableKey(new URL(FRONTEND_API_URL).host, 'production');

/** `<suffix>` of `__session_<suffix>` / `__client_uat_<suffix>` for this key (PROTOCOL.md §1.1). */
export const COOKIE_SUFFIX = cookieSuffix(PUBLISHABLE_KEY);

/** One line of Latch's own request log (after `_method` overrides, so the verb is the real one). */
export interface LatchLogEntry {
  at: number;
  message: string;
  fields: Record<string, unknown>;
}

export interface LatchForE2E {
  server: RunningServer;
  /** `http://127.0.0.1:<port>`: where the app's proxy and Backend API client really connect. */
  url: string;
  secretKey: string;
  sink: SMTPSink;
  /** Every request Latch served, plus its warnings and errors (with stacks), in order. */
  log: LatchLogEntry[];
  stop(): Promise<void>;
}

/** What differs between the apps that use this Latch (the e2e app and examples/nextjs). */
export interface LatchOptions {
  database?: 'sqlite' | 'postgres';
  /** The application name in emails, and the sender's display name. */
  applicationName?: string;
  /** Where sign-in and sign-up land, a path on `appOrigin`. Default `/`. */
  afterAuthPath?: string;
  /** Session token lifetime; short ones let a test watch a token expire and get refreshed. */
  tokenLifetimeSeconds?: number;
}

/**
 * Starts a production Latch instance on loopback over a fresh database (SQLite unless asked), with a
 * real SMTP mailbox (a production instance must send email; tests read their codes from it), and
 * allows `appOrigin` (the Next.js app) as a browser origin and redirect target.
 */
export async function startLatch(appOrigin: string, options: LatchOptions = {}): Promise<LatchForE2E> {
  const applicationName = options.applicationName ?? 'Latch e2e';
  const sink = await startSMTPSink();
  let database: TestDatabase | null = null;
  try {
    database = await createTestDatabase(options.database ?? 'sqlite');
    const secretKey = await prepareInstance(database.url, appOrigin, { ...options, applicationName });
    const log: LatchLogEntry[] = [];
    const server = await startServer(
      parseConfig({
        instanceType: 'production',
        port: 0,
        databaseUrl: database.url,
        frontendApiUrl: FRONTEND_API_URL,
        smtpUrl: sink.url,
        emailFrom: `${applicationName} <no-reply@latch.test>`,
        logLevel: 'silent',
      }),
      { logger: recordingLogger(log) },
    );
    if (server.publishableKey !== PUBLISHABLE_KEY) {
      await server.close();
      throw new Error(`Latch's publishable key ${server.publishableKey} differs from the app's ${PUBLISHABLE_KEY}`);
    }
    const created = database;
    return {
      server,
      url: server.url,
      secretKey,
      sink,
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

/**
 * Creates the instance before the server starts (the server reads settings once at startup): a
 * production instance only trusts origins it was told about.
 */
async function prepareInstance(
  databaseUrl: string,
  appOrigin: string,
  options: LatchOptions & { applicationName: string },
): Promise<string> {
  const afterAuth = `${appOrigin}${options.afterAuthPath ?? '/'}`;
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
        applicationName: options.applicationName,
        allowedOrigins: [appOrigin],
        sessions: {
          ...instance.settings.sessions,
          tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? instance.settings.sessions.tokenLifetimeSeconds,
        },
        urls: {
          home: `${appOrigin}/`,
          signIn: `${appOrigin}/sign-in`,
          signUp: `${appOrigin}/sign-up`,
          afterSignIn: afterAuth,
          afterSignUp: afterAuth,
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

/** `POST /v1/client/sign_ups → 200 (12 ms)` lines, plus Latch's warnings and errors in full. */
export function formatLatchLog(log: LatchLogEntry[], since = 0): string {
  return log
    .filter((entry) => entry.at >= since)
    .map(({ message, fields }) =>
      message === 'request'
        ? `  latch ${fields.method} ${fields.path} → ${fields.status} (${fields.duration_ms} ms)`
        : `  latch ${message} ${JSON.stringify(fields)}`,
    )
    .join('\n');
}
