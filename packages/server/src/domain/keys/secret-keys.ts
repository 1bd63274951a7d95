import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstanceType, SecretKeyRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';

/**
 * Secret keys are 256 random bits behind Clerk's prefix. Only a SHA-256 digest is stored: with that
 * much entropy a slow hash adds nothing, and a fast one keeps every Backend API call cheap.
 */
export function hashSecretKey(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export interface CreatedSecretKey {
  record: SecretKeyRecord;
  /** The plaintext key: shown once, never stored. */
  secret: string;
}

export async function createSecretKey(
  store: Store,
  instanceType: InstanceType,
  now: number,
  name = 'Default secret key',
): Promise<CreatedSecretKey> {
  const prefix = instanceType === 'production' ? 'sk_live_' : 'sk_test_';
  const secret = prefix + randomBytes(32).toString('base64url');
  const record: SecretKeyRecord = {
    id: createId('sak', now),
    secretHash: hashSecretKey(secret),
    hint: secret.slice(-4),
    name,
    createdAt: now,
    revokedAt: null,
  };
  await store.secretKeys.insert(record);
  return { record, secret };
}

/** The active key that `secret` belongs to, or null. */
export async function authenticateSecretKey(store: Store, secret: string): Promise<SecretKeyRecord | null> {
  if (!/^sk_(test|live)_[A-Za-z0-9_-]{1,128}$/.test(secret)) return null;
  const digest = hashSecretKey(secret);
  const record = await store.secretKeys.findActiveByHash(digest);
  // The lookup already matched; the constant-time compare guards against a store that matches loosely.
  if (!record || !timingSafeEqual(Buffer.from(record.secretHash), Buffer.from(digest))) return null;
  return record;
}
