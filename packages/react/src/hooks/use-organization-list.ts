'use client';
import type { Organization } from '@latch/js';
import { useLatchContext } from '../latch-context.js';
import type { LatchOrganizationMembership, SetActiveParams } from '../latch-types.js';
import { type UserListName, userListFetcher } from './organization-sources.js';
import type { DisabledPaginatedResources, PaginatedResources } from './paginated-resource.js';
import { type PaginatedParam, splitPaginatedParam, usePaginatedResource } from './use-paginated-resource.js';

export interface UseOrganizationListParams {
  /** `true` or `{ pageSize?; initialPage?; infinite?; keepPreviousData? }`. */
  userMemberships?: PaginatedParam;
  /** `true` or `{ status?: 'pending' | 'accepted' | 'revoked'; …pagination }`. */
  userInvitations?: PaginatedParam<{ status?: string }>;
  /** `true` or `{ status?: 'pending' | 'accepted' | ('pending' | 'accepted')[]; …pagination }`. */
  userSuggestions?: PaginatedParam<{ status?: string | string[] }>;
}

/** One entry of `organizationList` (NOTES #3): an organization the user belongs to, with the membership. */
export interface OrganizationListEntry {
  organization: Organization;
  membership: LatchOrganizationMembership;
}

type List = PaginatedResources<unknown> | DisabledPaginatedResources;

export type UseOrganizationListReturn =
  | {
      isLoaded: false;
      organizationList: undefined;
      createOrganization: undefined;
      setActive: undefined;
      userMemberships: List;
      userInvitations: List;
      userSuggestions: List;
    }
  | {
      isLoaded: true;
      /** Every organization the user belongs to, from the user resource (no extra request). */
      organizationList: OrganizationListEntry[];
      createOrganization: (params: { name: string; slug?: string }) => Promise<Organization>;
      setActive: (params: SetActiveParams) => Promise<void>;
      userMemberships: List;
      userInvitations: List;
      userSuggestions: List;
    };

/**
 * The signed-in user's organizations and the means to create one or switch, like Clerk's
 * `useOrganizationList()`, plus `organizationList` (`{ organization, membership }[]`) that the
 * product's samples use. The paginated lists load only when asked for.
 *
 * @example
 * const { isLoaded, setActive, userMemberships } = useOrganizationList({ userMemberships: { infinite: true } });
 * await setActive({ organization: userMemberships.data[0].organization.id });
 */
export function useOrganizationList(params: UseOrganizationListParams = {}): UseOrganizationListReturn {
  const { latch, resources } = useLatchContext();
  const userId = resources?.user?.id ?? null;
  const ready = latch && userId ? latch : null;
  const lists = {
    userMemberships: useUserList(ready, userId, 'getOrganizationMemberships', params.userMemberships),
    userInvitations: useUserList(ready, userId, 'getOrganizationInvitations', params.userInvitations),
    userSuggestions: useUserList(ready, userId, 'getOrganizationSuggestions', params.userSuggestions),
  };
  if (!latch || !resources) {
    return {
      isLoaded: false,
      organizationList: undefined,
      createOrganization: undefined,
      setActive: undefined,
      ...lists,
    };
  }
  return {
    isLoaded: true,
    organizationList: organizationListOf(resources.user?.organizationMemberships ?? []),
    createOrganization: (create) => latch.createOrganization(create),
    setActive: (active) => latch.setActive(active),
    ...lists,
  };
}

/** The user's embedded memberships as `{ organization, membership }` pairs (malformed entries skipped). */
export function organizationListOf(memberships: readonly unknown[]): OrganizationListEntry[] {
  const entries: OrganizationListEntry[] = [];
  for (const entry of memberships as LatchOrganizationMembership[]) {
    if (!entry?.organization?.id) continue;
    entries.push({ organization: entry.organization as unknown as Organization, membership: entry });
  }
  return entries;
}

function useUserList(
  latch: ReturnType<typeof useLatchContext>['latch'],
  userId: string | null,
  name: UserListName,
  param: PaginatedParam<object>,
): List {
  const split = splitPaginatedParam(param);
  const fetcher = latch && split ? userListFetcher(latch, name, split.filters) : null;
  return usePaginatedResource(`${name}:${userId}:${JSON.stringify(param ?? null)}`, fetcher, split?.options ?? {});
}
