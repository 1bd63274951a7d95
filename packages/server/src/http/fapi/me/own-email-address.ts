import type { IdentifierRecord, UserRecord } from '../../../store/records.js';
import { notFoundError } from '../fapi-route.js';

/**
 * One of the acting user's email addresses; any other id (unknown, or another user's) is a 404.
 *
 * @example
 * const emailAddress = requireOwnEmailAddress(user, params.email_id);
 */
export function requireOwnEmailAddress(user: UserRecord, emailAddressId: string | undefined): IdentifierRecord {
  const emailAddress = user.emailAddresses.find((email) => email.id === emailAddressId);
  if (!emailAddress) throw notFoundError('email address');
  return emailAddress;
}
