import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { expectError, expectOk } from '../support.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire, asserted field by field.
type Message = Record<string, any>;

/**
 * Sends a real email through the server: a browser starts a sign-up and asks for an email code, which
 * the development mailer (no SMTP configured) prints and keeps in the inbox.
 */
async function sendVerificationCode(t: TestServer, emailAddress: string): Promise<void> {
  const headers = { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' };
  const created = await fetch(`${t.server.url}/v1/client/sign_ups`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ email_address: emailAddress, password: `inbox ${randomBytes(8).toString('hex')} pw` }),
  });
  expect(created.status, await created.clone().text()).toBe(200);
  const cookie = created.headers
    .getSetCookie()
    .map((raw) => raw.split(';')[0])
    .join('; ');
  const { response } = (await created.json()) as { response: { id: string } };
  const prepared = await fetch(`${t.server.url}/v1/client/sign_ups/${response.id}/prepare_verification`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: new URLSearchParams({ strategy: 'email_code' }),
  });
  expect(prepared.status, await prepared.clone().text()).toBe(200);
}

describe.each(DATABASES)('Backend API GET /email_messages, the development inbox [%s]', (database) => {
  let t: TestServer;
  const tag = randomBytes(4).toString('hex');
  const ada = `ada.${tag}@example.com`;
  const bob = `bob.${tag}@example.com`;
  beforeAll(async () => {
    t = await startTestServer(database);
    await sendVerificationCode(t, ada);
    await sendVerificationCode(t, bob);
    await sendVerificationCode(t, ada);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists every sent message, newest first, with what the recipient saw', async () => {
    const messages = (await expectOk(await t.api('/email_messages'))) as unknown as Message[];
    expect(messages.map((message) => message.to)).toEqual([ada, bob, ada]);
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(
        ['object', 'id', 'to', 'template', 'subject', 'text', 'html', 'created_at'].sort(),
      );
      expect(message.object).toBe('email_message');
      expect(message.id).toMatch(/^ema_/);
      expect(message.template).toBe('verification_code');
      expect(message.subject.length).toBeGreaterThan(0);
      const code = /\b(\d{6})\b/.exec(message.text)?.[1];
      expect(code, message.text).toBeDefined();
      expect(message.html).toContain(code);
      expect(Number.isInteger(message.created_at)).toBe(true);
    }
    const times = messages.map((message) => message.created_at as number);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by recipient and pages with limit and offset', async () => {
    const all = (await expectOk(await t.api('/email_messages'))) as unknown as Message[];
    const toAda = (await expectOk(
      await t.api(`/email_messages?to=${encodeURIComponent(ada)}`),
    )) as unknown as Message[];
    expect(toAda.map((message) => message.id)).toEqual(all.filter((message) => message.to === ada).map((m) => m.id));
    expect(toAda).toHaveLength(2);
    const page = (await expectOk(await t.api('/email_messages?limit=1&offset=1'))) as unknown as Message[];
    expect(page.map((message) => message.id)).toEqual([all[1]?.id]);
    expect(await expectOk(await t.api('/email_messages?to=nobody%40example.com'))).toEqual([]);
  });

  it('rejects bad parameters, naming them', async () => {
    await expectError(await t.api('/email_messages?limit=0'), 422, 'form_param_min_length_not_reached', 'limit');
    await expectError(await t.api('/email_messages?limit=501'), 422, 'form_param_max_length_exceeded', 'limit');
    await expectError(await t.api('/email_messages?offset=-1'), 422, 'form_param_min_length_not_reached', 'offset');
    await expectError(await t.api('/email_messages?limit=ten'), 422, 'form_param_format_invalid', 'limit');
    await expectError(await t.api('/email_messages?recipient=x'), 422, 'form_param_unknown', 'recipient');
  });

  it('needs the secret key', async () => {
    expect((await fetch(`${t.server.url}/api/v1/email_messages`)).status).toBe(401);
  });
});

describe.each(DATABASES)('Backend API GET /email_messages on a production instance [%s]', (database) => {
  let sink: SMTPSink;
  let t: TestServer;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startTestServer(database, {
      instanceType: 'production',
      frontendApiUrl: 'https://clerk.example.test',
      smtpUrl: sink.url,
      emailFrom: 'no-reply@example.test',
    });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('does not exist: 404 feature_not_enabled', async () => {
    await expectError(await t.api('/email_messages'), 404, 'feature_not_enabled');
  });
});
