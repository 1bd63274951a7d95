import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneAuditLog } from '../../src/domain/audit/prune-audit-log.js';
import { expectOk, type UserBody } from '../bapi/support.js';
import { FapiClient } from '../fapi/support/fapi-client.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { eventually } from './support/eventually.js';
import { FAST_WEBHOOKS } from './support/fast-webhooks.js';
import { stopServer } from './support/stop-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

// biome-ignore lint/suspicious/noExplicitAny: webhook JSON from the wire, asserted field by field.
type Event = { type: string; data: any; event_attributes: any; instance_id: string };

describe.each(DATABASES)('events from sign-up, /v1/me, sessions and email on %s', (database) => {
  let latch: TestServer;
  let receiver: WebhookReceiver;
  const events = () => receiver.received.map((request) => JSON.parse(request.body) as Event);
  const waitForEvent = (type: string, match: (event: Event) => boolean = () => true) =>
    eventually(() => events().find((event) => event.type === type && match(event)), 20_000, type);

  beforeAll(async () => {
    // Behind a proxy that sets X-Forwarded-For, as the FapiClient plays it: events carry the browser's address.
    latch = await startTestServer(database, { ...FAST_WEBHOOKS, trustProxy: 'true' });
    receiver = await startWebhookReceiver(() => 200);
    await expectOk(await latch.api('/webhooks/endpoints', { method: 'POST', body: { url: receiver.url } }));
  });
  afterAll(async () => {
    await stopServer(latch);
    await receiver?.close();
  });

  it('emits email.created, user.created, session.created, user.updated and session.ended for a browser', async () => {
    const browser = new FapiClient(latch.server.url);
    const email = `events-${database}@example.com`;
    const created = await browser.post('/client/sign_ups', {
      email_address: email,
      password: 'correct horse battery staple',
    });
    expect(created.status, created.text).toBe(200);
    const signUpId = created.body.response.id;
    const prepared = await browser.post(`/client/sign_ups/${signUpId}/prepare_verification`, {
      strategy: 'email_code',
    });
    expect(prepared.status, prepared.text).toBe(200);

    // email.created carries the message, code included, so an app can send it itself.
    const mail = await waitForEvent('email.created', (event) => event.data.to_email_address === email);
    expect(mail.data).toMatchObject({
      object: 'email',
      id: expect.stringMatching(/^ema_/),
      to_email_address: email,
      slug: expect.any(String),
      subject: expect.any(String),
      body: expect.stringContaining('<'),
      body_plain: expect.any(String),
      delivered_by_clerk: true,
    });
    expect(mail.event_attributes.http_request).toEqual({ client_ip: browser.ip, user_agent: browser.userAgent });
    const code = mail.data.data.code as string;
    expect(code).toMatch(/^\d{6}$/);

    const attempted = await browser.post(`/client/sign_ups/${signUpId}/attempt_verification`, {
      strategy: 'email_code',
      code,
    });
    expect(attempted.status, attempted.text).toBe(200);
    const userId = attempted.body.response.created_user_id as string;
    const sessionId = attempted.body.response.created_session_id as string;

    const userCreated = await waitForEvent('user.created', (event) => event.data.id === userId);
    expect(userCreated.data).toMatchObject({ object: 'user', email_addresses: [{ email_address: email }] });
    expect(userCreated.data).not.toHaveProperty('password');
    expect(userCreated.event_attributes.http_request).toEqual({ client_ip: browser.ip, user_agent: browser.userAgent });
    const sessionCreated = await waitForEvent('session.created', (event) => event.data.id === sessionId);
    expect(sessionCreated.data).toMatchObject({ object: 'session', user_id: userId, status: 'active' });

    const updated = await browser.patch('/me', { first_name: 'Grace' });
    expect(updated.status, updated.text).toBe(200);
    await waitForEvent('user.updated', (event) => event.data.id === userId && event.data.first_name === 'Grace');

    const ended = await browser.post(`/client/sessions/${sessionId}/end`);
    expect(ended.status, ended.text).toBe(200);
    const sessionEnded = await waitForEvent('session.ended', (event) => event.data.id === sessionId);
    expect(sessionEnded.data.status).toBe('ended');

    // Signed in again with the password, then signed out and forgotten on this browser: removed.
    const signIn = await browser.post('/client/sign_ins', {
      identifier: email,
      password: 'correct horse battery staple',
      strategy: 'password',
    });
    expect(signIn.status, signIn.text).toBe(200);
    const secondSessionId = signIn.body.response.created_session_id as string;
    await waitForEvent('session.created', (event) => event.data.id === secondSessionId);
    const removed = await browser.post(`/client/sessions/${secondSessionId}/remove`);
    expect(removed.status, removed.text).toBe(200);
    const sessionRemoved = await waitForEvent('session.removed', (event) => event.data.id === secondSessionId);
    expect(sessionRemoved.data).toMatchObject({ status: 'removed', user_id: userId });

    // The audit log holds the same events, with the browser's user as the actor and its address.
    const log = await expectOk(await latch.api(`/audit_logs?target_id=${userId}`));
    expect(log.map((entry: { action: string }) => entry.action)).toEqual(['user.updated', 'user.created']);
    expect(log[0]).toMatchObject({
      object: 'audit_log_entry',
      actor: { type: 'user', id: userId },
      target: { type: 'user', id: userId },
      ip_address: browser.ip,
      user_agent: browser.userAgent,
    });
    const sessionLog = await expectOk(
      await latch.api(`/audit_logs?target_id=${sessionId}&action=session.created&action=session.ended`),
    );
    expect(sessionLog.map((entry: { action: string }) => entry.action)).toEqual(['session.ended', 'session.created']);
  });

  it('emits session.created and session.revoked for Backend API calls, with the secret key as the actor', async () => {
    const user = await expectOk(
      await latch.api('/users', { method: 'POST', body: { email_address: [`bapi-${database}@example.com`] } }),
    );
    const session = await expectOk(await latch.api('/sessions', { method: 'POST', body: { user_id: user.id } }));
    await waitForEvent('session.created', (event) => event.data.id === session.id);
    await expectOk(await latch.api(`/sessions/${session.id}/revoke`, { method: 'POST' }));
    const revoked = await waitForEvent('session.revoked', (event) => event.data.id === session.id);
    expect(revoked.data).toMatchObject({ object: 'session', status: 'revoked', user_id: user.id });

    const [entry] = (await expectOk(
      await latch.api(`/audit_logs?target_id=${session.id}&action=session.revoked`),
    )) as UserBody[];
    expect(entry?.actor).toEqual({ type: 'api_key', id: expect.stringMatching(/^sak_/) });
    expect(entry?.ip_address).toBe('127.0.0.1');
  });

  it('filters the audit log by time and pages it', async () => {
    const before = Date.now();
    const user = await expectOk(
      await latch.api('/users', { method: 'POST', body: { email_address: [`page-${database}@example.com`] } }),
    );
    for (const name of ['A', 'B', 'C']) {
      await expectOk(await latch.api(`/users/${user.id}`, { method: 'PATCH', body: { first_name: name } }));
    }
    const since = await expectOk(await latch.api(`/audit_logs?since=${before}&target_id=${user.id}&paginated=true`));
    expect(since.total_count).toBe(4);
    const page = await expectOk(await latch.api(`/audit_logs?since=${before}&target_id=${user.id}&limit=2&offset=1`));
    expect(page.map((entry: { data: { first_name: string } }) => entry.data.first_name)).toEqual(['B', 'A']);
    const iso = new Date(before).toISOString();
    const untilBefore = await expectOk(await latch.api(`/audit_logs?until=${iso}&target_id=${user.id}`));
    expect(untilBefore).toEqual([]);
  });

  it('records nothing for a change that is refused or rolled back', async () => {
    const email = `dupe-${database}@example.com`;
    await expectOk(await latch.api('/users', { method: 'POST', body: { email_address: [email] } }));
    const before = (await expectOk(await latch.api('/audit_logs?paginated=true&limit=1'))).total_count;
    const refused = await latch.api('/users', { method: 'POST', body: { email_address: [email] } });
    expect(refused.status).toBe(422);
    const missing = await latch.api('/users/user_missing', { method: 'PATCH', body: { first_name: 'X' } });
    expect(missing.status).toBe(404);
    expect((await expectOk(await latch.api('/audit_logs?paginated=true&limit=1'))).total_count).toBe(before);
  });

  it('drops events older than the retention period', async () => {
    const total = await expectOk(await latch.api('/audit_logs?paginated=true&limit=1'));
    expect(total.total_count).toBeGreaterThan(0);
    const retentionDays = 90;
    const pruned = await pruneAuditLog(
      latch.server.store,
      Date.now() + (retentionDays + 1) * 86_400_000,
      retentionDays,
    );
    expect(pruned).toBe(total.total_count);
    expect((await expectOk(await latch.api('/audit_logs?paginated=true'))).total_count).toBe(0);
  });
});
