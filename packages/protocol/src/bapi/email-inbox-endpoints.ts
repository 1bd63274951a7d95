import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';

/** One message of the development inbox: what was sent, rendered, as the recipient saw it. */
export const EmailMessageJSON = z
  .object({
    object: z.literal('email_message'),
    id: z.string(),
    to: z.string(),
    template: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    /** Unix milliseconds. */
    created_at: z.number().int(),
  })
  .meta({ id: 'EmailMessage' });
export type EmailMessageJSON = z.infer<typeof EmailMessageJSON>;

/** Query of `GET /email_messages`: an optional recipient, then pagination. */
export const ListEmailMessagesQuery = z
  .strictObject({
    to: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(10),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .meta({ id: 'ListEmailMessagesQuery' });

export const listEmailMessages = defineEndpoint({
  method: 'get',
  path: '/email_messages',
  operationId: 'ListEmailMessages',
  summary: 'Development instances only: the emails Latch sent, newest first, optionally to one address (exact match).',
  tag: 'Development inbox',
  query: ListEmailMessagesQuery,
  response: z.array(EmailMessageJSON),
  errors: [404],
});
