import { request as httpRequest } from 'node:http';
import { ERROR_CODES } from '@latch/protocol';
import fc from 'fast-check';
import type { FapiRoute } from '../../src/http/fapi/fapi-route.js';
import { wellFormed } from './fuzz-arbitraries.js';

/**
 * Generators for random Frontend API requests, as a browser (or someone pretending to be one) would
 * send them. Ids and cookies that exist only at run time are chosen by index from a `LiveValues`
 * the test keeps current, so a generated request stays replayable from its fast-check seed.
 */

/** What the request may name: real ids of the fuzzing browser and of the other browsers. */
export interface LiveValues {
  /** The fuzzing browser's `__client` cookie value. */
  ownClient: string;
  /** Other browsers' `__client` values: only ever sent altered (forged), never as is. */
  otherClients: string[];
  /** Real ids by path parameter name, own and foreign mixed. */
  ids: Record<string, string[]>;
  /** Session ids (own and foreign) for `_clerk_session_id`. */
  sessionIds: string[];
  /** Identifiers of real users (emails, usernames). */
  identifiers: string[];
}

export type CookieChoice = 'own' | 'none' | 'random' | 'forged-other' | 'garbage' | 'own-and-random';
export type OriginChoice = 'allowed' | 'none' | 'evil' | 'null' | 'garbage' | 'allowed-lookalike';

export type BodyChoice =
  | { kind: 'none' }
  | { kind: 'form'; fields: [string, string][] }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string | null }
  | { kind: 'huge' };

export interface FapiFuzzRequest {
  /** Per path parameter: a real id (by index) or a literal. */
  ids: Record<string, { real: number } | { literal: string }>;
  /** How the verb travels: as is, as `POST ?_method=`, or deliberately wrong. */
  verb: 'native' | 'override' | 'wrong-override' | 'get-instead';
  wrongVerb: string;
  cookie: CookieChoice;
  cookieNoise: string;
  origin: OriginChoice;
  sessionQuery: { real: number } | { literal: string } | null;
  extraQuery: [string, string][];
  /** `redirect_url`, allowed or not: what the handshake and touch redirects turn on. */
  redirectURL: string | null;
  body: BodyChoice;
}

const FIELD_NAMES = [
  'identifier',
  'strategy',
  'password',
  'code',
  'email_address',
  'email_address_id',
  'username',
  'first_name',
  'last_name',
  'phone_number',
  'phone_number_id',
  'unsafe_metadata',
  'public_metadata',
  'private_metadata',
  'redirect_url',
  'action_complete_redirect_url',
  'sign_out_of_other_sessions',
  'current_password',
  'new_password',
  'primary_email_address_id',
  'primary_phone_number_id',
  'active_organization_id',
  'organization_id',
  'legal_accepted',
  'locale',
  'transfer',
  'ticket',
  'token',
  'format',
  'intent',
  'timezone',
  'tab_state',
  'suffixed_cookies',
  '__clerk_db_jwt',
  '__session',
  '__proto__',
  'constructor',
  '_method',
];

const STRATEGIES = [
  'password',
  'email_code',
  'reset_password_email_code',
  'phone_code',
  'email_link',
  'oauth_google',
  'ticket',
  'passkey',
  'totp',
  'backup_code',
  'saml',
  'web3_metamask_signature',
];

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '💥',
  '\u202eevil',
  '\ufeff',
  '%',
  '%zz',
  '%2F',
  '../',
  '/',
  '\\',
  "' OR 1=1 --",
  'null',
  'undefined',
  'true',
  'false',
  'NaN',
  '-1',
  '0',
  '1e999',
  '99999999999999999999',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '\r\nSet-Cookie: x=1',
  '{"a":1}',
  '[1,2]',
  '{',
  'http://evil.example/',
  // A redirect the instance allows, so the handshake and touch routes get to redirect now and then.
  'http://localhost:3000/after-sign-in',
  'javascript:alert(1)',
  '000000',
  '123456',
  'x'.repeat(300),
  'é'.repeat(2000),
];

