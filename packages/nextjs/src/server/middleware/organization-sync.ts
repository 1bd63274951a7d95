import type { AuthObject } from '@latch/backend';
import type { NextRequest } from 'next/server';
import { matchOrganizationSync, type OrganizationSyncOptions } from '../../organization-sync-patterns.js';

export type { OrganizationSyncOptions };

/** The short-lived cookie naming the target of the last sync handshake, so an impossible switch cannot loop. */
export const ORG_SYNC_COOKIE = '__latch_org_sync';

/**
 * The `organization_id` to hand the handshake when the token's organization is not the one the URL
 * names ('' for the personal account), or null when they agree (or the request cannot switch).
 */
export function organizationToSync(
  request: NextRequest,
  auth: AuthObject,
  options: OrganizationSyncOptions | undefined,
): string | null {
  if (!options || !auth.userId || !isDocumentNavigation(request)) return null;
  const target = matchOrganizationSync(request.nextUrl.pathname, options);
  if (!target) return null;
  let wanted: string | null = null;
  if (target.type === 'personalAccount') {
    if (auth.orgId) wanted = '';
  } else if (target.organizationId && target.organizationId !== auth.orgId) {
    wanted = target.organizationId;
  } else if (target.organizationSlug && target.organizationSlug !== auth.orgSlug) {
    wanted = target.organizationSlug;
  }
  if (wanted === null) return null;
  // Tried this very switch a moment ago and came back unchanged (not a member, no such organization):
  // render with the session as it is rather than bounce forever.
  if (request.cookies.get(ORG_SYNC_COOKIE)?.value === encodeURIComponent(wanted || '(personal)')) return null;
  return wanted;
}

/**
 * The redirect through the Frontend API's handshake that switches the organization and comes back to
 * the same URL with a fresh token.
 */
export function organizationSyncRedirect(
  request: NextRequest,
  frontendApiBase: string,
  organizationId: string,
): Headers {
  const url = new URL(`${frontendApiBase.replace(/\/+$/, '')}/v1/client/handshake`);
  url.searchParams.set('redirect_url', request.url);
  url.searchParams.set('organization_id', organizationId);
  url.searchParams.set('__clerk_hs_reason', 'active-organization-switch-required');
  url.searchParams.set('format', 'nonce');
  const suffixed = request.cookies.getAll().some((cookie) => cookie.name.startsWith('__client_uat_'));
  url.searchParams.set('suffixed_cookies', String(suffixed));
  const devBrowser = request.cookies.get('__clerk_db_jwt')?.value;
  if (devBrowser) url.searchParams.set('__clerk_db_jwt', devBrowser);
  const headers = new Headers({ location: url.href });
  headers.append(
    'set-cookie',
    `${ORG_SYNC_COOKIE}=${encodeURIComponent(organizationId || '(personal)')}; Path=/; Max-Age=5; HttpOnly; SameSite=Lax`,
  );
  return headers;
}

function isDocumentNavigation(request: NextRequest): boolean {
  if (request.method !== 'GET') return false;
  const dest = request.headers.get('sec-fetch-dest');
  if (dest) return dest === 'document';
  return (request.headers.get('accept') ?? '').includes('text/html');
}
