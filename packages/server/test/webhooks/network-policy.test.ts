import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/domain/webhooks/network-policy.js';
import { sendWebhookRequest } from '../../src/domain/webhooks/send-webhook-request.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

describe('private-network targets at delivery time', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(() => 200);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const send = (url: string, allowPrivateNetworks: boolean) =>
    sendWebhookRequest({ url, headers: {}, body: '{}', timeoutMs: 2000, allowPrivateNetworks });

  it('refuses a loopback address and a name resolving to one when private networks are forbidden', async () => {
    const port = new URL(receiver.url).port;
    const literal = await send(receiver.url, false);
    expect(literal).toMatchObject({ statusCode: null, error: expect.stringMatching(/private network/) });
    const named = await send(`http://localhost:${port}/webhooks`, false);
    expect(named).toMatchObject({ statusCode: null, error: expect.stringMatching(/private network/) });
    expect(receiver.received).toEqual([]);

    const allowed = await send(receiver.url, true);
    expect(allowed).toMatchObject({ statusCode: 200, body: 'ok', error: null });
    expect(receiver.received).toHaveLength(1);
  });

  it('classifies addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
      '100.64.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});
