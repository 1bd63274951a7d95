/** Joins path segments, percent-encoding each id so `../` or `?` in an id cannot re-route the call. */
export function joinPaths(...segments: (string | undefined)[]): string {
  return segments
    .filter((segment): segment is string => segment !== undefined)
    .map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** Rejects an empty id before the request, like Clerk's `assertNonEmpty`… but as a thrown TypeError. */
export function requireId(value: string | undefined, name: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`Latch: ${name} is required.`);
  return value;
}
