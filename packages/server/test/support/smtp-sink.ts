import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted. */
export interface CapturedEmail {
  /** SMTP envelope: what the client said in MAIL FROM / RCPT TO (lower-cased recipients). */
  envelope: { from: string; to: string[] };
  /** The From header. */
  from: { name: string; address: string };
  /** Addresses of the To header. */
  to: string[];
  subject: string;
  text: string;
  /** Empty when the message had no HTML part. */
  html: string;
  headers: Map<string, unknown>;
  /** The message exactly as received, headers and MIME parts. */
  raw: string;
}

export interface SMTPSink {
  /** `smtp://127.0.0.1:<port>`: no auth, no TLS. */
  url: string;
  port: number;
  /** Every accepted message, in arrival order. */
  messages: CapturedEmail[];
  /**
   * The next message to `to` that no earlier call returned: resolves as soon as one has arrived
   * (already or later), so a test that sends two codes waits for each in turn.
   */
  waitForMessage(options: { to: string; timeoutMs?: number }): Promise<CapturedEmail>;
  close(): Promise<void>;
}

export interface SMTPSinkOptions {
  /** Refuse RCPT TO for these addresses with `550`, to test delivery failures. */
  rejectRecipient?: (address: string) => boolean;
}

/**
 * A real SMTP server on loopback that plays the users' mailboxes: Latch's mailer talks real SMTP to
 * it, and tests read what arrived.
 *
 * @example
 * const sink = await startSMTPSink();
 * const mailer = createSMTPMailer({ url: sink.url, from: 'no-reply@acme.test', applicationName: 'Acme', logger: silentLogger });
 * await mailer.send({ to: 'ada@example.com', template: 'sign_in_code', variables: { code: '123456' } });
 * extractCode((await sink.waitForMessage({ to: 'ada@example.com' })).text) // '123456'
 * await sink.close();
 */
export async function startSMTPSink(options: SMTPSinkOptions = {}): Promise<SMTPSink> {
  const messages: CapturedEmail[] = [];
  const claimed = new Set<CapturedEmail>();
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Nothing to wait for on close: senders quit after each message.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        callback(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          const envelopeFrom = session.envelope.mailFrom;
          messages.push({
            envelope: {
              from: envelopeFrom ? envelopeFrom.address : '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            },
            from: { name: parsed.from?.value[0]?.name ?? '', address: parsed.from?.value[0]?.address ?? '' },
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
            headers: parsed.headers,
            raw: raw.toString('utf8'),
          });
          for (const wake of waiters) wake();
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A connection-level error (a client hanging up mid-command) must not crash the test run.
  server.on('error', () => {});
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP sink is not listening on TCP');

  const nextFor = (to: string) =>
    messages.find((message) => !claimed.has(message) && message.envelope.to.includes(to.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    messages,
    waitForMessage({ to, timeoutMs = 5_000 }) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const message = nextFor(to);
          if (!message) return;
          claimed.add(message);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(message);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = messages.map((message) => message.envelope.to.join(',')).join('; ') || 'none';
          reject(new Error(`No email to ${to} within ${timeoutMs} ms (messages so far: ${seen})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The 6-digit code in an email body; throws when there is none, so a test fails with the text it got.
 *
 * @example
 * extractCode('Your code:\n\n    123456\n') // '123456'
 */
export function extractCode(text: string): string {
  const match = /(?<!\d)\d{6}(?!\d)/.exec(text);
  if (!match) throw new Error(`No 6-digit code in email text:\n${text}`);
  return match[0];
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}
