import { isIP } from 'node:net';
import { defineEndpoint } from '@latch/protocol';
import { z } from 'zod';
import { parseFromAddress } from '../../mail/from-address.js';
import { isForbiddenSMTPAddress } from '../../mail/smtp-address-guard.js';

const tag = 'Instance Email';

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A DNS name or an IP address, as SMTP servers are named: no scheme, port or path. */
const SMTPHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((host) => HOSTNAME.test(host) || isIP(host) !== 0, 'must be a host name such as smtp.example.com or an IP')
  .refine((host) => !isForbiddenSMTPAddress(host), 'must not be a link-local or reserved address');

const FromAddress = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .refine(
    (from) => parseFromAddress(from) !== null,
    'must be one address, like no-reply@acme.com or "Acme <no-reply@acme.com>"',
  );

/** The instance's mail settings. The SMTP password is write-only: only whether one is set. */
export const EmailSettingsJSON = z
  .object({
    object: z.literal('email_settings'),
    /** SMTP server saved in the instance; null: the environment's (`LATCH_SMTP_URL`) or none. */
    host: z.string().nullable(),
    /** Null: 465 with `secure`, else 587. */
    port: z.number().int().nullable(),
    secure: z.boolean(),
    username: z.string().nullable(),
    password_set: z.boolean(),
    /** Sender saved in the instance; null: the environment's (`LATCH_EMAIL_FROM`). */
    from_address: z.string().nullable(),
    /** What sends mail now: `instance` (these settings), `environment` or `none` (printed, development only). */
    source: z.enum(['instance', 'environment', 'none']),
    /** The server in use, `smtp://host:port` without credentials; null when mail is only printed. */
    server: z.string().nullable(),
    /** The sender in use; null: `no-reply@localhost` under the application name. */
    from: z.string().nullable(),
    environment: z.object({ server: z.string().nullable(), from_address: z.string().nullable() }),
  })
  .meta({ id: 'EmailSettings' });

/** A change: absent fields stay, null clears. Clearing `host` returns to the environment's server. */
export const UpdateEmailSettingsBody = z
  .strictObject({
    host: SMTPHost.nullable().optional(),
    port: z.number().int().min(1).max(65535).nullable().optional(),
    secure: z.boolean().optional(),
    username: z.string().min(1).max(256).nullable().optional(),
    /** Write-only. Changing `host` without a new password forgets the old one: it belonged to the other server. */
    password: z.string().min(1).max(1024).nullable().optional(),
    from_address: FromAddress.nullable().optional(),
  })
  .meta({ id: 'UpdateEmailSettingsBody' });
export type UpdateEmailSettingsBody = z.infer<typeof UpdateEmailSettingsBody>;

export const SendTestEmailBody = z
  .strictObject({
    to: z
      .string()
      .trim()
      .min(3)
      .max(320)
      .regex(/^[^@\s<>,;"]+@[^@\s<>,;"]+$/, 'must be one email address'),
  })
  .meta({ id: 'SendTestEmailBody' });

export const TestEmailJSON = z
  .object({
    object: z.literal('test_email'),
    /** The message id (`ema_…`), also the local part of its Message-ID header. */
    id: z.string(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    source: z.enum(['instance', 'environment', 'none']),
    server: z.string().nullable(),
  })
  .meta({ id: 'TestEmail' });

export const getEmailSettings = defineEndpoint({
  method: 'get',
  path: '/instance/email',
  operationId: 'GetEmailSettings',
  summary: 'The mail settings: SMTP server and sender saved in the instance, and what is in use now (Latch only).',
  tag,
  response: EmailSettingsJSON,
});

export const updateEmailSettings = defineEndpoint({
  method: 'patch',
  path: '/instance/email',
  operationId: 'UpdateEmailSettings',
  summary:
    'Change the SMTP server or sender (Latch only). Saved settings override the environment and apply to the next email, in every process within a second.',
  tag,
  body: UpdateEmailSettingsBody,
  response: EmailSettingsJSON,
});

export const sendTestEmail = defineEndpoint({
  method: 'post',
  path: '/instance/email/test',
  operationId: 'SendTestEmail',
  summary:
    'Send a test email through the current settings (Latch only). A refusal by the SMTP server is a 422 `email_delivery_failed` with its reason.',
  tag,
  body: SendTestEmailBody,
  response: TestEmailJSON,
});
