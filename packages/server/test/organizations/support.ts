import { expect } from 'vitest';
import type { Browser, JSONBody } from '../fapi/me/support/browser.js';
import { expectOk } from '../fapi/me/support/browser.js';
import type { TestServer } from '../support/test-server.js';

/** A Backend API call that must succeed; returns its JSON. */
export async function bapi(
  t: TestServer,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<JSONBody> {
  const response = await t.api(path, init);
  const text = await response.text();
  expect(response.status, `${init.method ?? 'GET'} ${path}: ${text}`).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  return JSON.parse(text);
}

/** A Backend API error: status, first code and (when given) parameter. */
export async function bapiError(
  t: TestServer,
  path: string,
  init: { method?: string; body?: unknown },
  status: number,
  code: string,
  paramName?: string,
): Promise<JSONBody> {
  const response = await t.api(path, init);
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text);
  expect(body.errors[0].code, text).toBe(code);
  if (paramName !== undefined) expect(body.errors[0].meta?.param_name, text).toBe(paramName);
  expect(text).not.toMatch(/\.(ts|js):\d+|"stack"/);
  return body;
}

/** Creates an organization from the browser (the creator becomes its admin). */
export async function createOrganizationAs(browser: Browser, name: string, slug?: string): Promise<JSONBody> {
  return expectOk(await browser.call('POST', '/organizations', { form: { name, ...(slug ? { slug } : {}) } })).response;
}

/** The role keys of an organization's members, by user id. */
export async function rolesOf(t: TestServer, organizationId: string): Promise<Record<string, string>> {
  const list = await bapi(t, `/organizations/${organizationId}/memberships?limit=100`);
  return Object.fromEntries(list.data.map((m: JSONBody) => [m.public_user_data.user_id, m.role]));
}

/** Events of these types recorded since `since`, oldest first. */
export async function eventsSince(t: TestServer, since: number, types: string[]) {
  const events = await t.server.store.webhooks.events.list({ since, types }, { limit: 500, offset: 0 });
  return events.reverse();
}
