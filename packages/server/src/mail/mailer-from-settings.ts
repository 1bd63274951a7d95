import { ConfigError } from '../config.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import type { InstanceType } from '../store/records.js';
import { createDevelopmentMailer, type DevelopmentMailer } from './development-mailer.js';
import { EmailDeliveryError } from './email-delivery-error.js';
import { MAIL_CONFIG_ENV, MailConfigSchema } from './mail-config.js';
import type { ApplicationName, Mailer } from './mailer.js';
import { createSMTPMailer } from './smtp-mailer.js';
import {
  describeSMTPUrl,
  type EffectiveMailSettings,
  EMPTY_STORED_MAIL_SETTINGS,
  effectiveMailSettings,
  type StoredMailSettings,
  storedSMTPUrl,
} from './stored-mail-settings.js';
import { type SentHook, withSentHooks } from './with-sent-hooks.js';

export interface MailSettings {
  instanceType: InstanceType;
  smtpUrl?: string | undefined;
  from?: string | undefined;
  /**
   * Settings saved in the instance (the dashboard's Email page), read at every send: they override
   * `smtpUrl` and `from` and apply without a restart.
   */
  stored?: () => StoredMailSettings;
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
 * Picks the mailer for a server: SMTP when a URL is set (stored in the instance or in the
 * environment), otherwise the terminal-printing development mailer. A development instance prints
 * codes even when SMTP is set, so a developer never depends on a mailbox. Throws `ConfigError`
 * (naming the environment variables) for a production instance without SMTP or a sender, or for
 * malformed settings.
 *
 * The choice is made again at the first send after the stored settings change, so a new SMTP server
 * saved in the dashboard carries the very next message.
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
  const stored = settings.stored ?? (() => EMPTY_STORED_MAIL_SETTINGS);
  const initial = stored();
  if (settings.instanceType === 'production') {
    if (!settings.smtpUrl && !storedSMTPUrl(initial)) {
      problems.push(
        `${MAIL_CONFIG_ENV.smtpUrl} (smtpUrl): required for a production instance, which must deliver codes by email`,
      );
    }
    if (!settings.from && !initial.fromAddress) {
      problems.push(`${MAIL_CONFIG_ENV.emailFrom} (emailFrom): required for a production instance`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const { logger, clock, applicationName } = settings;
  const environment = { smtpUrl, from: emailFrom };
  const current = () => effectiveMailSettings(environment, stored());
  const developmentMailer =
    settings.instanceType === 'development'
      ? createDevelopmentMailer({
          write: settings.write,
          applicationName,
          from: () => current().from ?? undefined,
          clock,
        })
      : null;
  const hooks = settings.onSent ?? [];

  const build = (effective: EffectiveMailSettings): Mailer => {
    if (effective.smtpUrl) {
      const smtp = createSMTPMailer({
        url: effective.smtpUrl,
        from: effective.from ?? 'no-reply@localhost',
        applicationName,
        logger,
        clock,
        timeoutMs: settings.timeoutMs,
      });
      logger.info('emails are sent by SMTP', { server: describeSMTPUrl(effective.smtpUrl), source: effective.source });
      const all = developmentMailer ? [developmentMailer.record, ...hooks] : hooks;
      return withSentHooks(smtp, all, logger);
    }
    if (!developmentMailer) {
      // Production without any SMTP server: refused at start, and the Email page refuses to clear it.
      return { send: () => Promise.reject(new EmailDeliveryError('No SMTP server is configured.')) };
    }
    logger.info(`emails are printed to the terminal, not sent: set ${MAIL_CONFIG_ENV.smtpUrl} to deliver them`);
    return withSentHooks(developmentMailer, hooks, logger);
  };

  let active = { key: JSON.stringify(current()), mailer: build(current()) };
  const mailer: Mailer = {
    async send(message) {
      const effective = current();
      const key = JSON.stringify(effective);
      if (key !== active.key) {
        try {
          active = { key, mailer: build(effective) };
        } catch (error) {
          // Stored settings are validated on save; a value that still fails here is a delivery failure.
          throw new EmailDeliveryError(`The mail settings are unusable: ${(error as Error).message}`, { cause: error });
        }
      }
      return active.mailer.send(message);
    },
  };
  return { mailer, developmentMailer };
}
