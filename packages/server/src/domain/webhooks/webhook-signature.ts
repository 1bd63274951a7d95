import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/**
 * A new endpoint signing secret: `whsec_` and 24 random bytes in base64, the form Svix, Clerk and
 * the `standardwebhooks` verifiers expect (the key is the base64-decoded part).
 *
 * @example
 * createWebhookSecret() // 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
 */
export function createWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** Whether `secret` is a well-formed `whsec_<base64>` secret of at least 128 bits. */
export function isWebhookSecret(secret: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false;
  const key = secret.slice(SECRET_PREFIX.length);
  return /^[A-Za-z0-9+/]+={0,2}$/.test(key) && Buffer.from(key, 'base64').length >= 16 && key.length <= 128;
}

/**
 * The `svix-signature` / `webhook-signature` header value: `v1,<base64 HMAC-SHA256>` of
 * `<id>.<timestamp>.<body>` under each secret, space-separated, so a receiver holding either the old
 * or the new secret during a rotation verifies the message (PROTOCOL.md §6).
 *
 * @example
 * signWebhook('msg_…', 1716883200, '{"type":"user.created"}', ['whsec_…']) // 'v1,K5oZ…='
 */
export function signWebhook(id: string, timestampSeconds: number, body: string, secrets: readonly string[]): string {
  const content = `${id}.${timestampSeconds}.${body}`;
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
      return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
    })
    .join(' ');
}
