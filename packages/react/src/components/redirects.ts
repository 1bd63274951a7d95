/**
 * Where to go after signing in or up: the component's forced URL, the provider's forced URL, the page's
 * `redirect_url` query parameter (same-origin only, so a crafted link can't bounce users to another
 * site), the component's fallback, the provider's fallback, else `/`.
 */
export function resolveRedirect(candidates: {
  force?: string | undefined;
  providerForce?: string | undefined;
  fallback?: string | undefined;
  providerFallback?: string | undefined;
}): string {
  if (candidates.force) return candidates.force;
  if (candidates.providerForce) return candidates.providerForce;
  const fromQuery =
    typeof window === 'undefined' ? null : new URL(window.location.href).searchParams.get('redirect_url');
  if (fromQuery && isSameOrigin(fromQuery)) return fromQuery;
  return candidates.fallback ?? candidates.providerFallback ?? '/';
}

function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

/** `base` with the page's `redirect_url` carried over, so switching between sign-in and sign-up keeps it. */
export function withRedirectQuery(base: string): string {
  if (typeof window === 'undefined') return base;
  const redirect = new URL(window.location.href).searchParams.get('redirect_url');
  if (!redirect) return base;
  const url = new URL(base, window.location.href);
  url.searchParams.set('redirect_url', redirect);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
}
