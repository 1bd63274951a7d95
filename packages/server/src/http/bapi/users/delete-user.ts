import { usersEndpoints } from '@latch/protocol';
import { deleteUser } from '../../../domain/users/delete-user.js';
import { route } from '../route.js';

export const deleteUserRoute = route(usersEndpoints.deleteUser, async ({ params }, { store, clock }) => {
  await deleteUser(store, params.user_id, clock.now());
  return { object: 'user', id: params.user_id, deleted: true };
});
