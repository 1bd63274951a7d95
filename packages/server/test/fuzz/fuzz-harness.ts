import { pbkdf2Sync, randomInt, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type Endpoint, ERROR_CODES } from '@latch/protocol';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { hashPassword } from '../../src/domain/passwords/argon2id.js';
import { toUserJSON } from '../../src/http/bapi/user-json.js';
import type { UserRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import type { TestServer } from '../support/test-server.js';
import {
  type FuzzRequest,
  type PathId,
  SEED_PASSWORD,
  TOKEN_PATTERN,
  type TokenKind,
  wellFormed,
} from './fuzz-arbitraries.js';

// ─── Database snapshots ──────────────────────────────────────────────────────────────────────────

/** Everything the Backend API could change, read through the Store so it is the same on both databases. */
export interface Snapshot {
  users: UserRecord[];
  /** User id → its record as JSON (identifiers and password digest included). */
  userJSON: Map<string, string>;
  /** Secret keys, signing keys and the instance, as JSON. */
  keysJSON: string;
}

const SNAPSHOT_LIMIT = 500;

export async function takeSnapshot(store: Store): Promise<Snapshot> {
  const [users, count, secretKeys, signingKeys, instance] = await Promise.all([
    store.users.list({}, { limit: SNAPSHOT_LIMIT, offset: 0, orderBy: 'created_at', direction: 'asc' }),
    store.users.count({}),
    store.secretKeys.list(),
    store.signingKeys.listPublished(0),
    store.instance.get(),
  ]);
  if (users.length !== count) {
    throw new Error(
      `snapshot incomplete: ${users.length} users listed, ${count} counted (keep the pool under ${SNAPSHOT_LIMIT})`,
    );
  }
  return {
    users,
    userJSON: new Map(users.map((user) => [user.id, JSON.stringify(user)])),
    keysJSON: JSON.stringify({ secretKeys, signingKeys, instance }),
  };
}

interface UserDiff {
  added: string[];
  removed: string[];
  modified: string[];
}

function diffUsers(before: Snapshot, after: Snapshot): UserDiff {
  const added = [...after.userJSON.keys()].filter((id) => !before.userJSON.has(id));
  const removed = [...before.userJSON.keys()].filter((id) => !after.userJSON.has(id));
  const modified = [...after.userJSON.keys()].filter(
    (id) => before.userJSON.has(id) && before.userJSON.get(id) !== after.userJSON.get(id),
  );
  return { added, removed, modified };
}

const isEmptyDiff = (diff: UserDiff) => diff.added.length + diff.removed.length + diff.modified.length === 0;

// ─── Seed users ──────────────────────────────────────────────────────────────────────────────────

export interface SeedDigests {
  digests: { password_digest: string; password_hasher: string }[];
}

/** Digests of SEED_PASSWORD in three importable formats (argon2id current, bcrypt, pbkdf2). */
export async function seedDigests(): Promise<SeedDigests> {
  const pbkdf2 = pbkdf2Sync(SEED_PASSWORD, 'fuzzsalt', 1000, 32, 'sha256').toString('base64');
  return {
    digests: [
      { password_digest: await hashPassword(SEED_PASSWORD), password_hasher: 'argon2id' },
      { password_digest: await bcryptHash(SEED_PASSWORD, { cost: 4 }), password_hasher: 'bcrypt' },
      { password_digest: `pbkdf2_sha256$1000$fuzzsalt$${pbkdf2}`, password_hasher: 'pbkdf2_sha256' },
    ],
  };
}

let seedCounter = 0;

/** Creates a varied user through the API (identifiers, metadata, a password digest, sometimes banned/locked). */
async function createSeedUser(t: TestServer, digests: SeedDigests): Promise<void> {
  const i = seedCounter++;
  const digest = i % 4 === 3 ? {} : digests.digests[i % digests.digests.length];
  // Fuzzed creates may have taken a value by chance: retry with fresh random ones.
  for (let attempt = 0; attempt < 5; attempt++) {
    const tag = `${i}${randomUUID().slice(0, 6)}`;
    const body = {
      email_address: i % 5 === 4 ? [] : [`seed-${tag}@example.com`, `Seed.${tag}@Example.org`],
      ...(i % 3 === 0 ? { email_address_identification_status: i % 5 === 4 ? [] : ['verified', 'reserved'] } : {}),
      phone_number: i % 2 === 0 ? [`+1415${String(randomInt(10_000_000)).padStart(7, '0')}`] : [],
      username: i % 3 === 2 ? undefined : `seed_${tag}`,
      external_id: i % 2 === 1 ? `ext-${tag}` : undefined,
      first_name: ['Ada', 'Grace', null, 'Ünïcødé 💥'][i % 4],
      last_name: ['Lovelace', null, 'Hopper', "O'Brien"][i % 4],
      public_metadata: { role: 'member', nested: { a: 1, b: [1, 2] }, flag: i % 2 === 0 },
      private_metadata: i % 2 === 0 ? { stripe: { customer: `cus_${tag}` } } : {},
      unsafe_metadata: { theme: 'dark' },
      ...digest,
    };
    const response = await t.api('/users', { method: 'POST', body });
    if (response.status === 422 && attempt < 4) continue;
    if (response.status !== 200) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    if (i % 4 === 1) await t.api(`/users/${id}/ban`, { method: 'POST' });
    if (i % 4 === 2) await t.api(`/users/${id}/lock`, { method: 'POST' });
    return;
  }
}

const MIN_USERS = 4;
const TARGET_USERS = 7;
const MAX_USERS = 40;

/**
 * Keeps the pool of users between MIN_USERS and MAX_USERS: deletes and creates by fuzzed requests
 * would otherwise empty it or grow it without bound. Returns whether anything changed.
 */
export async function maintainPool(t: TestServer, digests: SeedDigests, snapshot: Snapshot): Promise<boolean> {
  const count = snapshot.users.length;
  if (count < MIN_USERS) {
    for (let i = count; i < TARGET_USERS; i++) await createSeedUser(t, digests);
    return true;
  }
  if (count > MAX_USERS) {
    for (const user of snapshot.users.slice(TARGET_USERS * 2)) await t.server.store.users.delete(user.id);
    return true;
  }
  return false;
}

export async function seedPool(t: TestServer, digests: SeedDigests): Promise<void> {
  for (let i = 0; i < TARGET_USERS; i++) await createSeedUser(t, digests);
}

// ─── Rendering a request ─────────────────────────────────────────────────────────────────────────

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  /** Ids of existing users named in the path. */
  existingPathIds: string[];
  /** The path reaches exactly this endpoint with these ids (no raw segments, dot segments or empty ids). */
  routeExact: boolean;
  /** The id the path names, when routeExact and the endpoint has `{user_id}`. */
  pathUserId: string | undefined;
  /** Credentials that must be refused with a 401. */
  expectUnauthorized: boolean;
  /** Every string the request carried, to tell an echoed input from a leaked stack trace. */
  haystack: string;
}

