import type { CountUsersQuery } from '@latch/protocol';
import type { UserFilter } from '../../../store/records.js';

/** Maps the snake_case filters of `GET /users` and `GET /users/count` onto the store's filter. */
export function userFilterFromQuery(query: CountUsersQuery): UserFilter {
  return {
    emailAddresses: query.email_address,
    phoneNumbers: query.phone_number,
    externalIds: query.external_id,
    usernames: query.username,
    userIds: query.user_id,
    query: query.query,
    emailAddressQuery: query.email_address_query,
    phoneNumberQuery: query.phone_number_query,
    usernameQuery: query.username_query,
    nameQuery: query.name_query,
    banned: query.banned,
    locked: query.locked,
    createdAtBefore: query.created_at_before,
    createdAtAfter: query.created_at_after,
    lastActiveAtBefore: query.last_active_at_before,
    lastActiveAtAfter: query.last_active_at_after,
    lastSignInAtBefore: query.last_sign_in_at_before,
    lastSignInAtAfter: query.last_sign_in_at_after,
  };
}
