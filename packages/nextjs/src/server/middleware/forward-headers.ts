/** Request headers the middleware owns: never taken from the visitor's request. */
export function isLatchRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('x-latch-auth') || lower === 'x-latch-request-url';
}

/**
 * Sets request headers for the render that follows a `NextResponse.next()` / `rewrite()`, through
 * Next's `x-middleware-override-headers` protocol (what `NextResponse.next({ request: { headers } })`
 * does), keeping any overrides the app's own handler already made. Visitor-sent `x-latch-auth-*`
 * headers are dropped on the way.
 */
export function forwardRequestHeaders(response: Response, request: Request, extra: Record<string, string>): void {
  const existing = response.headers.get('x-middleware-override-headers');
  const names = new Set<string>();
  if (existing) {
    for (const name of existing.split(',')) if (name.trim()) names.add(name.trim());
  } else {
    request.headers.forEach((value, name) => {
      names.add(name);
      response.headers.set(`x-middleware-request-${name}`, value);
    });
  }
  for (const name of [...names]) {
    if (isLatchRequestHeader(name)) {
      names.delete(name);
      response.headers.delete(`x-middleware-request-${name}`);
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    names.add(name);
    response.headers.set(`x-middleware-request-${name}`, value);
  }
  response.headers.set('x-middleware-override-headers', [...names].join(','));
}

/** A copy whose headers may be changed (`Response.redirect()` and fetched responses have immutable ones). */
export function withMutableHeaders(response: Response): Response {
  try {
    response.headers.set('x-latch-probe', '1');
    response.headers.delete('x-latch-probe');
    return response;
  } catch {
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
  }
}
