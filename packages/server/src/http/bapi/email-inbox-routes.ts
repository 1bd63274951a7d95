import { emailInboxEndpoints } from '@latch/protocol';
import { LatchAPIError } from '../../errors.js';
import type { EmailMessageRecord } from '../../store/records.js';
import type { Route } from './route.js';
import { route } from './route.js';

/**
 * `GET /email_messages?to=&limit=&offset=`: the development inbox — every email Latch sent, newest
 * first, so tests and local tooling read codes without a mailbox. Production instances answer 404:
 * their mail holds live one-time codes and belongs to the recipients only.
 */
const listEmailMessagesRoute = route(emailInboxEndpoints.listEmailMessages, async ({ query }, { store, instance }) => {
  if (instance.environmentType !== 'development') {
    throw LatchAPIError.single(
      404,
      'feature_not_enabled',
      'not enabled',
      'The email inbox exists only on development instances.',
    );
  }
  const messages = await store.emails.list({ toAddress: query.to, limit: query.limit, offset: query.offset });
  return messages.map(toEmailMessageJSON);
});

function toEmailMessageJSON(message: EmailMessageRecord) {
  return {
    object: 'email_message' as const,
    id: message.id,
    to: message.toAddress,
    template: message.template,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    created_at: message.createdAt,
  };
}

export const EMAIL_INBOX_ROUTES: Route[] = [listEmailMessagesRoute];
