import type { Store } from '../../store/store.js';
import { countRS256Signatures, createRS256Signer, type RS256Signer, signRS256Here } from '../tokens/rs256-signer.js';
import { createSigningThread } from '../tokens/signing-thread.js';
import { pickSigningKey } from './signing-keys.js';

/**
 * The current signer, re-read from the database at most every `ttlMs`. Token minting is the hot path;
 * a short TTL keeps it free of key queries while a rotation (which publishes minutes before the new
 * key signs) still reaches every process in time. Its signers share one signing thread (session
 * tokens are signed there, docs/decisions/0013); `close()` ends that thread at shutdown.
 */
export function createSigningKeyCache(store: Store, ttlMs = 5_000) {
  const thread = createSigningThread({ signHere: signRS256Here, onSigned: countRS256Signatures });
  let cached: { signer: RS256Signer; activeUntil: number; loadedAt: number } | null = null;
  const currentSigner = async function currentSigner(now: number): Promise<RS256Signer> {
    if (cached && now - cached.loadedAt < ttlMs && now < cached.activeUntil) return cached.signer;
    const published = await store.signingKeys.listPublished(now);
    const key = pickSigningKey(published, now);
    if (!key) throw new Error('No active signing key: the instance has no key that signs at this time.');
    // A newer key may activate before the TTL runs out; re-read at that moment.
    const next = published.filter((candidate) => candidate.activatesAt > now).map((candidate) => candidate.activatesAt);
    cached = {
      signer: cached?.signer.kid === key.kid ? cached.signer : createRS256Signer(key.kid, key.privateKeyPem, thread),
      activeUntil: Math.min(Infinity, ...next),
      loadedAt: now,
    };
    return cached.signer;
  };
  return Object.assign(currentSigner, { close: () => thread.close() });
}

export type CurrentSigner = ReturnType<typeof createSigningKeyCache>;
