import { expect } from 'vitest';
import type { TestServer } from '../support/test-server.js';

/** A Backend API user as JSON (loosely typed: the tests assert the shape themselves). */
// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire, asserted field by field.
export type UserBody = Record<string, any>;

/** One entry of a Clerk error envelope. */
export interface ErrorEntry {
  code: string;
  message: string;
  long_message: string;
  meta?: { param_name?: string; [key: string]: unknown };
}

/** Reads a JSON body and checks the one Content-Type Clerk's SDK accepts (PROTOCOL.md §5.1). */
export async function readJSON(response: Response): Promise<UserBody> {
  expect(response.headers.get('content-type')).toBe('application/json');
  return (await response.json()) as UserBody;
}

/** Asserts a 2xx JSON response and returns its body. */
export async function expectOk(response: Response, status = 200): Promise<UserBody> {
  const text = await response.clone().text();
  expect(response.status, text).toBe(status);
  return readJSON(response);
}

/**
 * Asserts a Clerk-shaped error: the status, `{errors:[{code,message,long_message,meta?}], clerk_trace_id}`,
 * no stack trace or file path anywhere, the code of the first error and, when given, the parameter it names.
 */
export async function expectError(
  response: Response,
  status: number,
  code: string,
  paramName?: string,
): Promise<{ errors: ErrorEntry[]; clerk_trace_id: string }> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  assertNoStackTrace(text);
  const body = JSON.parse(text) as { errors: ErrorEntry[]; clerk_trace_id: string };
  expect(Object.keys(body).sort()).toEqual(['clerk_trace_id', 'errors']);
  expect(typeof body.clerk_trace_id).toBe('string');
  expect(body.clerk_trace_id.length).toBeGreaterThan(0);
  expect(Array.isArray(body.errors)).toBe(true);
  expect(body.errors.length).toBeGreaterThan(0);
  for (const error of body.errors) {
    expect(Object.keys(error).every((key) => ['code', 'message', 'long_message', 'meta'].includes(key))).toBe(true);
    expect(typeof error.code).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(typeof error.long_message).toBe('string');
    expect(error.long_message.length).toBeGreaterThan(0);
    if (error.meta !== undefined) expect(typeof error.meta).toBe('object');
  }
  const [first] = body.errors;
  expect(first?.code, text).toBe(code);
  if (paramName !== undefined) expect(first?.meta?.param_name, text).toBe(paramName);
  return body;
}

/** No `at fn (file:line:col)` frames, no source paths, no `stack` key. */
export function assertNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\bat [^\n]*:\d+:\d+/);
  expect(text).not.toMatch(/\.(ts|js|mjs):\d+/);
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/node_modules|\/work\//);
}

/** `POST /users`, asserting success. */
export async function createUser(t: TestServer, body: Record<string, unknown>): Promise<UserBody> {
  return expectOk(await t.api('/users', { method: 'POST', body }));
}

/** `GET /users/count` with an optional query string. */
export async function countUsers(t: TestServer, query = ''): Promise<number> {
  const body = await expectOk(await t.api(`/users/count${query ? `?${query}` : ''}`));
  expect(body.object).toBe('total_count');
  return body.total_count as number;
}

/** `GET /users` with a query string; the ids in order. */
export async function listUserIds(t: TestServer, query = ''): Promise<string[]> {
  const body = await expectOk(await t.api(`/users${query ? `?${query}` : ''}`));
  expect(Array.isArray(body)).toBe(true);
  return (body as unknown as UserBody[]).map((user) => user.id as string);
}

/** `POST /users/{id}/verify_password`, raw. */
export function verifyPassword(t: TestServer, userId: string, password: string): Promise<Response> {
  return t.api(`/users/${userId}/verify_password`, { method: 'POST', body: { password } });
}

/** Every key of a JSON value, recursively, except inside the three free-form metadata objects. */
export function jsonKeys(value: unknown, skip: ReadonlySet<string> = METADATA_KEYS): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => jsonKeys(item, skip));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (skip.has(key) ? [key] : [key, ...jsonKeys(inner, skip)]));
}

const METADATA_KEYS = new Set(['public_metadata', 'private_metadata', 'unsafe_metadata']);

/** A unique suffix so tests sharing one server never collide on identifiers. */
let counter = 0;
export function unique(prefix = 'u'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A URL path of a route template, with `{user_id}` filled in. */
export function fillPath(template: string, userId: string): string {
  return template.replace('{user_id}', encodeURIComponent(userId));
}
