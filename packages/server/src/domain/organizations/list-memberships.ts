import type { OrganizationMembershipRecord } from '../../store/organization-store.js';
import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';

export interface MembershipListQuery {
  roleKeys?: string[] | undefined;
  userIds?: string[] | undefined;
  /** Case-insensitive substring of the member's id, names, username or email addresses. */
  query?: string | undefined;
  orderBy: string;
  limit: number;
  offset: number;
}

/** Wire `order_by` (`-created_at`, `name`…) as a field and a direction. */
export function parseOrderBy(orderBy: string): { field: 'created_at' | 'name'; direction: 'asc' | 'desc' } {
  const direction = orderBy.startsWith('-') ? 'desc' : 'asc';
  return { field: orderBy.replace(/^[+-]/, '') === 'name' ? 'name' : 'created_at', direction };
}

function matches(user: UserRecord | null, membership: OrganizationMembershipRecord, query: string): boolean {
  const needle = query.toLowerCase();
  const haystack = [
    membership.userId,
    user?.firstName,
    user?.lastName,
    user?.username,
    ...(user?.emailAddresses.map((email) => email.value) ?? []),
  ];
  return haystack.some((value) => value?.toLowerCase().includes(needle));
}

/**
 * One page of an organization's members with Clerk's filters. Filtering by the member's names and
 * addresses needs the users, so the organization's memberships are read whole and filtered here:
 * linear in the organization's size, fine for the teams B2B apps have.
 *
 * @example
 * const { memberships, total } = await listOrganizationMemberships(store, orgId, { orderBy: '-created_at', limit: 10, offset: 0 });
 */
export async function listOrganizationMemberships(
  store: Store,
  organizationId: string,
  query: MembershipListQuery,
): Promise<{ memberships: OrganizationMembershipRecord[]; total: number }> {
  const { field, direction } = parseOrderBy(query.orderBy);
  let roleIds: string[] | undefined;
  if (query.roleKeys && query.roleKeys.length > 0) {
    const roles = await store.organizations.roles.list({}, { limit: 10_000, offset: 0 });
    roleIds = roles.filter((role) => query.roleKeys?.includes(role.key)).map((role) => role.id);
  }
  const all = await store.organizations.memberships.list(
    { organizationId, ...(roleIds ? { roleIds } : {}) },
    { limit: 100_000, offset: 0, orderBy: { field: 'created_at', direction } },
  );
  const users = new Map<string, UserRecord | null>();
  const needsUsers = Boolean(query.query) || field === 'name';
  if (needsUsers) {
    for (const membership of all) users.set(membership.userId, await store.users.findById(membership.userId));
  }
  let selected = all.filter((membership) => !query.userIds?.length || query.userIds.includes(membership.userId));
  if (query.query) {
    const text = query.query;
    selected = selected.filter((membership) => matches(users.get(membership.userId) ?? null, membership, text));
  }
  if (field === 'name') {
    const nameOf = (m: OrganizationMembershipRecord) => {
      const user = users.get(m.userId);
      return `${user?.firstName ?? ''} ${user?.lastName ?? ''}`.trim().toLowerCase();
    };
    selected.sort((a, b) => nameOf(a).localeCompare(nameOf(b)) * (direction === 'asc' ? 1 : -1));
  }
  return { memberships: selected.slice(query.offset, query.offset + query.limit), total: selected.length };
}
