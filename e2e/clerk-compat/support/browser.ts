import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); Playwright's own download is never used. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags from DEPENDENCIES.md: no sandbox (root in CI), no GPU, and no outbound look-ups — the last
 * rule makes every host but loopback unresolvable, so a page that tried to reach Clerk's CDN or
 * telemetry would fail here instead of silently depending on the internet.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** A fresh headless Chromium (Playwright gives each launch a new temporary profile). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's Chromium (apt-get install -y chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const COOKIE_LOG_PREFIX = '[latch-e2e cookie] ';

/**
 * Page script (a string: it runs in the browser) that reports every `document.cookie` write to an
 * auth cookie, so the log shows when clerk-js set or cleared `__session` / `__client_uat` — the
 * usual reason the middleware decides to handshake.
 */
export const COOKIE_WRITE_LOGGER = `(() => {
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!native || !native.set) return;
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { return native.get.call(this); },
    set(value) {
      if (/^\\s*__(session|client_uat)/.test(value)) {
        console.info(${JSON.stringify(COOKIE_LOG_PREFIX)} + String(value).replace(/=([^;]{0,12})[^;]*/, '=$1…'));
      }
      native.set.call(this, value);
    },
  });
})();`;

/** One request the page made: Frontend API calls through `/__clerk`, and document navigations. */
export interface TrafficEntry {
  at: number;
  kind: 'fapi' | 'document' | 'failed' | 'console' | 'pageerror' | 'cookie';
  /** `POST /v1/client/sign_ups?_method=PATCH → 422` style, ready to print. */
  line: string;
  /** Response body of a failed (>= 400) Frontend API call, when readable. */
  body?: string;
}

const SHOWN_VALUES = new Set(['__clerk_hs_reason', 'suffixed_cookies', 'format']);

/**
 * Records what a page does: every `/__clerk/*` call (with the verb clerk-js meant, `_method`
 * included, and the cookies its response set), every navigation with its status (handshake
 * redirects show up as 307s), failed requests, console errors, uncaught exceptions and — with
 * `COOKIE_WRITE_LOGGER` installed — clerk-js's own writes to the auth cookies.
 *
 * @example
 * const log: TrafficEntry[] = [];
 * recordTraffic(page, log);
 * await page.goto('/');
 * console.log(formatTraffic(log));
 */
export function recordTraffic(page: Page, log: TrafficEntry[], fapiProxyPath = '/__clerk'): void {
  page.on('response', (response) => {
    const request = response.request();
    const url = new URL(response.url());
    const status = response.status();
    // The Frontend API as the browser reaches it: through the app's proxy path.
    const fapiPath = url.pathname.startsWith(`${fapiProxyPath}/`) ? url.pathname.slice(fapiProxyPath.length) : null;
    if (fapiPath !== null) {
      const override = url.searchParams.get('_method');
      // Values worth reading (why a handshake happened, which cookie set); other keys by name only.
      const keys = [...url.searchParams.entries()]
        .filter(([key]) => key !== '_method' && key !== '__clerk_api_version')
        .map(([key, value]) => (SHOWN_VALUES.has(key) ? `${key}=${value}` : key));
      const entry: TrafficEntry = {
        at: Date.now(),
        kind: 'fapi',
        line: `${request.method()}${override ? `(${override})` : ''} ${fapiPath}${
          keys.length ? ` ?${keys.join('&')}` : ''
        } → ${status}`,
      };
      log.push(entry);
      // Which cookies the response set, values shortened: how sign-in state reaches the app's cookies.
      response.headersArray().then(
        (headers) => {
          const set = headers
            .filter((header) => header.name.toLowerCase() === 'set-cookie')
            .map((header) => shortenCookie(header.value));
          if (set.length) entry.line += `  set-cookie: ${set.join(' | ')}`;
        },
        () => {},
      );
      if (status >= 400) {
        response.text().then(
          (body) => {
            entry.body = body.slice(0, 2_000);
          },
          () => {},
        );
      }
    } else if (request.isNavigationRequest()) {
      log.push({
        at: Date.now(),
        kind: 'document',
        line: `${request.method()} ${url.pathname}${url.search} → ${status}`,
      });
    }
  });
  page.on('requestfailed', (request) => {
    log.push({
      at: Date.now(),
      kind: 'failed',
      line: `${request.method()} ${request.url()} ✗ ${request.failure()?.errorText}`,
    });
  });
  page.on('console', (message) => {
    if (message.text().startsWith(COOKIE_LOG_PREFIX)) {
      log.push({ at: Date.now(), kind: 'cookie', line: message.text().slice(COOKIE_LOG_PREFIX.length) });
    } else if (message.type() === 'error' || message.type() === 'warning') {
      log.push({ at: Date.now(), kind: 'console', line: `${message.type()}: ${message.text().slice(0, 1_000)}` });
    }
  });
  page.on('pageerror', (error) => {
    log.push({ at: Date.now(), kind: 'pageerror', line: `${error.name}: ${error.message}` });
  });
}

/** `name=first 12 chars…; attributes`, so logs show cookie changes without whole tokens. */
export function shortenCookie(cookie: string): string {
  return cookie.replace(
    /^([^=]*)=([^;]{0,12})[^;]*/,
    (_, name: string, value: string) => `${name}=${value}${value.length === 12 ? '…' : ''}`,
  );
}

export function formatTraffic(log: TrafficEntry[], since = 0): string {
  return log
    .filter((entry) => entry.at >= since)
    .map((entry) => `  ${entry.kind.padEnd(9)} ${entry.line}${entry.body ? `\n            body: ${entry.body}` : ''}`)
    .join('\n');
}
