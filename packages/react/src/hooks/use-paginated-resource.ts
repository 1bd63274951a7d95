'use client';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  DISABLED_PAGINATED_RESOURCES,
  type DisabledPaginatedResources,
  type PageFetcher,
  type PaginatedOptions,
  PaginatedResource,
  type PaginatedResources,
} from './paginated-resource.js';

/** The `memberships: true | { pageSize, infinite, … }` form hooks accept for one list. */
export type PaginatedParam<Filters = object> = true | (PaginatedOptions & Filters) | undefined | false;

/** Splits `{ pageSize, initialPage, infinite, keepPreviousData, ...filters }`. */
export function splitPaginatedParam<Filters extends object>(
  param: PaginatedParam<Filters>,
): { options: PaginatedOptions; filters: Record<string, unknown> } | null {
  if (!param) return null;
  if (param === true) return { options: {}, filters: {} };
  const { initialPage, pageSize, infinite, keepPreviousData, ...filters } = param as PaginatedOptions &
    Record<string, unknown>;
  const options: PaginatedOptions = {};
  if (initialPage !== undefined) options.initialPage = initialPage;
  if (pageSize !== undefined) options.pageSize = pageSize;
  if (infinite !== undefined) options.infinite = infinite;
  if (keepPreviousData !== undefined) options.keepPreviousData = keepPreviousData;
  return { options, filters };
}

const NEVER_CHANGES = () => () => {};
const disabledSnapshot = () => DISABLED_PAGINATED_RESOURCES;

/**
 * Binds one {@link PaginatedResource} to a component. `key` names what the list is of (user id,
 * organization id, filters): a new key starts a new list from its first page; `fetcher` null means
 * "not asked for / not available yet" and yields Clerk's disabled defaults.
 */
export function usePaginatedResource<T>(
  key: string,
  fetcher: PageFetcher<T> | null,
  options: PaginatedOptions,
): PaginatedResources<T> | DisabledPaginatedResources {
  // The key stands for the fetcher and options (new objects on every render): one list per key.
  const resource = useMemo(
    () => (fetcher ? new PaginatedResource<T>(fetcher, options) : null),
    [key, fetcher === null],
  );
  useEffect(() => {
    void resource?.load();
  }, [resource]);
  return useSyncExternalStore<PaginatedResources<T> | DisabledPaginatedResources>(
    resource ? resource.subscribe : NEVER_CHANGES,
    resource ? resource.getSnapshot : disabledSnapshot,
    resource ? resource.getSnapshot : disabledSnapshot,
  );
}
