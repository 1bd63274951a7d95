/** A host as a proxy may forward it: a name or IPv4/IPv6 literal, an optional port, nothing else. */
const FORWARDED_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the caller reached Latch at, for links handed back to people (operator sign-in links).
 * Behind a trusted proxy (`LATCH_TRUST_PROXY`, the same rule as client addresses) that is the
 * proxy's `X-Forwarded-Proto` / `X-Forwarded-Host`, when they are well-formed; otherwise the origin
 * of the request as Latch received it.
 *
 * @example
 * publicOrigin(request, true) // 'https://auth.acme.com' behind a proxy that forwards that host
 */
export function publicOrigin(request: Request, trustProxy: boolean): string {
  const own = new URL(request.url).origin;
  if (!trustProxy) return own;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  if (!host || !FORWARDED_HOST.test(host)) return own;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = proto === 'http' || proto === 'https' ? proto : new URL(own).protocol.slice(0, -1);
  return `${scheme}://${host.toLowerCase()}`;
}
