/**
 * Clerk's `organizationSyncOptions`: which URLs name an organization (`/org/:slug`, `/orgs/:id/(.*)`)
 * and which mean the personal account. When a signed-in page load's URL names another organization
 * than the session token's, the middleware sends the browser through the handshake with
 * `organization_id`, and Latch makes that organization active before minting the new token — so the
 * page renders with `auth().orgId` already matching the URL.
 */
export interface OrganizationSyncOptions {
  /** Path patterns with `:id` (organization id) or `:slug`; `(.*)` matches the rest. */
  organizationPatterns?: string[];
  /** Path patterns under which the personal account is active. */
  personalAccountPatterns?: string[];
}

/** What the URL asks for: an organization by id or slug, or the personal account. */
export type OrganizationSyncTarget =
  | { type: 'organization'; organizationId?: string; organizationSlug?: string }
  | { type: 'personalAccount' };

/**
 * The target `pathname` names, or null when no pattern matches (organization patterns first, as Clerk).
 *
 * @example
 * matchOrganizationSync('/org/acme/settings', { organizationPatterns: ['/org/:slug', '/org/:slug/(.*)'] })
 * // { type: 'organization', organizationSlug: 'acme' }
 */
export function matchOrganizationSync(
  pathname: string,
  options: OrganizationSyncOptions,
): OrganizationSyncTarget | null {
  for (const pattern of options.organizationPatterns ?? []) {
    const params = matchPath(pattern, pathname);
    if (!params) continue;
    if (params.id) return { type: 'organization', organizationId: params.id };
    if (params.slug) return { type: 'organization', organizationSlug: params.slug };
  }
  for (const pattern of options.personalAccountPatterns ?? []) {
    if (matchPath(pattern, pathname)) return { type: 'personalAccount' };
  }
  return null;
}

/** `/org/:slug/(.*)` → params, or null. `:name` matches one segment; `(.*)` anything. */
function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  let source = '';
  for (const token of pattern.split(/(:[A-Za-z_][A-Za-z0-9_]*|\(\.\*\))/)) {
    if (!token) continue;
    if (token === '(.*)') source += '(?:.*)';
    else if (token.startsWith(':')) {
      names.push(token.slice(1));
      source += '([^/]+)';
    } else source += token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const match = new RegExp(`^${source}/?$`).exec(pathname);
  if (!match) return null;
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    const value = match[index + 1];
    if (value !== undefined) params[name] = decodeURIComponent(value);
  });
  return params;
}
