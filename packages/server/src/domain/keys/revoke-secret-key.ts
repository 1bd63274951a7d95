import { formError, resourceNotFound } from '../../errors.js';
import type { SecretKeyRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { recordEvent } from '../events/record-event.js';
import { hashSecretKey } from './secret-keys.js';

export const SECRET_KEY_REVOKED_EVENT = 'secret_key.revoked';

/**
 * Revokes a secret key. Every Backend API call looks its key up afresh (no cache), so the key stops
 * working with the next request. Refuses, with a 422 naming `secret_key_id`, to revoke the key the
 * caller is using (`callerSecret`, null for an operator token) — the caller would lock itself out
 * mid-task — and the last active key, without which no server-side code could reach the API.
 */
export async function revokeSecretKey(
  store: Store,
  id: string,
  callerSecret: string | null,
  now: number,
): Promise<SecretKeyRecord> {
  return store.transaction(async (tx) => {
    // Two revocations at once must not both see "another key is still active".
    await tx.lock('secret_keys:active');
    const keys = await tx.secretKeys.list();
    const key = keys.find((candidate) => candidate.id === id);
    if (!key) throw resourceNotFound('secret key');
    if (key.revokedAt !== null) {
      throw formError('form_param_value_invalid', 'secret_key_id', 'is already revoked', `${id} is already revoked.`);
    }
    if (callerSecret !== null && hashSecretKey(callerSecret) === key.secretHash) {
      throw formError(
        'form_param_value_invalid',
        'secret_key_id',
        'is the key of this request',
        'This request is authenticated with the key it asks to revoke. Revoke it with another key or from the dashboard.',
      );
    }
    if (keys.filter((candidate) => candidate.revokedAt === null).length <= 1) {
      throw formError(
        'form_param_value_invalid',
        'secret_key_id',
        'is the last active key',
        'This is the last active secret key: create another one before revoking it, or your servers lose access to the Backend API.',
      );
    }
    if (!(await tx.secretKeys.revoke(id, now))) throw resourceNotFound('secret key');
    const revoked = { ...key, revokedAt: now };
    await recordEvent(tx, {
      type: SECRET_KEY_REVOKED_EVENT,
      data: { object: 'secret_key', id, name: key.name, hint: key.hint },
      now,
    });
    return revoked;
  });
}
