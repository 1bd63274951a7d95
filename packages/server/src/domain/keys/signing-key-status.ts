import type { SigningKeyRecord } from '../../store/records.js';
import { pickSigningKey } from './signing-keys.js';

export type SigningKeyStatus = 'signing' | 'scheduled' | 'retiring';

/**
 * Each published key with what it does at `now`: the one that signs, keys waiting for their
 * activation (published so verifiers fetch them first), and keys that only verify until they retire.
 *
 * @example
 * signingKeyStatuses(await store.signingKeys.listPublished(now), now)[0].status // 'scheduled' right after a rotation
 */
export function signingKeyStatuses(
  published: SigningKeyRecord[],
  now: number,
): { key: SigningKeyRecord; status: SigningKeyStatus }[] {
  const signing = pickSigningKey(published, now);
  return published.map((key) => ({
    key,
    // A key rotated out before it ever signed is retiring too: it will never sign.
    status: key === signing ? 'signing' : key.activatesAt > now && key.retiresAt === null ? 'scheduled' : 'retiring',
  }));
}
