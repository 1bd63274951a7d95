import { expect } from 'vitest';
import { createSession } from '../../../../src/domain/sessions/create-session.js';
import { recordClientAddress } from '../../../../src/http/client-address.js';
import { activityFromRequest } from '../../../../src/http/fapi/user-agent-activity.js';
import type { TestServer } from '../../../support/test-server.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire, asserted field by field.
export type JSONBody = any;

export interface FapiResult {
  status: number;
  headers: Headers;
  text: string;
  body: JSONBody;
}

export const APP_ORIGIN = 'http://localhost:3000';
export const CHROME_ON_MACOS =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36';
export const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/**
 * What no Frontend API response may contain: server-only metadata (as a key, or its value planted by
 * `createUser`) and stored secrets. Error messages may still *name* a refused parameter.
 */
const SECRET_MARKERS = [
  '"private_metadata":',
  'PRIVATE-SENTINEL',
  '"code_hash"',
  '"codeHash"',
  '"verification_code_hash"',
  '"verificationCodeHash"',
  '"token_hash"',
  '"digest"',
  '$argon2',
];

export interface RequestOptions {
  /** Form fields; arrays become repeated keys, as clerk-js sends them. */
  form?: Record<string, string | string[]>;
  /** A JSON body instead of a form. */
  json?: unknown;
  /** `_clerk_session_id`; `null` leaves it out. Defaults to the browser's signed-in session. */
  sessionId?: string | null;
  query?: Record<string, string>;
}

/**
 * A browser as clerk-js drives one: a cookie jar holding `__client`, an `Origin` header, form bodies,
 * only GET and POST on the wire (`?_method=` for the rest) and the query parameters clerk-js adds.
 * Every response is checked for leaked secrets before a test sees it.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** The session clerk-js would name in `_clerk_session_id`. */
  sessionId: string | null = null;
  clientId: string | null = null;

  constructor(
    private readonly baseURL: string,
    readonly userAgent = CHROME_ON_MACOS,
  ) {}

  async call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    path: string,
    options: RequestOptions = {},
  ): Promise<FapiResult> {
    const url = new URL(`${this.baseURL}/v1${path}`);
    url.searchParams.set('__clerk_api_version', '2025-11-10');
    url.searchParams.set('_clerk_js_version', '6.40.0');
    if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
    const sessionId = options.sessionId === undefined ? this.sessionId : options.sessionId;
    if (sessionId !== null && !path.startsWith('/client')) url.searchParams.set('_clerk_session_id', sessionId);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { origin: APP_ORIGIN, 'user-agent': this.userAgent };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(options.form)) {
        for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
      }
      body = params.toString();
    }
    const response = await fetch(url, { method: method === 'GET' ? 'GET' : 'POST', headers, body });
    for (const cookie of response.headers.getSetCookie()) this.storeCookie(cookie);
    const text = await response.text();
    for (const marker of SECRET_MARKERS) expect(text, `${method} ${path} leaked ${marker}`).not.toContain(marker);
    return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
  }

  private storeCookie(header: string): void {
    const [pair = '', ...attributes] = header.split(';');
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const cleared = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
    if (cleared || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** Asserts a 2xx and returns the body. */
export function expectOk(result: FapiResult, status = 200): JSONBody {
  expect(result.status, result.text).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  return result.body;
}

/** Asserts a Clerk-shaped error with this status and first code (and parameter, when given). */
export function expectError(result: FapiResult, status: number, code: string, paramName?: string): void {
  expect(result.status, result.text).toBe(status);
  expect(result.text).not.toMatch(/\bat [^\n]*:\d+:\d+|\.(ts|js):\d+|"stack"/);
  const errors = result.body?.errors;
  expect(Array.isArray(errors), result.text).toBe(true);
  expect(errors[0].code, result.text).toBe(code);
  expect(typeof errors[0].long_message).toBe('string');
  if (paramName !== undefined) expect(errors[0].meta?.param_name, result.text).toBe(paramName);
}

export interface SignedInUser {
  browser: Browser;
  userId: string;
  email: string;
  password: string;
  primaryEmailId: string;
}

let counter = 0;
/** An address no other test uses. */
export function uniqueEmail(prefix = 'me'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

/** Creates a user through the Backend API (with private metadata that must never reach a browser). */
export async function createUser(
  t: TestServer,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; email: string; password: string; primaryEmailId: string }> {
  const email = uniqueEmail();
  const password = 'correct horse battery staple';
  const response = await t.api('/users', {
    method: 'POST',
    body: { email_address: [email], password, private_metadata: { secret: 'PRIVATE-SENTINEL' }, ...fields },
  });
  const user = (await response.json()) as JSONBody;
  expect(response.status, JSON.stringify(user)).toBe(200);
  return { id: user.id, email, password, primaryEmailId: user.primary_email_address_id };
}

/**
 * A browser signed in as `userId` without going through the sign-in flow: `GET /v1/client` gives it
 * a client, and the session is created on that client with the domain function sign-in uses.
 */
/** A request as if it came through a trusted proxy from `address`. */
function requestFrom(address: string, userAgent: string): Request {
  const request = new Request('http://127.0.0.1/', {
    headers: { 'user-agent': userAgent, 'x-forwarded-for': address },
  });
  recordClientAddress(request, undefined, true);
  return request;
}

export async function signInBrowser(t: TestServer, userId: string, userAgent = CHROME_ON_MACOS): Promise<Browser> {
  const browser = new Browser(t.server.url, userAgent);
  const client = expectOk(await browser.call('GET', '/client')).response;
  const record = await t.server.store.clients.findById(client.id);
  if (!record) throw new Error('client not stored');
  const session = await createSession(t.server.store, {
    client: record,
    userId,
    settings: t.server.instance.settings.sessions,
    activity: activityFromRequest(requestFrom('203.0.113.7', userAgent)),
    now: Date.now(),
  });
  browser.clientId = record.id;
  browser.sessionId = session.id;
  return browser;
}

/** A fresh user, signed in on a new browser. */
export async function signedInUser(
  t: TestServer,
  fields: Record<string, unknown> = {},
  userAgent?: string,
): Promise<SignedInUser> {
  const user = await createUser(t, fields);
  const browser = await signInBrowser(t, user.id, userAgent);
  return { browser, userId: user.id, email: user.email, password: user.password, primaryEmailId: user.primaryEmailId };
}
