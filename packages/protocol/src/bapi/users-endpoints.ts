import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { DeletedObjectJSON, PasswordVerifiedJSON, TotalCountJSON } from '../resources/common.js';
import { UserJSON } from '../resources/user.js';
import {
  CountUsersQuery,
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  UserIdParams,
  UserMetadataBody,
  VerifyPasswordBody,
} from './user-params.js';

const tag = 'Users';

export const listUsers = defineEndpoint({
  method: 'get',
  path: '/users',
  operationId: 'GetUserList',
  summary: 'List all users, newest first; a bare array, filtered and paginated.',
  tag,
  query: ListUsersQuery,
  response: z.array(UserJSON),
});

export const countUsers = defineEndpoint({
  method: 'get',
  path: '/users/count',
  operationId: 'GetUsersCount',
  summary: 'Count the users that match the same filters as the list.',
  tag,
  query: CountUsersQuery,
  response: TotalCountJSON,
});

export const createUser = defineEndpoint({
  method: 'post',
  path: '/users',
  operationId: 'CreateUser',
  summary: 'Create a user with identifiers, a password or an imported digest, and metadata.',
  tag,
  body: CreateUserBody,
  response: UserJSON,
});

export const getUser = defineEndpoint({
  method: 'get',
  path: '/users/{user_id}',
  operationId: 'GetUser',
  summary: 'Retrieve a user.',
  tag,
  params: UserIdParams,
  response: UserJSON,
  errors: [404],
});

export const updateUser = defineEndpoint({
  method: 'patch',
  path: '/users/{user_id}',
  operationId: 'UpdateUser',
  summary: 'Update a user; omitted fields keep their value.',
  tag,
  params: UserIdParams,
  body: UpdateUserBody,
  response: UserJSON,
  errors: [404],
});

export const deleteUser = defineEndpoint({
  method: 'delete',
  path: '/users/{user_id}',
  operationId: 'DeleteUser',
  summary: 'Delete a user and everything attached to them.',
  tag,
  params: UserIdParams,
  response: DeletedObjectJSON,
  errors: [404],
});

export const mergeUserMetadata = defineEndpoint({
  method: 'patch',
  path: '/users/{user_id}/metadata',
  operationId: 'UpdateUserMetadata',
  summary: 'Deep-merge metadata into the user; a null value deletes its key.',
  tag,
  params: UserIdParams,
  body: UserMetadataBody,
  response: UserJSON,
  errors: [404],
});

export const replaceUserMetadata = defineEndpoint({
  method: 'put',
  path: '/users/{user_id}/metadata',
  operationId: 'ReplaceUserMetadata',
  summary: 'Replace the given metadata objects wholesale.',
  tag,
  params: UserIdParams,
  body: UserMetadataBody,
  response: UserJSON,
  errors: [404],
});

const userAction = (action: string, operationId: string, summary: string) =>
  defineEndpoint({
    method: 'post',
    path: `/users/{user_id}/${action}`,
    operationId,
    summary,
    tag,
    params: UserIdParams,
    response: UserJSON,
    errors: [404],
  });

export const banUser = userAction('ban', 'BanUser', 'Ban a user: they can no longer sign in.');
export const unbanUser = userAction('unban', 'UnbanUser', 'Lift a ban.');
export const lockUser = userAction('lock', 'LockUser', 'Lock a user until unlocked (or the lockout expires).');
export const unlockUser = userAction('unlock', 'UnlockUser', 'Unlock a user and reset failed attempts.');

export const verifyUserPassword = defineEndpoint({
  method: 'post',
  path: '/users/{user_id}/verify_password',
  operationId: 'VerifyPassword',
  summary: 'Check a password against the user’s; imported digests are upgraded to argon2id on success.',
  tag,
  params: UserIdParams,
  body: VerifyPasswordBody,
  response: PasswordVerifiedJSON,
  errors: [404],
});
