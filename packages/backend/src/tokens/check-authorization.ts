import { scopedValues } from './organization-claims.js';

export type ReverificationLevel = 'first_factor' | 'second_factor' | 'multi_factor';
export type ReverificationPreset = 'strict_mfa' | 'strict' | 'moderate' | 'lax';

/** What `has()` can be asked, as in Clerk: every dimension given must pass (AND). */
export interface CheckAuthorizationParams {
  role?: string;
  permission?: string;
  feature?: string;
  plan?: string;
  reverification?: ReverificationPreset | { level: ReverificationLevel; afterMinutes: number };
}

export interface AuthorizationFacts {
  userId: string | null;
  orgId: string | null | undefined;
  orgRole: string | null | undefined;
  orgPermissions: string[] | null | undefined;
  features: unknown;
  plans: unknown;
  factorVerificationAge: [number, number] | null;
}

type Outcome = 'pass' | 'fail' | 'skip';

const PRESETS: Record<ReverificationPreset, { level: ReverificationLevel; afterMinutes: number }> = {
  strict_mfa: { afterMinutes: 10, level: 'multi_factor' },
  strict: { afterMinutes: 10, level: 'second_factor' },
  moderate: { afterMinutes: 60, level: 'second_factor' },
  lax: { afterMinutes: 1440, level: 'second_factor' },
};

const withOrgPrefix = (value: string) => value.replace(/^(org:)*/, 'org:');

/**
 * Clerk's `has()` semantics: `role`/`permission` look at the active organization (`admin` and
 * `org:admin` are the same role), `feature`/`plan` at the `fea`/`pla` claims (`o:`/`u:` scopes optional),
 * `reverification` at `fva`. Nothing asked, or no user, is `false`.
 *
 * @example
 * createCheckAuthorization(facts)({ role: 'org:admin' })
 */
export function createCheckAuthorization(facts: AuthorizationFacts): (params: CheckAuthorizationParams) => boolean {
  return (params) => {
    if (!facts.userId || typeof params !== 'object' || params === null) return false;
    const outcomes = [
      checkOrganization(params, facts),
      checkBilling(params, facts),
      checkReverification(params, facts),
    ];
    return outcomes.some((outcome) => outcome === 'pass') && outcomes.every((outcome) => outcome !== 'fail');
  };
}

function checkOrganization(params: CheckAuthorizationParams, facts: AuthorizationFacts): Outcome {
  if (params.role === undefined && params.permission === undefined) return 'skip';
  if (!facts.orgId) return 'fail';
  if (params.role !== undefined) {
    if (typeof params.role !== 'string' || !facts.orgRole) return 'fail';
    if (withOrgPrefix(facts.orgRole) !== withOrgPrefix(params.role)) return 'fail';
  }
  if (params.permission !== undefined) {
    if (typeof params.permission !== 'string' || !Array.isArray(facts.orgPermissions)) return 'fail';
    if (!facts.orgPermissions.includes(withOrgPrefix(params.permission))) return 'fail';
  }
  return 'pass';
}

function checkBilling(params: CheckAuthorizationParams, facts: AuthorizationFacts): Outcome {
  if (params.feature === undefined && params.plan === undefined) return 'skip';
  if (params.feature !== undefined && !claimIncludes(facts.features, params.feature)) return 'fail';
  if (params.plan !== undefined && !claimIncludes(facts.plans, params.plan)) return 'fail';
  return 'pass';
}

function claimIncludes(claim: unknown, asked: unknown): boolean {
  if (typeof asked !== 'string' || asked === '') return false;
  const { org, user } = scopedValues(claim);
  const colon = asked.indexOf(':');
  if (colon < 0) return org.includes(asked) || user.includes(asked);
  const scope = asked.slice(0, colon);
  const id = asked.slice(colon + 1);
  if (scope === 'o' || scope === 'org' || scope === 'organization') return org.includes(id);
  if (scope === 'u' || scope === 'user') return user.includes(id);
  return false;
}

function checkReverification(params: CheckAuthorizationParams, facts: AuthorizationFacts): Outcome {
  if (params.reverification === undefined) return 'skip';
  const config = typeof params.reverification === 'string' ? PRESETS[params.reverification] : params.reverification;
  if (!config || !(config.afterMinutes > 0)) return 'fail';
  const age = facts.factorVerificationAge;
  if (!Array.isArray(age) || age.length !== 2) return 'fail';
  const [first, second] = age;
  const valid = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && (value === -1 || value >= 0);
  if (!valid(first) || !valid(second) || (first === -1 && second === -1)) return 'fail';
  const firstFresh = first !== -1 && config.afterMinutes > first;
  const secondFresh = second !== -1 && config.afterMinutes > second;
  switch (config.level) {
    case 'first_factor':
      return firstFresh ? 'pass' : 'fail';
    case 'second_factor':
      if (second === -1) return firstFresh ? 'pass' : 'fail';
      return secondFresh ? 'pass' : 'fail';
    case 'multi_factor':
      if (second === -1) return firstFresh ? 'pass' : 'fail';
      if (first === -1) return 'fail';
      return firstFresh && secondFresh ? 'pass' : 'fail';
    default:
      return 'fail';
  }
}
