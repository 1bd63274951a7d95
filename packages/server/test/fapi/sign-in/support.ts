import { expect } from 'vitest';
import type { InstanceSettings } from '../../../src/store/records.js';
import type { TestServer } from '../../support/test-server.js';
import { FapiClient, type FapiResponse, type JSONBody } from '../support/fapi-client.js';

export type { JSONBody } from '../support/fapi-client.js';

export const PASSWORD = 'correct horse battery staple';

/** Strings no Frontend API response may contain: server-only metadata and stored secrets. */
const SECRET_MARKERS = [
  'private_metadata',
  'privateMetadata',
  'PRIVATE-SENTINEL',
  'code_hash',
  'codeHash',
  'token_hash',
  'tokenHash',
  'digest',
  '$argon2',
  '$2b$',
  'failed_verification_attempts',
];

/**
 * The shared browser-like Frontend API client (cookie jar with `__client`, `Origin`, form bodies,
 * its own `X-Forwarded-For` so per-IP limits stay per test), with every response checked for leaked
 * secrets before a test sees it.
 */
export class Browser extends FapiClient {
  override async request(...args: Parameters<FapiClient['request']>): Promise<FapiResponse> {
    const result = await super.request(...args);
    for (const marker of SECRET_MARKERS)
      expect(result.text, `${args[0]} ${args[1]} leaked ${marker}`).not.toContain(marker);
    return result;
  }
}

/** Asserts a 2xx with a `{response, client}` envelope and returns it. */
export function expectOk(result: FapiResponse, status = 200): JSONBody {
  expect(result.status, result.text).toBe(status);
  expect(result.headers.get('content-type')).toBe('application/json');
  expect(Object.keys(result.body).sort()).toEqual(['client', 'response']);
  return result.body;
}

/** Asserts a Clerk-shaped error (status, first code and, when given, the parameter it names); returns the first error. */
export function expectError(result: FapiResponse, status: number, code: string, paramName?: string): JSONBody {
  expect(result.status, result.text).toBe(status);
  expect(result.text).not.toMatch(/\bat [^\n]*:\d+:\d+|\.(ts|js):\d+|"stack"/);
  const errors = result.body?.errors;
  expect(Array.isArray(errors), result.text).toBe(true);
  expect(errors[0].code, result.text).toBe(code);
  expect(typeof errors[0].message).toBe('string');
  expect(typeof errors[0].long_message).toBe('string');
  if (paramName !== undefined) expect(errors[0].meta?.param_name, result.text).toBe(paramName);
  return errors[0];
}

let counter = 0;
/** A name no other test uses (emails, usernames). */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export interface TestUser {
  id: string;
  email: string;
  username: string;
  password: string;
  primaryEmailId: string;
}

/**
 * Creates a user through the Backend API, with a username and private metadata that must never
 * reach a browser.
 */
export async function createUser(t: TestServer, fields: Record<string, unknown> = {}): Promise<TestUser> {
  const email = `${unique('si')}@example.com`;
  const username = unique('user').replace(/-/g, '_');
  const response = await t.api('/users', {
    method: 'POST',
    body: {
      email_address: [email],
      username,
      password: PASSWORD,
      private_metadata: { secret: 'PRIVATE-SENTINEL' },
      ...fields,
    },
  });
  const user = (await response.json()) as JSONBody;
  expect(response.status, JSON.stringify(user)).toBe(200);
  return { id: user.id, email, username, password: PASSWORD, primaryEmailId: user.primary_email_address_id };
}

/**
 * Replaces the running instance's settings (a new object: a fresh instance's settings are the shared
 * defaults object, which must not be mutated).
 */
export function setSettings(t: TestServer, change: (settings: InstanceSettings) => InstanceSettings): void {
  t.server.instance.settings = change(t.server.instance.settings);
}

/** Signs in with email + password on the first screen, as the UI does; returns the completed sign-in. */
export async function signInWithPassword(browser: Browser, identifier: string, password = PASSWORD): Promise<JSONBody> {
  return expectOk(
    await browser.post('/client/sign_ins', { identifier, strategy: 'password', password, locale: 'en-US' }),
  );
}
