'use client';
import type { Organization } from '@latch/js';
import { useEffect, useState } from 'react';
import { useLatchContext } from '../latch-context.js';
import type { LatchOrganizationMembership } from '../latch-types.js';
import { organizationListFetcher } from './organization-sources.js';
import type { DisabledPaginatedResources, PaginatedResources } from './paginated-resource.js';
import { type PaginatedParam, splitPaginatedParam, usePaginatedResource } from './use-paginated-resource.js';

export interface UseOrganizationParams {
  /** `true` or `{ role?: string[]; query?: string; pageSize?; initialPage?; infinite?; keepPreviousData? }`. */
  memberships?: PaginatedParam<{ role?: string[]; query?: string }>;
  /** `true` or `{ status?: ('pending' | 'accepted' | 'revoked')[]; …pagination }`. */
  invitations?: PaginatedParam<{ status?: string[] }>;
  /** `true` or `{ status?: 'pending' | 'accepted' | 'revoked'; …pagination }`. */
  membershipRequests?: PaginatedParam<{ status?: string }>;
  /** `true` or `{ enrollmentMode?: 'manual_invitation' | 'automatic_invitation' | 'automatic_suggestion'; … }`. */
  domains?: PaginatedParam<{ enrollmentMode?: string }>;
}

type List = PaginatedResources<unknown> | DisabledPaginatedResources;

export type UseOrganizationReturn =
  | {
      isLoaded: false;
      organization: undefined;
      membership: undefined;
      memberships: List;
      invitations: List;
      membershipRequests: List;
      domains: List;
    }
  | {
      isLoaded: true;
      /** The active organization; null on the personal account or signed out. */
      organization: Organization | null;
      /** The signed-in user's membership in it (role, permissions). */
      membership: LatchOrganizationMembership | null;
      memberships: List;
      invitations: List;
      membershipRequests: List;
      domains: List;
    };

/**
 * The active organization, the user's membership in it, and — when asked for — its paginated lists,
 * like Clerk's `useOrganization()`. Each list is Clerk's paginated-resource object (`data`, `count`,
 * `isLoading`, `page`, `pageCount`, `fetchNext`, `fetchPrevious`, `revalidate`, infinite mode).
 *
 * @example
 * const { organization, memberships } = useOrganization({ memberships: { pageSize: 5, infinite: true } });
 * memberships.data.map((m) => m.publicUserData.identifier); memberships.fetchNext();
 */
export function useOrganization(params: UseOrganizationParams = {}): UseOrganizationReturn {
  const { latch, resources } = useLatchContext();
  const activeId = resources?.session?.lastActiveOrganizationId ?? null;
  const fetched = useActiveOrganizationFallback(latch, activeId, resources?.organization ?? null);
  // Loaded once the SDK is, and — when the session has an organization the user's memberships do not
  // describe (yet) — once that organization was fetched.
  const resolved = resources?.organization ?? (activeId && fetched?.id === activeId ? fetched : null);
  const loaded = Boolean(latch && resources) && (!activeId || resolved !== null);
  const organization = loaded ? resolved : undefined;
  const orgId = organization?.id ?? null;
  const userId = resources?.user?.id ?? null;
  const ready = latch && orgId ? latch : null;
  const scope = `${userId}:${orgId}`;

  const lists = {
    memberships: useOrganizationList(ready, scope, 'getMemberships', params.memberships),
    invitations: useOrganizationList(ready, scope, 'getInvitations', params.invitations),
    membershipRequests: useOrganizationList(ready, scope, 'getMembershipRequests', params.membershipRequests),
    domains: useOrganizationList(ready, scope, 'getDomains', params.domains),
  };
  if (!loaded) return { isLoaded: false, organization: undefined, membership: undefined, ...lists };
  const memberships = (resources?.user?.organizationMemberships ?? []) as LatchOrganizationMembership[];
  const membership = orgId ? (memberships.find((entry) => entry?.organization?.id === orgId) ?? null) : null;
  return { isLoaded: true, organization: organization ?? null, membership, ...lists };
}

/**
 * `latch.organization` comes from the user's embedded memberships; right after `setActive` (or with a
 * server that does not embed them) it can be null although the session has an organization: then
 * fetch that organization once (`GET /v1/organizations/{id}`).
 */
function useActiveOrganizationFallback(
  latch: ReturnType<typeof useLatchContext>['latch'],
  activeId: string | null,
  embedded: Organization | null,
): Organization | null {
  const [fetched, setFetched] = useState<Organization | null>(null);
  const needed = Boolean(latch && activeId && !embedded && fetched?.id !== activeId);
  useEffect(() => {
    if (!needed || !latch || !activeId) return;
    let current = true;
    latch.getOrganization(activeId).then(
      (organization) => {
        if (current) setFetched(organization);
      },
      () => {
        // Not a member any more (404): the next client update drops the organization from the session.
      },
    );
    return () => {
      current = false;
    };
  }, [needed, latch, activeId]);
  return fetched;
}

function useOrganizationList(
  latch: ReturnType<typeof useLatchContext>['latch'],
  scope: string,
  name: 'getMemberships' | 'getInvitations' | 'getMembershipRequests' | 'getDomains',
  param: PaginatedParam<object>,
): List {
  const split = splitPaginatedParam(param);
  const fetcher = latch && split ? organizationListFetcher(latch, name, split.filters) : null;
  return usePaginatedResource(`${name}:${scope}:${JSON.stringify(param ?? null)}`, fetcher, split?.options ?? {});
}
