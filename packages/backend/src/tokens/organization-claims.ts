import type { JwtPayload } from '../jwt/decode-jwt.js';

export interface OrganizationClaims {
  orgId: string | undefined;
  orgRole: string | undefined;
  orgSlug: string | undefined;
  orgPermissions: string[] | undefined;
}

/**
 * The active organization of a session token: v2's compact `o` claim (PROTOCOL.md §4.2) or v1's
 * `org_*` claims. v2 permissions are a bitmap: for the i-th org feature of `fea`, bit j (LSB first) of
 * the i-th decimal number in `o.fpm` grants permission j of `o.per` → `org:<feature>:<permission>`.
 *
 * @example
 * organizationClaims({ v: 2, fea: 'o:members', o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'manage,read', fpm: '3' }, … })
 * // { orgId: 'org_1', orgSlug: 'acme', orgRole: 'org:admin', orgPermissions: ['org:members:manage', 'org:members:read'] }
 */
export function organizationClaims(claims: JwtPayload): OrganizationClaims {
  if (claims.v === 2) {
    const o = claims.o;
    if (!o || typeof o !== 'object') return none();
    return {
      orgId: o.id,
      orgSlug: o.slg,
      orgRole: o.rol ? `org:${o.rol}` : undefined,
      orgPermissions: v2Permissions(scopedValues(claims.fea).org, o.per, o.fpm),
    };
  }
  return {
    orgId: claims.org_id,
    orgSlug: claims.org_slug,
    orgRole: claims.org_role,
    orgPermissions: Array.isArray(claims.org_permissions) ? claims.org_permissions : undefined,
  };
}

function none(): OrganizationClaims {
  return { orgId: undefined, orgRole: undefined, orgSlug: undefined, orgPermissions: undefined };
}

/**
 * Splits `fea`/`pla` (`"o:members,u:export,ou:sso"`) into org and user values. Malformed elements
 * (no scope prefix) are skipped rather than thrown on: a bad claim must not crash the request.
 */
export function scopedValues(claim: unknown): { org: string[]; user: string[] } {
  const org: string[] = [];
  const user: string[] = [];
  if (typeof claim !== 'string' || claim === '') return { org, user };
  for (const element of claim.split(',')) {
    const part = element.trim();
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const scope = part.slice(0, colon);
    const value = part.slice(colon + 1);
    if (scope === 'o' || scope === 'ou' || scope === 'uo') org.push(value);
    if (scope === 'u' || scope === 'ou' || scope === 'uo') user.push(value);
  }
  return { org, user };
}

function v2Permissions(features: string[], per: unknown, fpm: unknown): string[] {
  if (typeof per !== 'string' || typeof fpm !== 'string' || per === '' || fpm === '') return [];
  const permissions = per.split(',').map((permission) => permission.trim());
  const masks = fpm.split(',').map((mask) => mask.trim());
  const granted: string[] = [];
  features.forEach((feature, index) => {
    const mask = masks[index];
    if (mask === undefined || !/^\d+$/.test(mask)) return;
    // BigInt: a feature may carry more than 53 permissions without losing bits.
    let bits = BigInt(mask);
    for (let bit = 0; bit < permissions.length && bits > 0n; bit++, bits >>= 1n) {
      if (bits & 1n) granted.push(`org:${feature}:${permissions[bit]}`);
    }
  });
  return granted;
}
