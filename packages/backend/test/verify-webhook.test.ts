import { randomBytes } from 'node:crypto';
import { verifyWebhook, WebhookVerificationError } from '@latch/backend/webhooks';
import { Webhook } from 'svix';
import { describe, expect, it } from 'vitest';

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const event = {
  data: { id: 'user_29w83sxmDNGwOuEthce5gg56FcC', object: 'user', first_name: 'Ada', public_metadata: {} },
  object: 'event',
  type: 'user.created',
  timestamp: 1716883200,
  instance_id: 'ins_123',
  event_attributes: { http_request: { client_ip: '203.0.113.1', user_agent: 'curl/8' } },
};

/** A webhook delivery as Latch's worker sends it, signed by the real `svix` package. */
function delivery(
  options: {
    body?: string;
    signingSecret?: string;
    at?: Date;
    id?: string;
    names?: 'svix' | 'webhook';
    signature?: (signed: string) => string;
  } = {},
): Request {
  const body = options.body ?? JSON.stringify(event);
  const id = options.id ?? `msg_${randomBytes(8).toString('hex')}`;
  const at = options.at ?? new Date();
  const signed = new Webhook(options.signingSecret ?? secret).sign(id, at, body);
  const prefix = options.names ?? 'svix';
  return new Request('https://app.example.test/api/webhooks', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
      [`${prefix}-signature`]: options.signature ? options.signature(signed) : signed,
    },
    body,
  });
}

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected verification to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return error as WebhookVerificationError;
}

describe('verifyWebhook with messages signed by svix', () => {
  it('returns the parsed event for a valid svix-* delivery', async () => {
    expect(await verifyWebhook(delivery(), { signingSecret: secret })).toEqual(event);
  });

  it('accepts the Standard Webhooks webhook-* header names too', async () => {
    expect((await verifyWebhook(delivery({ names: 'webhook' }), { signingSecret: secret })).type).toBe('user.created');
  });

  it('accepts any one of several signatures (key rotation), ignoring unknown versions', async () => {
    const request = delivery({ signature: (signed) => `v1,${randomBytes(32).toString('base64')} v2,abc ${signed}` });
    expect((await verifyWebhook(request, { signingSecret: secret })).data.id).toBe(event.data.id);
  });

  it('keeps the body byte for byte: unicode and whitespace are part of what is signed', async () => {
    const body = JSON.stringify({ ...event, data: { ...event.data, first_name: 'Zoë 🚀' } }, null, 2);
    expect((await verifyWebhook(delivery({ body }), { signingSecret: secret })).data.first_name).toBe('Zoë 🚀');
  });

  it('refuses a tampered body', async () => {
    const original = delivery();
    const tampered = new Request(original.url, {
      method: 'POST',
      headers: original.headers,
      body: JSON.stringify({ ...event, type: 'user.deleted' }),
    });
    expect((await rejection(verifyWebhook(tampered, { signingSecret: secret }))).code).toBe('invalid_signature');
  });

  it('refuses a signature made with another secret, or for another message id', async () => {
    const otherSecret = `whsec_${randomBytes(24).toString('base64')}`;
    expect(
      (await rejection(verifyWebhook(delivery({ signingSecret: otherSecret }), { signingSecret: secret }))).code,
    ).toBe('invalid_signature');
    const original = delivery();
    const headers = new Headers(original.headers);
    headers.set('svix-id', 'msg_replayed_under_another_id');
    const moved = new Request(original.url, { method: 'POST', headers, body: await original.text() });
    expect((await rejection(verifyWebhook(moved, { signingSecret: secret }))).code).toBe('invalid_signature');
  });

  it('refuses stale and future timestamps (5-minute tolerance) even with a valid signature', async () => {
    const stale = delivery({ at: new Date(Date.now() - 6 * 60 * 1000) });
    expect((await rejection(verifyWebhook(stale, { signingSecret: secret }))).code).toBe('timestamp_too_old');
    const future = delivery({ at: new Date(Date.now() + 6 * 60 * 1000) });
    expect((await rejection(verifyWebhook(future, { signingSecret: secret }))).code).toBe('timestamp_too_new');
    const recent = delivery({ at: new Date(Date.now() - 4 * 60 * 1000) });
    expect((await verifyWebhook(recent, { signingSecret: secret })).type).toBe('user.created');
  });

  it('refuses missing headers, a malformed signature list and a missing secret', async () => {
    const bare = new Request('https://app.example.test/hook', { method: 'POST', body: '{}' });
    expect((await rejection(verifyWebhook(bare, { signingSecret: secret }))).code).toBe('missing_headers');
    const garbage = delivery({ signature: () => 'v1,%%% nonsense v1' });
    expect((await rejection(verifyWebhook(garbage, { signingSecret: secret }))).code).toBe('invalid_signature');
    expect((await rejection(verifyWebhook(delivery(), { signingSecret: '' }))).code).toBe('missing_secret');
  });
});
