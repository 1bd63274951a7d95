import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, type UserBody } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { eventually } from './support/eventually.js';
import { FAST_WEBHOOKS } from './support/fast-webhooks.js';
import { stopServer } from './support/stop-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

describe.each(DATABASES)('retries and misbehaving receivers on %s', (database) => {
  let latch: TestServer;
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    latch = await startTestServer(database, { ...FAST_WEBHOOKS, webhookAttemptTimeoutMs: 300 });
  });
  afterAll(async () => {
    for (const close of cleanup) await close();
    await stopServer(latch);
  });

  async function receiver(respond: Parameters<typeof startWebhookReceiver>[0]): Promise<WebhookReceiver> {
    const started = await startWebhookReceiver(respond);
    cleanup.push(started.close);
    return started;
  }

  async function addEndpoint(url: string, eventTypes = ['user.created']) {
    return expectOk(await latch.api('/webhooks/endpoints', { method: 'POST', body: { url, event_types: eventTypes } }));
  }

  async function createUser(email: string) {
    return expectOk(await latch.api('/users', { method: 'POST', body: { email_address: [email] } }));
  }

  it('a receiver failing the first attempts gets the message later, with the same svix-id', async () => {
    const FAILURES = 3;
    const flaky = await receiver((_request, index) => (index < FAILURES ? 503 : 200));
    const endpoint = await addEndpoint(flaky.url);
    const user = await createUser('flaky@example.com');

    const received = await flaky.waitFor((all) => all.some((request) => request.status === 200));
    expect(received.map((request) => request.status)).toEqual([503, 503, 503, 200]);
    const ids = new Set(received.map((request) => request.headers['svix-id']));
    expect(ids.size).toBe(1);
    expect(JSON.parse(received[3]?.body ?? '{}').data.id).toBe(user.id);
    // Each retry is signed afresh: its own timestamp, a valid signature for it.
    expect(received.every((request) => request.headers['svix-signature']?.startsWith('v1,'))).toBe(true);

    const attempts = await eventually(async () => {
      const log = await expectOk(await latch.api(`/webhooks/endpoints/${endpoint.id}/attempts?paginated=true`));
      return log.data.length === FAILURES + 1 && log;
    });
    expect(attempts.data.map((attempt: { response_status_code: number }) => attempt.response_status_code)).toEqual([
      200, 503, 503, 503,
    ]);
    expect(attempts.data[0]).toMatchObject({ status: 'succeeded', response_body: 'ok', error: null });
    expect(attempts.data[1]).toMatchObject({ status: 'failed', response_body: 'no' });
    const [message] = (await expectOk(await latch.api(`/webhooks/endpoints/${endpoint.id}/messages`))) as {
      id: string;
      status: string;
      attempts: number;
    }[];
    expect(message).toMatchObject({
      id: [...ids][0],
      status: 'succeeded',
      attempts: FAILURES + 1,
      event_type: 'user.created',
    });
  });

  it('gives up after the last scheduled retry and marks the message failed', async () => {
    const down = await receiver(() => 500);
    const endpoint = await addEndpoint(down.url);
    await createUser('down@example.com');
    const schedule = String(FAST_WEBHOOKS.webhookRetryScheduleMs).split(',').length;
    await down.waitFor((all) => all.length === schedule);
    const [message] = await eventually(async () => {
      const messages = await expectOk(await latch.api(`/webhooks/endpoints/${endpoint.id}/messages?status=failed`));
      return messages.length === 1 && (messages as UserBody[]);
    });
    expect(message).toMatchObject({ status: 'failed', attempts: schedule, next_attempt_at: null });
  });

  it('counts a hanging, a garbage-speaking and a redirecting receiver as failed attempts, and keeps delivering', async () => {
    const hanging = await rawServer((socket) => socket.on('data', () => {}));
    const garbage = await rawServer((socket) => socket.once('data', () => socket.end('this is not HTTP\r\n\r\n')));
    const redirecting = await receiver(() => 200);
    const redirect = await rawServer((socket) =>
      socket.once('data', () =>
        socket.end(`HTTP/1.1 307 Temporary Redirect\r\nLocation: ${redirecting.url}\r\nContent-Length: 0\r\n\r\n`),
      ),
    );
    const healthy = await receiver(() => 200);
    const endpoints = {
      hanging: await addEndpoint(hanging.url),
      garbage: await addEndpoint(garbage.url),
      redirect: await addEndpoint(redirect.url),
      healthy: await addEndpoint(healthy.url),
    };
    const user = await createUser('misbehaving@example.com');

    await healthy.waitFor((all) => all.some((request) => JSON.parse(request.body).data.id === user.id));
    for (const [kind, endpoint] of Object.entries(endpoints).filter(([kind]) => kind !== 'healthy')) {
      const attempts = await eventually(async () => {
        const log = await expectOk(await latch.api(`/webhooks/endpoints/${endpoint.id}/attempts`));
        return log.length >= 2 && (log as UserBody[]);
      });
      for (const attempt of attempts) {
        expect(attempt.status, kind).toBe('failed');
        expect(attempt.error, kind).toEqual(expect.any(String));
      }
      if (kind === 'hanging') expect(attempts[0]?.error).toMatch(/timed out/);
      if (kind === 'redirect') {
        expect(attempts[0]).toMatchObject({ response_status_code: 307 });
        expect(attempts[0]?.error).toMatch(/redirect/);
      }
    }
    // The redirect was never followed.
    expect(redirecting.received).toEqual([]);
    // And the worker is not stuck: a later event still reaches the healthy receiver.
    const later = await createUser('later@example.com');
    await healthy.waitFor((all) => all.some((request) => JSON.parse(request.body).data.id === later.id));
  });

  it('disables an endpoint that keeps failing past the limit, and records endpoint.disabled', async () => {
    const quick = await startTestServer(database, { ...FAST_WEBHOOKS, webhookDisableAfterMs: 150 });
    cleanup.push(() => stopServer(quick));
    const down = await receiver(() => 500);
    const endpoint = await expectOk(
      await quick.api('/webhooks/endpoints', {
        method: 'POST',
        body: { url: down.url, event_types: ['user.created'] },
      }),
    );
    await expectOk(await quick.api('/users', { method: 'POST', body: { email_address: ['gone@example.com'] } }));
    const disabled = await eventually(async () => {
      const current = await expectOk(await quick.api(`/webhooks/endpoints/${endpoint.id}`));
      return current.disabled && current;
    });
    expect(disabled).toMatchObject({ disabled: true, disabled_reason: 'failing', failing_since: expect.any(Number) });
    const log = await expectOk(await quick.api('/audit_logs?action=endpoint.disabled'));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'endpoint.disabled',
      actor: { type: 'system', id: null },
      target: { type: 'webhook_endpoint', id: endpoint.id },
    });
    // Enabling it again clears the failure streak.
    const enabled = await expectOk(await quick.api(`/webhooks/endpoints/${endpoint.id}/enable`, { method: 'POST' }));
    expect(enabled).toMatchObject({ disabled: false, disabled_reason: null, failing_since: null });
  });
});

/** A TCP server speaking whatever `onConnection` makes it speak: for receivers that are not HTTP servers. */
async function rawServer(onConnection: (socket: import('node:net').Socket) => void): Promise<{ url: string }> {
  const server: Server = createServer((socket) => {
    // A request can arrive in several chunks; a peer that already ended must not fail the run on the next.
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}/webhooks` };
}
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});
