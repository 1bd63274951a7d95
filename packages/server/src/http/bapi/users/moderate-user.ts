import { usersEndpoints } from '@latch/protocol';
import { type ModerationAction, moderateUser } from '../../../domain/users/moderate-user.js';
import { route } from '../route.js';
import { toUserJSON } from '../user-json.js';

const moderationRoute = (endpoint: typeof usersEndpoints.banUser, action: ModerationAction) =>
  route(endpoint, async ({ params }, { store, clock }) =>
    toUserJSON(await moderateUser(store, params.user_id, action, clock.now()), clock.now()),
  );

export const banUserRoute = moderationRoute(usersEndpoints.banUser, 'ban');
export const unbanUserRoute = moderationRoute(usersEndpoints.unbanUser, 'unban');
export const lockUserRoute = moderationRoute(usersEndpoints.lockUser, 'lock');
export const unlockUserRoute = moderationRoute(usersEndpoints.unlockUser, 'unlock');
