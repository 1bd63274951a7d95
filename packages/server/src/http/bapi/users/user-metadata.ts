import { usersEndpoints } from '@latch/protocol';
import { updateUserMetadata } from '../../../domain/users/update-user-metadata.js';
import { route } from '../route.js';
import { toUserJSON } from '../user-json.js';

export const mergeUserMetadataRoute = route(
  usersEndpoints.mergeUserMetadata,
  async ({ params, body }, { store, clock }) =>
    toUserJSON(await updateUserMetadata(store, params.user_id, body, 'merge', clock.now()), clock.now()),
);

export const replaceUserMetadataRoute = route(
  usersEndpoints.replaceUserMetadata,
  async ({ params, body }, { store, clock }) =>
    toUserJSON(await updateUserMetadata(store, params.user_id, body, 'replace', clock.now()), clock.now()),
);
