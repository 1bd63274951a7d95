import { isIP } from 'node:net';

/**
 * The `Domain` for a cookie the Frontend API sets for the app to read (production handshake
 * transport). Browsers only accept a Domain that the Frontend API's own host falls under, so the
 * best we can do is the shared parent of the two hosts: `clerk.example.com` + `app.example.com` →
 * `example.com`. When the two hosts are the same (the Frontend API is proxied through the app) or
 * share nothing but a top-level label, the cookie stays host-only (`undefined`) — an approximation of
 * the eTLD+1 Clerk uses, without shipping a public-suffix list: a public suffix such as `co.uk` would be
 * refused by the browser anyway.
 *
 * @example
 * transportCookieDomain('clerk.example.com', 'app.example.com') // 'example.com'
 * transportCookieDomain('app.example.com', 'app.example.com') // undefined (host-only)
 */
export function transportCookieDomain(frontendHost: string, appHost: string): string | undefined {
  const a = frontendHost.toLowerCase();
  const b = appHost.toLowerCase();
  if (a === b || isIP(a) || isIP(b) || a.startsWith('[') || b.startsWith('[')) return undefined;
  const left = a.split('.').reverse();
  const right = b.split('.').reverse();
  const shared: string[] = [];
  for (let index = 0; index < Math.min(left.length, right.length) && left[index] === right[index]; index++) {
    shared.push(left[index] as string);
  }
  return shared.length >= 2 ? shared.reverse().join('.') : undefined;
}

/**
 * The host the browser addressed: `X-Forwarded-Host` when a proxy (such as Clerk's built-in Frontend
 * API proxy) forwards the request, else the request URL's host. Only ever used to pick a cookie Domain,
 * which the browser checks against the host it really talked to, so a forged header gains nothing.
 *
 * @example
 * browserHost(request) // 'clerk.example.com'
 */
export function browserHost(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  if (forwarded) {
    try {
      return new URL(`http://${forwarded}`).hostname;
    } catch {
      // fall through to the request's own host
    }
  }
  return new URL(request.url).hostname;
}
