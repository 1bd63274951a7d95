import type { FapiContext } from '../fapi-context.js';

/**
 * Sends a security notice (`password_changed`, `primary_email_changed`) without holding up the
 * response: the change already happened, so a mail server that is down must not turn it into an
 * error. A failure is logged.
 *
 * @example
 * sendAccountNotice(context, { to: oldEmail, template: 'primary_email_changed', locale: user.locale, variables: { newEmailAddress } });
 */
export function sendAccountNotice(
  context: FapiContext,
  notice: {
    to: string;
    template: 'password_changed' | 'primary_email_changed';
    locale: string | null;
    variables: Record<string, string>;
  },
): void {
  const { app } = context;
  app.mailer
    .send({ to: notice.to, template: notice.template, locale: notice.locale ?? undefined, variables: notice.variables })
    .catch((error: unknown) => {
      app.logger.warn('account notice not sent', {
        template: notice.template,
        error: error instanceof Error ? error.message : String(error),
      });
    });
}
