import { type Clock, systemClock } from '../domain/clock.js';
import { composeEmail } from './compose-email.js';
import { parseFromAddress } from './from-address.js';
import { type ApplicationName, type Mailer, resolveApplicationName, type SentEmail } from './mailer.js';

export interface DevelopmentMailer extends Mailer {
  /** Kept messages, oldest first (a copy). */
  list(): SentEmail[];
  /** Prints and keeps a message delivered elsewhere (e.g. by SMTP): a hook for `withSentHooks`. */
  record(email: SentEmail): void;
}

export interface DevelopmentMailerOptions {
  /** Receives one newline-terminated line at a time, like the logger's `write`. */
  write: (line: string) => void;
  applicationName: ApplicationName;
  /** Sender shown on kept messages; nothing is delivered. A function is read at every send. */
  from?: string | (() => string | undefined);
  clock?: Clock;
  /** Messages kept in memory; older ones are dropped. */
  limit?: number;
}

const WIDTH = 60;
const TITLE = ' email (development) ';

/**
 * The mailer of a development instance without SMTP: delivers nothing, prints each message to the
 * terminal with its code up front, and keeps the latest ones in memory for the dev inbox and tests.
 *
 * @example
 * const mailer = createDevelopmentMailer({ write: (line) => process.stdout.write(line), applicationName: 'Acme' });
 * await mailer.send({ to: 'ada@example.com', template: 'sign_in_code', variables: { code: '123456' } });
 * mailer.list().at(-1)?.subject // '123456 is your Acme sign-in code'
 */
export function createDevelopmentMailer(options: DevelopmentMailerOptions): DevelopmentMailer {
  const senderOf = () => {
    const from = (typeof options.from === 'function' ? options.from() : options.from) ?? 'no-reply@localhost';
    const sender = parseFromAddress(from);
    if (!sender) throw new Error(`Invalid sender address "${from}"`);
    return sender;
  };
  senderOf();
  const clock = options.clock ?? systemClock;
  const limit = options.limit ?? 200;
  const kept: SentEmail[] = [];

  const record = (email: SentEmail) => {
    kept.push(email);
    if (kept.length > limit) kept.splice(0, kept.length - limit);
    for (const line of describeEmail(email)) options.write(`${line}\n`);
  };

  return {
    async send(message) {
      const { email } = composeEmail(message, {
        from: senderOf(),
        applicationName: resolveApplicationName(options.applicationName),
        now: clock.now(),
      });
      record(email);
      return email;
    },
    record,
    list: () => [...kept],
  };
}

function describeEmail(email: SentEmail): string[] {
  const lines = [`┌──${TITLE}${'─'.repeat(WIDTH - 2 - TITLE.length)}`];
  const field = (label: string, value: string) => lines.push(`│ ${label.padEnd(9)}${printable(value)}`);
  field('To', email.to);
  field('Subject', email.subject);
  field('Template', email.template);
  const { code, url } = email.variables;
  if (code) {
    lines.push('│');
    field('CODE', code);
  }
  if (url) field('Link', url);
  lines.push(`└${'─'.repeat(WIDTH)}`);
  return lines;
}

/**
 * Names and addresses come from users; control characters (ANSI escapes) or bidi overrides in them
 * could rewrite the developer's terminal or disguise a line, so they print as U+FFFD.
 */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');
}
