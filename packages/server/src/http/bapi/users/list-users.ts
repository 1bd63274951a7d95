import { type UserOrderField, usersEndpoints } from '@latch/protocol';
import { route } from '../route.js';
import { toUserJSON } from '../user-json.js';
import { userFilterFromQuery } from './user-filter-from-query.js';

/** `GET /users`: a bare array, as Clerk returns it; totals come from `GET /users/count`. */
export const listUsersRoute = route(usersEndpoints.listUsers, async ({ query }, { store, clock }) => {
  const { limit, offset, order_by: orderBy } = query;
  const direction = orderBy.startsWith('+') ? 'asc' : orderBy.startsWith('-') ? 'desc' : 'asc';
  const users = await store.users.list(userFilterFromQuery(query), {
    limit,
    offset,
    orderBy: orderBy.replace(/^[+-]/, '') as UserOrderField,
    direction,
  });
  const now = clock.now();
  return users.map((user) => toUserJSON(user, now));
});
