/** What `session.checkAuthorization()` checks, like clerk-js's `has()` for organization roles and permissions. */
export interface CheckAuthorizationParams {
  role?: string;
  permission?: string;
}

interface MembershipLike {
  role?: unknown;
  permissions?: unknown;
  organization?: { id?: unknown };
}

/**
 * Whether the user's membership in `organizationId` grants `role` or `permission` (both given: both
 * must hold). No active organization, or neither asked for, is `false`: access is never granted by
 * omission.
 */
export function checkMembership(
  memberships: unknown[],
  organizationId: string | null,
  params: CheckAuthorizationParams,
): boolean {
  if (!organizationId || (!params.role && !params.permission)) return false;
  const membership = (memberships as MembershipLike[]).find((entry) => entry.organization?.id === organizationId);
  if (!membership) return false;
  const permissions = Array.isArray(membership.permissions) ? membership.permissions : [];
  const roleOk = !params.role || membership.role === params.role || membership.role === `org:${params.role}`;
  const permissionOk = !params.permission || permissions.includes(params.permission);
  return roleOk && permissionOk;
}
