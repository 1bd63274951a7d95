import { createId } from '../domain/ids.js';
import { type FromAddress, formatFromAddress } from './from-address.js';
import type { OutgoingEmail, SentEmail } from './mailer.js';
import { renderEmail } from './render-email.js';

/**
 * Renders a message and stamps it with an id and time: the part every mailer shares. The sender's
 * display name defaults to the application name, so users see "Acme", not "no-reply".
 *
 * @example
 * composeEmail(message, { from: { name: '', address: 'no-reply@acme.com' }, applicationName: 'Acme', now: Date.now() })
 */
export function composeEmail(
  message: OutgoingEmail,
  sender: { from: FromAddress; applicationName: string; now: number },
): { email: SentEmail; from: FromAddress } {
  const rendered = renderEmail(message.template, {
    ...message.variables,
    locale: message.locale,
    applicationName: sender.applicationName,
  });
  const from = { name: sender.from.name || sender.applicationName, address: sender.from.address };
  const email: SentEmail = {
    id: createId('ema', sender.now),
    to: message.to,
    from: formatFromAddress(from),
    ...rendered,
    template: message.template,
    variables: { ...message.variables },
    createdAt: sender.now,
  };
  return { email, from };
}
