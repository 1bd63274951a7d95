import { usersEndpoints } from '@latch/protocol';
import { createUser } from '../../../domain/users/create-user.js';
import { route } from '../route.js';
import { toUserJSON } from '../user-json.js';

export const createUserRoute = route(usersEndpoints.createUser, async ({ body }, { store, instance, clock }) => {
  const user = await createUser(store, instance, body, clock.now());
  return toUserJSON(user, clock.now());
});
