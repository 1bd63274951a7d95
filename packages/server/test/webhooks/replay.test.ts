import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk, type UserBody } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { eventually } from './support/eventually.js';
import { FAST_WEBHOOKS } from './support/fast-webhooks.js';
import { stopServer } from './support/stop-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

describe.each(DATABASES)('the delivery log, resend and replay on %s', (database) => {
  let latch: TestServer;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    latch = await startTestServer(database, FAST_WEBHOOKS);
  });
  afterAll(async () => {
    await stopServer(latch);
    for (const receiver of receivers) await receiver.close();
  });

  async function receiver() {
    const started = await startWebhookReceiver(() => 200);
    receivers.push(started);
    return started;
  }

  it('resends one message with the same svix-id and logs both attempts', async () => {
    const target = await receiver();
    const endpoint = await expectOk(
      await latch.api('/webhooks/endpoints', {
        method: 'POST',
        body: { url: target.url, event_types: ['user.created'] },
      }),
    );
    await expectOk(await latch.api('/users', { method: 'POST', body: { email_address: ['resend@example.com'] } }));
    const [first] = await target.waitFor((all) => all.length === 1);
    const messageId = first?.headers['svix-id'] as string;

    const resent = await expectOk(
      await latch.api(`/webhooks/endpoints/${endpoint.id}/messages/${messageId}/resend`, { method: 'POST' }),
    );
    expect(resent).toMatchObject({ object: 'webhook_message', id: messageId, status: 'pending', attempts: 0 });
    const received = await target.waitFor((all) => all.length === 2);
    expect(received[1]?.headers['svix-id']).toBe(messageId);
    expect(received[1]?.body).toBe(first?.body);

    const attempts = await eventually(async () => {
      const log = await expectOk(
        await latch.api(`/webhooks/endpoints/${endpoint.id}/attempts?message_id=${messageId}`),
      );
      return log.length === 2 && (log as UserBody[]);
    });
    expect(attempts.every((attempt) => attempt.status === 'succeeded' && attempt.message_id === messageId)).toBe(true);
    await expectError(
      await latch.api(`/webhooks/endpoints/${endpoint.id}/messages/msg_unknown/resend`, { method: 'POST' }),
      404,
      'resource_not_found',
    );
  });

  it('replays every matching event since a time, to an endpoint created afterwards', async () => {
    const since = Date.now();
    const users: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      const user = await expectOk(
        await latch.api('/users', { method: 'POST', body: { email_address: [`replay-${name}@example.com`] } }),
      );
      users.push(user.id);
    }
    await expectOk(await latch.api(`/users/${users[0]}`, { method: 'PATCH', body: { first_name: 'Late' } }));

    const late = await receiver();
    const endpoint = await expectOk(
      await latch.api('/webhooks/endpoints', {
        method: 'POST',
        body: { url: late.url, event_types: ['user.created'] },
      }),
    );
    // Created after the events: nothing arrives until a replay asks for them.
    const messages = await expectOk(await latch.api(`/webhooks/endpoints/${endpoint.id}/messages`));
    expect(messages).toEqual([]);

    const replay = await expectOk(
      await latch.api(`/webhooks/endpoints/${endpoint.id}/replay`, {
        method: 'POST',
        body: { since: new Date(since).toISOString() },
      }),
    );
    expect(replay).toEqual({ object: 'webhook_replay', endpoint_id: endpoint.id, messages: 3 });
    const received = await late.waitFor((all) => all.length === 3);
    expect(received.map((request) => JSON.parse(request.body).data.id).sort()).toEqual([...users].sort());
    expect(received.every((request) => JSON.parse(request.body).type === 'user.created')).toBe(true);

    await expectError(
      await latch.api(`/webhooks/endpoints/${endpoint.id}/replay`, { method: 'POST', body: { since: 'yesterday' } }),
      422,
      'form_param_format_invalid',
      'since',
    );
    await expectError(
      await latch.api(`/webhooks/endpoints/${endpoint.id}/replay`, {
        method: 'POST',
        body: { since: Date.now(), until: Date.now() - 1000 },
      }),
      422,
      'form_param_value_invalid',
      'until',
    );
  });
});
