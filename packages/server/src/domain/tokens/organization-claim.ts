import type { SessionRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { permissionKeysOf } from '../organizations/organization-roles.js';

/** The v2 `o` claim: the active organization, the member's role and permissions (PROTOCOL.md §4.2). */
export interface OrganizationClaim {
  id: string;
  slg: string;
  /** Role key without its `org:` prefix (`admin`, `member`, `reports_viewer`). */
  rol: string;
  /** Every permission name (the part after the feature), comma-separated, in a fixed order. */
  per: string;
  /** For each organization feature of `fea`, in order: a decimal bitmap over `per` (bit j = permission j). */
  fpm: string;
}

/** What to merge into a v2 session token's payload: `o` and the top-level `fea` its `fpm` refers to. */
export interface OrganizationClaims {
  o: OrganizationClaim;
  /** `o:<feature>` entries, comma-separated. */
  fea: string;
}

/**
 * Encodes permission keys `org:<feature>:<permission>` as Clerk's v2 claims: features and
 * permission names sorted, one bitmap per feature. `@clerk/backend` rebuilds exactly the same keys
 * (`buildOrgPermissions` in @clerk/shared): feature i, bit j of `fpm[i]` → `org:${fea[i]}:${per[j]}`.
 *
 * @example
 * encodePermissions(['org:members:manage', 'org:members:read'])
 * // { fea: 'o:members', per: 'manage,read', fpm: '3' }
 */
export function encodePermissions(keys: string[]): { fea: string; per: string; fpm: string } {
  const pairs = keys
    .map((key) => /^org:([^:,]+):([^:,]+)$/.exec(key))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1] as string, match[2] as string] as const);
  const features = [...new Set(pairs.map(([feature]) => feature))].sort();
  const permissions = [...new Set(pairs.map(([, permission]) => permission))].sort();
  const bitmaps = features.map((feature) => {
    let bits = 0n;
    for (const [f, permission] of pairs) if (f === feature) bits |= 1n << BigInt(permissions.indexOf(permission));
    return bits.toString();
  });
  return {
    fea: features.map((feature) => `o:${feature}`).join(','),
    per: permissions.join(','),
    fpm: bitmaps.join(','),
  };
}

/**
 * The organization claims for a session token: for the session's active organization (or
 * `organizationId` when the token request names one), or null — personal account, organization
 * deleted, or the user no longer a member. That last case is why this runs at every mint: a removed
 * member's next token simply carries no organization.
 *
 * @example
 * // in the token mint path, after the standard claims:
 * const org = await organizationClaims(store, session);
 * const payload = { ...claims, ...(org ?? {}) };
 */
export async function organizationClaims(
  store: Store,
  session: Pick<SessionRecord, 'userId' | 'lastActiveOrganizationId'>,
  organizationId: string | null = session.lastActiveOrganizationId,
): Promise<OrganizationClaims | null> {
  if (!organizationId || organizationId.length > 128) return null;
  const [membership] = await store.organizations.memberships.list(
    { organizationId, userId: session.userId },
    { limit: 1, offset: 0 },
  );
  if (!membership) return null;
  const [organization, role] = await Promise.all([
    store.organizations.organizations.findById(organizationId),
    store.organizations.roles.findById(membership.roleId),
  ]);
  if (!organization || !role) return null;
  const { fea, per, fpm } = encodePermissions(await permissionKeysOf(store, role));
  return {
    o: { id: organization.id, slg: organization.slug, rol: role.key.replace(/^org:/, ''), per, fpm },
    fea,
  };
}

/** Just the `o` claim, for callers that manage `fea` themselves. */
export async function organizationClaim(
  store: Store,
  session: Pick<SessionRecord, 'userId' | 'lastActiveOrganizationId'>,
): Promise<OrganizationClaim | null> {
  return (await organizationClaims(store, session))?.o ?? null;
}
