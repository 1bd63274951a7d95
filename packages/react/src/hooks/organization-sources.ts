import { orgRequest } from '../components/organization/org-fapi.js';
import type { LatchInstance } from '../latch-types.js';
import type { PageFetcher, PaginatedResponse } from './paginated-resource.js';

/**
 * Where the organization hooks get their lists: the `@latch/js` resource methods with clerk-js's
 * names (`user.getOrganizationMemberships`, `organization.getMemberships`…), each answering Clerk's
 * `{ data, total_count }` with camelCased items. They are looked up at call time, so a `LatchInstance`
 * without them (an older @latch/js) still works: the same Frontend API list is then read directly and
 * its items are the API's snake_case JSON.
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
  return (page) =>
    hasMethod(latch.user, name)
      ? callLister<T>(latch.user, name, 'user', { ...filters, ...page })
      : readList<T>(latch, USER_LIST_PATHS[name], filters, page);
}

const USER_LIST_PATHS: Record<UserListName, string> = {
  getOrganizationMemberships: '/me/organization_memberships',
  getOrganizationInvitations: '/me/organization_invitations',
  getOrganizationSuggestions: '/me/organization_suggestions',
};

const ORGANIZATION_LIST_PATHS: Record<OrganizationListName, string> = {
  getMemberships: 'memberships',
  getInvitations: 'invitations',
  getMembershipRequests: 'membership_requests',
  getDomains: 'domains',
};

/** A fetcher for one of the active organization's lists. */
export function organizationListFetcher<T>(
  latch: LatchInstance,
  name: OrganizationListName,
  filters: Record<string, unknown>,
): PageFetcher<T> {
  return (page) => {
    if (hasMethod(latch.organization, name)) {
      return callLister<T>(latch.organization, name, 'organization', { ...filters, ...page });
    }
    const organizationId = latch.session?.lastActiveOrganizationId;
    if (!organizationId) return Promise.reject(new Error('@latch/react: no active organization to list.'));
    // Just after `setActive`, before the user's memberships include the organization: read it first.
    if (hasMethod(latch, 'getOrganization')) {
      return latch
        .getOrganization(organizationId)
        .then((organization) => callLister<T>(organization, name, 'organization', { ...filters, ...page }));
    }
    const path = `/organizations/${encodeURIComponent(organizationId)}/${ORGANIZATION_LIST_PATHS[name]}`;
    return readList<T>(latch, path, filters, page);
  };
}

function hasMethod(owner: unknown, name: string): boolean {
  return Boolean(owner) && typeof (owner as Record<string, unknown>)[name] === 'function';
}

/** One page of a Frontend API list (`limit`/`offset`, Clerk's `paginated=true`); filters as query fields. */
async function readList<T>(
  latch: LatchInstance,
  path: string,
  filters: Record<string, unknown>,
  page: { initialPage: number; pageSize: number },
): Promise<PaginatedResponse<T>> {
  const query: Record<string, string | number | undefined> = {
    paginated: 'true',
    limit: page.pageSize,
    offset: (page.initialPage - 1) * page.pageSize,
  };
  for (const [key, value] of Object.entries(filters)) {
    // A one-value list (`status: ['pending']`) is that value; longer lists mean "any", i.e. no filter.
    const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
    if (single !== undefined && single !== null) query[snakeCase(key)] = String(single);
  }
  const response = await orgRequest<PaginatedResponse<T>>(latch, 'GET', path, query);
  return { data: response?.data ?? [], total_count: response?.total_count ?? 0 };
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
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
