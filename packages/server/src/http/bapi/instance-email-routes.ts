import type { AppContext } from '../../app-context.js';
import { updateMailSettings } from '../../domain/instance-email-settings.js';
import { LatchAPIError } from '../../errors.js';
import { EmailDeliveryError } from '../../mail/email-delivery-error.js';
import { describeSMTPUrl, effectiveMailSettings, storedMailSettingsOf } from '../../mail/stored-mail-settings.js';
import * as endpoints from './instance-email-endpoints.js';
import { type Route, route } from './route.js';

const environmentOf = ({ config }: AppContext) => ({ smtpUrl: config.smtpUrl, from: config.emailFrom });

function toEmailSettingsJSON(context: AppContext) {
  const stored = storedMailSettingsOf(context.instance.settings);
  const environment = environmentOf(context);
  const effective = effectiveMailSettings(environment, stored);
  return {
    object: 'email_settings' as const,
    host: stored.smtpHost,
    port: stored.smtpPort,
    secure: stored.smtpSecure,
    username: stored.smtpUsername,
    password_set: stored.smtpPassword !== null,
    from_address: stored.fromAddress,
    source: effective.source,
    server: effective.smtpUrl ? describeSMTPUrl(effective.smtpUrl) : null,
    from: effective.from,
    environment: {
      server: environment.smtpUrl ? describeSMTPUrl(environment.smtpUrl) : null,
      from_address: environment.from ?? null,
    },
  };
}

/**
 * `/instance/email…`: the SMTP server and sender saved in the instance (they override
 * `LATCH_SMTP_URL` / `LATCH_EMAIL_FROM`), and a test send through whatever is in force. The mailer
 * reads the saved settings at every send, so nothing needs a restart.
 */
export const INSTANCE_EMAIL_ROUTES: Route[] = [
  route(endpoints.getEmailSettings, async (_input, context) => toEmailSettingsJSON(context)),
  // The test send comes before the PATCH: fuzzing runs routes in this order, and a test send
  // should meet the server's own settings, not a random host a fuzzed PATCH saved.
  route(endpoints.sendTestEmail, async ({ body }, context) => {
    const effective = effectiveMailSettings(environmentOf(context), storedMailSettingsOf(context.instance.settings));
    try {
      const sent = await context.mailer.send({ to: body.to, template: 'test_email', variables: {} });
      return {
        object: 'test_email' as const,
        id: sent.id,
        to: sent.to,
        from: sent.from,
        subject: sent.subject,
        source: effective.source,
        server: effective.smtpUrl ? describeSMTPUrl(effective.smtpUrl) : null,
      };
    } catch (error) {
      if (!(error instanceof EmailDeliveryError)) throw error;
      throw LatchAPIError.single(422, 'email_delivery_failed', 'email delivery failed', error.message);
    }
  }),
  route(endpoints.updateEmailSettings, async ({ body }, context) => {
    await updateMailSettings(
      context.store,
      context.instance,
      {
        host: body.host,
        port: body.port,
        secure: body.secure,
        username: body.username,
        password: body.password,
        fromAddress: body.from_address,
      },
      environmentOf(context),
      context.clock.now(),
    );
    return toEmailSettingsJSON(context);
  }),
];
