import { formError, identifierExists, resourceNotFound } from '../../errors.js';
import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { recordUserEvent, type UserEventType } from '../events/event-data.js';

const UNIQUE_PARAM: Record<string, string> = {
  email_address: 'email_address',
  phone_number: 'phone_number',
  username: 'username',
  external_id: 'external_id',
};

/**
 * Runs a user write in a transaction and returns the user as it now is. A unique-constraint race
 * (two requests claiming one email at once) surfaces as `form_identifier_exists`, never a 500.
 * With `event`, the user's new state is recorded as that webhook event in the same transaction.
 */
export async function writeUser(
  store: Store,
  userId: string,
  work: (tx: Store) => Promise<void>,
  event?: { type: UserEventType; now: number },
): Promise<UserRecord> {
  try {
    return await store.transaction(async (tx) => {
      await work(tx);
      const user = await tx.users.findById(userId);
      if (!user) throw resourceNotFound('user');
      if (event) await recordUserEvent(tx, event.type, user, event.now);
      return user;
    });
  } catch (error) {
    if (error instanceof UniqueViolation) {
      const param = UNIQUE_PARAM[error.column ?? ''] ?? 'identifier';
      throw identifierExists(param, `That ${param.replace('_', ' ')} is taken. Please try another.`);
    }
    throw error;
  }
}

/** Loads a user or throws the Backend API's 404. */
export async function requireUser(store: Store, userId: string): Promise<UserRecord> {
  const user = await store.users.findById(userId);
  if (!user) throw resourceNotFound('user');
  return user;
}

/** RFC 3339 → Unix ms; `undefined`/`null` pass through as null. */
export function parseTimestamp(value: string | null | undefined, paramName: string): number | null {
  if (value === undefined || value === null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < 0) {
    throw formError(
      'form_param_format_invalid',
      paramName,
      'is invalid',
      `${paramName} must be an RFC 3339 timestamp.`,
    );
  }
  return ms;
}
