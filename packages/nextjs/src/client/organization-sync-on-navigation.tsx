'use client';
import { useLatchContext } from '@latch/react';
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { matchOrganizationSync, type OrganizationSyncOptions } from '../organization-sync-patterns.js';

/** Clerk's URL shape for organization pages, used when the app only says `{ enabled: true }`. */
const DEFAULT_ORGANIZATION_PATTERNS = ['/org/:slug', '/org/:slug/(.*)'];

/** `<LatchProvider organizationSyncOptions={…}>` (NOTES #1): the browser-side half of the sync. */
export interface ClientOrganizationSyncOptions extends OrganizationSyncOptions {
  enabled?: boolean;
  /** Also sync on the first render (landing from a redirect), not only on client-side navigation. */
  syncOnRedirect?: boolean;
}

/**
 * Keeps the active organization in step with the URL as the user navigates: on `/org/acme/…` it
 * makes Acme active (`setActive({ organization })`), on a personal-account pattern it leaves any
 * organization. The token changes with it and the provider refreshes the Server Components. The
 * middleware does the same for full page loads (`latchMiddleware(…, { organizationSyncOptions })`).
 */
export function OrganizationSyncOnNavigation() {
  const { latch, resources, options } = useLatchContext();
  const pathname = usePathname();
  const sync = options.organizationSyncOptions as ClientOrganizationSyncOptions | undefined;
  const enabled = Boolean(sync) && sync?.enabled !== false;
  const sessionId = resources?.session?.id ?? null;
  const activeOrganizationId = resources?.session?.lastActiveOrganizationId ?? null;

  useEffect(() => {
    if (!enabled || !latch || !sessionId || !pathname) return;
    const target = matchOrganizationSync(pathname, {
      organizationPatterns: sync?.organizationPatterns ?? DEFAULT_ORGANIZATION_PATTERNS,
      personalAccountPatterns: sync?.personalAccountPatterns ?? [],
    });
    if (!target) return;
    const wanted = target.type === 'personalAccount' ? null : resolveOrganizationId(latch.user, target);
    if (wanted === undefined || wanted === activeOrganizationId) return;
    latch.setActive({ organization: wanted }).catch((error: unknown) => {
      // Not a member (404): the page renders for the organization that stays active, as on the server.
      console.warn('@latch/nextjs: could not switch to the organization in the URL', error);
    });
  }, [enabled, latch, sessionId, pathname, activeOrganizationId, sync]);
  return null;
}

/** The organization id the URL names: an id as is, a slug through the user's memberships; undefined if unknown. */
function resolveOrganizationId(
  user: { organizationMemberships?: unknown[] } | null,
  target: { organizationId?: string; organizationSlug?: string },
): string | undefined {
  if (target.organizationId) return target.organizationId;
  for (const entry of user?.organizationMemberships ?? []) {
    const organization = (entry as { organization?: { id?: unknown; slug?: unknown } }).organization;
    if (organization?.slug === target.organizationSlug && typeof organization?.id === 'string') return organization.id;
  }
  return undefined;
}
