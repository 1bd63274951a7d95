import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { FAST_WEBHOOKS } from './support/fast-webhooks.js';
import { stopServer } from './support/stop-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

describe.each(DATABASES)('webhook endpoints through the Backend API on %s', (database) => {
  let latch: TestServer;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    latch = await startTestServer(database, FAST_WEBHOOKS);
    receiver = await startWebhookReceiver(() => 200);
  });
  afterAll(async () => {
    await stopServer(latch);
    await receiver?.close();
  });

  it('creates, lists, gets, updates, disables, enables and deletes an endpoint', async () => {
    const created = await expectOk(
      await latch.api('/webhooks/endpoints', {
        method: 'POST',
        body: { url: receiver.url, description: 'sync', event_types: ['user.created'], rate_limit: 50 },
      }),
    );
    expect(created).toMatchObject({
      object: 'webhook_endpoint',
      id: expect.stringMatching(/^ep_/),
      url: receiver.url,
      description: 'sync',
      event_types: ['user.created'],
      rate_limit: 50,
      disabled: false,
      disabled_reason: null,
      failing_since: null,
      previous_secret_expires_at: null,
      secret: expect.stringMatching(/^whsec_/),
    });
    const got = await expectOk(await latch.api(`/webhooks/endpoints/${created.id}`));
    expect(got).not.toHaveProperty('secret');
    expect(await expectOk(await latch.api(`/webhooks/endpoints/${created.id}/secret`))).toEqual({
      object: 'webhook_secret',
      endpoint_id: created.id,
      secret: created.secret,
    });

    const listed = await expectOk(await latch.api('/webhooks/endpoints?paginated=true'));
    expect(listed.total_count).toBeGreaterThanOrEqual(1);
    expect(listed.data.map((endpoint: { id: string }) => endpoint.id)).toContain(created.id);

    const updated = await expectOk(
      await latch.api(`/webhooks/endpoints/${created.id}`, {
        method: 'PATCH',
        body: { description: 'changed', event_types: [], rate_limit: null },
      }),
    );
    expect(updated).toMatchObject({ description: 'changed', event_types: [], rate_limit: null, url: receiver.url });

    const disabled = await expectOk(await latch.api(`/webhooks/endpoints/${created.id}/disable`, { method: 'POST' }));
    expect(disabled).toMatchObject({ disabled: true, disabled_reason: 'manual' });
    const enabled = await expectOk(await latch.api(`/webhooks/endpoints/${created.id}/enable`, { method: 'POST' }));
    expect(enabled).toMatchObject({ disabled: false, disabled_reason: null });

    expect(await expectOk(await latch.api(`/webhooks/endpoints/${created.id}`, { method: 'DELETE' }))).toEqual({
      object: 'webhook_endpoint',
      id: created.id,
      deleted: true,
    });
    await expectError(await latch.api(`/webhooks/endpoints/${created.id}`), 404, 'resource_not_found');
  });

  it('does not deliver to a disabled endpoint', async () => {
    const quiet = await startWebhookReceiver(() => 200);
    const loud = await startWebhookReceiver(() => 200);
    try {
      const muted = await expectOk(
        await latch.api('/webhooks/endpoints', { method: 'POST', body: { url: quiet.url, disabled: true } }),
      );
      expect(muted).toMatchObject({ disabled: true, disabled_reason: 'manual' });
      await expectOk(await latch.api('/webhooks/endpoints', { method: 'POST', body: { url: loud.url } }));
      const user = await expectOk(
        await latch.api('/users', { method: 'POST', body: { email_address: ['q@example.com'] } }),
      );
      await loud.waitFor((all) => all.some((request) => JSON.parse(request.body).data.id === user.id));
      expect(quiet.received).toEqual([]);
    } finally {
      await quiet.close();
      await loud.close();
    }
  });

  it('signs with both secrets during a rotation overlap, then with the new one only', async () => {
    const rotating = await startWebhookReceiver(() => 200);
    try {
      const endpoint = await expectOk(
        await latch.api('/webhooks/endpoints', {
          method: 'POST',
          body: { url: rotating.url, event_types: ['user.updated'] },
        }),
      );
      const rotated = await expectOk(
        await latch.api(`/webhooks/endpoints/${endpoint.id}/secret/rotate`, {
          method: 'POST',
          body: { overlap_seconds: 3600 },
        }),
      );
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(endpoint.secret);
      expect(rotated.previous_secret_expires_at).toBeGreaterThan(Date.now());

      const user = await expectOk(
        await latch.api('/users', { method: 'POST', body: { email_address: ['r@example.com'] } }),
      );
      await expectOk(await latch.api(`/users/${user.id}`, { method: 'PATCH', body: { first_name: 'Rot' } }));
      const [during] = await rotating.waitFor((all) => all.length >= 1);
      expect(during?.headers['svix-signature']?.split(' ')).toHaveLength(2);
      // A receiver holding either secret verifies the same message.
      for (const secret of [endpoint.secret, rotated.secret]) {
        expect(new Webhook(secret).verify(during?.body ?? '', during?.headers ?? {})).toMatchObject({
          type: 'user.updated',
        });
      }

      // Rotating again with no overlap retires both older secrets at once.
      const final = await expectOk(
        await latch.api(`/webhooks/endpoints/${endpoint.id}/secret/rotate`, {
          method: 'POST',
          body: { overlap_seconds: 0 },
        }),
      );
      expect(final.previous_secret_expires_at).toBeNull();
      await expectOk(await latch.api(`/users/${user.id}`, { method: 'PATCH', body: { first_name: 'Tor' } }));
      const received = await rotating.waitFor((all) => all.length >= 2);
      const after = received[1];
      expect(after?.headers['svix-signature']?.split(' ')).toHaveLength(1);
      expect(new Webhook(final.secret).verify(after?.body ?? '', after?.headers ?? {})).toMatchObject({
        data: { first_name: 'Tor' },
      });
      expect(() => new Webhook(endpoint.secret).verify(after?.body ?? '', after?.headers ?? {})).toThrow();
    } finally {
      await rotating.close();
    }
  });

  it('accepts a secret brought from elsewhere (moving from Clerk)', async () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    const endpoint = await expectOk(
      await latch.api('/webhooks/endpoints', { method: 'POST', body: { url: receiver.url, secret } }),
    );
    expect(endpoint.secret).toBe(secret);
  });

  it('lists the event types an endpoint can subscribe to', async () => {
    const types = await expectOk(await latch.api('/webhooks/event_types'));
    expect(types.data).toEqual(expect.arrayContaining(['user.created', 'session.revoked', 'email.created']));
  });
});

