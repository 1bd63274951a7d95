/**
 * A Backend API list: a bare array as Clerk returns by default, or `{ data, total_count }` when the
 * caller sent `paginated=true` (as `@clerk/backend` does for sessions, clients and templates).
 *
 * @example
 * listResponse(sessions.map(render), total, query.paginated)
 */
export function listResponse<T>(items: T[], totalCount: number, paginated: boolean | undefined) {
  return paginated ? { data: items, total_count: totalCount } : items;
}
