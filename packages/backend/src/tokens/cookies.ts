/**
 * Parses a `Cookie` header into name → value (first occurrence wins, as browsers send the most
 * specific path first). Values are percent-decoded when they can be.
 */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (cookies.has(name)) continue;
    let value = part.slice(index + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (value.includes('%')) {
      try {
        value = decodeURIComponent(value);
      } catch {
        // Keep the raw value: a stray `%` must not make the request fail.
      }
    }
    cookies.set(name, value);
  }
  return cookies;
}

/** Name and value of a `Set-Cookie` directive. */
export function parseSetCookie(directive: string): { name: string; value: string } {
  const [pair = ''] = directive.split(';');
  const index = pair.indexOf('=');
  if (index < 0) return { name: pair.trim(), value: '' };
  return { name: pair.slice(0, index).trim(), value: pair.slice(index + 1).trim() };
}

export const COOKIE = {
  session: '__session',
  clientUat: '__client_uat',
  devBrowser: '__clerk_db_jwt',
  handshake: '__clerk_handshake',
  handshakeNonce: '__clerk_handshake_nonce',
  redirectCount: '__clerk_redirect_count',
  refresh: '__refresh',
} as const;

export const QUERY = {
  handshake: '__clerk_handshake',
  handshakeNonce: '__clerk_handshake_nonce',
  handshakeHelp: '__clerk_help',
  devBrowser: '__clerk_db_jwt',
  legacyDevBrowser: '__dev_session',
  synced: '__clerk_synced',
  redirectUrl: '__clerk_redirect_url',
} as const;
