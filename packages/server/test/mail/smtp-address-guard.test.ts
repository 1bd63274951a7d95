import { type AddressInfo, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { EmailDeliveryError } from '../../src/mail/email-delivery-error.js';
import { connectToAllowedSMTPHost, isForbiddenSMTPAddress } from '../../src/mail/smtp-address-guard.js';
import { createSMTPMailer } from '../../src/mail/smtp-mailer.js';
import { startSMTPSink } from '../support/smtp-sink.js';

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

  it('resolves names before judging them, and connects only to an address it judged', async () => {
    const sink = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const { port } = sink.address() as AddressInfo;
    try {
      const socket = await connectToAllowedSMTPHost('localhost', port, 2_000, async () => ['127.0.0.1']);
      expect(socket.remoteAddress).toBe('127.0.0.1');
      socket.destroy();
      await expect(connectToAllowedSMTPHost('[fe80::1]', port, 2_000)).rejects.toThrow(/link-local or reserved/);
      await expect(connectToAllowedSMTPHost('169.254.169.254', port, 2_000)).rejects.toThrow(/169\.254\.169\.254/);
      // One forbidden address among allowed ones is enough to refuse the name.
      await expect(
        connectToAllowedSMTPHost('mixed.test', port, 2_000, async () => ['127.0.0.1', '169.254.169.254']),
      ).rejects.toThrow(/mixed\.test resolves to 169\.254\.169\.254/);
    } finally {
      await new Promise((resolve) => sink.close(resolve));
    }
  });

  it('a name whose answer changes between messages is judged again, and never resolved twice for one', async () => {
    const smtp = await startSMTPSink();
    try {
      // The first answer is the relay, the next the metadata service: what a DNS rebinding attack
      // serves. The name itself exists nowhere else, so a second, unchecked resolution by the SMTP
      // client could not reach the relay at all.
      const answers = [['127.0.0.1'], ['169.254.169.254']];
      const asked: string[] = [];
      const mailer = createSMTPMailer({
        url: smtp.url.replace('127.0.0.1', 'relay.rebinding.test'),
        from: 'no-reply@example.com',
        applicationName: 'Latch test',
        logger: silentLogger,
        lookup: async (host) => {
          asked.push(host);
          return answers.shift() ?? [];
        },
      });
      const message = { to: 'ada@example.com', template: 'verification_code', variables: { code: '271828' } } as const;
      await mailer.send(message);
      expect((await smtp.waitForMessage({ to: 'ada@example.com' })).text).toContain('271828');
      expect(asked).toEqual(['relay.rebinding.test']);
      await expect(mailer.send(message)).rejects.toThrow(/resolves to 169\.254\.169\.254/);
      expect(asked).toEqual(['relay.rebinding.test', 'relay.rebinding.test']);
    } finally {
      await smtp.close();
    }
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
