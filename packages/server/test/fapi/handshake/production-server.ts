import type { DatabaseName } from '../../support/databases.js';
import type { SMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { setSettings } from '../sign-in/support.js';

export const PRODUCTION_APP_ORIGIN = 'https://app.example.test';

/**
 * A production instance whose Frontend API is `https://clerk.example.test` and whose app lives on
 * `https://app.example.test` (an allowed origin). Requests still reach the server over loopback.
 */
export async function startProductionServer(database: DatabaseName, sink: SMTPSink): Promise<TestServer> {
  const t = await startTestServer(database, {
    instanceType: 'production',
    frontendApiUrl: 'https://clerk.example.test',
    smtpUrl: sink.url,
    emailFrom: 'no-reply@example.test',
  });
  // Replaced, never changed in place: caches (the client text, the environment) key on the settings object.
  setSettings(t, (settings) => ({ ...settings, allowedOrigins: [PRODUCTION_APP_ORIGIN] }));
  return t;
}
