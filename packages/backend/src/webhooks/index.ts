/**
 * `@latch/backend/webhooks`: the webhook helpers on their own subpath, as `@clerk/backend/webhooks`
 * offers them, so `import { verifyWebhook } from '@clerk/backend/webhooks'` ports by renaming.
 */
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookSignature,
  type WebhookEvent,
  WebhookVerificationError,
} from './verify-webhook.js';
