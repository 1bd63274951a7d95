import { createSession } from '../../../src/domain/sessions/create-session.js';
import type { SessionRecord } from '../../../src/store/records.js';
import type { TestServer } from '../../support/test-server.js';

export const APP_ORIGIN = 'http://localhost:3000';

// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire, asserted field by field.
export type JSONBody = any;

/**
 * A browser as clerk-js drives one, reduced to what template tokens need: a cookie jar that keeps
 * `__client`, the app's `Origin`, form-encoded POSTs.
 */
export class TemplateTokenBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseURL: string) {}

  async call(method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
    const headers: Record<string, string> = { origin: APP_ORIGIN };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${this.baseURL}/v1${path}`, {
      method,
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      const value = pair.slice(index + 1);
      if (value === '' || /max-age=0(;|$)/i.test(cookie)) this.cookies.delete(pair.slice(0, index));
      else this.cookies.set(pair.slice(0, index), value);
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: (text ? JSON.parse(text) : null) as JSONBody,
    };
  }

  /** `GET /v1/client`: creates the client (and its `__client` cookie) on first use; returns its id. */
  async clientId(): Promise<string> {
    const { body } = await this.call('GET', '/client');
    return body.response.id as string;
  }
}

/**
 * Signs the browser's client in as `userId`, the way a completed sign-in would: the domain's
 * `createSession` on the client the cookie names.
 */
export async function signIn(t: TestServer, browser: TemplateTokenBrowser, userId: string): Promise<SessionRecord> {
  const client = await t.server.store.clients.findById(await browser.clientId());
  if (!client) throw new Error('the browser has no client');
  return createSession(t.server.store, {
    client,
    userId,
    settings: t.server.instance.settings.sessions,
    activity: {
      browserName: 'Chrome',
      browserVersion: '124.0.0',
      deviceType: 'Macintosh',
      osName: 'macOS',
      ipAddress: '127.0.0.1',
      city: null,
      country: null,
      isMobile: false,
    },
    now: Date.now(),
  });
}