describe.each(DATABASES)('webhook endpoint bad input on %s', (database) => {
  let development: TestServer;

  beforeAll(async () => {
    development = await startTestServer(database);
  });
  afterAll(async () => {
    await stopServer(development);
  });

  const create = (latch: TestServer, body: unknown) => latch.api('/webhooks/endpoints', { method: 'POST', body });

  it('refuses URLs that are not http(s)', async () => {
    for (const url of ['ftp://example.com/hook', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', '//x.com']) {
      await expectError(await create(development, { url }), 422, 'form_param_format_invalid', 'url');
    }
    await expectError(
      await create(development, { url: 'https://user:pass@example.com/hook' }),
      422,
      'form_param_format_invalid',
      'url',
    );
    await expectError(await create(development, {}), 422, 'form_param_missing', 'url');
    await expectError(
      await create(development, { url: `https://example.com/${'a'.repeat(3000)}` }),
      422,
      'form_param_max_length_exceeded',
      'url',
    );
  });

  it('refuses unknown event types and oversize filters', async () => {
    await expectError(
      await create(development, { url: 'https://example.com/hook', event_types: ['user.exploded'] }),
      422,
      'form_param_value_invalid',
      'event_types',
    );
    await expectError(
      await create(development, { url: 'https://example.com/hook', event_types: Array(51).fill('user.created') }),
      422,
      'form_param_max_length_exceeded',
      'event_types',
    );
    await expectError(
      await create(development, { url: 'https://example.com/hook', event_types: 'user.created' }),
      422,
      'form_param_format_invalid',
      'event_types',
    );
  });

  it('refuses bad rate limits, secrets, unknown fields and bodies', async () => {
    await expectError(
      await create(development, { url: 'https://example.com/hook', rate_limit: 0 }),
      422,
      'form_param_min_length_not_reached',
      'rate_limit',
    );
    await expectError(
      await create(development, { url: 'https://example.com/hook', secret: 'whsec_short' }),
      422,
      'form_param_format_invalid',
      'secret',
    );
    await expectError(
      await create(development, { url: 'https://example.com/hook', colour: 'red' }),
      422,
      'form_param_unknown',
      'colour',
    );
    await expectError(
      await development.api('/webhooks/endpoints', { method: 'POST', rawBody: '{"url":' }),
      400,
      'malformed_request_body',
    );
    await expectError(await development.api('/webhooks/endpoints/ep_missing'), 404, 'resource_not_found');
    await expectError(
      await development.api('/webhooks/endpoints/ep_missing/replay', { method: 'POST', body: { since: 0 } }),
      404,
      'resource_not_found',
    );
    await expectError(
      await development.api('/webhooks/endpoints/ep_missing/secret/rotate', {
        method: 'POST',
        body: { overlap_seconds: -1 },
      }),
      422,
      'form_param_min_length_not_reached',
      'overlap_seconds',
    );
  });

  it('allows private-network targets on development instances, refuses them where forbidden', async () => {
    await expectOk(await create(development, { url: 'http://127.0.0.1:9/hook' }));
    const forbidding = await startTestServer(database, { webhookAllowPrivateNetworks: false });
    try {
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost/hook',
        'http://10.1.2.3/hook',
        'http://192.168.0.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
      ]) {
        await expectError(await create(forbidding, { url }), 422, 'form_param_value_invalid', 'url');
      }
      await expectOk(await create(forbidding, { url: 'https://example.com/hook' }));
      const endpoint = await expectOk(await create(forbidding, { url: 'https://example.com/hook' }));
      await expectError(
        await forbidding.api(`/webhooks/endpoints/${endpoint.id}`, {
          method: 'PATCH',
          body: { url: 'http://127.0.0.1/x' },
        }),
        422,
        'form_param_value_invalid',
        'url',
      );
    } finally {
      await stopServer(forbidding);
    }
  });
});
