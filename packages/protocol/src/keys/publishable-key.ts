/** Instance types: `development` keys start with `pk_test_`, `production` with `pk_live_`. */
export type InstanceType = 'development' | 'production';

/**
 * Encodes a Frontend API host into a publishable key the way Clerk does: prefix + unpadded base64 of
 * `"<host>$"`. The host must contain a dot, or Clerk's SDKs reject the key (PROTOCOL.md §1.1).
 *
 * @example
 * encodePublishableKey('clerk.selfhost.test', 'production') // 'pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ'
 */
export function encodePublishableKey(frontendApiHost: string, instanceType: InstanceType): string {
  const prefix = instanceType === 'production' ? 'pk_live_' : 'pk_test_';
  const encoded = btoa(`${frontendApiHost}$`).replace(/=+$/, '');
  return prefix + encoded;
}

/**
 * Decodes a publishable key; returns `null` for anything Clerk's SDKs would also reject.
 *
 * @example
 * parsePublishableKey('pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ') // { instanceType: 'production', frontendApiHost: 'clerk.selfhost.test' }
 */
export function parsePublishableKey(key: string): { instanceType: InstanceType; frontendApiHost: string } | null {
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
  return { instanceType: parts[1] === 'live' ? 'production' : 'development', frontendApiHost: host };
}
