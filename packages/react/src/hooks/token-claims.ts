/**
 * The organization facts a session token carries, read in the browser without verifying it (the
 * server verified it when it minted it; this only fills in what the client resources do not say yet,
 * e.g. the role right after `setActive({ organization })`). Handles v2 tokens (`o` + `fea`, PROTOCOL.md
 * §4.2) and v1 tokens (`org_id`, `org_role`…).
 */
export interface TokenOrganization {
  orgId: string;
  orgRole: string | null;
  orgSlug: string | null;
  orgPermissions: string[];
}

/** The payload of a JWT, or null when it is not one. */
export function decodeTokenClaims(jwt: string | null | undefined): Record<string, unknown> | null {
  const part = jwt?.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
    const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The active organization a token's claims name, or null for a personal-account token. */
export function organizationFromClaims(claims: Record<string, unknown> | null): TokenOrganization | null {
  if (!claims) return null;
  if (claims.v === 2) {
    const o = claims.o as { id?: unknown; slg?: unknown; rol?: unknown; per?: unknown; fpm?: unknown } | undefined;
    if (!o || typeof o.id !== 'string') return null;
    return {
      orgId: o.id,
      orgRole: typeof o.rol === 'string' && o.rol ? `org:${o.rol}` : null,
      orgSlug: typeof o.slg === 'string' ? o.slg : null,
      orgPermissions: decodePermissions(claims.fea, o.per, o.fpm),
    };
  }
  if (typeof claims.org_id !== 'string') return null;
  return {
    orgId: claims.org_id,
    orgRole: typeof claims.org_role === 'string' ? claims.org_role : null,
    orgSlug: typeof claims.org_slug === 'string' ? claims.org_slug : null,
    orgPermissions: Array.isArray(claims.org_permissions)
      ? claims.org_permissions.filter((entry): entry is string => typeof entry === 'string')
      : [],
  };
}

/**
 * `org:<feature>:<permission>` keys from the v2 encoding: the organization-scoped features of `fea`
 * (in order) each have a decimal bitmap in `fpm`, whose bit j grants the j-th name of `per`.
 */
function decodePermissions(fea: unknown, per: unknown, fpm: unknown): string[] {
  if (typeof fea !== 'string' || typeof per !== 'string' || typeof fpm !== 'string' || !per || !fpm) return [];
  const features = fea
    .split(',')
    .map((entry) => entry.trim().split(':'))
    .filter(([scope, name]) => name !== undefined && scope?.includes('o'))
    .map(([, name]) => name as string);
  const names = per.split(',').map((name) => name.trim());
  const bitmaps = fpm.split(',').map((bits) => bits.trim());
  const keys: string[] = [];
  features.forEach((feature, index) => {
    const bitmap = bitmaps[index];
    if (!bitmap || !/^\d+$/.test(bitmap)) return;
    const bits = BigInt(bitmap);
    names.forEach((name, bit) => {
      if ((bits >> BigInt(bit)) & 1n) keys.push(`org:${feature}:${name}`);
    });
  });
  return keys;
}
