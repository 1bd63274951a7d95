import { ONE_YEAR_SECONDS, serializeCookie } from '../cookies.js';

/** What the app's cookies should say after the handshake. */
export interface HandshakeCookieState {
  /** A fresh session token, or null when the browser is signed out. */
  sessionToken: string | null;
  /** `__client_uat`: Unix seconds of the client's last sign-in change; 0 when signed out. */
  clientUat: number;
  /** Development instances plant the dev-browser token `@clerk/backend` insists on (PROTOCOL.md §3.3). */
  devBrowserToken: string | null;
  /** The cookie suffix when the app uses suffixed names (`suffixed_cookies=true`), else null. */
  suffix: string | null;
  /** The app is served over https. */
  secure: boolean;
  /** Domain the transport cookie was planted on (production), so clearing it matches. */
  transportDomain: string | undefined;
}

/**
 * The `Set-Cookie` directives a handshake hands to the app server, which emits them on its own
 * response (so they land on the app's host). `__session` is not HttpOnly: clerk-js reads and
 * refreshes it in the page (PROTOCOL.md §3.1). With `suffixed_cookies=true` both the plain and the
 * `_<suffix>` names are written, as clerk-js does, so either reading of `usesSuffixedCookies()` agrees.
 * The handshake transport (`__clerk_handshake_nonce`, `__clerk_handshake`) is always cleared.
 *
 * @example
 * buildHandshakeDirectives({ sessionToken: jwt, clientUat: 1716883200, devBrowserToken: null,
 *   suffix: 'fQJNQcCz', secure: true, transportDomain: 'example.com' })
 * // ['__session=…', '__session_fQJNQcCz=…', '__client_uat=1716883200', …, '__clerk_handshake_nonce=; Max-Age=0…']
 */
export function buildHandshakeDirectives(state: HandshakeCookieState): string[] {
  const names = (name: string) => (state.suffix ? [name, `${name}_${state.suffix}`] : [name]);
  const lasting = { secure: state.secure, sameSite: 'Lax' as const, maxAgeSeconds: ONE_YEAR_SECONDS };
  const cleared = { secure: state.secure, sameSite: 'Lax' as const, maxAgeSeconds: 0 };
  const directives: string[] = [];
  for (const name of names('__session')) {
    directives.push(
      state.sessionToken ? serializeCookie(name, state.sessionToken, lasting) : serializeCookie(name, '', cleared),
    );
  }
  for (const name of names('__client_uat')) {
    directives.push(serializeCookie(name, state.sessionToken ? String(state.clientUat) : '0', lasting));
  }
  if (state.devBrowserToken) {
    for (const name of names('__clerk_db_jwt')) directives.push(serializeCookie(name, state.devBrowserToken, lasting));
  }
  for (const name of ['__clerk_handshake_nonce', '__clerk_handshake']) {
    directives.push(serializeCookie(name, '', { ...cleared, domain: state.transportDomain }));
  }
  return directives;
}
