import { getPath } from 'hono/utils/url';
import type { AppContext } from '../../app-context.js';
import { setRequestOperator } from '../../domain/events/event-context.js';
import { operatorMayCall } from '../../domain/operators/operator-permissions.js';
import { operatorForAccessToken } from '../../domain/operators/operator-sessions.js';
import { isOperatorAccessToken } from '../../domain/operators/operator-tokens.js';
import { LatchAPIError } from '../../errors.js';
import type { OperatorRecord } from '../../store/operator-store.js';

/**
 * The dashboard's credential for the Backend API: a short-lived `opa_…` bearer minted from the
 * operator's session cookie (`/dashboard/api/session/tokens`), so no secret key ever reaches a
 * browser. Returns null when the bearer is not an operator token (the secret-key check then runs);
 * throws 401 for a dead one and 403 when the operator's role does not allow the call.
 */
export async function authenticateOperator(request: Request, context: AppContext): Promise<OperatorRecord | null> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!bearer || !isOperatorAccessToken(bearer)) return null;
  const operator = await operatorForAccessToken(context.store, bearer, context.clock.now());
  if (!operator) {
    throw LatchAPIError.single(
      401,
      'authentication_invalid',
      'Operator token invalid or expired',
      'The operator token is expired or revoked. The dashboard fetches a new one from its session.',
    );
  }
  // The path the router matches: percent-decoded (`/%6Fperators` is `/operators`), so judge that one.
  const path = getPath(request)
    .replace(/^\/api\/v1/, '')
    .replace(/\/+$/, '');
  if (!operatorMayCall(operator.role, request.method, path)) {
    throw LatchAPIError.single(
      403,
      'not_allowed_access',
      'Not allowed',
      `A ${operator.role} operator may not ${request.method} ${path}. Ask an owner or admin.`,
    );
  }
  setRequestOperator(operator.id);
  return operator;
}
