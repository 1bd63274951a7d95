/**
 * An email could not be handed to the mail server. `message` names the server (never its credentials)
 * and the reason; `cause` keeps the underlying error for logs. The outbox retries these.
 *
 * @example
 * try { await mailer.send(message) } catch (error) { if (error instanceof EmailDeliveryError) retryLater() }
 */
export class EmailDeliveryError extends Error {
  readonly code = 'email_delivery_failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmailDeliveryError';
  }
}
