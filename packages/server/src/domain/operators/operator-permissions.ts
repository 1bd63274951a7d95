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

/** Who runs the instance is the owners' call alone: admins and support may only list operators. */
const OWNER_ONLY: readonly RegExp[] = [/^\/operators(\/|$)/];

/** Reads that hand over a credential: support operators see everything else, not these. */
const SUPPORT_HIDDEN_READS: readonly RegExp[] = [/^\/webhooks\/endpoints\/[^/]+\/secret$/];

/**
 * Whether an operator with `role` may make this Backend API call. Owners and admins may make any;
 * support operators may read and make the few writes above.
 */
export function operatorMayCall(role: OperatorRole, method: string, path: string): boolean {
  const reads = method === 'GET' || method === 'HEAD';
  if (role !== 'owner' && !reads && OWNER_ONLY.some((pattern) => pattern.test(path))) return false;
  if (role === 'support' && SUPPORT_HIDDEN_READS.some((pattern) => pattern.test(path))) return false;
  if (role === 'owner' || role === 'admin') return true;
  if (method === 'GET' || method === 'HEAD') return true;
  return method === 'POST' && SUPPORT_WRITES.some((pattern) => pattern.test(path));
}
