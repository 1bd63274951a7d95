import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { expect } from 'vitest';
import { createSession } from '../../../src/domain/sessions/create-session.js';
import type { SessionRecord } from '../../../src/store/records.js';
import type { TestServer } from '../../support/test-server.js';

/** The app origin the tests play: a Next.js app on :3000, as in the development setup. */
export const APP_ORIGIN = 'http://localhost:3000';

/** One `Set-Cookie` value, split into its name, value and lower-cased attributes. */
export interface Directive {
  name: string;
  value: string;
  attributes: Map<string, string>;
  raw: string;
}

export function parseDirective(raw: string): Directive {
  const [pair = '', ...rest] = raw.split(';').map((part) => part.trim());
  const index = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const attribute of rest) {
    const [key = '', value = ''] = attribute.split('=');
    attributes.set(key.toLowerCase(), value);
  }
  return { name: pair.slice(0, index), value: decodeURIComponent(pair.slice(index + 1)), attributes, raw };
}

/** Every `Set-Cookie` of a response, by cookie name (the last one wins, as in a browser). */
export function setCookies(response: Response): Map<string, Directive> {
  return new Map(response.headers.getSetCookie().map((raw) => [parseDirective(raw).name, parseDirective(raw)]));
}

/**
 * A browser talking to the Frontend API: keeps the cookies the server sets (ignoring domains — there
 * is one host), sends them back, and an `Origin` on POSTs like a page on the app origin would.
 */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseURL: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(response: Response): Response {
    for (const directive of setCookies(response).values()) {
      if (directive.attributes.get('max-age') === '0') this.cookies.delete(directive.name);
      else this.cookies.set(directive.name, directive.value);
    }
    return response;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(
      await fetch(`${this.baseURL}${path}`, {
        redirect: 'manual',
        headers: { ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}), ...headers },
      }),
    );
  }

  async post(path: string, form: Record<string, string> = {}, origin = APP_ORIGIN): Promise<Response> {
    return this.keep(
      await fetch(`${this.baseURL}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          origin,
          'content-type': 'application/x-www-form-urlencoded',
          ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}),
        },
        body: new URLSearchParams(form).toString(),
      }),
    );
  }
}

/** A browser with a client (from `GET /v1/client`) and, on it, a live session for a new user. */
export async function signedInBrowser(
  t: TestServer,
): Promise<{ browser: Browser; userId: string; session: SessionRecord }> {
  const tag = randomBytes(6).toString('hex');
  const created = await t.api('/users', {
    method: 'POST',
    body: { email_address: [`ada.${tag}@example.com`], password: `correct horse ${tag} battery` },
  });
  expect(created.status, await created.clone().text()).toBe(200);
  const userId = ((await created.json()) as { id: string }).id;
  const browser = new Browser(t.server.url);
  const clientId = await clientIdOf(browser);
  const client = await t.server.store.clients.findById(clientId);
  if (!client) throw new Error('GET /v1/client did not persist its client');
  const session = await createSession(t.server.store, {
    client,
    userId,
    settings: t.server.instance.settings.sessions,
    activity: {
      browserName: 'Chrome',
      browserVersion: '126',
      deviceType: null,
      osName: 'Linux',
      ipAddress: '127.0.0.1',
      city: null,
      country: null,
      isMobile: false,
    },
    now: Date.now(),
  });
  return { browser, userId, session };
}

/** Creates (or reads) the browser's client and returns its id. */
export async function clientIdOf(browser: Browser): Promise<string> {
  const response = await browser.get('/v1/client');
  expect(response.status).toBe(200);
  return ((await response.json()) as { response: { id: string } }).response.id;
}

/** Clerk's cookie suffix, computed independently: SHA-1 of the publishable key, URL-safe base64, 8 chars. */
export function expectedSuffix(publishableKey: string): string {
  return createHash('sha1').update(publishableKey).digest('base64url').slice(0, 8);
}

export interface VerifiedJWT {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Verifies an RS256 JWT against the server's public JWKS with node:crypto, then decodes it. */
export async function verifyWithJWKS(t: TestServer, jwt: string): Promise<VerifiedJWT> {
  const jwks = (await (await fetch(`${t.server.url}/.well-known/jwks.json`)).json()) as {
    keys: { kid: string; kty: string; n: string; e: string }[];
  };
  const [encodedHeader = '', encodedPayload = '', signature = ''] = jwt.split('.');
  const header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString()) as Record<string, unknown>;
  const jwk = jwks.keys.find((key) => key.kid === header.kid);
  expect(jwk, `kid ${String(header.kid)} in the JWKS`).toBeDefined();
  const key = createPublicKey({ key: { kty: 'RSA', n: jwk?.n, e: jwk?.e }, format: 'jwk' });
  const valid = verify(
    'RSA-SHA256',
    Buffer.from(`${encodedHeader}.${encodedPayload}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  expect(valid, 'RS256 signature').toBe(true);
  return {
    header,
    payload: JSON.parse(Buffer.from(encodedPayload, 'base64url').toString()) as Record<string, unknown>,
  };
}

/** The handshake URL for `redirectURL`, with the query `@clerk/backend` would build. */
export function handshakePath(redirectURL: string, params: Record<string, string> = {}): string {
  return `/v1/client/handshake?${new URLSearchParams({ redirect_url: redirectURL, __clerk_api_version: '2026-05-12', ...params })}`;
}

/** Redeems a nonce at the Backend API and returns the directives, parsed by name. */
export async function redeemNonce(
  t: TestServer,
  nonce: string,
): Promise<{ raw: string[]; byName: Map<string, Directive> }> {
  const response = await t.api(`/clients/handshake_payload?nonce=${encodeURIComponent(nonce)}`);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = JSON.parse(text) as { directives: string[] };
  expect(Object.keys(body)).toEqual(['directives']);
  return {
    raw: body.directives,
    byName: new Map(body.directives.map((raw) => [parseDirective(raw).name, parseDirective(raw)])),
  };
}
