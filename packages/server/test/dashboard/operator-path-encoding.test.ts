import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBearer, operatorBearer } from '../bapi/instance/operator-bearer.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The router matches the percent-decoded path, so the role check must judge that path too:
 * `/%6Fperators` is `/operators`, `/%73ecret` is `/secret`.
 */
describe.each(DATABASES)('Operator roles hold against percent-encoded paths [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('an admin cannot create an operator through /%6Fperators', async () => {
    const admin = asBearer(t, (await operatorBearer(t, 'admin')).bearer);
    const email = `sneaky-${Date.now()}@example.com`;
    const response = await admin('/%6Fperators', { method: 'POST', body: { email, role: 'owner' } });
    expect(response.status).toBe(403);
    // Other spellings of the same path are refused or unknown, never served.
    for (const path of ['//operators', '/operators/', '/Operators', '/./operators', '/users/../operators']) {
      expect([403, 404], path).toContain(
        (await admin(path, { method: 'POST', body: { email, role: 'owner' } })).status,
      );
    }
    const operators = (await (await t.api('/operators')).json()) as { email: string }[];
    expect(operators.map((operator) => operator.email)).not.toContain(email);
  });

  it("a support operator cannot read a webhook endpoint's secret through /%73ecret", async () => {
    const created = (await (
      await t.api('/webhooks/endpoints', { method: 'POST', body: { url: 'http://127.0.0.1:9/hooks' } })
    ).json()) as { id: string };
    const support = asBearer(t, (await operatorBearer(t, 'support')).bearer);
    expect((await support(`/webhooks/endpoints/${created.id}/secret`)).status).toBe(403);
    const encoded = await support(`/webhooks/endpoints/${created.id}/%73ecret`);
    expect(encoded.status).toBe(403);
    expect(await encoded.text()).not.toContain('whsec_');
  });

  it('a support operator still unlocks through the plain path', async () => {
    const user = (await (
      await t.api('/users', { method: 'POST', body: { email_address: [`lock-${Date.now()}@example.com`] } })
    ).json()) as { id: string };
    const support = asBearer(t, (await operatorBearer(t, 'support')).bearer);
    expect((await support(`/users/${user.id}/unlock`, { method: 'POST' })).status).toBe(200);
    expect((await support(`/users/${user.id}/%62an`, { method: 'POST' })).status).toBe(403);
  });
});
