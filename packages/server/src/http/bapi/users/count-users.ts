import { usersEndpoints } from '@latch/protocol';
import { route } from '../route.js';
import { userFilterFromQuery } from './user-filter-from-query.js';

export const countUsersRoute = route(usersEndpoints.countUsers, async ({ query }, { store }) => ({
  object: 'total_count',
  total_count: await store.users.count(userFilterFromQuery(query)),
}));
