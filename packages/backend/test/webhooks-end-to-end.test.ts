import {
  createLatchClient,
  isLatchAPIResponseError,
  type LatchClient,
  verifyWebhook,
  type WebhookEvent,
} from '@latch/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WEBHOOKS } from '../../server/test/webhooks/support/fast-webhooks.js';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../server/test/webhooks/support/webhook-receiver.js';
import { apiUrlOf, PASSWORD, startLatch, stopLatch, type TestServer, unique } from './support/latch.js';

/** The app's webhook route: rebuilds the Request and runs verifyWebhook on it, 200 when it verifies. */
function verifyingRoute(secrets: () => string, verified: WebhookEvent[]) {
  return async (received: ReceivedWebhook): Promise<number> => {
    const headers = Object.fromEntries(Object.entries(received.headers).filter(([name]) => name.startsWith('svix-')));
    const request = new Request('http://127.0.0.1/webhooks', { method: 'POST', headers, body: received.body });
    try {
      verified.push(await verifyWebhook(request, { signingSecret: secrets() }));
      return 200;
    } catch {
      return 400;
    }
  };
}

/**
 * Latch's own delivery worker signs, the SDK verifies: endpoints managed through `latch.webhooks`,
 * events produced by `latch.users`, deliveries checked by `verifyWebhook` in a real HTTP receiver.
 */
describe('webhooks end to end: latch.webhooks + delivery worker + verifyWebhook (SQLite)', () => {
  let t: TestServer;
  let latch: LatchClient;
  let receiver: WebhookReceiver;
  let secret = '';
  const verified: WebhookEvent[] = [];

  beforeAll(async () => {
    t = await startLatch('sqlite', FAST_WEBHOOKS);
    latch = createLatchClient({ secretKey: t.secretKey, apiUrl: apiUrlOf(t) });
    receiver = await startWebhookReceiver(verifyingRoute(() => secret, verified));
  });
  afterAll(async () => {
    await receiver?.close();
    await stopLatch(t);
  });

  it('an endpoint created with the client receives user.created, signed so that verifyWebhook accepts it', async () => {
    expect(await latch.webhooks.getEventTypes()).toContain('user.created');
    const endpoint = await latch.webhooks.createWebhookEndpoint({
      url: receiver.url,
      description: 'sdk test',
      eventTypes: ['user.created', 'user.updated'],
    });
    expect(endpoint).toMatchObject({
      object: 'webhook_endpoint',
      url: receiver.url,
      eventTypes: ['user.created', 'user.updated'],
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    secret = endpoint.secret;
    expect((await latch.webhooks.getWebhookEndpointSecret(endpoint.id)).secret).toBe(secret);

    const user = await latch.users.createUser({ emailAddress: [`${unique('hook')}@example.com`], password: PASSWORD });
    await receiver.waitFor((all) => all.some((request) => request.status === 200 && request.body.includes(user.id)));
    const event = verified.find((item) => item.type === 'user.created' && item.data.id === user.id);
    expect(event).toMatchObject({ object: 'event', type: 'user.created', data: { object: 'user', id: user.id } });

    const messages = await latch.webhooks.getWebhookMessageList(endpoint.id);
    expect(
      messages.data.some((message) => message.eventType === 'user.created' && message.status === 'succeeded'),
    ).toBe(true);
    const attempts = await latch.webhooks.getWebhookAttemptList(endpoint.id);
    expect(attempts.data[0]).toMatchObject({ object: 'webhook_attempt', status: 'succeeded', responseStatusCode: 200 });

    // A wrong secret on the app's side: the same kind of delivery is refused (400).
    const rightSecret = secret;
    secret = `whsec_${btoa('not the endpoint secret at all')}`;
    const other = await latch.users.updateUser(user.id, { firstName: 'Changed' });
    await receiver.waitFor((all) => all.some((request) => request.status === 400 && request.body.includes(other.id)));
    secret = rightSecret;

    const disabled = await latch.webhooks.disableWebhookEndpoint(endpoint.id);
    expect(disabled).toMatchObject({ disabled: true, disabledReason: 'manual' });
    expect((await latch.webhooks.enableWebhookEndpoint(endpoint.id)).disabled).toBe(false);
    expect(await latch.webhooks.deleteWebhookEndpoint(endpoint.id)).toMatchObject({ id: endpoint.id, deleted: true });
    const gone = await latch.webhooks.getWebhookEndpoint(endpoint.id).catch((error: unknown) => error);
    expect(isLatchAPIResponseError(gone) && gone.status).toBe(404);
  });

  it('a bad endpoint URL is a typed 422 naming url', async () => {
    const error = await latch.webhooks
      .createWebhookEndpoint({ url: 'ftp://example.com/hook' })
      .catch((caught: unknown) => caught);
    expect(isLatchAPIResponseError(error)).toBe(true);
    if (!isLatchAPIResponseError(error)) return;
    expect(error.status).toBe(422);
    expect(error.errors[0]?.meta?.paramName).toBe('url');
  });
});
