import { expect } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import type { Clock } from '../../../src/domain/clock.js';
import { ensureInstance } from '../../../src/domain/keys/instance.js';
import { silentLogger } from '../../../src/logger.js';
import { type RunningServer, startServer } from '../../../src/start-server.js';
import { createStore } from '../../../src/store/create-store.js';
import type { InstanceSettings } from '../../../src/store/records.js';
import { createTestDatabase, type DatabaseName, type TestDatabase } from '../../support/databases.js';
import { extractCode, type SMTPSink } from '../../support/smtp-sink.js';
import { FapiClient, type FapiResponse, type JSONBody } from '../support/fapi-client.js';

/** Section-wise overrides of the instance settings (`{ signUp: { username: 'required' } }`). */
export type SettingsPatch = { [K in keyof InstanceSettings]?: Partial<InstanceSettings[K]> };

/** The system clock plus an offset a test can move forward (codes and sign-ups expire). */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export interface SignUpServer {
  server: RunningServer;
  database: TestDatabase;
  clock: TestClock;
  settings: InstanceSettings;
  /** A fresh browser against this server. */
  browser(): FapiClient;
  stop(): Promise<void>;
}

/**
 * A Latch server whose instance settings are written *before* it starts: the server reads them
 * once at start (`app.instance`), so changing them afterwards would not reach the routes. Mail goes
 * to the given SMTP sink, time to an adjustable clock.
 */
export async function startSignUpServer(
  databaseName: DatabaseName,
  options: { sink: SMTPSink; settings?: SettingsPatch },
): Promise<SignUpServer> {
  let offset = 0;
  const clock: TestClock = { now: () => Date.now() + offset, advance: (ms) => (offset += ms) };
  const database = await createTestDatabase(databaseName);
  const store = await createStore(database.location);
  let settings: InstanceSettings;
  try {
    const { instance } = await ensureInstance(store, 'development', clock.now());
    const merged: Record<string, unknown> = { ...instance.settings };
    for (const [key, value] of Object.entries(options.settings ?? {})) {
      merged[key] = { ...(merged[key] as object), ...(value as object) };
    }
    settings = merged as unknown as InstanceSettings;
    await store.instance.updateSettings(settings, clock.now());
  } finally {
    await store.close();
  }
  const config = parseConfig({
    instanceType: 'development',
    port: 0,
    databaseUrl: database.url,
    frontendApiUrl: 'http://127.0.0.1:4000',
    logLevel: 'silent',
    smtpUrl: options.sink.url,
    // As if behind a proxy: each test browser has its own X-Forwarded-For, so the per-IP limits of
    // one test do not spill into the next, and sessions record the browser's address.
    trustProxy: 'true',
  });
  const server = await startServer(config, { logger: silentLogger, clock });
  return {
    server,
    database,
    clock,
    settings,
    browser: () => new FapiClient(server.url),
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}

/** A password that passes the default policy and is on no breached list. */
export const PASSWORD = 'violet tractor 42 harbours';

let counter = 0;
/** A unique email address, so tests sharing one server never collide. */
export function uniqueEmail(prefix = 'signup'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

/** Asserts a 200 with `{ response, client }` and returns it. */
export function expectEnvelope(result: FapiResponse): { response: JSONBody; client: JSONBody } {
  expect(result.status, result.text).toBe(200);
  expect(result.headers.get('content-type')).toBe('application/json');
  expect(Object.keys(result.body).sort()).toEqual(['client', 'response']);
  return result.body;
}

/** Asserts a Clerk-shaped error with this status and code (and parameter, when given). */
export function expectError(result: FapiResponse, status: number, code: string, paramName?: string): JSONBody {
  expect(result.status, result.text).toBe(status);
  expect(result.headers.get('content-type')).toBe('application/json');
  expect(result.text).not.toMatch(/\bat [^\n]*:\d+:\d+|node_modules|"stack"/);
  const [first] = result.body.errors;
  expect(first.code, result.text).toBe(code);
  expect(typeof first.long_message).toBe('string');
  if (paramName !== undefined) expect(first.meta?.param_name, result.text).toBe(paramName);
  return result.body;
}

/** Strings no Frontend API response may contain: server-only metadata and stored secrets. */
const SECRET_MARKERS = [
  'private_metadata',
  'privateMetadata',
  'password_digest',
  'passwordDigest',
  'digest',
  '$argon2',
  'code_hash',
  'codeHash',
  'token_hash',
];

/** Fails when a response body carries a secret (or the plaintext password or code it was given). */
export function expectNoSecrets(result: FapiResponse, ...plaintexts: string[]): void {
  for (const marker of [...SECRET_MARKERS, ...plaintexts])
    expect(result.text, `response leaks ${marker}`).not.toContain(marker);
}

/** Waits for the next email to `to` and returns its code. */
export async function codeFor(sink: SMTPSink, to: string): Promise<string> {
  return extractCode((await sink.waitForMessage({ to })).text);
}

/** `POST …/prepare_verification` with `strategy=email_code`, raw. */
export function prepare(browser: FapiClient, signUpId: string): Promise<FapiResponse> {
  return browser.post(`/client/sign_ups/${signUpId}/prepare_verification`, { strategy: 'email_code' });
}

/** `POST …/attempt_verification` with `strategy=email_code` and the code, raw. */
export function attempt(browser: FapiClient, signUpId: string, code: string): Promise<FapiResponse> {
  return browser.post(`/client/sign_ups/${signUpId}/attempt_verification`, { strategy: 'email_code', code });
}

/** Creates a sign-up, asserting success; returns the sign-up JSON. */
export async function createSignUp(browser: FapiClient, fields: Record<string, unknown>): Promise<JSONBody> {
  return expectEnvelope(await browser.post('/client/sign_ups', fields)).response;
}

/** Creates a sign-up for `email` and asks for its code; returns the sign-up id and the code from the mailbox. */
export async function preparedSignUp(
  browser: FapiClient,
  sink: SMTPSink,
  email: string,
  fields: Record<string, unknown> = { password: PASSWORD },
): Promise<{ id: string; code: string }> {
  const { id } = await createSignUp(browser, { email_address: email, ...fields });
  expectEnvelope(await prepare(browser, id));
  return { id, code: await codeFor(sink, email) };
}
