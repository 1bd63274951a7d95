import type { InstanceRecord, InstanceType } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';
import { DEFAULT_INSTANCE_SETTINGS, withDefaultSettings } from '../instance-settings.js';
import { createSecretKey } from './secret-keys.js';
import { generateSigningKey } from './signing-keys.js';

export interface EnsuredInstance {
  instance: InstanceRecord;
  /** Set only when this call created the instance: its first secret key, in plaintext, shown once. */
  createdSecretKey: string | null;
}

/**
 * Returns the instance, creating it with a signing key and a first secret key on first start.
 * The key pair is generated before the transaction opens, so no write lock is held for it.
 */
export async function ensureInstance(store: Store, instanceType: InstanceType, now: number): Promise<EnsuredInstance> {
  const existing = await store.instance.get();
  if (existing)
    return { instance: { ...existing, settings: withDefaultSettings(existing.settings) }, createdSecretKey: null };
  const signingKey = await generateSigningKey(now);
  const instance: InstanceRecord = {
    id: createId('ins', now),
    environmentType: instanceType,
    // A copy: settings edited in place must never change the defaults of other instances.
    settings: structuredClone(DEFAULT_INSTANCE_SETTINGS),
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await store.transaction(async (tx) => {
      await tx.instance.insert(instance);
      await tx.signingKeys.insert(signingKey);
      const { secret } = await createSecretKey(tx, instanceType, now);
      return { instance, createdSecretKey: secret };
    });
  } catch (error) {
    // Another process created it at the same moment: use theirs.
    const raced = await store.instance.get();
    if (raced) return { instance: raced, createdSecretKey: null };
    throw error;
  }
}
