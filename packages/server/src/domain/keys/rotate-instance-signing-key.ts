import type { Store } from '../../store/store.js';
import { recordEvent } from '../events/record-event.js';
import { toSigningKeyJSON } from './signing-key-json.js';
import { type RotationResult, rotateSigningKey } from './signing-keys.js';

export const SIGNING_KEY_ROTATED_EVENT = 'signing_key.rotated';

/**
 * Rotates the instance's signing key the one way every entry point does it (Backend API, dashboard,
 * `latch keys rotate`), audited (`signing_key.rotated`, in the rotation's transaction).
 * - Planned (`compromised: false`): the new key is published now and signs after the publish delay;
 *   the previous key stays in the JWKS until every token it may have signed has expired — session
 *   tokens and the JWT templates it signs (not those with their own key), whichever lives longest.
 * - Compromised: the new key signs at once and the previous key leaves the JWKS at once, so tokens
 *   forged with it stop verifying as soon as verifiers refetch the JWKS (signed-in browsers just get
 *   a fresh token).
 */
export async function rotateInstanceSigningKey(
  store: Store,
  now: number,
  options: { publishDelayMs: number; sessionTokenLifetimeSeconds: number; compromised?: boolean },
): Promise<RotationResult> {
  const templates = await store.jwtTemplates.list();
  const longestSeconds = Math.max(
    options.sessionTokenLifetimeSeconds,
    ...templates.filter((template) => !template.customSigningKey).map((template) => template.lifetimeSeconds),
  );
  return rotateSigningKey(store, now, {
    publishDelayMs: options.compromised ? 0 : options.publishDelayMs,
    tokenLifetimeMs: longestSeconds * 1000,
    retirePreviousNow: options.compromised === true,
    alsoWrite: async (tx, { key }) => {
      const json = toSigningKeyJSON({ key, status: key.activatesAt > now ? 'scheduled' : 'signing' });
      await recordEvent(tx, { type: SIGNING_KEY_ROTATED_EVENT, data: { ...json, id: key.kid }, now });
    },
  });
}
