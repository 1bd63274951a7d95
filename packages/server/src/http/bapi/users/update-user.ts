import { usersEndpoints } from '@latch/protocol';
import { updateUser } from '../../../domain/users/update-user.js';
import { route } from '../route.js';
import { toUserJSON } from '../user-json.js';

export const updateUserRoute = route(
  usersEndpoints.updateUser,
  async ({ params, body }, { store, instance, clock }) => {
    const user = await updateUser(store, instance, params.user_id, body, clock.now());
    return toUserJSON(user, clock.now());
  },
);
