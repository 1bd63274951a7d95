import { createTransport } from 'nodemailer';
import { type Clock, systemClock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import { composeEmail } from './compose-email.js';
import { EmailDeliveryError } from './email-delivery-error.js';
import { parseFromAddress } from './from-address.js';
import { type ApplicationName, type Mailer, resolveApplicationName } from './mailer.js';
import { connectToAllowedSMTPHost, type HostLookup } from './smtp-address-guard.js';

export interface SMTPMailerOptions {
  /**
   * `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start,
   * port 465). Query parameters become nodemailer options, e.g. `?requireTLS=true`.
   */
  url: string;
  /** `no-reply@acme.com` or `Acme <no-reply@acme.com>`. */
  from: string;
  applicationName: ApplicationName;
  logger: Logger;
  clock?: Clock;
  /**
   * Limit on connecting, on the server's greeting and on any silence mid-conversation. nodemailer's
   * defaults (2 minutes, 30 s, 10 minutes) would let one stuck server hold a worker for minutes.
   */
  timeoutMs?: number;
  /** How the SMTP host name is resolved (tests pin it); the system resolver by default. */
  lookup?: HostLookup;
}

/**
 * A mailer that delivers through an SMTP server, one connection per message (no pool to keep alive or
 * close; outbound email volume of an auth server is low).
 *
 * @example
 * const mailer = createSMTPMailer({ url: 'smtps://apikey:secret@smtp.example.com', from: 'no-reply@acme.com', applicationName: 'Acme', logger });
 * await mailer.send({ to: 'ada@example.com', template: 'verification_code', variables: { code: '123456' } });
 */
export function createSMTPMailer(options: SMTPMailerOptions): Mailer {
  const server = describeSMTPServer(options.url);
  const { hostname } = new URL(options.url);
  const sender = parseFromAddress(options.from);
  if (!sender) throw new Error(`Invalid sender address "${options.from}"`);
  const clock = options.clock ?? systemClock;
  const timeout = options.timeoutMs ?? 15_000;
  const transport = createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    // Our own connection, to an address checked against the forbidden ranges: nodemailer would
    // otherwise resolve the name again after our check (smtp-address-guard.ts).
    getSocket: (connection: { host?: string; port?: number | string; secure?: boolean }, callback) => {
      const port = Number(connection.port) || (connection.secure ? 465 : 587);
      connectToAllowedSMTPHost(connection.host ?? hostname, port, timeout, options.lookup).then(
        (socket) => callback(null, { connection: socket }),
        (error: Error) => callback(error),
      );
    },
  });
  // nodemailer re-emits transport errors (e.g. OAuth2 refresh) as 'error' events; unhandled, one would
  // crash the process.
  transport.on('error', (error: Error) =>
    options.logger.error('smtp transport error', { server, error: error.message }),
  );

  return {
    async send(message) {
      const { email, from } = composeEmail(message, {
        from: sender,
        applicationName: resolveApplicationName(options.applicationName),
        now: clock.now(),
      });
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: `<${email.id}@${from.address.split('@')[1]}>`,
          // RFC 3834: tells vacation responders and mailing lists not to answer.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        options.logger.info('email sent', { id: email.id, template: email.template, server, response: info.response });
        options.logger.debug('email recipient', { id: email.id, to: message.to });
        return email;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        options.logger.warn('email delivery failed', { id: email.id, template: email.template, server, error: reason });
        throw new EmailDeliveryError(`Could not send email through ${server}: ${reason}`, { cause: error });
      }
    },
  };
}

/**
 * `smtp://host:port` without credentials, for logs and error messages; throws on a URL that is not
 * smtp:// or smtps://.
 */
function describeSMTPServer(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('Invalid SMTP URL: expected smtp://host:port or smtps://host:port');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error(`Invalid SMTP URL: protocol ${parsed.protocol} is neither smtp: nor smtps:`);
  }
  const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
  return `${parsed.protocol}//${parsed.hostname}:${port}`;
}
