import type { CookieAttributes, CookieJar, LatchRuntime, TabChannel, TabMessage } from '@latch/js';

/** The page the Node "browser" pretends to be on; a loopback origin a development instance allows. */
export const APP_ORIGIN = 'http://localhost:3000';

/** One request the SDK made, as it went on the wire. */
export interface RecordedRequest {
  method: string;
  url: URL;
  body: string;
  status: number;
}

/** An app-domain cookie jar that also remembers the attributes each cookie was last written with. */
export class MemoryCookieJar implements CookieJar {
  readonly values = new Map<string, string>();
  readonly attributes = new Map<string, CookieAttributes>();

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  set(name: string, value: string, attributes: CookieAttributes): void {
    this.attributes.set(name, attributes);
    if (attributes.maxAgeSeconds === 0) this.values.delete(name);
    else this.values.set(name, value);
  }
}

/**
 * One browser (profile) in Node: a cookie jar for the Frontend API's HttpOnly `__client` cookie, an
 * app-domain jar for `__session`, and a BroadcastChannel stand-in shared by its tabs. Each `tab()`
 * is the runtime for one `Latch` instance.
 */
export class NodeBrowser {
  /** Cookies the Frontend API set (`__client`, `__client_uat`), sent back like a browser would. */
  readonly fapiCookies = new Map<string, string>();
  readonly appCookies = new MemoryCookieJar();
  readonly requests: RecordedRequest[] = [];
  private readonly channels = new Set<{ deliver(message: TabMessage): void }>();
  /** Added to the real clock: lets a test make a tab believe time has passed. */
  clockOffsetMs = 0;

  /** Requests still to fail at the network level (connection refused), before reaching the server. */
  networkFailures = 0;

  fetch = async (input: string, init: RequestInit): Promise<Response> => {
    if (this.networkFailures > 0) {
      this.networkFailures--;
      throw new TypeError('fetch failed');
    }
    const headers = new Headers(init.headers);
    headers.set('origin', APP_ORIGIN);
    if (this.fapiCookies.size > 0) {
      headers.set('cookie', [...this.fapiCookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(input, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === '' || /max-age=0(;|$)/i.test(cookie)) this.fapiCookies.delete(name);
      else this.fapiCookies.set(name, value);
    }
    this.requests.push({
      method: init.method ?? 'GET',
      url: new URL(input),
      body: typeof init.body === 'string' ? init.body : '',
      status: response.status,
    });
    return response;
  };

  /** Requests whose path (under `/v1`) matches. */
  requestsTo(pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => pattern.test(request.url.pathname));
  }

  /** A tab of this browser: its runtime plus a way to fire "focus". */
  tab(): { runtime: Partial<LatchRuntime>; resume(): void } {
    const resumeListeners = new Set<() => void>();
    return {
      runtime: {
        fetch: this.fetch,
        cookies: this.appCookies,
        channel: this.channel(),
        lifecycle: {
          onResume(listener) {
            resumeListeners.add(listener);
            return () => resumeListeners.delete(listener);
          },
        },
        pageUrl: `${APP_ORIGIN}/`,
        now: () => Date.now() + this.clockOffsetMs,
      },
      resume: () => {
        for (const listener of resumeListeners) listener();
      },
    };
  }

  /** Like BroadcastChannel: asynchronous, never delivered to the sender. */
  private channel(): TabChannel {
    const listeners = new Set<(message: TabMessage) => void>();
    const self = {
      deliver(message: TabMessage) {
        setTimeout(() => {
          for (const listener of listeners) listener(message);
        }, 0);
      },
    };
    this.channels.add(self);
    return {
      post: (message) => {
        for (const other of this.channels) if (other !== self) other.deliver(structuredClone(message));
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => {
        this.channels.delete(self);
      },
    };
  }
}
