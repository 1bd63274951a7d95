import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { EmailDeliveryError } from '../../src/mail/email-delivery-error.js';
import { createSMTPMailer } from '../../src/mail/smtp-mailer.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';

const clock = { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) };

function recordingLogger() {
  const entries: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', format: 'json', write: (line) => entries.push(JSON.parse(line)) });
  return { logger, entries };
}

describe('SMTP mailer', () => {
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink({ rejectRecipient: (address) => address.startsWith('nobody@') });
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('delivers a code email that the mailbox can read', async () => {
    const { logger, entries } = recordingLogger();
    const mailer = createSMTPMailer({
      url: sink.url,
      from: 'no-reply@acme.test',
      applicationName: 'Acme',
      logger,
      clock,
    });
    const sent = await mailer.send({
      to: 'Ada@Example.com',
      template: 'verification_code',
      locale: 'de-DE',
      variables: { code: '314159' },
    });

    const received = await sink.waitForMessage({ to: 'ada@example.com' });
    expect(received.envelope).toEqual({ from: 'no-reply@acme.test', to: ['ada@example.com'] });
    // nodemailer lower-cases the domain (it is case-insensitive; the local part is kept).
    expect(received.to).toEqual(['Ada@example.com']);
    expect(received.from).toEqual({ name: 'Acme', address: 'no-reply@acme.test' });
    expect(received.subject).toBe('314159 ist Ihr Bestätigungscode für Acme');
    expect(extractCode(received.text)).toBe('314159');
    expect(received.text).toContain('Bestätigen Sie Ihre E-Mail-Adresse');
    expect(received.html).toContain('<html lang="de"');
    expect(received.html).toContain('>314159</p>');
    expect(received.headers.get('auto-submitted')).toBe('auto-generated');
    expect(received.headers.get('message-id')).toBe(`<${sent.id}@acme.test>`);

    expect(sent).toMatchObject({
      to: 'Ada@Example.com',
      from: 'Acme <no-reply@acme.test>',
      subject: received.subject,
      template: 'verification_code',
      variables: { code: '314159' },
      createdAt: clock.now(),
    });
    expect(sent.id).toMatch(/^ema_[0-9A-Za-z]{22}$/);
    expect(sent.text).toBe(received.text);
    expect(entries.find((entry) => entry.msg === 'email sent')).toMatchObject({
      id: sent.id,
      template: 'verification_code',
    });
  });

  it('keeps a display name from the sender setting and reads a changed application name', async () => {
    let name = 'Acme';
    const mailer = createSMTPMailer({
      url: sink.url,
      from: 'Acme Security <security@acme.test>',
      applicationName: () => name,
      logger: recordingLogger().logger,
    });
    await mailer.send({ to: 'grace@example.com', template: 'password_changed', variables: {} });
    name = 'Acme Cloud';
    await mailer.send({ to: 'grace@example.com', template: 'password_changed', variables: {} });
    const first = await sink.waitForMessage({ to: 'grace@example.com' });
    const second = await sink.waitForMessage({ to: 'grace@example.com' });
    expect(first.from).toEqual({ name: 'Acme Security', address: 'security@acme.test' });
    expect(first.subject).toBe('Your Acme password was changed');
    expect(second.subject).toBe('Your Acme Cloud password was changed');
  });

  it('sends names with non-ASCII characters intact', async () => {
    const mailer = createSMTPMailer({
      url: sink.url,
      from: 'no-reply@acme.test',
      applicationName: 'Crème & Brûlée',
      logger: recordingLogger().logger,
    });
    await mailer.send({ to: 'zoe@example.com', template: 'sign_in_code', locale: 'fr', variables: { code: '000111' } });
    const received = await sink.waitForMessage({ to: 'zoe@example.com' });
    expect(received.subject).toBe('000111 est votre code de connexion Crème & Brûlée');
    expect(received.from).toEqual({ name: 'Crème & Brûlée', address: 'no-reply@acme.test' });
    expect(received.html).toContain('Crème &amp; Brûlée');
  });

  it('rejects with the server reply when the server refuses the recipient', async () => {
    const { logger, entries } = recordingLogger();
    const mailer = createSMTPMailer({ url: sink.url, from: 'no-reply@acme.test', applicationName: 'Acme', logger });
    const sending = mailer.send({ to: 'nobody@example.com', template: 'sign_in_code', variables: { code: '123456' } });
    await expect(sending).rejects.toBeInstanceOf(EmailDeliveryError);
    await expect(sending).rejects.toThrow(/^Could not send email through smtp:\/\/127\.0\.0\.1:\d+: .*550/);
    expect(entries.find((entry) => entry.msg === 'email delivery failed')).toMatchObject({ template: 'sign_in_code' });
  });

  it('rejects a template bug before connecting', async () => {
    const mailer = createSMTPMailer({
      url: sink.url,
      from: 'no-reply@acme.test',
      applicationName: 'Acme',
      logger: recordingLogger().logger,
    });
    const count = sink.messages.length;
    await expect(mailer.send({ to: 'ada@example.com', template: 'nope', variables: {} })).rejects.toThrow(
      /Unknown email template/,
    );
    await expect(mailer.send({ to: 'ada@example.com', template: 'sign_in_code', variables: {} })).rejects.toThrow(
      /"code"/,
    );
    expect(sink.messages).toHaveLength(count);
  });

  it('rejects invalid settings at construction', () => {
    const logger = recordingLogger().logger;
    expect(() =>
      createSMTPMailer({ url: 'http://127.0.0.1:25', from: 'a@b.test', applicationName: 'Acme', logger }),
    ).toThrow(/neither smtp: nor smtps:/);
    expect(() => createSMTPMailer({ url: 'not a url', from: 'a@b.test', applicationName: 'Acme', logger })).toThrow(
      /Invalid SMTP URL/,
    );
    expect(() => createSMTPMailer({ url: sink.url, from: 'Acme', applicationName: 'Acme', logger })).toThrow(
      /Invalid sender/,
    );
  });
});

describe('SMTP mailer failures', () => {
  it('rejects cleanly, without the password, when the server is gone', async () => {
    const sink = await startSMTPSink();
    const port = sink.port;
    await sink.close();
    const mailer = createSMTPMailer({
      url: `smtp://latch:hunter2@127.0.0.1:${port}`,
      from: 'no-reply@acme.test',
      applicationName: 'Acme',
      logger: recordingLogger().logger,
    });
    const error = await mailer
      .send({ to: 'ada@example.com', template: 'sign_in_code', variables: { code: '123456' } })
      .then(
        () => null,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).code).toBe('email_delivery_failed');
    expect((error as Error).message).toBe(
      `Could not send email through smtp://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('gives up on a server that never greets after the timeout', async () => {
    // Accepts TCP connections and says nothing: a hung or firewalled-by-tarpit mail server.
    const sockets = new Set<import('node:net').Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as import('node:net').AddressInfo;
    try {
      const mailer = createSMTPMailer({
        url: `smtp://127.0.0.1:${port}`,
        from: 'no-reply@acme.test',
        applicationName: 'Acme',
        logger: recordingLogger().logger,
        timeoutMs: 300,
      });
      const started = Date.now();
      await expect(
        mailer.send({ to: 'ada@example.com', template: 'sign_in_code', variables: { code: '123456' } }),
      ).rejects.toThrow(/Could not send email through smtp:\/\/127\.0\.0\.1:\d+: .*(timeout|Greeting never received)/i);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
