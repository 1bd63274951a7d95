import { ConfigError } from '../config.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import type { InstanceType } from '../store/records.js';
import { createDevelopmentMailer, type DevelopmentMailer } from './development-mailer.js';
import { MAIL_CONFIG_ENV, MailConfigSchema } from './mail-config.js';
import type { ApplicationName, Mailer } from './mailer.js';
import { createSMTPMailer } from './smtp-mailer.js';
import { type SentHook, withSentHooks } from './with-sent-hooks.js';

export interface MailSettings {
  instanceType: InstanceType;
  smtpUrl?: string | undefined;
  from?: string | undefined;
  applicationName: ApplicationName;
  logger: Logger;
  /** Terminal output of a development instance (e.g. `(line) => process.stdout.write(line)`). */
  write: (line: string) => void;
  clock?: Clock;
  /** Run after every sent message (dev inbox, `email.created` webhooks). */
  onSent?: readonly SentHook[];
  timeoutMs?: number;
}

export interface MailerSetup {
  mailer: Mailer;
  /** Present on development instances: every message, also those sent by SMTP, printed and kept. */
  developmentMailer: DevelopmentMailer | null;
}

/**
 * Picks the mailer for a server: SMTP when a URL is set, otherwise the terminal-printing development
 * mailer. A development instance prints codes even when SMTP is set, so a developer never depends on
 * a mailbox. Throws `ConfigError` (naming the environment variables) for a production instance without
 * SMTP or a sender, or for malformed settings.
 *
 * @example
 * const { mailer } = mailerFromSettings({ instanceType: 'development', applicationName: 'Acme', logger, write: (line) => process.stdout.write(line) });
 */
export function mailerFromSettings(settings: MailSettings): MailerSetup {
  const parsed = MailConfigSchema.safeParse({
    smtpUrl: settings.smtpUrl || undefined,
    emailFrom: settings.from || undefined,
  });
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]) as keyof typeof MAIL_CONFIG_ENV;
        return `${MAIL_CONFIG_ENV[key]} (${key}): ${issue.message}`;
      });
  const { smtpUrl, emailFrom } = parsed.success ? parsed.data : {};
  if (settings.instanceType === 'production') {
    if (!settings.smtpUrl) {
      problems.push(
        `${MAIL_CONFIG_ENV.smtpUrl} (smtpUrl): required for a production instance, which must deliver codes by email`,
      );
    }
    if (!settings.from) {
      problems.push(`${MAIL_CONFIG_ENV.emailFrom} (emailFrom): required for a production instance`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const { logger, clock, applicationName } = settings;
  const developmentMailer =
    settings.instanceType === 'development'
      ? createDevelopmentMailer({ write: settings.write, applicationName, from: emailFrom, clock })
      : null;
  const hooks = settings.onSent ?? [];
  if (smtpUrl) {
    const smtp = createSMTPMailer({
      url: smtpUrl,
      from: emailFrom ?? 'no-reply@localhost',
      applicationName,
      logger,
      clock,
      timeoutMs: settings.timeoutMs,
    });
    logger.info('emails are sent by SMTP', { server: new URL(smtpUrl).host });
    const all = developmentMailer ? [developmentMailer.record, ...hooks] : hooks;
    return { mailer: withSentHooks(smtp, all, logger), developmentMailer };
  }
  logger.info(`emails are printed to the terminal, not sent: set ${MAIL_CONFIG_ENV.smtpUrl} to deliver them`);
  // Without SMTP this is a development instance: production without it was rejected above.
  return { mailer: withSentHooks(developmentMailer!, hooks, logger), developmentMailer };
}
