import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { EmailDeliveryError } from '../../src/mail/email-delivery-error.js';
import { assertSMTPHostAllowed, isForbiddenSMTPAddress } from '../../src/mail/smtp-address-guard.js';
import { createSMTPMailer } from '../../src/mail/smtp-mailer.js';

describe('SMTP server addresses', () => {
  it('refuses link-local, "this host" and multicast addresses, in every spelling', () => {
    for (const address of [
      '169.254.169.254',
      '169.254.0.1',
      '0.0.0.0',
      '224.0.0.1',
      'fe80::1',
      'FE80::abcd',
      '::',
      'ff02::1',
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '64:ff9b::169.254.169.254',
      '64:ff9b::a9fe:a9fe',
      'fd00:ec2::254',
      '100.100.100.200',
    ]) {
      expect(isForbiddenSMTPAddress(address), address).toBe(true);
    }
  });

  it('allows loopback, private and public addresses, and host names (checked once resolved)', () => {
    for (const address of [
      '127.0.0.1',
      '::1',
      '10.0.0.5',
      '192.168.1.10',
      '172.16.0.1',
      '203.0.113.7',
      '2001:db8::1',
    ]) {
      expect(isForbiddenSMTPAddress(address), address).toBe(false);
    }
    expect(isForbiddenSMTPAddress('smtp.example.com')).toBe(false);
  });

  it('resolves names before judging them', async () => {
    await expect(assertSMTPHostAllowed('localhost')).resolves.toBeUndefined();
    await expect(assertSMTPHostAllowed('[fe80::1]')).rejects.toThrow(/link-local or reserved/);
    await expect(assertSMTPHostAllowed('169.254.169.254')).rejects.toThrow(/169\.254\.169\.254/);
  });

  it('a mailer pointed at the metadata address fails without connecting', async () => {
    const mailer = createSMTPMailer({
      url: 'smtp://169.254.169.254:25',
      from: 'no-reply@example.com',
      applicationName: 'Latch test',
      logger: silentLogger,
    });
    const failure = await mailer
      .send({ to: 'ada@example.com', template: 'verification_code', variables: { code: '123456' } })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(EmailDeliveryError);
    // The guard's refusal, not a connection error: nothing was sent to that address.
    expect((failure as Error).message).toMatch(/resolves to 169\.254\.169\.254, a link-local or reserved address/);
  });
});
