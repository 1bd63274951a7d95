import type { TabMessage } from '../tab-sync.js';

/** Attributes the SDK gives the cookies it writes on the app's domain. */
export interface CookieAttributes {
  /** 0 deletes the cookie. */
  maxAgeSeconds: number;
  sameSite: 'Lax' | 'Strict' | 'None';
  secure: boolean;
}

/** The app-domain cookies the SDK reads and writes (`document.cookie` in a browser). */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, attributes: CookieAttributes): void;
}

/** Messages between tabs of the same app (BroadcastChannel in a browser). */
export interface TabChannel {
  post(message: TabMessage): void;
  subscribe(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

/** "The user is back": the window gained focus or the page became visible. */
export interface PageLifecycle {
  onResume(listener: () => void): () => void;
}

/**
 * Everything the SDK takes from its surroundings. In a browser each member has a default built on
 * `window`; tests and non-browser hosts (Node, React Native) pass their own, so the SDK never
 * reaches for a global they did not offer.
 */
export interface LatchRuntime {
  /** Called with `credentials: 'include'`; a Node test passes one that keeps a cookie jar. */
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Cookies of the app's origin; null = nowhere to write `__session` (non-browser hosts). */
  cookies: CookieJar | null;
  /** Null = a single tab (no cross-tab coordination). */
  channel: TabChannel | null;
  lifecycle: PageLifecycle | null;
  /** URL of the page the SDK runs in: resolves a relative `proxyUrl`, decides `Secure` and `__client_uat`. */
  pageUrl: string | null;
  /** Milliseconds since the epoch. */
  now(): number;
}
