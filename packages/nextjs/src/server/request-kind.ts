/** The parts of a request these checks read: a `Request`, or what `headers()` gives a Server Component. */
export interface RequestLike {
  method?: string;
  headers: Pick<Headers, 'get' | 'has'>;
}

/**
 * A browser page load (or an App/Pages Router navigation fetching a page's data): the requests
 * that may be redirected to sign-in. Anything else (fetch, API calls) gets a status code instead.
 */
export function isPageRequest(request: RequestLike): boolean {
  const dest = request.headers.get('sec-fetch-dest');
  if (dest === 'document' || dest === 'iframe') return true;
  if (request.headers.get('accept')?.includes('text/html')) return true;
  if (isServerActionRequest(request)) return false;
  // App Router client navigations fetch the RSC payload; Pages Router ones fetch `_next/data`.
  return (
    request.headers.has('rsc') || request.headers.has('next-router-state-tree') || request.headers.has('x-nextjs-data')
  );
}

/** A Server Action call: a POST carrying the action id header (the method is unknown in a render). */
export function isServerActionRequest(request: RequestLike): boolean {
  return (request.method === undefined || request.method === 'POST') && request.headers.has('next-action');
}
