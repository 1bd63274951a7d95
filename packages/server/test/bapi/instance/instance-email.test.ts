import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { assertMailSettingsUsable } from '../../../src/domain/instance-email-settings.js';
import { SETTINGS_WATCH_INTERVAL_MS } from '../../../src/domain/instance-settings-watch.js';
import { silentLogger } from '../../../src/logger.js';
import { EMPTY_STORED_MAIL_SETTINGS } from '../../../src/mail/stored-mail-settings.js';
import { type RunningServer, startServer } from '../../../src/start-server.js';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { expectError, expectOk } from '../support.js';
import { asBearer, operatorBearer } from './operator-bearer.js';

describe.each(DATABASES)('Backend API email settings and test send [%s]', (database) => {
  let t: TestServer;
  let sink: SMTPSink;
  let admin: ReturnType<typeof asBearer>;
  let support: ReturnType<typeof asBearer>;
  beforeAll(async () => {
    t = await startTestServer(database);
    sink = await startSMTPSink({ rejectRecipient: (address) => address.startsWith('bounce@') });
    admin = asBearer(t, (await operatorBearer(t, 'admin')).bearer);
    support = asBearer(t, (await operatorBearer(t, 'support')).bearer);
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  const patch = (body: unknown) => admin('/instance/email', { method: 'PATCH', body });
  const sendTest = (to: string) => admin('/instance/email/test', { method: 'POST', body: { to } });

  it('starts from the environment: nothing saved, mail only printed (development)', async () => {
    expect(await expectOk(await t.api('/instance/email'))).toEqual({
      object: 'email_settings',
      host: null,
      port: null,
      secure: false,
      username: null,
      password_set: false,
      from_address: null,
      source: 'none',
      server: null,
      from: null,
      environment: { server: null, from_address: null },
    });
    // A test send without SMTP lands in the dev inbox.
    const sent = await expectOk(await sendTest('inbox@example.com'));
    expect(sent).toMatchObject({ object: 'test_email', to: 'inbox@example.com', source: 'none', server: null });
    const messages = await expectOk(await t.api('/email_messages?to=inbox@example.com'));
    const message = messages[0];
    expect(message).toMatchObject({ id: sent.id, template: 'test_email', subject: 'Test email from Latch' });
  });

  it('keeps the password write-only and forgets it when the host changes', async () => {
    const saved = await expectOk(
      await patch({ host: 'SMTP.Example.com', port: 2525, username: 'mailer', password: 's3cr3t:@/pass' }),
    );
    expect(saved).toMatchObject({
      host: 'smtp.example.com',
      port: 2525,
      username: 'mailer',
      password_set: true,
      source: 'instance',
      server: 'smtp://smtp.example.com:2525',
    });
    expect(JSON.stringify(saved)).not.toContain('s3cr3t');
    expect(JSON.stringify(await expectOk(await t.api('/instance/email')))).not.toContain('s3cr3t');
    // The settings audit event does not carry it either.
    const events = await expectOk(await t.api('/audit_logs?action=instance.settings_updated'));
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('s3cr3t');
    // Other fields change without touching the password…
    expect(await expectOk(await patch({ port: 587 }))).toMatchObject({ port: 587, password_set: true });
    // …a new host drops it: it was meant for the other server.
    expect(await expectOk(await patch({ host: 'mail.example.org' }))).toMatchObject({
      host: 'mail.example.org',
      username: 'mailer',
      password_set: false,
    });
    expect(await expectOk(await patch({ host: null, username: null, port: null }))).toMatchObject({
      host: null,
      source: 'none',
    });
  });

  it('sends a test message through saved SMTP settings, at once', async () => {
    const saved = await expectOk(
      await patch({ host: '127.0.0.1', port: sink.port, secure: false, from_address: 'Acme Support <help@acme.test>' }),
    );
    expect(saved).toMatchObject({ source: 'instance', server: `smtp://127.0.0.1:${sink.port}`, password_set: false });
    const sent = await expectOk(await sendTest('ops@example.com'));
    expect(sent).toMatchObject({ source: 'instance', server: `smtp://127.0.0.1:${sink.port}`, to: 'ops@example.com' });
    const received = await sink.waitForMessage({ to: 'ops@example.com' });
    expect(received.subject).toBe('Test email from Latch');
    expect(received.from).toEqual({ name: 'Acme Support', address: 'help@acme.test' });
    expect(received.text).toContain('Latch sent this message to check its email settings');
    expect(received.headers.get('message-id')).toBe(`<${sent.id}@acme.test>`);
  });

  it('survives other settings changes: PATCH /instance/settings keeps the saved SMTP server', async () => {
    await expectOk(await t.api('/instance/settings', { method: 'PATCH', body: { application_name: 'Acme App' } }));
    expect(await expectOk(await t.api('/instance/email'))).toMatchObject({ host: '127.0.0.1', port: sink.port });
    await expectOk(await sendTest('renamed@example.com'));
    expect((await sink.waitForMessage({ to: 'renamed@example.com' })).subject).toBe('Test email from Acme App');
    await expectOk(await t.api('/instance/settings', { method: 'PATCH', body: { application_name: 'Latch' } }));
  });

  it("answers the SMTP server's refusal as a 422 with its reason", async () => {
    const refused = await expectError(await sendTest('bounce@example.com'), 422, 'email_delivery_failed');
    expect(refused.errors[0]?.long_message).toMatch(/smtp:\/\/127\.0\.0\.1:\d+.*550|Mailbox bounce@example.com/);
    // Nothing listens on this port: connection refused, also a 422.
    const closed = await startSMTPSink();
    const port = closed.port;
    await closed.close();
    await expectOk(await patch({ port }));
    const unreachable = await expectError(await sendTest('ops@example.com'), 422, 'email_delivery_failed');
    expect(unreachable.errors[0]?.long_message).toMatch(/ECONNREFUSED/);
    await expectOk(await patch({ port: sink.port }));
  });

  it('refuses bad input with the field named', async () => {
    const bad: [unknown, string, string][] = [
      [{ host: 'http://smtp.example.com' }, 'form_param_format_invalid', 'host'],
      [{ host: 'smtp.example.com:25' }, 'form_param_format_invalid', 'host'],
      // The cloud metadata service and other link-local or reserved addresses are never mail servers.
      [{ host: '169.254.169.254' }, 'form_param_format_invalid', 'host'],
      [{ host: 'fe80::1' }, 'form_param_format_invalid', 'host'],
      [{ host: '0.0.0.0' }, 'form_param_format_invalid', 'host'],
      [{ host: '' }, 'form_param_min_length_not_reached', 'host'],
      [{ port: 0 }, 'form_param_min_length_not_reached', 'port'],
      [{ port: 65536 }, 'form_param_max_length_exceeded', 'port'],
      [{ port: 25.5 }, 'form_param_format_invalid', 'port'],
      [{ secure: 'yes' }, 'form_param_format_invalid', 'secure'],
      [{ from_address: 'not an address' }, 'form_param_format_invalid', 'from_address'],
      [{ from_address: 'a@b.test, c@d.test' }, 'form_param_format_invalid', 'from_address'],
      [{ password: 'secret', username: null }, 'form_param_missing', 'username'],
      [{ smtp_url: 'smtp://x' }, 'form_param_unknown', 'smtp_url'],
    ];
    for (const [body, code, param] of bad) {
      await expectError(await patch(body), 422, code, param);
    }
    await expectError(await sendTest('not-an-address'), 422, 'form_param_format_invalid', 'to');
    await expectError(
      await admin('/instance/email/test', { method: 'POST', body: { to: 'a@b.test', subject: 'x' } }),
      422,
      'form_param_unknown',
    );
    await expectError(
      await admin('/instance/email/test', { method: 'POST', body: {} }),
      422,
      'form_param_missing',
      'to',
    );
    // Nothing of that was saved.
    expect(await expectOk(await t.api('/instance/email'))).toMatchObject({ host: '127.0.0.1', port: sink.port });
  });

  it('support operators read the settings but may not change them or send (403)', async () => {
    await expectOk(await support('/instance/email'));
    await expectError(
      await support('/instance/email', { method: 'PATCH', body: { host: 'evil.example.com' } }),
      403,
      'not_allowed_access',
    );
    await expectError(
      await support('/instance/email/test', { method: 'POST', body: { to: 'a@b.test' } }),
      403,
      'not_allowed_access',
    );
  });

  it('another process on the same database sends through the new settings within a second', async () => {
    const other: RunningServer = await startServer(
      parseConfig({
        instanceType: 'development',
        port: 0,
        databaseUrl: t.database.url,
        frontendApiUrl: 'http://127.0.0.1:4000',
        logLevel: 'silent',
      }),
      { logger: silentLogger },
    );
    try {
      const second = await startSMTPSink();
      try {
        await expectOk(await patch({ port: second.port }));
        const deadline = Date.now() + 20 * SETTINGS_WATCH_INTERVAL_MS;
        const otherPort = () =>
          (other.instance.settings as unknown as { email?: { smtpPort?: number } }).email?.smtpPort;
        while (otherPort() !== second.port && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const sent = await fetch(`${other.url}/api/v1/instance/email/test`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.secretKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ to: 'other@example.com' }),
        });
        await expectOk(sent);
        expect((await second.waitForMessage({ to: 'other@example.com' })).subject).toBe('Test email from Latch');
      } finally {
        await second.close();
      }
    } finally {
      await other.close();
    }
  });
});

describe('mail settings rules', () => {
  const production = { environmentType: 'production' as const };
  it('keep a production instance able to send: a host (or LATCH_SMTP_URL) and a sender', () => {
    const withHost = { ...EMPTY_STORED_MAIL_SETTINGS, smtpHost: 'smtp.example.com', fromAddress: 'a@b.test' };
    expect(() => assertMailSettingsUsable(withHost, {}, production)).not.toThrow();
    expect(() => assertMailSettingsUsable(EMPTY_STORED_MAIL_SETTINGS, {}, production)).toThrow(/SMTP host/);
    expect(() =>
      assertMailSettingsUsable({ ...withHost, fromAddress: null }, { smtpUrl: 'smtp://mail:25' }, production),
    ).toThrow(/sender address/);
    expect(() =>
      assertMailSettingsUsable(EMPTY_STORED_MAIL_SETTINGS, { smtpUrl: 'smtp://mail:25', from: 'a@b.test' }, production),
    ).not.toThrow();
    expect(() =>
      assertMailSettingsUsable(EMPTY_STORED_MAIL_SETTINGS, {}, { environmentType: 'development' }),
    ).not.toThrow();
  });
});
