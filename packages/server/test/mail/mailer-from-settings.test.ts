import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { MailConfigSchema } from '../../src/mail/mail-config.js';
import type { SentEmail } from '../../src/mail/mailer.js';
import { mailerFromSettings } from '../../src/mail/mailer-from-settings.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('mailerFromSettings', () => {
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('prints emails on a development instance without SMTP, and runs the hooks', async () => {
    const lines: string[] = [];
    const hooked: SentEmail[] = [];
    const { mailer, developmentMailer } = mailerFromSettings({
      instanceType: 'development',
      applicationName: 'Acme',
      logger: silentLogger,
      write: (line) => lines.push(line),
      onSent: [(email) => hooked.push(email)],
    });
    const sent = await mailer.send({ to: 'ada@example.com', template: 'sign_in_code', variables: { code: '424242' } });
    expect(lines).toContain('│ CODE     424242\n');
    expect(developmentMailer?.list()).toEqual([sent]);
    expect(hooked).toEqual([sent]);
  });

  it('delivers by SMTP on a development instance with a URL, and still prints the code', async () => {
    const lines: string[] = [];
    const hooked: SentEmail[] = [];
    const { mailer, developmentMailer } = mailerFromSettings({
      instanceType: 'development',
      smtpUrl: sink.url,
      applicationName: 'Acme',
      logger: silentLogger,
      write: (line) => lines.push(line),
      onSent: [(email) => hooked.push(email)],
    });
    const sent = await mailer.send({
      to: 'dev@example.com',
      template: 'verification_code',
      variables: { code: '515151' },
    });
    expect(extractCode((await sink.waitForMessage({ to: 'dev@example.com' })).text)).toBe('515151');
    expect(lines).toContain('│ CODE     515151\n');
    expect(developmentMailer?.list()).toEqual([sent]);
    expect(hooked).toEqual([sent]);
  });

  it('delivers by SMTP on a production instance, with no terminal copy', async () => {
    const lines: string[] = [];
    const { mailer, developmentMailer } = mailerFromSettings({
      instanceType: 'production',
      smtpUrl: sink.url,
      from: 'Acme <no-reply@acme.test>',
      applicationName: 'Acme',
      logger: silentLogger,
      write: (line) => lines.push(line),
    });
    await mailer.send({ to: 'prod@example.com', template: 'reset_password_code', variables: { code: '626262' } });
    const received = await sink.waitForMessage({ to: 'prod@example.com' });
    expect(received.subject).toBe('626262 is your Acme password reset code');
    expect(developmentMailer).toBeNull();
    expect(lines).toEqual([]);
  });

  it('reports a production instance without SMTP or sender as configuration errors', () => {
    const base = {
      instanceType: 'production' as const,
      applicationName: 'Acme',
      logger: silentLogger,
      write: () => {},
    };
    expect(problemsOf(() => mailerFromSettings(base))).toEqual([
      'LATCH_SMTP_URL (smtpUrl): required for a production instance, which must deliver codes by email',
      'LATCH_EMAIL_FROM (emailFrom): required for a production instance',
    ]);
    expect(problemsOf(() => mailerFromSettings({ ...base, smtpUrl: '', from: 'no-reply@acme.test' }))).toHaveLength(1);
  });

  it('reports malformed settings with their environment names', () => {
    const base = {
      instanceType: 'development' as const,
      applicationName: 'Acme',
      logger: silentLogger,
      write: () => {},
    };
    expect(problemsOf(() => mailerFromSettings({ ...base, smtpUrl: 'http://mail.example.com', from: 'Acme' }))).toEqual(
      [
        'LATCH_SMTP_URL (smtpUrl): must be smtp://[user:pass@]host[:port] or smtps://…',
        'LATCH_EMAIL_FROM (emailFrom): must be one address, like no-reply@acme.com or "Acme <no-reply@acme.com>"',
      ],
    );
    expect(
      MailConfigSchema.safeParse({ smtpUrl: 'smtps://user:pass@smtp.example.com:465', emailFrom: 'a@b.test' }).success,
    ).toBe(true);
    expect(MailConfigSchema.safeParse({ emailFrom: 'a@b.test, c@d.test' }).success).toBe(false);
  });

  it('logs a failing hook without failing a message that was sent', async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'info', format: 'json', write: (line) => logs.push(JSON.parse(line)) });
    const later: SentEmail[] = [];
    const { mailer } = mailerFromSettings({
      instanceType: 'development',
      applicationName: 'Acme',
      logger,
      write: () => {},
      onSent: [
        () => {
          throw new Error('dev inbox table is locked');
        },
        async (email) => {
          later.push(email);
        },
      ],
    });
    const sent = await mailer.send({ to: 'ada@example.com', template: 'password_changed', variables: {} });
    expect(later).toEqual([sent]);
    expect(logs.find((entry) => entry.msg === 'email sent, but a sent-hook failed')).toMatchObject({
      level: 'error',
      id: sent.id,
      error: 'dev inbox table is locked',
    });
  });
});
