import { HANDSHAKE_NONCE_TTL_SECONDS, storeHandshakeDirectives } from '../../../domain/handshake/handshake-nonce.js';
import { mintHandshakeToken } from '../../../domain/handshake/handshake-token.js';
import { serializeCookie } from '../cookies.js';
import { type FapiContext, secureCookies } from '../fapi-context.js';

export type HandshakeFormat = 'nonce' | 'token';

export interface HandshakeDelivery {
  redirectURL: URL;
  directives: string[];
  format: HandshakeFormat;
  /** Development instances pass the payload in the URL; production plants a cookie for the app. */
  development: boolean;
  /** `Domain` of the production transport cookie (undefined: host-only). */
  transportDomain: string | undefined;
}

/**
 * Sends the directives back to the app (PROTOCOL.md §3.4): `format=nonce` stores them under a nonce
 * the app server redeems at `GET /v1/clients/handshake_payload`; `format=token` signs them into a JWT.
 * Development appends the nonce or token to `redirect_url` (the app and the Frontend API rarely share
 * a cookie domain there); production sets it as a short-lived cookie on the shared parent domain, which
 * keeps it out of URLs, logs and Referer headers.
 *
 * @example
 * return { response: null, raw: await deliverHandshake(context, { redirectURL, directives, format: 'nonce',
 *   development: true, transportDomain: undefined }) };
 */
export async function deliverHandshake(context: FapiContext, delivery: HandshakeDelivery): Promise<Response> {
  const { app, now } = context;
  const [name, value] =
    delivery.format === 'nonce'
      ? ['__clerk_handshake_nonce', await storeHandshakeDirectives(app.store, delivery.directives, now)]
      : ['__clerk_handshake', mintHandshakeToken(await app.currentSigner(now), delivery.directives, now)];
  const location = new URL(delivery.redirectURL);
  if (delivery.development) {
    location.searchParams.set(name, value);
  } else {
    context.setCookie(
      serializeCookie(name, value, {
        domain: delivery.transportDomain,
        httpOnly: true,
        secure: secureCookies(app),
        sameSite: 'Lax',
        maxAgeSeconds: HANDSHAKE_NONCE_TTL_SECONDS,
      }),
    );
  }
  return redirectResponse(location);
}

/**
 * A 307 that no cache keeps: the same handshake URL must mint a fresh payload every time.
 *
 * @example
 * redirectResponse(new URL('http://localhost:3000/'))
 */
export function redirectResponse(location: URL): Response {
  return new Response(null, { status: 307, headers: { location: location.href, 'cache-control': 'no-store' } });
}