function liveValues(snapshot: Snapshot): Record<TokenKind, string[]> {
  const { users } = snapshot;
  return {
    user_id: users.map((user) => user.id),
    email: users.flatMap((user) => user.emailAddresses.map((email) => email.value)),
    email_id: users.flatMap((user) => user.emailAddresses.map((email) => email.id)),
    phone: users.flatMap((user) => user.phoneNumbers.map((phone) => phone.value)),
    phone_id: users.flatMap((user) => user.phoneNumbers.map((phone) => phone.id)),
    username: users.flatMap((user) => (user.username ? [user.username] : [])),
    external_id: users.flatMap((user) => (user.externalId ? [user.externalId] : [])),
  };
}

function pick(values: string[], index: number, kind: string): string {
  return values.length === 0 ? `no_${kind}` : (values[index % values.length] as string);
}

function replaceTokens(
  text: string,
  live: Record<TokenKind, string[]>,
  encode: (value: string) => string = (v) => v,
): string {
  return text.replace(TOKEN_PATTERN, (_, kind: TokenKind, index: string) =>
    encode(pick(live[kind], Number(index), kind)),
  );
}

/** Swaps tokens in a JSON value; `__proto__` keys stay own keys. Deep subtrees carry no tokens and are kept as is. */
function resolveTokens(value: unknown, live: Record<TokenKind, string[]>, depth = 0): unknown {
  if (depth > 40) return value;
  if (typeof value === 'string') return replaceTokens(value, live);
  if (Array.isArray(value)) return value.map((item) => resolveTokens(item, live, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, {
        value: resolveTokens(item, live, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

function collectStrings(value: unknown, out: string[], depth = 0): void {
  if (depth > 40) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out, depth + 1);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      collectStrings(item, out, depth + 1);
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function authorizationHeader(request: FuzzRequest, secretKey: string): string | undefined {
  switch (request.auth) {
    case 'valid':
      return `Bearer ${secretKey}`;
    case 'valid-lowercase-scheme':
      return `bearer   ${secretKey}`;
    case 'missing':
      return undefined;
    case 'empty':
      return '';
    case 'no-scheme':
      return secretKey;
    case 'basic':
      return `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;
    case 'wrong-key':
      return `Bearer sk_test_${'A'.repeat(43)}`;
    case 'malformed-key':
      return 'Bearer sk_test_!!!!';
    case 'two-tokens':
      return `Bearer ${secretKey} ${secretKey}`;
    case 'live-prefix':
      return `Bearer ${secretKey.replace(/^sk_test_/, 'sk_live_')}`;
  }
}

/** Whether a rendered path (ids already encoded) fits an endpoint's template, `{param}` matching one segment. */
function matchesTemplate(template: string, path: string): boolean {
  const want = template.split('/');
  const got = path.split('/');
  return (
    want.length === got.length &&
    want.every((segment, i) => (/^\{\w+\}$/.test(segment) ? got[i] !== '' : segment === got[i]))
  );
}

/**
 * Turns a generated request into bytes on the wire, against the users that exist right now.
 * `endpoints` is every endpoint, to notice an id that lands on another route (`GET /users/count`).
 */
export function renderRequest(
  t: TestServer,
  endpoint: Endpoint,
  endpoints: readonly Endpoint[],
  request: FuzzRequest,
  snapshot: Snapshot,
): WireRequest {
  const live = liveValues(snapshot);
  const existingPathIds: string[] = [];
  let routeExact = true;
  let pathUserId: string | undefined;
  const renderId = (name: string, id: PathId | undefined): string => {
    if (!id) throw new Error(`no generated value for path parameter ${name}`);
    if (id.kind === 'existing') {
      const value = pick(live.user_id, id.index, 'user');
      existingPathIds.push(value);
      if (name === 'user_id') pathUserId = value;
      return value;
    }
    if (id.encoding === 'raw' || ['', '.', '..'].includes(id.value)) routeExact = false;
    if (name === 'user_id') pathUserId = wellFormed(id.value);
    return id.encoding === 'component' ? encodeURIComponent(wellFormed(id.value)) : id.value;
  };
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => renderId(name, request.pathIds[name]));
  const shadowedBy = endpoints.filter(
    (other) => other !== endpoint && other.method === endpoint.method && matchesTemplate(other.path, path),
  );
  if (shadowedBy.length > 0) routeExact = false;
  const query = replaceTokens(request.query, live, (value) => encodeURIComponent(wellFormed(value)));
  const url = `${t.server.url}/api/v1${path}${query ? `?${query}` : ''}`;

  const headers: Record<string, string> = {};
  const authorization = authorizationHeader(request, t.secretKey);
  if (authorization !== undefined) headers.authorization = authorization;

  let body: string | Uint8Array<ArrayBuffer> | undefined;
  const strings: string[] = [url, safeDecode(url), query, safeDecode(query.replace(/\+/g, ' '))];
  switch (request.body.kind) {
    case 'none':
      break;
    case 'json': {
      const resolved = resolveTokens(request.body.value, live);
      body = JSON.stringify(resolved) ?? 'null';
      collectStrings(resolved, strings);
      break;
    }
    case 'text':
      body = request.body.text;
      break;
    case 'bytes':
      body = Uint8Array.from(request.body.bytes);
      break;
  }
  if (typeof body === 'string') strings.push(body);
  if (body instanceof Uint8Array) strings.push(Buffer.from(body).toString('utf8'));
  if (body !== undefined && request.contentType !== null) headers['content-type'] = request.contentType;

  return {
    method: endpoint.method.toUpperCase(),
    url,
    headers,
    body,
    existingPathIds,
    routeExact,
    pathUserId: routeExact ? pathUserId : undefined,
    expectUnauthorized: request.auth !== 'valid' && request.auth !== 'valid-lowercase-scheme',
    haystack: strings.join('\u0001'),
  };
}

const clip = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

export function describeWire(wire: WireRequest): string {
  const body =
    wire.body === undefined
      ? '(no body)'
      : typeof wire.body === 'string'
        ? JSON.stringify(clip(wire.body))
        : `bytes ${Buffer.from(wire.body).toString('hex')}`;
  const headers = Object.entries(wire.headers)
    .map(
      ([name, value]) =>
        `${name}: ${name === 'authorization' ? value.replace(/sk_test_[\w-]{43}/g, 'sk_test_<key>') : value}`,
    )
    .join('; ');
  return `${wire.method} ${clip(wire.url.replace(/^http:\/\/[^/]+/, ''), 600)}\n  headers: ${headers}\n  body: ${body}`;
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────────

export const ALLOWED_ERROR_STATUSES = new Set([400, 401, 404, 413, 422]);
const KNOWN_CODES = new Set<string>(ERROR_CODES);
/** What a leaked stack trace or source location looks like. */
const LEAK_MARKERS = ['    at ', '.ts:', '.js:', 'node_modules', 'file://', 'Error: ', '/src/'];

export class FuzzFailure extends Error {
  constructor(problem: string, wire: WireRequest, status?: number, responseText?: string) {
    super(
      `${problem}\n  request: ${describeWire(wire)}${status === undefined ? '' : `\n  response: ${status} ${clip(responseText ?? '', 1200)}`}`,
    );
    this.name = 'FuzzFailure';
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Clerk's error envelope: `{errors:[{code,message,long_message,meta?}], clerk_trace_id}`; returns a problem or null. */
export function clerkErrorProblem(json: unknown, requestId: string | null): string | null {
  if (!isPlainObject(json)) return 'error body is not an object';
  const keys = Object.keys(json).sort().join(',');
  if (keys !== 'clerk_trace_id,errors') return `error body has keys {${keys}}, expected {clerk_trace_id,errors}`;
  if (typeof json.clerk_trace_id !== 'string' || json.clerk_trace_id === '')
    return 'clerk_trace_id is not a non-empty string';
  if (requestId !== null && json.clerk_trace_id !== requestId)
    return 'clerk_trace_id differs from the x-request-id header';
  if (!Array.isArray(json.errors) || json.errors.length === 0) return 'errors is not a non-empty array';
  for (const error of json.errors) {
    if (!isPlainObject(error)) return 'an error is not an object';
    const extra = Object.keys(error).filter((key) => !['code', 'message', 'long_message', 'meta'].includes(key));
    if (extra.length > 0) return `an error has unexpected keys ${extra.join(',')}`;
    if (typeof error.code !== 'string' || !KNOWN_CODES.has(error.code))
      return `error code ${JSON.stringify(error.code)} is not a known code`;
    if (error.code === 'internal_clerk_error') return 'internal_clerk_error on a non-5xx response';
    if (typeof error.message !== 'string' || error.message === '') return 'error message is not a non-empty string';
    if (typeof error.long_message !== 'string' || error.long_message === '')
      return 'error long_message is not a non-empty string';
    if (error.meta !== undefined) {
      if (!isPlainObject(error.meta)) return 'error meta is not an object';
      if (error.meta.param_name !== undefined && typeof error.meta.param_name !== 'string')
        return 'meta.param_name is not a string';
    }
  }
  return null;
}

export interface Exchange {
  wire: WireRequest;
  status: number;
  contentType: string | null;
  requestId: string | null;
  text: string;
  json: unknown;
  before: Snapshot;
  /** The Store's view after the request (the `before` one when no table changed). */
  after: Snapshot;
  /** Tables whose rows changed, from whole-database fingerprints taken before and after. */
  changedTables: string[];
  /** Pathname the server saw (dot segments resolved by the URL parser). */
  pathname: string;
}

/** (a): status, envelope, no leaked internals, credentials enforced. */
export function checkResponse(endpoint: Endpoint, x: Exchange): void {
  const { wire, status, text, json } = x;
  const fail = (problem: string) => {
    throw new FuzzFailure(problem, wire, status, text);
  };
  if (status >= 500) fail(`server error ${status}`);
  if (x.contentType !== 'application/json')
    fail(`content-type is ${JSON.stringify(x.contentType)}, expected application/json`);
  if (json === undefined) fail('response body is not JSON');
  const inBackendAPI = x.pathname === '/api/v1' || x.pathname.startsWith('/api/v1/');
  if (wire.expectUnauthorized && inBackendAPI && status !== 401)
    fail(`invalid credentials answered ${status}, expected 401`);
  if (status < 200 || status >= 300) {
    if (!ALLOWED_ERROR_STATUSES.has(status))
      fail(`status ${status} is not one of ${[...ALLOWED_ERROR_STATUSES].join(', ')}`);
    const problem = clerkErrorProblem(json, x.requestId);
    if (problem) fail(`not a Clerk error: ${problem}`);
    for (const marker of LEAK_MARKERS) {
      if (text.includes(marker) && !wire.haystack.includes(marker))
        fail(`error body leaks internals (${JSON.stringify(marker)})`);
    }
    return;
  }
  if (wire.routeExact && inBackendAPI) {
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) fail(`2xx body does not match the endpoint's response schema: ${parsed.error.message}`);
  }
}

/** The user as the API should render it now; `lockout_expires_in_seconds` moves with the clock. */
function renderedUser(record: UserRecord): unknown {
  const { lockout_expires_in_seconds: _, ...rest } = toUserJSON(record, Date.now());
  return JSON.parse(JSON.stringify(rest));
}

function withoutLockoutClock(json: unknown): unknown {
  if (!isPlainObject(json)) return json;
  const { lockout_expires_in_seconds: _, ...rest } = json;
  return rest;
}

/** (b): a rejected request changes nothing; an accepted one changes only what it names, and says so. */
export function checkState(endpoint: Endpoint, x: Exchange): void {
  const { wire, status, text, json, before, after } = x;
  const fail = (problem: string) => {
    throw new FuzzFailure(problem, wire, status, text);
  };
  const diff = diffUsers(before, after);
  const describeDiff = () => `added [${diff.added}], removed [${diff.removed}], modified [${diff.modified}]`;
  const describeChange = () => `tables [${x.changedTables.join(', ')}]; users: ${describeDiff()}`;
  // An accepted settings PATCH (/instance…) changes the instance row by design; nothing else may.
  const settingsWrite =
    endpoint.path.startsWith('/instance') && endpoint.method !== 'get' && status >= 200 && status < 300;
  if (before.keysJSON !== after.keysJSON && !settingsWrite) fail(`keys or instance changed: ${describeChange()}`);
  if (status < 200 || status >= 300) {
    if (x.changedTables.length > 0 || !isEmptyDiff(diff))
      fail(`rejected request changed the database: ${describeChange()}`);
    return;
  }
  const afterById = new Map(after.users.map((user) => [user.id, user]));
  const checkRendered = (user: unknown) => {
    if (!isPlainObject(user) || user.object !== 'user' || typeof user.id !== 'string' || !('email_addresses' in user))
      return;
    const stored = afterById.get(user.id);
    if (!stored) fail(`response shows user ${user.id}, which is not in the database`);
    else if (!isDeepStrictEqual(withoutLockoutClock(user), renderedUser(stored))) {
      fail(`response differs from the stored user: stored ${clip(JSON.stringify(renderedUser(stored)), 1500)}`);
    }
  };

  if (x.wire.method === 'GET') {
    // Revealing a webhook secret is audited: that GET adds its audit event, and nothing else.
    const audited = endpoint.path === '/webhooks/endpoints/{endpoint_id}/secret';
    const allowed = audited && x.changedTables.every((table) => table === 'event');
    if ((x.changedTables.length > 0 && !allowed) || !isEmptyDiff(diff))
      fail(`GET changed the database: ${describeChange()}`);
    if (Array.isArray(json)) for (const user of json) checkRendered(user);
    else checkRendered(json);
    return;
  }

  const body = isPlainObject(json) ? json : {};
  const responseId = typeof body.id === 'string' ? body.id : undefined;
  if (wire.pathUserId !== undefined && responseId !== undefined && responseId !== wire.pathUserId) {
    fail(`response is about ${responseId}, the path named ${wire.pathUserId}`);
  }
  if (body.object === 'user' && body.deleted === true) {
    if (diff.added.length || diff.modified.length || diff.removed.join() !== String(responseId)) {
      fail(`delete of ${responseId} changed other rows: ${describeDiff()}`);
    }
    return;
  }
  const allowed = new Set(responseId !== undefined ? [responseId] : wire.existingPathIds);
  // A resource that belongs to a user (a session) may touch that user: a new session is a sign-in.
  if (typeof body.user_id === 'string') allowed.add(body.user_id);
  const stray = [...diff.added, ...diff.removed, ...diff.modified].filter((id) => !allowed.has(id));
  if (diff.removed.length > 0 || stray.length > 0) {
    fail(`accepted request changed rows it does not name (allowed: [${[...allowed]}]): ${describeDiff()}`);
  }
  if (diff.added.length > 0 && wire.routeExact && (endpoint.method !== 'post' || endpoint.path.includes('{'))) {
    fail(`only a create may add a user: ${describeDiff()}`);
  }
  checkRendered(json);
}

// ─── Sending ─────────────────────────────────────────────────────────────────────────────────────

export type SentRequest = Omit<Exchange, 'before' | 'after' | 'changedTables'>;

/** Sends the request; the caller adds the database state around it. */
export async function send(wire: WireRequest): Promise<SentRequest> {
  let response: Response;
  try {
    response = await fetch(wire.url, {
      method: wire.method,
      headers: wire.headers,
      body: wire.body,
      redirect: 'manual',
    });
  } catch (error) {
    const cause =
      error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : String(error);
    throw new FuzzFailure(`request failed without a response: ${cause}`, wire);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    wire,
    status: response.status,
    contentType: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    text,
    json,
    pathname: new URL(wire.url).pathname,
  };
}
