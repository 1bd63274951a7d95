import { camelizeKeys } from './convert.js';
import { fetchPaginatedList, type ListItem, type ListParams, type PaginatedList } from './paginated-list.js';
import type { ResourceCore } from './resource-core.js';

/** The active organization as the Frontend API describes it, camelCased (`membersCount`, `imageUrl`…). */
export interface Organization {
  id: string;
  name: string;
  slug: string | null;
  imageUrl?: string;
  publicMetadata?: Record<string, unknown>;
  /** Members, each with `publicUserData` and `role`; filter with `{ role: ['org:admin'], query }`. */
  getMemberships(params?: ListParams): Promise<PaginatedList<ListItem>>;
  /** Invitations sent by the organization; filter with `{ status: ['pending'] }`. */
  getInvitations(params?: ListParams): Promise<PaginatedList<ListItem>>;
  /** Requests to join through a verified domain; filter with `{ status: 'pending' }`. */
  getMembershipRequests(params?: ListParams): Promise<PaginatedList<ListItem>>;
  /** Verified domains and their enrollment modes. */
  getDomains(params?: ListParams): Promise<PaginatedList<ListItem>>;
  [key: string]: unknown;
}

/**
 * The organization JSON embedded in a membership, camelCased, with clerk-js's list methods. The lists
 * act as the session the organization was read through.
 */
export function toOrganization(core: ResourceCore, json: unknown, sessionId: string | null): Organization {
  const organization = camelizeKeys<Organization>(json);
  const base = `/organizations/${encodeURIComponent(organization.id)}`;
  const list = (path: string) => (params?: ListParams) =>
    fetchPaginatedList(core, `${base}/${path}`, params, sessionId);
  // Non-enumerable, so spreading or serializing the organization keeps just its data.
  Object.defineProperties(organization, {
    getMemberships: { value: list('memberships') },
    getInvitations: { value: list('invitations') },
    getMembershipRequests: { value: list('membership_requests') },
    getDomains: { value: list('domains') },
  });
  return organization;
}
