import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parsePublishableKey } from '@latch/backend';
import { importPKCS8, type JWTPayload, SignJWT } from 'jose';
import { expect } from 'vitest';
import { parseConfig } from '../../../server/src/config.js';
import { silentLogger } from '../../../server/src/logger.js';
import { startServer } from '../../../server/src/start-server.js';
import { APP_ORIGIN, FapiClient } from '../../../server/test/fapi/support/fapi-client.js';
import type { DatabaseName } from '../../../server/test/support/databases.js';
import { createTestDatabase } from '../../../server/test/support/databases.js';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';

export { APP_ORIGIN } from '../../../server/test/fapi/support/fapi-client.js';
export type { TestServer } from '../../../server/test/support/test-server.js';

export const PASSWORD = 'correct horse battery staple';

/** A real Latch (development instance, FAPI at http://127.0.0.1:4000 in its keys) on a fresh database. */
export function startLatch(database: DatabaseName, overrides: Record<string, unknown> = {}): Promise<TestServer> {
  return startTestServer(database, overrides);
}

/**
 * A development Latch whose clock runs `skewMs` ahead of this machine's (a laptop with a drifting
 * clock): startTestServer's setup, with the server's injectable clock shifted.
 */
export async function startSkewedLatch(database: DatabaseName, skewMs: number): Promise<TestServer> {
  const db = await createTestDatabase(database);
  const config = parseConfig({
    instanceType: 'development',
    port: 0,
    databaseUrl: db.url,
    frontendApiUrl: 'http://127.0.0.1:4000',
    logLevel: 'silent',
  });
  const server = await startServer(config, { logger: silentLogger, clock: { now: () => Date.now() + skewMs } });
  const secretKey = server.createdSecretKey as string;
  return {
    server,
    database: db,
    secretKey,
    api: (path, init = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${secretKey}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      }),
    stop: async () => {
      await server.close();
      await db.drop();
    },
  };
}

/**
 * Stops a server, then drops its database a moment later: pg's `Pool.end()` resolves before its
 * sockets close, and `drop database … with (force)` racing them surfaces as an unhandled `57P01`
 * (the same workaround as the webhook suites' `stopServer`).
 */
export async function stopLatch(t: TestServer | undefined): Promise<void> {
  if (!t) return;
  await t.server.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await t.database.drop();
}

/** `${server}/api`: what apps pass as `apiUrl`. */
export function apiUrlOf(t: TestServer): string {
  return `${t.server.url}/api`;
}

export interface SignedInBrowser {
  browser: FapiClient;
  userId: string;
  sessionId: string;
  email: string;
  /** A session token minted by the Frontend API for the app origin (azp = APP_ORIGIN). */
  token: string;
  /** The `__client_uat` value the app's domain holds after sign-in. */
  clientUat: string;
}

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${randomBytes(2).toString('hex')}`;
}

/** A user created at the Backend API, signed in by password through the Frontend API like clerk-js does. */
export async function signedInBrowser(t: TestServer, origin: string = APP_ORIGIN): Promise<SignedInBrowser> {
  const email = `${unique('sdk')}@example.com`;
  const created = await t.api('/users', { method: 'POST', body: { email_address: [email], password: PASSWORD } });
  expect(created.status, await created.clone().text()).toBe(200);
  const userId = ((await created.json()) as { id: string }).id;
  const browser = new FapiClient(t.server.url, { origin });
  const signIn = await browser.post('/client/sign_ins', {
    identifier: email,
    strategy: 'password',
    password: PASSWORD,
  });
  expect(signIn.status, signIn.text).toBe(200);
  const sessionId = signIn.body.response.created_session_id as string;
  const token = await mintFapiToken(browser, sessionId);
  return { browser, userId, sessionId, email, token, clientUat: browser.cookies.get('__client_uat') as string };
}

/** A fresh session token from `POST /v1/client/sessions/{id}/tokens`, as clerk-js refreshes it. */
export async function mintFapiToken(browser: FapiClient, sessionId: string): Promise<string> {
  const response = await browser.post(`/client/sessions/${sessionId}/tokens`);
  expect(response.status, response.text).toBe(200);
  return response.body.jwt as string;
}

/** The instance's current signing key (kid + private PEM), read from its store. */
export async function instanceSigningKey(t: TestServer): Promise<{ kid: string; privateKeyPem: string }> {
  const keys = await t.server.store.signingKeys.listPublished(Date.now());
  const key = keys.find((candidate) => candidate.activatesAt <= Date.now()) ?? keys[0];
  if (!key) throw new Error('the instance has no signing key');
  return { kid: key.kid, privateKeyPem: key.privateKeyPem };
}

/** The instance's public key as PEM (what `latch keys` prints for LATCH_JWT_KEY), from its public JWKS. */
export async function instancePublicKeyPem(t: TestServer): Promise<string> {
  const { createPublicKey } = await import('node:crypto');
  const jwks = (await (await fetch(`${t.server.url}/.well-known/jwks.json`)).json()) as { keys: JsonWebKey[] };
  const jwk = jwks.keys[0];
  return createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/** Signs claims with a private key (PKCS#8 PEM) — to craft tokens the server would not mint (expired, …). */
export async function signToken(
  privateKeyPem: string,
  claims: JWTPayload & Record<string, unknown>,
  header: { kid?: string; alg?: string; typ?: string; cat?: string } = {},
): Promise<string> {
  const alg = header.alg ?? 'RS256';
  const key = await importPKCS8(privateKeyPem, alg);
  return new SignJWT(claims).setProtectedHeader({ typ: 'JWT', ...header, alg }).sign(key);
}

/** A fresh RSA key pair nobody trusts, for forgeries. */
export function strangerKey(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** Session-token claims like the server's, for `userId`/`sessionId`, relative to now (seconds). */
export function sessionClaims(
  t: TestServer,
  ids: { userId: string; sessionId: string },
  shift: { iat?: number; nbf?: number; exp?: number } = {},
): JWTPayload & Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: ids.userId,
    sid: ids.sessionId,
    iss: `https://${parsePublishableKey(t.server.publishableKey)?.frontendApi}`,
    azp: APP_ORIGIN,
    iat: now + (shift.iat ?? 0),
    nbf: now + (shift.nbf ?? -10),
    exp: now + (shift.exp ?? 60),
    v: 2,
  };
}

/**
 * A request from the app's browser: cookies on the app domain, and the headers of a document
 * navigation (`sec-fetch-dest: document`) or of a `fetch()` call.
 */
export function appRequest(
  path: string,
  options: {
    cookies?: Record<string, string>;
    kind?: 'document' | 'fetch';
    headers?: Record<string, string>;
    method?: string;
  } = {},
): Request {
  const cookie = Object.entries(options.cookies ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const kind = options.kind ?? 'document';
  return new Request(new URL(path, APP_ORIGIN), {
    method: options.method ?? 'GET',
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(kind === 'document'
        ? { 'sec-fetch-dest': 'document', accept: 'text/html' }
        : { 'sec-fetch-dest': 'empty', accept: '*/*' }),
      ...options.headers,
    },
  });
}

/** A loopback URL on which nothing listens (a port that was just closed). */
export async function closedPortURL(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A logger that keeps what it is told, for asserting that a failure was reported. */
export function recordingLogger(): {
  warn: (message: string) => void;
  error: (message: string) => void;
  lines: string[];
} {
  const lines: string[] = [];
  return { warn: (message) => lines.push(message), error: (message) => lines.push(message), lines };
}
