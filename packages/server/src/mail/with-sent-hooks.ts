import type { Logger } from '../logger.js';
import type { Mailer, SentEmail } from './mailer.js';

/** Receives every message once the mailer has sent it (record it in the dev inbox, emit a webhook…). */
export type SentHook = (email: SentEmail) => unknown;

/**
 * A mailer that sends through `mailer`, then hands the sent message to each hook.
 *
 * A hook that fails is logged, not rethrown: the email has already left, and a rejection would make
 * the caller retry and mail the user a second time.
 *
 * @example
 * const mailer = withSentHooks(createSMTPMailer(options), [(email) => devInbox.insert(email)], logger);
 */
export function withSentHooks(mailer: Mailer, hooks: readonly SentHook[], logger: Logger): Mailer {
  return {
    async send(message) {
      const email = await mailer.send(message);
      const results = await Promise.allSettled(hooks.map(async (hook) => hook(email)));
      for (const result of results) {
        if (result.status === 'rejected') {
          const error = result.reason instanceof Error ? result.reason.message : String(result.reason);
          logger.error('email sent, but a sent-hook failed', { id: email.id, template: email.template, error });
        }
      }
      return email;
    },
  };
}
