/** What `has()` and `<Protect>` can ask about (Clerk's `CheckAuthorizationParams`). */
export interface AuthorizationParams {
  role?: string;
  permission?: string;
  feature?: string;
  plan?: string;
}

export interface AuthorizationFacts {
  userId: string | null | undefined;
  orgId: string | null | undefined;
  orgRole: string | null | undefined;
  orgPermissions: string[] | null | undefined;
  /** Top-level `fea` / `pla` claims when the token carries them. */
  features?: string[];
  plans?: string[];
}

/**
 * Answers `has({ role | permission | feature | plan })` from what the session token says. Signed out (or
 * still loading) answers `false` rather than throwing, so a component may call it on its first render.
 * Roles and permissions are organization-scoped (`org:admin`, `org:reports:read`), as in Clerk.
 *
 * @example
 * checkAuthorization({ userId: 'user_1', orgId: 'org_1', orgRole: 'org:admin', orgPermissions: [] }, { role: 'org:admin' }) // true
 */
export function checkAuthorization(facts: AuthorizationFacts, params: AuthorizationParams): boolean {
  if (!facts.userId) return false;
  const checks: boolean[] = [];
  if (params.role !== undefined) checks.push(Boolean(facts.orgId) && facts.orgRole === params.role);
  if (params.permission !== undefined) {
    checks.push(Boolean(facts.orgId) && (facts.orgPermissions ?? []).includes(params.permission));
  }
  if (params.feature !== undefined) checks.push(matchesEntitlement(facts.features, params.feature));
  if (params.plan !== undefined) checks.push(matchesEntitlement(facts.plans, params.plan));
  // `has({})` asks nothing: like Clerk, that is not a grant.
  return checks.length > 0 && checks.every(Boolean);
}

/** `feature: 'export'` matches `u:export` or `o:export`; a scoped name (`org:export`) is compared as given. */
function matchesEntitlement(list: string[] | undefined, wanted: string): boolean {
  if (!list) return false;
  const bare = wanted.replace(/^(user|org|u|o):/, '');
  return list.some((entry) => entry === wanted || entry.replace(/^(u|o):/, '') === bare);
}
