import type { Store } from '../../store/store.js';
import { recordEvent } from '../events/record-event.js';
import { toSigningKeyJSON } from './signing-key-json.js';
import { type RotationResult, rotateSigningKey } from './signing-keys.js';

export const SIGNING_KEY_ROTATED_EVENT = 'signing_key.rotated';

/**
 * Rotates the instance's signing key the one way every entry point does it (Backend API, dashboard,
 * `latch keys rotate`): the previous key stays in the JWKS until every token it may have signed has
 * expired — session tokens and JWT templates alike, whichever lives longest — and the rotation is
 * audited (`signing_key.rotated`, in the rotation's transaction).
 */
export async function rotateInstanceSigningKey(
  store: Store,
  now: number,
  options: { publishDelayMs: number; sessionTokenLifetimeSeconds: number },
): Promise<RotationResult> {
  const templates = await store.jwtTemplates.list();
  const longestSeconds = Math.max(
    options.sessionTokenLifetimeSeconds,
    ...templates.map((template) => template.lifetimeSeconds),
  );
  return rotateSigningKey(store, now, {
    publishDelayMs: options.publishDelayMs,
    tokenLifetimeMs: longestSeconds * 1000,
    alsoWrite: async (tx, { key }) => {
      const json = toSigningKeyJSON({ key, status: key.activatesAt > now ? 'scheduled' : 'signing' });
      await recordEvent(tx, { type: SIGNING_KEY_ROTATED_EVENT, data: { ...json, id: key.kid }, now });
    },
  });
}
