import { joinPaths, requireId } from './path.js';
import type { RequestFunction } from './request.js';
import type { PaginatedResourceResponse, Session, Token } from './resources.js';

export interface SessionListParams {
  clientId?: string;
  userId?: string;
  status?: Session['status'];
  limit?: number;
  offset?: number;
}

/** `latch.sessions`, named like `clerkClient.sessions`. */
export function createSessionsAPI(request: RequestFunction) {
  const base = '/sessions';
  return {
    getSessionList(params: SessionListParams = {}): Promise<PaginatedResourceResponse<Session>> {
      return request({ method: 'GET', path: base, queryParams: { ...params, paginated: true } });
    },
    getSession(sessionId: string): Promise<Session> {
      return request({ method: 'GET', path: joinPaths(base, requireId(sessionId, 'sessionId')) });
    },
    /** An active session for the user on a fresh client (testing, support tooling). */
    createSession(params: { userId: string }): Promise<Session> {
      return request({ method: 'POST', path: base, bodyParams: { userId: params.userId } });
    },
    revokeSession(sessionId: string): Promise<Session> {
      return request({ method: 'POST', path: joinPaths(base, requireId(sessionId, 'sessionId'), 'revoke') });
    },
    verifySession(sessionId: string, token: string): Promise<Session> {
      return request({
        method: 'POST',
        path: joinPaths(base, requireId(sessionId, 'sessionId'), 'verify'),
        bodyParams: { token },
      });
    },
    /** A fresh session token, or a JWT-template token when `template` is given. */
    getToken(sessionId: string, template?: string, expiresInSeconds?: number): Promise<Token> {
      return request({
        method: 'POST',
        path: joinPaths(base, requireId(sessionId, 'sessionId'), 'tokens', template || undefined),
        bodyParams: expiresInSeconds === undefined ? {} : { expiresInSeconds },
      });
    },
  };
}

export type SessionsAPI = ReturnType<typeof createSessionsAPI>;
