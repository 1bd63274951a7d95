import { verifyWebhook as verifyClerkWebhook } from '@clerk/backend/webhooks';
import { verifyWebhook as verifyLatchWebhook } from '@latch/backend';
import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { POST } from './sample-app/app/api/webhooks/clerk/route.js';
import { db as appDb } from './sample-app/db.js';
import { type ServedRoute, serveRoute } from './sample-app/serve-route.js';
import { eventually } from './support/eventually.js';
import { FAST_WEBHOOKS } from './support/fast-webhooks.js';
import { stopServer } from './support/stop-server.js';

const USER_AGENT = 'sample-route-test/1.0';

describe.each(DATABASES)('the product description webhook route, fed by Latch on %s', (database) => {
  let latch: TestServer;
  let route: ServedRoute;
  let secret: string;

  beforeAll(async () => {
    latch = await startTestServer(database, FAST_WEBHOOKS);
    route = await serveRoute(POST);
    const endpoint = await expectOk(
      await latch.api('/webhooks/endpoints', {
        method: 'POST',
        body: {
          url: route.url,
          event_types: [
            'user.created',
            'user.updated',
            'user.deleted',
            'organization.created',
            'organizationMembership.created',
          ],
        },
      }),
    );
    secret = endpoint.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    process.env.CLERK_WEBHOOK_SECRET = secret;
    appDb.reset();
  });

  afterAll(async () => {
    await stopServer(latch);
    await route?.close();
    delete process.env.CLERK_WEBHOOK_SECRET;
  });

  it('verifies and handles user.created, user.updated, organization.created, organizationMembership.created and user.deleted', async () => {
    const headers = { 'user-agent': USER_AGENT };
    const user = await expectOk(
      await latch.api('/users', {
        method: 'POST',
        headers,
        body: { email_address: ['ada@example.com'], first_name: 'Ada', last_name: 'Lovelace' },
      }),
    );
    const created = await eventually(() => appDb.usersTable.get(user.id), 20_000, 'user.created handled');
    expect(created).toMatchObject({
      clerkId: user.id,
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect(appDb.welcomeEmails).toEqual(['ada@example.com']);

    await expectOk(await latch.api(`/users/${user.id}`, { method: 'PATCH', headers, body: { first_name: 'Augusta' } }));
    await eventually(() => appDb.usersTable.get(user.id)?.firstName === 'Augusta', 20_000, 'user.updated handled');

    const organization = await expectOk(
      await latch.api('/organizations', {
        method: 'POST',
        headers,
        body: { name: 'Analytical Engines', created_by: user.id },
      }),
    );
    const org = await eventually(
      () => appDb.organizationsTable.get(organization.id),
      20_000,
      'organization.created handled',
    );
    expect(org).toMatchObject({ name: 'Analytical Engines', slug: organization.slug });
    const membership = await eventually(
      () => [...appDb.membershipsTable.values()].find((m) => m.organizationId === organization.id),
      20_000,
      'organizationMembership.created handled',
    );
    expect(membership).toMatchObject({ userId: user.id, role: expect.stringMatching(/admin/) });

    await expectOk(await latch.api(`/users/${user.id}`, { method: 'DELETE', headers }));
    const deleted = await eventually(() => appDb.usersTable.get(user.id)?.deletedAt && appDb.usersTable.get(user.id));
    expect(deleted).toMatchObject({ email: null, firstName: 'Deleted', lastName: 'User' });

    // Every request the route accepted carries Clerk's envelope and Svix's headers.
    const accepted = route.requests.filter((request) => request.status === 200);
    expect(accepted.map((request) => JSON.parse(request.body).type)).toEqual(
      expect.arrayContaining([
        'user.created',
        'user.updated',
        'organization.created',
        'organizationMembership.created',
        'user.deleted',
      ]),
    );
    for (const request of accepted) {
      const event = JSON.parse(request.body);
      expect(event).toMatchObject({
        object: 'event',
        instance_id: latch.server.instance.id,
        event_attributes: { http_request: { client_ip: '127.0.0.1', user_agent: USER_AGENT } },
      });
      expect(typeof event.timestamp).toBe('number');
      expect(request.headers['svix-id']).toMatch(/^msg_/);
      expect(request.headers['webhook-id']).toBe(request.headers['svix-id']);
      expect(request.headers['webhook-signature']).toBe(request.headers['svix-signature']);
    }
    const deletedEvent = accepted.map((request) => JSON.parse(request.body)).find((e) => e.type === 'user.deleted');
    expect(deletedEvent.data).toEqual({ object: 'user', id: user.id, deleted: true });
  });

  it("is accepted by @clerk/backend's and @latch/backend's verifyWebhook", async () => {
    const delivered = route.requests.filter((request) => request.status === 200);
    expect(delivered.length).toBeGreaterThanOrEqual(3);
    for (const { headers, body } of delivered) {
      const clerkEvent = await verifyClerkWebhook(asRequest(headers, body), { signingSecret: secret });
      expect(clerkEvent.type).toBe(JSON.parse(body).type);
      const latchEvent = await verifyLatchWebhook(asRequest(headers, body), { signingSecret: secret });
      expect(latchEvent.data).toEqual(JSON.parse(body).data);
    }
  });

  it('rejects a tampered body and a stale timestamp', async () => {
    const delivered = route.requests.find((request) => request.status === 200);
    if (!delivered) throw new Error('no delivery to tamper with');
    const { headers, body } = delivered;
    const tampered = body.replace('"object":"event"', '"object":"event","extra":1');
    expect(tampered).not.toBe(body);
    await expect(verifyClerkWebhook(asRequest(headers, tampered), { signingSecret: secret })).rejects.toThrow();
    await expect(verifyLatchWebhook(asRequest(headers, tampered), { signingSecret: secret })).rejects.toThrow();
    const tamperedAnswer = await fetch(route.url, { method: 'POST', headers: forwardable(headers), body: tampered });
    expect(tamperedAnswer.status).toBe(400);

    // A correctly signed message whose timestamp is 10 minutes old (outside the ±5 minute window).
    const svixId = headers['svix-id'] as string;
    const staleDate = new Date(Date.now() - 10 * 60 * 1000);
    const staleHeaders = {
      ...headers,
      'svix-timestamp': String(Math.floor(staleDate.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(svixId, staleDate, body),
    };
    expect(() => new Webhook(secret).verify(body, staleHeaders)).toThrow(/timestamp/i);
    await expect(verifyClerkWebhook(asRequest(staleHeaders, body), { signingSecret: secret })).rejects.toThrow();
    const staleAnswer = await fetch(route.url, { method: 'POST', headers: forwardable(staleHeaders), body });
    expect(staleAnswer.status).toBe(400);
  });
});

/** A received request's headers minus the hop-by-hop ones `fetch` sets itself (the length changes with the body). */
function forwardable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !['content-length', 'host', 'connection'].includes(name)),
  );
}

function asRequest(headers: Record<string, string>, body: string): Request {
  return new Request('http://127.0.0.1/api/webhooks/clerk', { method: 'POST', headers: forwardable(headers), body });
}
