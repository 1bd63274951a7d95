/** Request headers never forwarded upstream: hop-by-hop ones, and Next's internal middleware headers. */
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
  // Ask for an identity body: fetch would decompress a gzip answer but the header would still say gzip.
  'accept-encoding',
]);

/** Response headers that describe the upstream connection rather than the body we hand on. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
]);

export interface FrontendApiProxyOptions {
  /** Path prefix served on the app's origin, e.g. `/__latch`. */
  proxyPath: string;
  /** Where Latch's Frontend API really is, e.g. `http://127.0.0.1:4000`. */
  upstream: string;
  /** Sent as `Latch-Secret-Key` / `Clerk-Secret-Key` so Latch can trust the forwarded headers. */
  secretKey?: string;
  fetch?: typeof fetch;
}

/**
 * Serves the Frontend API on the app's own origin: `/__latch/v1/client` → `<upstream>/v1/client`. The
 * browser then talks to one origin only, so no CORS, and the `__client` cookie Latch sets becomes a
 * first-party cookie of the app. Like Clerk's built-in proxy it adds `X-Forwarded-Host/Proto/For`
 * (Latch picks cookie domains and redirect targets from them), names itself in `Clerk-Proxy-Url`,
 * passes every `Set-Cookie` through unchanged, and rewrites `Location` headers that point at the upstream.
 *
 * @example
 * if (request.nextUrl.pathname.startsWith('/__latch/')) return proxyFrontendApi(request, { proxyPath: '/__latch', upstream });
 */
export async function proxyFrontendApi(request: Request, options: FrontendApiProxyOptions): Promise<Response> {
  const url = new URL(request.url);
  const upstream = new URL(options.upstream);
  const rest = url.pathname.slice(options.proxyPath.length) || '/';
  const target = new URL(`${upstream.pathname.replace(/\/$/, '')}${rest}${url.search}`, upstream.origin);

  const headers = new Headers();
  request.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (DROPPED_REQUEST_HEADERS.has(lower) || lower.startsWith('x-middleware-') || lower.startsWith('x-latch-auth')) {
      return;
    }
    headers.set(name, value);
  });
  const proxyUrl = `${url.origin}${options.proxyPath}`;
  headers.set('accept-encoding', 'identity');
  headers.set('x-forwarded-host', request.headers.get('x-forwarded-host') ?? url.host);
  headers.set('x-forwarded-proto', request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', ''));
  const clientAddress = request.headers.get('x-real-ip') ?? request.headers.get('x-forwarded-for');
  if (clientAddress) headers.set('x-forwarded-for', clientAddress);
  headers.set('clerk-proxy-url', proxyUrl);
  headers.set('latch-proxy-url', proxyUrl);
  if (options.secretKey) {
    headers.set('clerk-secret-key', options.secretKey);
    headers.set('latch-secret-key', options.secretKey);
  }

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstreamResponse: Response;
  try {
    upstreamResponse = await (options.fetch ?? fetch)(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
    });
  } catch (error) {
    console.error(`@latch/nextjs: the Frontend API at ${upstream.origin} did not answer:`, error);
    return Response.json(
      {
        errors: [
          {
            code: 'frontend_api_unreachable',
            message: 'Latch is unreachable',
            long_message: 'The Frontend API proxy could not reach the Latch server.',
          },
        ],
      },
      { status: 502 },
    );
  }

  const responseHeaders = new Headers();
  upstreamResponse.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (DROPPED_RESPONSE_HEADERS.has(lower) || lower === 'set-cookie') return;
    responseHeaders.set(name, value);
  });
  // `forEach` joins several Set-Cookie headers into one; `getSetCookie` keeps them apart.
  for (const cookie of upstreamResponse.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  const location = upstreamResponse.headers.get('location');
  if (location) responseHeaders.set('location', rewriteLocation(location, target, upstream, proxyUrl));

  return new Response(upstreamResponse.body, {
    status: upstreamResponse.status,
    statusText: upstreamResponse.statusText,
    headers: responseHeaders,
  });
}

/** A redirect into the upstream goes back through the proxy; any other target is left alone. */
function rewriteLocation(location: string, target: URL, upstream: URL, proxyUrl: string): string {
  const resolved = new URL(location, target);
  if (resolved.origin !== upstream.origin) return location;
  const base = upstream.pathname.replace(/\/$/, '');
  const path = resolved.pathname.startsWith(base) ? resolved.pathname.slice(base.length) : resolved.pathname;
  return `${proxyUrl}${path}${resolved.search}${resolved.hash}`;
}
