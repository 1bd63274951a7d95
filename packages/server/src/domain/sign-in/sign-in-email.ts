import type { SignInDeps } from './sign-in-deps.js';

/**
 * Sends a sign-in email without waiting for the mail server. The response must not take longer for
 * a real account than for a fabricated one (enumeration protection), and a slow SMTP server must not
 * hold the request; a failure is logged, and the user can ask for another code.
 *
 * @example
 * sendSignInEmail(deps, { to: 'ada@example.com', template: 'sign_in_code', locale: user.locale, variables: { code } });
 */
export function sendSignInEmail(
  deps: SignInDeps,
  message: { to: string; template: string; locale: string | null; variables: Record<string, string> },
): void {
  deps.mailer
    .send({
      to: message.to,
      template: message.template,
      locale: message.locale ?? undefined,
      variables: message.variables,
    })
    .catch((error: unknown) =>
      deps.logger.warn('sign-in email not sent', {
        template: message.template,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
}
