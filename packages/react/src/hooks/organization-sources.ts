import type { LatchInstance } from '../latch-types.js';
import type { PageFetcher, PaginatedResponse } from './paginated-resource.js';

/**
 * Where the organization hooks get their lists: the `@latch/js` resource methods with clerk-js's
 * names (`user.getOrganizationMemberships`, `organization.getMemberships`…), each answering Clerk's
 * `{ data, total_count }`. They are looked up at call time, so an older `@latch/js` without one of
 * them yields a list in error (with a message naming the method) rather than a crash.
 */

type Lister = (params: Record<string, unknown>) => Promise<PaginatedResponse<unknown>>;

/** The user's lists `useOrganizationList` shows. */
export type UserListName = 'getOrganizationMemberships' | 'getOrganizationInvitations' | 'getOrganizationSuggestions';
/** The active organization's lists `useOrganization` shows. */
export type OrganizationListName = 'getMemberships' | 'getInvitations' | 'getMembershipRequests' | 'getDomains';

/** A fetcher for one of the signed-in user's lists; `filters` (e.g. `{ status }`) go along with each page. */
export function userListFetcher<T>(
  latch: LatchInstance,
  name: UserListName,
  filters: Record<string, unknown>,
): PageFetcher<T> {
  return (page) => callLister<T>(latch.user, name, 'user', { ...filters, ...page });
}

/** A fetcher for one of the active organization's lists. */
export function organizationListFetcher<T>(
  latch: LatchInstance,
  name: OrganizationListName,
  filters: Record<string, unknown>,
): PageFetcher<T> {
  return (page) => callLister<T>(latch.organization, name, 'organization', { ...filters, ...page });
}

async function callLister<T>(
  owner: unknown,
  name: string,
  ownerName: string,
  params: Record<string, unknown>,
): Promise<PaginatedResponse<T>> {
  if (!owner) throw new Error(`@latch/react: no ${ownerName} to list ${name.replace(/^get/, '')} of.`);
  const method = (owner as Record<string, unknown>)[name];
  if (typeof method !== 'function') {
    throw new Error(`@latch/react: this @latch/js has no ${ownerName}.${name}(); update @latch/js.`);
  }
  const response = (await (method as Lister).call(owner, withoutUndefined(params))) as PaginatedResponse<T>;
  return { data: response?.data ?? [], total_count: response?.total_count ?? 0 };
}

function withoutUndefined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}
