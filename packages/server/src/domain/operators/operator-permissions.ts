import type { OperatorRole } from '../../store/operator-store.js';

/**
 * What a support operator may change besides reading: unlocking a user who locked themselves out
 * and resending what a user did not receive. Paths are Backend API paths after `/api/v1`.
 */
const SUPPORT_WRITES: readonly RegExp[] = [
  /^\/users\/[^/]+\/unlock$/,
  /^\/organizations\/[^/]+\/invitations\/[^/]+\/resend$/,
  /^\/webhooks\/endpoints\/[^/]+\/messages\/[^/]+\/resend$/,
  // Previews compute, they change nothing.
  /^\/jwt_templates\/preview$/,
];

/**
 * Whether an operator with `role` may make this Backend API call. Owners and admins may make any;
 * support operators may read and make the few writes above.
 */
export function operatorMayCall(role: OperatorRole, method: string, path: string): boolean {
  if (role === 'owner' || role === 'admin') return true;
  if (method === 'GET' || method === 'HEAD') return true;
  return method === 'POST' && SUPPORT_WRITES.some((pattern) => pattern.test(path));
}
