import type { TabMessage } from '../tab-sync.js';
import type { CookieAttributes, CookieJar, LatchRuntime, PageLifecycle, TabChannel } from './runtime.js';

/**
 * The runtime of a real browser page, built on demand (never at import, so importing the SDK in a
 * server bundle has no effect), for every member `given` does not supply. Members whose browser
 * API is missing fall back to null.
 */
export function browserRuntime(channelName: string, given: Partial<LatchRuntime>): LatchRuntime {
  const hasWindow = typeof window !== 'undefined' && typeof document !== 'undefined';
  const pick = <K extends keyof LatchRuntime>(key: K, build: () => LatchRuntime[K]): LatchRuntime[K] =>
    key in given ? (given[key] as LatchRuntime[K]) : build();
  return {
    fetch: pick('fetch', () => (input, init) => globalThis.fetch(input, init)),
    cookies: pick('cookies', () => (hasWindow ? documentCookieJar() : null)),
    // Only pages have tabs; in Node a BroadcastChannel would also keep the process alive.
    channel: pick('channel', () =>
      hasWindow && typeof BroadcastChannel === 'function' ? broadcastTabChannel(channelName) : null,
    ),
    lifecycle: pick('lifecycle', () => (hasWindow ? windowLifecycle() : null)),
    pageUrl: pick('pageUrl', () => (hasWindow ? window.location.href : null)),
    now: pick('now', () => () => Date.now()),
  };
}

/** `document.cookie`, host-only on the page's host, `Path=/`. */
export function documentCookieJar(): CookieJar {
  return {
    get(name) {
      for (const part of document.cookie.split(';')) {
        const index = part.indexOf('=');
        if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
      }
      return undefined;
    },
    set(name, value, attributes: CookieAttributes) {
      const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', `Max-Age=${attributes.maxAgeSeconds}`];
      parts.push(`SameSite=${attributes.sameSite}`);
      if (attributes.secure) parts.push('Secure');
      // biome-ignore lint/suspicious/noDocumentCookie: the SDK's job is to keep __session on the app's domain.
      document.cookie = parts.join('; ');
    },
  };
}

function broadcastTabChannel(name: string): TabChannel {
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const handle = (event: MessageEvent<TabMessage>) => listener(event.data);
      channel.addEventListener('message', handle);
      return () => channel.removeEventListener('message', handle);
    },
    close: () => channel.close(),
  };
}

function windowLifecycle(): PageLifecycle {
  return {
    onResume(listener) {
      const onFocus = () => listener();
      const onVisibility = () => {
        if (document.visibilityState === 'visible') listener();
      };
      window.addEventListener('focus', onFocus);
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        window.removeEventListener('focus', onFocus);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    },
  };
}
