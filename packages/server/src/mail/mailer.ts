/** An email to send: a template name (stored in outbox rows, hence a string) and its variables. */
export interface OutgoingEmail {
  to: string;
  /** One of `EMAIL_TEMPLATES`; an unknown name rejects. */
  template: string;
  /** The recipient's locale (`fr-FR`); English when absent or unknown. */
  locale?: string | undefined;
  /** `code`, `url`, … as the template needs; `expiresInMinutes` adds an expiry line to code emails. */
  variables: Record<string, string>;
}

/** What was sent, as the dev inbox shows it and `email.created` webhooks will carry it. */
export interface SentEmail {
  /** `ema_…`, also the local part of the Message-ID header so SMTP logs can be traced back. */
  id: string;
  to: string;
  /** Display form, e.g. `Acme <no-reply@acme.com>`. */
  from: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  /** The variables the template was rendered with (Clerk's email objects carry them as `data`). */
  variables: Record<string, string>;
  /** Unix milliseconds. */
  createdAt: number;
}

/**
 * Sends Latch's emails. Implementations: `createSMTPMailer`, `createDevelopmentMailer`; compose
 * with `withSentHooks`. A failure is a rejected promise, never a thrown exception or a crash.
 *
 * @example
 * const sent = await mailer.send({ to: 'ada@example.com', template: 'sign_in_code', locale: 'fr', variables: { code: '123456' } });
 */
export interface Mailer {
  send(message: OutgoingEmail): Promise<SentEmail>;
}

/**
 * The application name shown in emails. A function is read at every send, so a name changed in the
 * instance settings applies without restarting.
 */
export type ApplicationName = string | (() => string);

/**
 * @example
 * resolveApplicationName(() => settings.applicationName)
 */
export function resolveApplicationName(name: ApplicationName): string {
  return typeof name === 'function' ? name() : name;
}
