import { recordEvent } from '../../domain/events/record-event.js';
import { revokeSecretKey } from '../../domain/keys/revoke-secret-key.js';
import { rotateInstanceSigningKey } from '../../domain/keys/rotate-instance-signing-key.js';
import { createSecretKey } from '../../domain/keys/secret-keys.js';
import { toSigningKeyJSON } from '../../domain/keys/signing-key-json.js';
import { signingKeyStatuses } from '../../domain/keys/signing-key-status.js';
import { isOperatorAccessToken } from '../../domain/operators/operator-tokens.js';
import type { SecretKeyRecord } from '../../store/records.js';
import * as endpoints from './instance-key-endpoints.js';
import { type Route, route } from './route.js';

export const SECRET_KEY_CREATED_EVENT = 'secret_key.created';

const toSecretKeyJSON = (key: SecretKeyRecord) => ({
  object: 'secret_key' as const,
  id: key.id,
  name: key.name,
  hint: key.hint,
  created_at: key.createdAt,
  revoked_at: key.revokedAt,
});

/** The secret key this request authenticated with; null for a dashboard operator token. */
function callerSecret(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return bearer && !isOperatorAccessToken(bearer) ? bearer : null;
}

/**
 * `/instance/secret_keys…` and `/instance/signing_keys…`: what `latch keys` does, for the dashboard.
 * Secret keys are authenticated against the database on every call, so a revocation is in force at
 * the next request in every process. A rotated signing key is published in the JWKS at once and
 * signs after the publish delay (`LATCH_SIGNING_KEY_PUBLISH_DELAY_SECONDS`).
 */
export const INSTANCE_KEY_ROUTES: Route[] = [
  route(endpoints.listSecretKeys, async (_input, { store }) => (await store.secretKeys.list()).map(toSecretKeyJSON)),
  route(endpoints.createSecretKey, async ({ body }, { store, instance, clock }) => {
    const now = clock.now();
    const { record, secret } = await store.transaction(async (tx) => {
      const created = await createSecretKey(tx, instance.environmentType, now, body.name);
      await recordEvent(tx, { type: SECRET_KEY_CREATED_EVENT, data: toSecretKeyJSON(created.record), now });
      return created;
    });
    return { ...toSecretKeyJSON(record), secret };
  }),
  route(endpoints.revokeSecretKey, async ({ params, request }, { store, clock }) =>
    toSecretKeyJSON(await revokeSecretKey(store, params.secret_key_id, callerSecret(request), clock.now())),
  ),
  route(endpoints.listSigningKeys, async (_input, { store, clock }) => {
    const now = clock.now();
    return signingKeyStatuses(await store.signingKeys.listPublished(now), now).map(toSigningKeyJSON);
  }),
  route(endpoints.rotateSigningKey, async ({ body }, { store, clock, config, instance }) => {
    const now = clock.now();
    const { key } = await rotateInstanceSigningKey(store, now, {
      publishDelayMs: config.signingKeyPublishDelaySeconds * 1000,
      sessionTokenLifetimeSeconds: instance.settings.sessions.tokenLifetimeSeconds,
      compromised: body.immediately === true,
    });
    return toSigningKeyJSON({ key, status: key.activatesAt > now ? 'scheduled' : 'signing' });
  }),
];
