import { z } from 'zod';
import { parseFromAddress } from './from-address.js';

/**
 * The mail settings, as a fragment to spread into the server's `ConfigSchema`
 * (`z.object({ ...ConfigSchema.shape, ...MailConfigSchema.shape })`).
 *
 * @example
 * MailConfigSchema.parse({ smtpUrl: 'smtps://user:pass@smtp.example.com', emailFrom: 'Acme <no-reply@acme.com>' })
 */
export const MailConfigSchema = z.object({
  /** Unset on a development instance, emails are printed to the terminal instead of sent. */
  smtpUrl: z.url({ protocol: /^smtps?$/, error: 'must be smtp://[user:pass@]host[:port] or smtps://…' }).optional(),
  /** Sender: `no-reply@acme.com` (shown as the application name) or `Acme <no-reply@acme.com>`. */
  emailFrom: z
    .string()
    .refine(
      (from) => parseFromAddress(from) !== null,
      'must be one address, like no-reply@acme.com or "Acme <no-reply@acme.com>"',
    )
    .optional(),
});

/** Environment variable for each mail setting, to merge into `CONFIG_ENV`. */
export const MAIL_CONFIG_ENV = {
  smtpUrl: 'LATCH_SMTP_URL',
  emailFrom: 'LATCH_EMAIL_FROM',
} as const satisfies Record<keyof z.input<typeof MailConfigSchema>, string>;