const ID_LITERALS = [
  'sess_0000000000000000000000000',
  'sia_does_not_exist',
  'sua_does_not_exist',
  'idn_does_not_exist',
  'user_does_not_exist',
  'client_x',
  '%00',
  '%2e%2e',
  'null',
  '0',
  '-1',
  "'",
  '💥',
  'a'.repeat(600),
  '__proto__',
  'constructor',
];

const scalar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...STRATEGIES) },
  // Placeholders for real identifiers (`@@identifier:3`), swapped in when sending.
  { weight: 2, arbitrary: fc.nat(20).map((index) => `@@identifier:${index}`) },
  { weight: 1, arbitrary: fc.constant('http://localhost:3000/after-sign-in') },
  { weight: 1, arbitrary: fc.constant('@@password') },
);

const fieldName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('a[b]', 'a.b', 'unsafe_metadata[x]', '', ' ', '%zz') },
);

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
);

const body: fc.Arbitrary<BodyChoice> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fieldName, scalar), { maxLength: 6 })
      .map((fields) => ({ kind: 'form' as const, fields })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.dictionary(fieldName, jsonValue, { maxKeys: 5 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant({ __proto__: { polluted: true } }),
      )
      .map((value) => ({ kind: 'json' as const, value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.constantFrom('{', '{"a":', '[', 'a=%zz&b=%', '%%%', '\u0000\u0000', 'a=1&a=2&a[]=3', '=&=&&'),
          fc.string({ maxLength: 60 }),
        ),
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'application/x-www-form-urlencoded; charset=latin1',
          'multipart/form-data',
          'multipart/form-data; boundary=x',
          'text/plain',
          'application/xml',
          'garbage',
          null,
        ),
      )
      .map(([text, contentType]) => ({ kind: 'raw' as const, text, contentType })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'huge' as const }) },
);

const idChoice = fc.oneof(
  { weight: 3, arbitrary: fc.nat(40).map((real) => ({ real })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.constantFrom(...ID_LITERALS), fc.string({ minLength: 1, maxLength: 20 }))
      .map((literal) => ({ literal })),
  },
);

/** A random request for one route: its path ids, how it travels, who it claims to be, and its body. */
export function fapiRequestArbitrary(route: FapiRoute): fc.Arbitrary<FapiFuzzRequest> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  const ids = fc.record(Object.fromEntries(names.map((name) => [name, idChoice])));
  return fc.record({
    ids,
    verb: fc.constantFrom('native', 'override', 'override', 'wrong-override', 'get-instead'),
    wrongVerb: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'patch', 'TRACE', '', 'x'),
    cookie: fc.constantFrom<CookieChoice>(
      'own',
      'own',
      'own',
      'own',
      'none',
      'random',
      'forged-other',
      'garbage',
      'own-and-random',
    ),
    cookieNoise: fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    origin: fc.constantFrom<OriginChoice>(
      'allowed',
      'allowed',
      'allowed',
      'allowed',
      'none',
      'evil',
      'null',
      'garbage',
      'allowed-lookalike',
    ),
    sessionQuery: fc.oneof(
      fc.constant(null),
      fc.nat(20).map((real) => ({ real })),
      fc.oneof(fc.constantFrom(...ID_LITERALS), fc.string({ maxLength: 20 })).map((literal) => ({ literal })),
    ),
    // Short values only: a URL past Node's 16 KB header limit gets a bare 431 before the app sees it.
    extraQuery: fc.array(
      fc.tuple(
        fieldName,
        scalar.map((value) => value.slice(0, 200)),
      ),
      { maxLength: 3 },
    ),
    redirectURL: fc.option(
      fc.constantFrom(
        'http://localhost:3000/after-sign-in',
        'http://localhost:3000/',
        'https://evil.example/',
        'javascript:alert(1)',
        '/relative',
        '//evil.example',
        '',
      ),
    ),
    body,
  }) as fc.Arbitrary<FapiFuzzRequest>;
}

/** A request on the wire. */
export interface FapiWire {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Whether the request presented the fuzzing browser's own cookie (so its Set-Cookie is kept). */
  ownCookie: boolean;
  /** Send on a connection of its own: the server closes the socket after refusing an oversized body. */
  ownConnection: boolean;
}

