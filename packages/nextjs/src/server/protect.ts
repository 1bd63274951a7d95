import type { AuthObject, CheckAuthorizationParams as AuthorizationParams, SignedInAuthObject } from '@latch/backend';
import { isPageRequest, isServerActionRequest, type RequestLike } from './request-kind.js';

export type ProtectParams = AuthorizationParams & {
  /** `true`: an active organization is required; a string: that organization must be active. */
  organizationId?: boolean | string;
  /** Where to send signed-out visitors instead of the sign-in page. */
  unauthenticatedUrl?: string;
  /** Where to send signed-in visitors who fail the check, instead of a 404. */
  unauthorizedUrl?: string;
};

export type ProtectCondition = (has: SignedInAuthObject['has']) => boolean;

export interface AuthProtect {
  (params?: ProtectParams): Promise<SignedInAuthObject>;
  (
    condition: ProtectCondition,
    options?: Pick<ProtectParams, 'unauthenticatedUrl' | 'unauthorizedUrl'>,
  ): Promise<SignedInAuthObject>;
}

/** What "deny" means where `protect()` runs: the middleware returns responses, pages throw Next errors. */
export interface ProtectOutcomes {
  redirect(url: string): never;
  redirectToSignIn(): never;
  notFound(): never;
  unauthorized(): never;
}

/**
 * `auth.protect()`: returns the signed-in auth object, or denies — signed-out page loads go to sign-in
 * (with a way back), signed-out Server Actions get 401, other signed-out requests and failed checks a
 * 404, like Clerk (a 404 does not reveal that the route exists).
 *
 * @example
 * await auth.protect({ role: 'org:admin' });
 */
export function createProtect(request: RequestLike, authObject: AuthObject, outcomes: ProtectOutcomes): AuthProtect {
  return (async (first?: ProtectParams | ProtectCondition, second?: ProtectParams) => {
    const params = typeof first === 'object' ? first : undefined;
    const unauthenticatedUrl = params?.unauthenticatedUrl ?? second?.unauthenticatedUrl;
    const unauthorizedUrl = params?.unauthorizedUrl ?? second?.unauthorizedUrl;

    if (!authObject.userId || authObject.sessionStatus === 'pending') {
      if (unauthenticatedUrl) outcomes.redirect(unauthenticatedUrl);
      if (isPageRequest(request)) outcomes.redirectToSignIn();
      if (isServerActionRequest(request)) outcomes.unauthorized();
      outcomes.notFound();
    }
    const signedIn = authObject as SignedInAuthObject;
    if (!passes(signedIn, first)) {
      if (unauthorizedUrl) outcomes.redirect(unauthorizedUrl);
      outcomes.notFound();
    }
    return signedIn;
  }) as AuthProtect;
}

function passes(auth: SignedInAuthObject, check: ProtectParams | ProtectCondition | undefined): boolean {
  if (!check) return true;
  if (typeof check === 'function') return check(auth.has);
  if (check.organizationId === true && !auth.orgId) return false;
  if (typeof check.organizationId === 'string' && auth.orgId !== check.organizationId) return false;
  const { role, permission, feature, plan } = check;
  const asked: AuthorizationParams = {};
  if (role !== undefined) asked.role = role;
  if (permission !== undefined) asked.permission = permission;
  if (feature !== undefined) asked.feature = feature;
  if (plan !== undefined) asked.plan = plan;
  return Object.keys(asked).length === 0 || auth.has(asked);
}
