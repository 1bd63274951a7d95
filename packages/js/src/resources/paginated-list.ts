import { camelizeKeys } from './convert.js';
import type { ResourceCore } from './resource-core.js';

/** Clerk's `ClerkPaginatedResponse`: one page of a list and the size of the whole list. */
export interface PaginatedList<T> {
  data: T[];
  total_count: number;
}

/**
 * clerk-js's list parameters: a 1-based `initialPage` and a `pageSize` (default 10), plus filters
 * (`status`, `role`, `query`…) sent as snake_case query fields.
 */
export interface ListParams {
  initialPage?: number;
  pageSize?: number;
  [filter: string]: unknown;
}

/** A list item as clerk-js hands it out: camelCased, with `createdAt` / `updatedAt` as Dates. */
export type ListItem = Record<string, unknown> & { id: string; createdAt?: Date | null; updatedAt?: Date | null };

/**
 * Turns a list item into its resource (adds clerk-js's methods); `sessionId` is the session the list
 * was read through, which the methods act as.
 */
export type ToResource<T extends ListItem> = (item: ListItem, sessionId: string | null) => T;

/**
 * One page of a Frontend API list (`paginated=true`, `limit`/`offset`). A filter given as a list of one
 * value is that value; a longer list means "any of them", which is no filter. Each item goes through
 * `toResource` (none: the plain item).
 */
export async function fetchPaginatedList<T extends ListItem = ListItem>(
  core: ResourceCore,
  path: string,
  params: ListParams = {},
  sessionId: string | null = null,
  toResource: ToResource<T> = (item) => item as T,
): Promise<PaginatedList<T>> {
  const { initialPage = 1, pageSize = 10, ...filters } = params;
  const search: Record<string, string> = {
    paginated: 'true',
    limit: String(pageSize),
    offset: String((Math.max(1, initialPage) - 1) * pageSize),
  };
  for (const [key, value] of Object.entries(filters)) {
    const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
    if (single !== undefined && single !== null)
      search[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = String(single);
  }
  const actingSessionId = sessionId ?? core.activeSessionId();
  const { response } = await core.request({ method: 'GET', path, search, sessionId: actingSessionId });
  const page = Array.isArray(response)
    ? { data: response as unknown[], total_count: response.length }
    : ((response ?? { data: [], total_count: 0 }) as { data?: unknown[]; total_count?: number });
  return {
    data: (page.data ?? []).map((json) => toResource(toListItem(json), actingSessionId)),
    total_count: page.total_count ?? 0,
  };
}

/** A Frontend API object as a list item: camelCased keys, its timestamps as Dates. */
export function toListItem(json: unknown): ListItem {
  const item = camelizeKeys<ListItem>(json);
  for (const field of ['createdAt', 'updatedAt', 'expiresAt'] as const) {
    const value = item[field];
    if (typeof value === 'number') item[field] = new Date(value);
  }
  return item;
}
