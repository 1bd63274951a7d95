import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { listOf, SESSION_STATUSES, SessionJSON, TokenJSON } from '../resources/session.js';

const tag = 'Sessions';

/** `limit`, `offset` and `paginated` (`{data, total_count}` instead of a bare array), shared by list endpoints. */
export const paginationQueryFields = {
  paginated: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(10),
  offset: z.coerce.number().int().min(0).default(0),
};

/** Path parameter of every `/sessions/{session_id}/…` endpoint. */
export const SessionIdParams = z.object({ session_id: z.string().min(1).max(128) });

/** Path parameters of `/sessions/{session_id}/tokens/{template_name}`. */
export const SessionTemplateParams = z.object({
  session_id: z.string().min(1).max(128),
  template_name: z.string().min(1).max(128),
});

/** Query of `GET /sessions`. */
export const ListSessionsQuery = z
  .strictObject({
    client_id: z.string().min(1).max(128).optional(),
    user_id: z.string().min(1).max(128).optional(),
    status: z.enum(SESSION_STATUSES).optional(),
    ...paginationQueryFields,
  })
  .meta({ id: 'ListSessionsQuery' });
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;

/** Body of `POST /sessions`: a signed-in session for a user, on a client of its own (for testing). */
export const CreateSessionBody = z
  .strictObject({ user_id: z.string().min(1).max(128) })
  .meta({ id: 'CreateSessionBody' });
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

/** Body of `POST /sessions/{session_id}/verify`. */
export const VerifySessionBody = z
  .strictObject({ token: z.string().min(1).max(16_384) })
  .meta({ id: 'VerifySessionBody' });
export type VerifySessionBody = z.infer<typeof VerifySessionBody>;

/** Body of both token endpoints; without `expires_in_seconds` the usual lifetime applies. */
export const CreateSessionTokenBody = z
  .strictObject({ expires_in_seconds: z.number().int().min(30).max(315_360_000).nullable().optional() })
  .meta({ id: 'CreateSessionTokenBody' });
export type CreateSessionTokenBody = z.infer<typeof CreateSessionTokenBody>;

export const listSessions = defineEndpoint({
  method: 'get',
  path: '/sessions',
  operationId: 'GetSessionList',
  summary: 'List sessions, newest first, optionally of one client or user and in one status.',
  tag,
  query: ListSessionsQuery,
  response: listOf(SessionJSON),
});

export const createSession = defineEndpoint({
  method: 'post',
  path: '/sessions',
  operationId: 'createSession',
  summary: 'Start an active session for a user on a new client (for testing and impersonation-free tooling).',
  tag,
  body: CreateSessionBody,
  response: SessionJSON,
  errors: [404],
});

export const getSession = defineEndpoint({
  method: 'get',
  path: '/sessions/{session_id}',
  operationId: 'GetSession',
  summary: 'Retrieve a session.',
  tag,
  params: SessionIdParams,
  response: SessionJSON,
  errors: [404],
});

export const revokeSession = defineEndpoint({
  method: 'post',
  path: '/sessions/{session_id}/revoke',
  operationId: 'RevokeSession',
  summary: 'Revoke a session: the user is signed out of it on its client at once.',
  tag,
  params: SessionIdParams,
  response: SessionJSON,
  errors: [404],
});

export const verifySession = defineEndpoint({
  method: 'post',
  path: '/sessions/{session_id}/verify',
  operationId: 'VerifySession',
  summary: 'Deprecated in Clerk: check that a session token is valid and belongs to this live session.',
  tag,
  params: SessionIdParams,
  body: VerifySessionBody,
  response: SessionJSON,
  errors: [404],
});

export const createSessionToken = defineEndpoint({
  method: 'post',
  path: '/sessions/{session_id}/tokens',
  operationId: 'CreateSessionToken',
  summary: 'Mint a session token for a live session.',
  tag,
  params: SessionIdParams,
  body: CreateSessionTokenBody,
  response: TokenJSON,
  errors: [404],
});

export const createSessionTokenFromTemplate = defineEndpoint({
  method: 'post',
  path: '/sessions/{session_id}/tokens/{template_name}',
  operationId: 'CreateSessionTokenFromTemplate',
  summary: 'Mint a token from a JWT template for a live session.',
  tag,
  params: SessionTemplateParams,
  body: CreateSessionTokenBody,
  response: TokenJSON,
  errors: [404],
});
