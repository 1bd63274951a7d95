import { LatchRuntimeError } from './errors.js';

export type InstanceType = 'development' | 'production';

/**
 * Decodes a publishable key (`pk_test_`/`pk_live_` + base64 of `"<frontend-api-host>$"`), with the
 * same rules as Clerk's SDKs so a key one accepts the other accepts too (PROTOCOL.md §1.1).
 *
 * @example
 * parsePublishableKey('pk_live_Y2xlcmsuc2VsZmhvc3QudGVzdCQ') // { instanceType: 'production', frontendApiHost: 'clerk.selfhost.test' }
 */
export function parsePublishableKey(key: string): { instanceType: InstanceType; frontendApiHost: string } {
  const parts = key.split('_');
  const invalid = () =>
    new LatchRuntimeError('invalid_publishable_key', 'The publishable key is not a valid pk_test_/pk_live_ key.');
  if (parts.length !== 3 || parts[0] !== 'pk' || !parts[2]) throw invalid();
  let decoded: string;
  try {
    decoded = atob(parts[2]);
  } catch {
    throw invalid();
  }
  if (!decoded.endsWith('$') || decoded.indexOf('$') !== decoded.length - 1) throw invalid();
  const host = decoded.slice(0, -1);
  if (!host.includes('.')) throw invalid();
  return { instanceType: parts[1] === 'live' ? 'production' : 'development', frontendApiHost: host };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The Frontend API base URL (without `/v1`): the proxy when one is given (a relative proxy resolves
 * against the page's origin), else `https://<key host>`. Clerk hard-codes https; a loopback host
 * (`latch dev` on 127.0.0.1) gets http, since nothing serves TLS there.
 *
 * @example
 * frontendApiBase('pk_test_MTI3LjAuMC4xOjQwMDAk', undefined, undefined) // 'http://127.0.0.1:4000'
 * frontendApiBase(key, '/__latch', 'https://app.example.com')          // 'https://app.example.com/__latch'
 */
export function frontendApiBase(publishableKey: string, proxyUrl: string | undefined, pageOrigin: string | undefined) {
  if (proxyUrl) {
    const absolute = new URL(proxyUrl, pageOrigin ?? undefined);
    return `${absolute.origin}${absolute.pathname}`.replace(/\/+$/, '');
  }
  const { frontendApiHost } = parsePublishableKey(publishableKey);
  const hostname = frontendApiHost.replace(/:\d+$/, '');
  return `${LOOPBACK_HOSTS.has(hostname) ? 'http' : 'https'}://${frontendApiHost}`;
}
