import { usersEndpoints } from '@latch/protocol';
import { requireUser } from '../../../domain/users/user-writes.js';
import { route } from '../route.js';
import { toUserJSON } from '../user-json.js';

export const getUserRoute = route(usersEndpoints.getUser, async ({ params }, { store, clock }) =>
  toUserJSON(await requireUser(store, params.user_id), clock.now()),
);
