import type { IdentifierRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';
import { assertIdentifiersAvailable, normalizeEmailAddresses } from '../users/user-identifiers.js';
import { writeUser } from '../users/user-writes.js';

/**
 * A signed-in user adds an email address (`POST /v1/me/email_addresses`). It starts unverified, with
 * no code sent: the browser asks for one with `prepare_verification`. An address anyone already
 * holds (verified or not) answers `form_identifier_exists`, also when two requests race for it.
 *
 * @example
 * const { emailAddress } = await addEmailAddress(store, user.id, 'Ada@Example.com', now); // value 'ada@example.com'
 */
export async function addEmailAddress(
  store: Store,
  userId: string,
  emailAddress: string,
  now: number,
): Promise<{ user: UserRecord; emailAddress: IdentifierRecord }> {
  const [value] = normalizeEmailAddresses([emailAddress]) as [string];
  await assertIdentifiersAvailable(store, { emailAddresses: [value] });
  const identifier: IdentifierRecord = {
    id: createId('idn', now),
    userId,
    value,
    verificationStatus: 'unverified',
    verificationStrategy: 'email_code',
    reserved: false,
    createdAt: now,
    updatedAt: now,
  };
  const user = await writeUser(
    store,
    userId,
    async (tx) => {
      await assertIdentifiersAvailable(tx, { emailAddresses: [value] });
      await tx.users.insertIdentifier('email_address', identifier);
      await tx.users.update(userId, { updatedAt: now });
    },
    { type: 'user.updated', now },
  );
  return { user, emailAddress: identifier };
}
