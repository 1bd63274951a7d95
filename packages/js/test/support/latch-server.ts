import { Latch } from '@latch/js';
import type { InstanceSettings } from '../../../server/src/store/records.js';
import type { DatabaseName } from '../../../server/test/support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../../../server/test/support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import { NodeBrowser } from './node-browser.js';

export const PASSWORD = 'correct-horse-battery-staple-42';

/** A real Latch (development instance) with a real SMTP mailbox, plus helpers the SDK tests share. */
export interface LatchUnderTest {
  t: TestServer;
  sink: SMTPSink;
  /** A fresh browser with one loaded tab. */
  openBrowser(): Promise<{ browser: NodeBrowser; latch: Latch; resume(): void }>;
  /** Another loaded tab of `browser`. */
  openTab(browser: NodeBrowser): Promise<{ latch: Latch; resume(): void }>;
  /** Creates a user through the Backend API; returns its id. */
  createUser(email: string, password?: string): Promise<string>;
  /** Waits for the next email to `to` and returns its 6-digit code. */
  codeFor(to: string): Promise<string>;
  setSettings(change: (settings: InstanceSettings) => InstanceSettings): void;
  stop(): Promise<void>;
}

export async function startLatchUnderTest(database: DatabaseName): Promise<LatchUnderTest> {
  const sink = await startSMTPSink();
  const t = await startTestServer(database, { smtpUrl: sink.url, emailFrom: 'Latch <no-reply@latch.test>' });
  const tabs: Latch[] = [];
  const openTab = async (browser: NodeBrowser) => {
    const tab = browser.tab();
    // The key encodes the configured Frontend API URL; the server really listens on a random port,
    // which the SDK reaches as an absolute proxy URL (the same path a deployment behind a proxy takes).
    const latch = new Latch(t.server.publishableKey, { proxyUrl: t.server.url, runtime: tab.runtime });
    tabs.push(latch);
    await latch.load();
    return { latch, resume: tab.resume };
  };
  return {
    t,
    sink,
    async openBrowser() {
      const browser = new NodeBrowser();
      return { browser, ...(await openTab(browser)) };
    },
    openTab,
    async createUser(email, password = PASSWORD) {
      const response = await t.api('/users', { method: 'POST', body: { email_address: [email], password } });
      if (response.status !== 200) throw new Error(`create user: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    async codeFor(to) {
      return extractCode((await sink.waitForMessage({ to })).text);
    },
    setSettings(change) {
      t.server.instance.settings = change(t.server.instance.settings);
    },
    async stop() {
      for (const latch of tabs) latch.destroy();
      await t.server.close();
      await t.database.drop();
      await sink.close();
    },
  };
}
