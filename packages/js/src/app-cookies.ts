import type { CookieJar } from './runtime/runtime.js';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The cookies the SDK owns on the app's domain (PROTOCOL.md §3.1): `__session` carries the active
 * session's current token to the app's server, `__client_uat` says when sign-in state last changed.
 * Both are written plain and suffixed (`__session_<suffix>`), as clerk-js does, so a server that
 * prefers either form sees the same value.
 */
export class AppCookies {
  constructor(
    private readonly jar: CookieJar,
    private readonly options: { suffix: string | null; secure: boolean; writeClientUat: boolean },
  ) {}

  sessionToken(): string | undefined {
    return this.jar.get('__session');
  }

  /** Writes the token, or deletes the cookie for `null`; unchanged values are not rewritten. */
  setSessionToken(jwt: string | null): void {
    for (const name of this.names('__session')) {
      const current = this.jar.get(name);
      if (jwt === null ? current === undefined : current === jwt) continue;
      this.jar.set(name, jwt ?? '', {
        maxAgeSeconds: jwt === null ? 0 : ONE_YEAR_SECONDS,
        sameSite: 'Lax',
        secure: this.options.secure,
      });
    }
  }

  /**
   * Only when the Frontend API lives on another host: there its own `Set-Cookie: __client_uat`
   * cannot reach the app's domain, so the SDK writes it (`0` = signed out).
   */
  setClientUat(seconds: number): void {
    if (!this.options.writeClientUat) return;
    for (const name of this.names('__client_uat')) {
      if (this.jar.get(name) === String(seconds)) continue;
      this.jar.set(name, String(seconds), {
        maxAgeSeconds: ONE_YEAR_SECONDS,
        sameSite: 'Lax',
        secure: this.options.secure,
      });
    }
  }

  private names(base: string): string[] {
    return this.options.suffix ? [base, `${base}_${this.options.suffix}`] : [base];
  }
}

/**
 * Clerk's cookie suffix: the first 8 characters of URL-safe base64 of SHA-1(publishable key)
 * (PROTOCOL.md §1.1). Null where Web Crypto is unavailable (non-secure contexts).
 */
export async function cookieSuffix(publishableKey: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-1', new TextEncoder().encode(publishableKey)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 8);
}
