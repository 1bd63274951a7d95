import { recordEvent } from '../domain/events/record-event.js';
import type { Store } from '../store/store.js';
import type { SentEmail } from './mailer.js';
import type { SentHook } from './with-sent-hooks.js';

/**
 * The sent-hook that keeps every message: the dev inbox row and its `email.created` event, written
 * in one transaction so a webhook never announces a message the inbox lacks (or the reverse).
 *
 * @example
 * mailerFromSettings({ …, onSent: [recordSentEmail(store)] })
 */
export function recordSentEmail(store: Store): SentHook {
  return (email) =>
    store.transaction(async (tx) => {
      await tx.emails.insert({
        id: email.id,
        toAddress: email.to,
        template: email.template,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        userId: null,
        createdAt: email.createdAt,
      });
      await recordEvent(tx, { type: 'email.created', data: toEmailEventData(email), now: email.createdAt });
    });
}

/** Clerk's `Email` object as `email.created` carries it. */
export function toEmailEventData(email: SentEmail): Record<string, unknown> {
  return {
    object: 'email',
    id: email.id,
    slug: email.template,
    from_email_name: fromEmailName(email.from),
    reply_to_email_name: null,
    to_email_address: email.to,
    email_address_id: null,
    user_id: null,
    subject: email.subject,
    body: email.html,
    body_plain: email.text,
    // Latch records the event once its mailer has handed the message on.
    status: 'delivered',
    data: email.variables,
    delivered_by_clerk: true,
  };
}

/** `Acme <no-reply@acme.com>` → `no-reply` (Clerk's `from_email_name` is the local part). */
function fromEmailName(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[0] ?? address;
}