let ipCounter = 0;
/** A fresh client address per request: with `trustProxy`, per-IP rate limits never pile up. */
function randomIP(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

const pickIndex = <T>(values: readonly T[], index: number): T | undefined =>
  values.length === 0 ? undefined : values[index % values.length];

function flipOne(text: string): string {
  if (text.length === 0) return 'x';
  const at = Math.floor(text.length / 2);
  return `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
}

export const APP_ORIGIN = 'http://localhost:3000';

/** Renders a generated request for `route` against the live values; `password` fills `@@password`. */
export function renderFapiRequest(
  baseURL: string,
  route: FapiRoute,
  request: FapiFuzzRequest,
  live: LiveValues,
  password: string,
): FapiWire {
  const swap = (text: string) =>
    text
      .replace(/@@identifier:(\d+)/g, (_, index: string) => pickIndex(live.identifiers, Number(index)) ?? 'nobody')
      .replace(/@@password/g, password);
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const choice = request.ids[name];
    const value =
      choice === undefined
        ? 'missing'
        : 'real' in choice
          ? (pickIndex(live.ids[name] ?? [], choice.real) ?? 'none_live')
          : choice.literal;
    // Dot segments would be resolved by the URL parser and land on another route.
    return value === '.' || value === '..' ? '%2e' : encodeURIComponent(wellFormed(value));
  });
  const url = new URL(`${baseURL}/v1${path}`);
  url.searchParams.set('__clerk_api_version', '2025-11-10');
  url.searchParams.set('_clerk_js_version', '6.40.0');
  for (const [name, value] of request.extraQuery) url.searchParams.append(wellFormed(name), wellFormed(swap(value)));
  if (request.redirectURL !== null) url.searchParams.set('redirect_url', request.redirectURL);
  if (request.sessionQuery) {
    const value =
      'real' in request.sessionQuery
        ? (pickIndex(live.sessionIds, request.sessionQuery.real) ?? 'none')
        : request.sessionQuery.literal;
    url.searchParams.set('_clerk_session_id', wellFormed(value));
  }

  let method: string = route.method;
  if (request.verb === 'override' && method !== 'GET' && method !== 'POST') {
    url.searchParams.set('_method', method);
    method = 'POST';
  } else if (request.verb === 'wrong-override') {
    url.searchParams.set('_method', request.wrongVerb);
    method = 'POST';
  } else if (request.verb === 'get-instead') {
    method = method === 'GET' ? 'POST' : 'GET';
  }

  const headers: Record<string, string> = { 'x-forwarded-for': randomIP(), 'user-agent': 'Mozilla/5.0 fuzz' };
  const noise = request.cookieNoise.replace(/[^\x21-\x7e]/g, '').replace(/[;,]/g, '');
  const other = pickIndex(live.otherClients, noise.length) ?? 'none';
  const cookies: Record<CookieChoice, string | null> = {
    own: `__client=${live.ownClient}`,
    none: null,
    random: `__client=${noise || 'x'}`,
    'forged-other': `__client=${flipOne(other)}`,
    garbage: `__client=${noise}; __client=; =;;;`,
    'own-and-random': `__client=${live.ownClient}; __client_uat=${noise}; __session=${noise}`,
  };
  const cookie = cookies[request.cookie];
  if (cookie !== null) headers.cookie = cookie;
  const origins: Record<OriginChoice, string | null> = {
    allowed: APP_ORIGIN,
    none: null,
    evil: 'https://evil.example',
    null: 'null',
    garbage: noise || '::',
    'allowed-lookalike': 'http://localhost:3000.evil.example',
  };
  const origin = origins[request.origin];
  if (origin !== null) headers.origin = origin;

  let text: string | undefined;
  switch (request.body.kind) {
    case 'none':
      break;
    case 'form': {
      const form = new URLSearchParams();
      for (const [name, value] of request.body.fields) form.append(wellFormed(name), wellFormed(swap(value)));
      text = form.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      break;
    }
    case 'json':
      text = wellFormed(JSON.stringify(request.body.value) ?? 'null');
      headers['content-type'] = 'application/json';
      break;
    case 'raw':
      text = wellFormed(request.body.text);
      if (request.body.contentType !== null) headers['content-type'] = request.body.contentType;
      break;
    case 'huge':
      text = `identifier=${'a'.repeat(600 * 1024)}`;
      headers['content-type'] = 'application/x-www-form-urlencoded';
      break;
  }
  // GET and HEAD cannot carry a body in fetch.
  if (method === 'GET') text = undefined;
  return {
    method,
    url: url.toString(),
    headers,
    body: text,
    ownCookie: request.cookie === 'own',
    ownConnection: request.body.kind === 'huge',
  };
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────────

export const FAPI_ERROR_STATUSES = new Set([400, 401, 403, 404, 413, 422, 429]);
const KNOWN_CODES = new Set<string>(ERROR_CODES);
const LEAKS = /\bat [^\n]*:\d+:\d+|node_modules|"stack"|\.ts:\d+|\/src\/|file:\/\//;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Returns what is wrong with a Frontend API error response, or null. */
export function fapiErrorProblem(status: number, contentType: string | null, text: string): string | null {
  if (!FAPI_ERROR_STATUSES.has(status)) return `status ${status} is not one of ${[...FAPI_ERROR_STATUSES]}`;
  if (!contentType?.startsWith('application/json')) return `content-type ${contentType}`;
  if (LEAKS.test(text)) return 'body looks like it carries a stack trace or a source path';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (!isObject(json)) return 'body is not an object';
  const extra = Object.keys(json).filter((key) => key !== 'errors' && key !== 'clerk_trace_id');
  if (extra.length > 0) return `unexpected keys ${extra}`;
  if (json.clerk_trace_id !== undefined && typeof json.clerk_trace_id !== 'string') return 'clerk_trace_id';
  if (!Array.isArray(json.errors) || json.errors.length === 0) return 'errors is not a non-empty array';
  for (const error of json.errors) {
    if (!isObject(error)) return 'an error is not an object';
    const keys = Object.keys(error).filter((key) => !['code', 'message', 'long_message', 'meta'].includes(key));
    if (keys.length > 0) return `an error has unexpected keys ${keys}`;
    if (typeof error.code !== 'string' || !KNOWN_CODES.has(error.code)) return `unknown code ${String(error.code)}`;
    if (typeof error.message !== 'string' || error.message === '') return 'message';
    if (typeof error.long_message !== 'string' || error.long_message === '') return 'long_message';
    if (error.meta !== undefined && !isObject(error.meta)) return 'meta is not an object';
  }
  return null;
}

export function describeFapiWire(wire: FapiWire): string {
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
  return `${wire.method} ${clip(wire.url.replace(/^http:\/\/[^/]+/, ''))}\n  headers: ${JSON.stringify(wire.headers)}\n  body: ${wire.body === undefined ? '(none)' : JSON.stringify(clip(wire.body))}`;
}

/** The answer to a fuzzed request. */
export interface FapiAnswer {
  status: number;
  contentType: string | null;
  setCookies: string[];
  text: string;
}

/**
 * Sends a wire request. Oversized bodies go over a connection of their own (`agent: false`): after its
 * 413 the server closes the socket while announcing keep-alive, and fetch's pool would hand the dead
 * socket to the next request ("other side closed").
 */
export async function sendFapiWire(wire: FapiWire): Promise<FapiAnswer> {
  if (!wire.ownConnection) {
    const response = await fetch(wire.url, {
      method: wire.method,
      headers: wire.headers,
      body: wire.body,
      redirect: 'manual',
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      setCookies: response.headers.getSetCookie(),
      text: await response.text(),
    };
  }
  return new Promise((resolve, reject) => {
    const headers = { ...wire.headers, 'content-length': String(Buffer.byteLength(wire.body ?? '')) };
    const outgoing = httpRequest(wire.url, { method: wire.method, headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          contentType: incoming.headers['content-type'] ?? null,
          setCookies: incoming.headers['set-cookie'] ?? [],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    // The server may answer 413 and hang up before reading everything: that is its right.
    outgoing.on('error', reject);
    outgoing.end(wire.body);
  });
}
