import { base64URLToBytes } from '../jwt/decode-jwt.js';

/** Signatures older or newer than this are refused (replay window), as Svix and Clerk do. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** A webhook that failed verification; `code` says why (missing headers, bad signature, stale…). */
export class WebhookVerificationError extends Error {
  constructor(
    readonly code:
      | 'missing_secret'
      | 'invalid_secret'
      | 'missing_headers'
      | 'invalid_timestamp'
      | 'timestamp_too_old'
      | 'timestamp_too_new'
      | 'invalid_signature'
      | 'invalid_payload',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** The Svix envelope of a Latch event; `data` is the Backend API JSON of the object (snake_case). */
export interface WebhookEvent<Data = Record<string, unknown>> {
  object: 'event';
  type: string;
  data: Data;
  timestamp?: number;
  instance_id?: string;
  event_attributes?: { http_request?: { client_ip?: string | null; user_agent?: string | null } };
}

export interface VerifyWebhookOptions {
  /** `whsec_<base64>`; defaults to `process.env.LATCH_WEBHOOK_SIGNING_SECRET` where `process` exists. */
  signingSecret?: string;
}

/**
 * Verifies a Svix-signed webhook request and returns its event: the `svix-id`, `svix-timestamp`,
 * `svix-signature` headers (or the Standard Webhooks `webhook-*` names), HMAC-SHA256 over
 * `<id>.<timestamp>.<raw body>` with the `whsec_` key, any of several space-separated `v1,` signatures,
 * a ±5-minute window. The comparison is Web Crypto's `verify`, which is constant-time.
 *
 * @example
 * export async function POST(request: Request) {
 *   const event = await verifyWebhook(request, { signingSecret: process.env.LATCH_WEBHOOK_SIGNING_SECRET });
 *   if (event.type === 'user.created') console.log(event.data.id);
 *   return new Response('ok');
 * }
 */
export async function verifyWebhook(request: Request, options: VerifyWebhookOptions = {}): Promise<WebhookEvent> {
  const secret = options.signingSecret ?? environmentSecret();
  if (!secret) {
    throw new WebhookVerificationError(
      'missing_secret',
      'Missing webhook signing secret: pass { signingSecret } or set LATCH_WEBHOOK_SIGNING_SECRET.',
    );
  }
  const header = (name: string) => request.headers.get(`svix-${name}`) ?? request.headers.get(`webhook-${name}`);
  const id = header('id');
  const timestamp = header('timestamp');
  const signatures = header('signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'Missing required webhook headers: svix-id, svix-timestamp, svix-signature.',
    );
  }
  const body = await request.text();
  await verifyWebhookSignature({ secret, id, timestamp, signatures, body });
  try {
    return JSON.parse(body) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The webhook body is not JSON.');
  }
}

const hmacKeys = new Map<string, Promise<CryptoKey>>();

/**
 * The signature check on its own, for frameworks that hand over the raw body and headers.
 * Throws `WebhookVerificationError`; resolves when one `v1` signature matches.
 */
export async function verifyWebhookSignature(input: {
  secret: string;
  id: string;
  timestamp: string;
  signatures: string;
  body: string;
  now?: number;
}): Promise<void> {
  if (!/^\d{1,12}$/.test(input.timestamp)) {
    throw new WebhookVerificationError('invalid_timestamp', 'The webhook timestamp is not Unix seconds.');
  }
  const sentAt = Number(input.timestamp);
  const now = Math.floor((input.now ?? Date.now()) / 1000);
  if (sentAt < now - WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError('timestamp_too_old', 'The webhook timestamp is too old (replay?).');
  }
  if (sentAt > now + WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError('timestamp_too_new', 'The webhook timestamp is too far in the future.');
  }
  const key = await hmacKey(input.secret);
  const signed = new TextEncoder().encode(`${input.id}.${input.timestamp}.${input.body}`);
  for (const entry of input.signatures.split(' ')) {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) continue;
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(signature);
    } catch {
      continue;
    }
    // subtle.verify recomputes the MAC and compares in constant time: no early-exit string compare.
    if (await crypto.subtle.verify('HMAC', key, bytes as BufferSource, signed as BufferSource)) return;
  }
  throw new WebhookVerificationError('invalid_signature', 'No matching webhook signature found.');
}

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    let raw: Uint8Array;
    try {
      raw = base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
    } catch {
      throw new WebhookVerificationError('invalid_secret', 'The signing secret is not whsec_<base64>.');
    }
    key = crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    hmacKeys.set(secret, key);
  }
  return key;
}

function base64ToBytes(text: string): Uint8Array {
  return base64URLToBytes(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
}

function environmentSecret(): string | undefined {
  // Read defensively: edge runtimes may lack `process`.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.LATCH_WEBHOOK_SIGNING_SECRET || undefined;
}
