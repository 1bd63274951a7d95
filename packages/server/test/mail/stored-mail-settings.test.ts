import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import type { SentEmail } from '../../src/mail/mailer.js';
import { mailerFromSettings } from '../../src/mail/mailer-from-settings.js';
import {
  EMPTY_STORED_MAIL_SETTINGS,
  effectiveMailSettings,
  type StoredMailSettings,
  storedSMTPUrl,
} from '../../src/mail/stored-mail-settings.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';

describe('stored mail settings', () => {
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('build an SMTP URL with encoded credentials and the default port of the mode', () => {
    const base = { ...EMPTY_STORED_MAIL_SETTINGS, smtpHost: 'smtp.example.com' };
    expect(storedSMTPUrl(EMPTY_STORED_MAIL_SETTINGS)).toBeNull();
    expect(storedSMTPUrl(base)).toBe('smtp://smtp.example.com:587');
    expect(storedSMTPUrl({ ...base, smtpSecure: true })).toBe('smtps://smtp.example.com:465');
    expect(storedSMTPUrl({ ...base, smtpPort: 2525, smtpUsername: 'a@b', smtpPassword: 'p:@/ss' })).toBe(
      'smtp://a%40b:p%3A%40%2Fss@smtp.example.com:2525',
    );
    expect(storedSMTPUrl({ ...base, smtpHost: '::1', smtpPort: 25 })).toBe('smtp://[::1]:25');
  });

  it('override the environment field by field', () => {
    const environment = { smtpUrl: 'smtp://env.example.com:25', from: 'env@example.com' };
    expect(effectiveMailSettings(environment, EMPTY_STORED_MAIL_SETTINGS)).toEqual({
      source: 'environment',
      smtpUrl: 'smtp://env.example.com:25',
      from: 'env@example.com',
    });
    expect(
      effectiveMailSettings(environment, { ...EMPTY_STORED_MAIL_SETTINGS, fromAddress: 'db@example.com' }),
    ).toEqual({ source: 'environment', smtpUrl: 'smtp://env.example.com:25', from: 'db@example.com' });
    expect(
      effectiveMailSettings(environment, { ...EMPTY_STORED_MAIL_SETTINGS, smtpHost: 'db.example.com', smtpPort: 26 }),
    ).toMatchObject({ source: 'instance', smtpUrl: 'smtp://db.example.com:26' });
    expect(effectiveMailSettings({}, EMPTY_STORED_MAIL_SETTINGS)).toEqual({
      source: 'none',
      smtpUrl: null,
      from: null,
    });
  });

  it('are read at every send: the mailer switches between printing and SMTP without a restart', async () => {
    let stored: StoredMailSettings = EMPTY_STORED_MAIL_SETTINGS;
    const lines: string[] = [];
    const hooked: SentEmail[] = [];
    const { mailer } = mailerFromSettings({
      instanceType: 'development',
      stored: () => stored,
      applicationName: 'Acme',
      logger: silentLogger,
      write: (line) => lines.push(line),
      onSent: [(email) => hooked.push(email)],
    });
    await mailer.send({ to: 'first@example.com', template: 'sign_in_code', variables: { code: '111111' } });
    expect(sink.messages).toHaveLength(0);
    expect(lines).toContain('│ CODE     111111\n');

    stored = { ...EMPTY_STORED_MAIL_SETTINGS, smtpHost: '127.0.0.1', smtpPort: sink.port, fromAddress: 'db@acme.test' };
    const sent = await mailer.send({
      to: 'second@example.com',
      template: 'sign_in_code',
      variables: { code: '222222' },
    });
    const received = await sink.waitForMessage({ to: 'second@example.com' });
    expect(extractCode(received.text)).toBe('222222');
    expect(received.from).toEqual({ name: 'Acme', address: 'db@acme.test' });
    // Still printed and hooked (dev inbox) on a development instance.
    expect(lines).toContain('│ CODE     222222\n');
    expect(hooked.map((email) => email.id)).toContain(sent.id);

    stored = EMPTY_STORED_MAIL_SETTINGS;
    await mailer.send({ to: 'third@example.com', template: 'sign_in_code', variables: { code: '333333' } });
    expect(sink.messages.map((message) => message.envelope.to[0])).not.toContain('third@example.com');
    expect(lines).toContain('│ CODE     333333\n');
  });

  it('let a production instance start with SMTP saved in the database instead of the environment', async () => {
    const { mailer, developmentMailer } = mailerFromSettings({
      instanceType: 'production',
      stored: () => ({
        ...EMPTY_STORED_MAIL_SETTINGS,
        smtpHost: '127.0.0.1',
        smtpPort: sink.port,
        fromAddress: 'Acme <no-reply@acme.test>',
      }),
      applicationName: 'Acme',
      logger: silentLogger,
      write: () => {},
    });
    expect(developmentMailer).toBeNull();
    await mailer.send({ to: 'prod-db@example.com', template: 'password_changed', variables: {} });
    expect((await sink.waitForMessage({ to: 'prod-db@example.com' })).subject).toBe('Your Acme password was changed');
  });
});
