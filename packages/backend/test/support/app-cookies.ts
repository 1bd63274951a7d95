import { expect } from 'vitest';
import type { FapiClient } from '../../../server/test/fapi/support/fapi-client.js';
import { appRequest } from './latch.js';

/** The cookies of the app's domain, fed by the `Set-Cookie` headers the SDK asks the app to send. */
export class AppCookies extends Map<string, string> {
  apply(headers: Headers): this {
    for (const raw of headers.getSetCookie()) {
      const [pair = ''] = raw.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      if (/;\s*max-age=0\b/i.test(raw)) this.delete(name);
      else this.set(name, pair.slice(index + 1).trim());
    }
    return this;
  }

  /** A request from the browser holding these cookies. */
  request(url: string, kind: 'document' | 'fetch' = 'document'): Request {
    return appRequest(url, { cookies: Object.fromEntries(this), kind });
  }
}

/**
 * Follows a handshake `Location` in the browser (re-targeted at the loopback server) and returns the
 * 307 it answers with: its `Location` is where the browser goes next, its cookies land on the app domain.
 */
export async function followHandshake(
  browser: FapiClient,
  location: string,
  headers: Record<string, string> = {},
): Promise<{ next: string; headers: Headers }> {
  const url = new URL(location);
  expect(url.pathname).toBe('/v1/client/handshake');
  const response = await browser.get(`/client/handshake${url.search}`, { headers });
  expect(response.status, response.text).toBe(307);
  return { next: response.headers.get('location') as string, headers: response.headers };
}
