export type InstanceType = 'development' | 'production';

export interface PublishableKey {
  instanceType: InstanceType;
  /** The Frontend API host (and port), e.g. `clerk.example.com` or `127.0.0.1:4000`. */
  frontendApi: string;
}

/**
 * Decodes `pk_test_…`/`pk_live_…` (prefix + unpadded base64 of `"<host>$"`); `null` when the key is
 * malformed the way Clerk's SDKs would also reject it (PROTOCOL.md §1.1).
 *
 * @example
 * parsePublishableKey('pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ') // { instanceType: 'production', frontendApi: 'clerk.selfhost.test' }
 */
export function parsePublishableKey(key: string | undefined): PublishableKey | null {
  if (typeof key !== 'string') return null;
  // Memoised: middleware parses the same key on every request.
  let parsed = parsedKeys.get(key);
  if (parsed === undefined) {
    parsed = parseUncached(key);
    if (parsedKeys.size < 64) parsedKeys.set(key, parsed);
  }
  return parsed;
}

const parsedKeys = new Map<string, PublishableKey | null>();

function parseUncached(key: string): PublishableKey | null {
  const parts = key.split('_');
  if (parts.length !== 3 || parts[0] !== 'pk' || !parts[2]) return null;
  let decoded: string;
  try {
    decoded = atob(parts[2]);
  } catch {
    return null;
  }
  if (!decoded.endsWith('$') || decoded.indexOf('$') !== decoded.length - 1) return null;
  const host = decoded.slice(0, -1);
  if (!host.includes('.')) return null;
  return { instanceType: parts[1] === 'live' ? 'production' : 'development', frontendApi: host };
}

const suffixes = new Map<string, Promise<string>>();
const resolvedSuffixes = new Map<string, string>();

/** The suffix if it was computed before (no await on the hot path), else undefined. */
export function knownCookieSuffix(publishableKey: string): string | undefined {
  return resolvedSuffixes.get(publishableKey);
}

/**
 * The cookie-name suffix of an instance: the first 8 characters of URL-safe base64 of
 * SHA-1(publishable key), as clerk-js computes it, so `__session_<suffix>` cookies line up.
 */
export function getCookieSuffix(publishableKey: string): Promise<string> {
  let suffix = suffixes.get(publishableKey);
  if (!suffix) {
    suffix = crypto.subtle.digest('SHA-1', new TextEncoder().encode(publishableKey)).then((digest) => {
      let binary = '';
      for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
      const value = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 8);
      resolvedSuffixes.set(publishableKey, value);
      return value;
    });
    suffixes.set(publishableKey, suffix);
  }
  return suffix;
}

/** The Backend API base for an instance whose key is known but `apiUrl` is not: Latch serves it under `/api`. */
export function apiUrlFromPublishableKey(key: PublishableKey): string {
  return `${frontendApiOrigin(key.frontendApi)}/api`;
}

/** `https://<host>`, except plain http for loopback hosts (a local `latch dev`). */
export function frontendApiOrigin(frontendApi: string): string {
  if (/^https?:\/\//.test(frontendApi)) return frontendApi.replace(/\/+$/, '');
  const hostname = frontendApi.replace(/:\d+$/, '');
  const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return `${loopback ? 'http' : 'https'}://${frontendApi}`;
}
