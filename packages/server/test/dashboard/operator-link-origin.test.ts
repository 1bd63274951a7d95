import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, unique } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Operator sign-in links point where people reach Latch: behind a trusted proxy, its forwarded host
 * and scheme; otherwise (or when the forwarded host is malformed) the address Latch was called at.
 */
describe.each(DATABASES)('operator sign-in links behind a proxy [%s]', (database) => {
  const servers: TestServer[] = [];
  let trusting: TestServer;
  let direct: TestServer;
  beforeAll(async () => {
    trusting = await startTestServer(database, { trustProxy: 'true' });
    servers.push(trusting);
    direct = await startTestServer(database);
    servers.push(direct);
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  const invite = async (t: TestServer, headers: Record<string, string>) => {
    const created = await expectOk(
      await t.api('/operators', {
        method: 'POST',
        body: { email: `${unique('ops')}@example.com`, role: 'support' },
        headers,
      }),
    );
    return created.sign_in_link.url as string;
  };

  it('uses X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy', async () => {
    const url = await invite(trusting, { 'x-forwarded-host': 'Auth.Acme.test', 'x-forwarded-proto': 'https' });
    expect(url).toMatch(/^https:\/\/auth\.acme\.test\/dashboard\/sign-in#token=opl_/);
  });

  it('ignores a malformed forwarded host, and forwarded headers when the proxy is not trusted', async () => {
    const malformed = await invite(trusting, { 'x-forwarded-host': 'evil.test/path?x=', 'x-forwarded-proto': 'https' });
    expect(malformed.startsWith(`${trusting.server.url}/dashboard/sign-in#token=`)).toBe(true);
    const untrusted = await invite(direct, { 'x-forwarded-host': 'auth.acme.test', 'x-forwarded-proto': 'https' });
    expect(untrusted.startsWith(`${direct.server.url}/dashboard/sign-in#token=`)).toBe(true);
  });
});
